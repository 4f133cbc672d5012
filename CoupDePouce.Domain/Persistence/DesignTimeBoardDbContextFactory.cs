using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoupDePouce.Domain.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the app.</summary>
internal sealed class DesignTimeBoardDbContextFactory : IDesignTimeDbContextFactory<BoardDbContext>
{
    public BoardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BoardDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>The same for PostgreSQL's context (`--context PostgresBoardDbContext`): no server is asked.</summary>
internal sealed class DesignTimePostgresBoardDbContextFactory : IDesignTimeDbContextFactory<Postgres.PostgresBoardDbContext>
{
    public Postgres.PostgresBoardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<Postgres.PostgresBoardDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
