using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App;

[Collection(HostCollection.Name)]
public sealed class HostStartupTests(HostFixture host)
{
    [Fact]
    public async Task CreatesItsDatabaseWhereTheConnectionStringSaysAndMigratesIt()
    {
        using var client = host.Browser();
        await client.GetAsync("/health");

        Assert.True(File.Exists(host.DatabasePath));
        var pending = await host.QueryAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
    }

    [Fact]
    public async Task SeedsTheDemoNetworkWhenAskedAndTheDatabaseIsEmpty()
    {
        using var client = host.Browser();
        await client.GetAsync("/health");

        Assert.True(await host.QueryAsync(db => db.Members.CountAsync()) >= 40);
    }

    [Fact]
    public void GivesEveryOperationItsOwnContext()
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<BoardDbContext>>();
        using var first = factory.CreateDbContext();
        using var second = factory.CreateDbContext();
        Assert.NotSame(first, second);
    }
}
