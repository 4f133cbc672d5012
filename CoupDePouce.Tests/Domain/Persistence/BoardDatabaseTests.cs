using CoupDePouce.Domain.Persistence;
using CoupDePouce.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Persistence;

public sealed class BoardDatabaseTests : NetworkTest
{
    [Fact]
    public async Task RunsInWalJournalMode()
    {
        var mode = await Network.QueryAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task ReadsThroughAMemoryMapOnEveryConnectionItOpensAgain()
    {
        for (var i = 0; i < 3; i++)
        {
            var mapped = await Network.QueryAsync(db => db.Database.SqlQueryRaw<long>("PRAGMA mmap_size").ToListAsync());
            Assert.Equal(BoardConnections.MemoryMapBytes, Assert.Single(mapped));
        }
    }

    [Fact]
    public async Task AppliesEveryMigrationAndSeedsTheThemes()
    {
        var pending = await Network.QueryAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
        var themes = await Network.QueryAsync(db => db.Themes.OrderBy(t => t.Position).Select(t => t.Slug).ToListAsync());
        Assert.Equal(
            ["juridique", "financement", "communication", "comptabilite", "commercial", "numerique", "developpement-personnel", "entraide-pratique", "autre"],
            themes);
    }

    [Fact]
    public void PutsARelativeDatabaseUnderTheAppsFolderAndCreatesTheFolder()
    {
        using var folder = new TempFolder();

        var resolved = BoardDatabase.ResolveConnectionString("Data Source=App_Data/board.db", folder.Path);

        var path = new SqliteConnectionStringBuilder(resolved).DataSource;
        Assert.Equal(Path.Combine(folder.Path, "App_Data", "board.db"), path);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "App_Data")));
        Assert.Equal(Path.Combine(folder.Path, "App_Data"), BoardDatabase.DataDirectory(resolved));
    }

    [Fact]
    public void UsesTheDefaultDataFolderWhenNoConnectionStringIsConfigured()
    {
        using var folder = new TempFolder();

        var resolved = BoardDatabase.ResolveConnectionString(null, folder.Path);

        Assert.Equal(Path.Combine(folder.Path, "App_Data", "coupdepouce.db"), new SqliteConnectionStringBuilder(resolved).DataSource);
    }

    [Fact]
    public async Task KeepsACommittedRequestAcrossARestart()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var id = await Network.PostAsync(await Network.AddMemberAsync(rennes), CoupDePouce.Domain.HelpRequests.Visibility.Network);

        // A new connection on the same file, as after a crash and restart: the acknowledged write is there.
        SqliteConnection.ClearAllPools();
        var options = new DbContextOptionsBuilder<BoardDbContext>().UseSqlite($"Data Source={Network.DatabasePath}").Options;
        await using var reopened = new BoardDbContext(options);
        Assert.True(await reopened.HelpRequests.AnyAsync(r => r.Id == id));
    }
}
