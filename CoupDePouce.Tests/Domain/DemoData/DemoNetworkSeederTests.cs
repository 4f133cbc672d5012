using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.DemoData;

public abstract class DemoNetworkSeederTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : DemoNetworkSeederTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DemoNetworkSeederTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task SeedsARealisticNetworkIntoAnEmptyDatabase()
    {
        Assert.True(await Network.Get<DemoNetworkSeeder>().SeedIfEmptyAsync());

        var coordinations = await Network.QueryAsync(db => db.Coordinations.Select(c => c.Name).ToListAsync());
        Assert.True(coordinations.Count >= 6);
        Assert.Contains("Genève", coordinations);
        Assert.Contains("Montréal", coordinations);
        Assert.True(await Network.QueryAsync(db => db.Members.CountAsync()) >= 40);

        var coordinated = await Network.QueryAsync(db => db.CoordinatorAssignments.Select(a => a.CoordinationId).Distinct().CountAsync());
        Assert.Equal(coordinations.Count, coordinated);
        Assert.Equal(1, await Network.QueryAsync(db => db.UserRoles.CountAsync(r => r.RoleId == MemberRoles.AdminRoleId)));
    }

    [Fact]
    public async Task SeedsEightyRequestsAcrossEveryThemeAndStatusWithAnswers()
    {
        await Network.Get<DemoNetworkSeeder>().SeedIfEmptyAsync();

        var requests = await Network.QueryAsync(db => db.HelpRequests.Select(r => new { r.ThemeId, r.Status, r.Visibility, r.CreatedAt }).ToListAsync());
        Assert.True(requests.Count >= 80);
        Assert.Equal(9, requests.Select(r => r.ThemeId).Distinct().Count());
        Assert.Equal(Enum.GetValues<HelpRequestStatus>().Order(), requests.Select(r => r.Status).Distinct().Order());
        Assert.Equal(2, requests.Select(r => r.Visibility).Distinct().Count());
        Assert.Contains(requests, r => r.Status == HelpRequestStatus.Open && r.CreatedAt < Network.Clock.GetUtcNow().UtcDateTime.AddHours(-48));
        Assert.True(await Network.QueryAsync(db => db.Answers.CountAsync()) > 80);
    }

    [Fact]
    public async Task SeedsSomethingInEveryQueueSoANewcomerSeesEveryFeatureAtOnce()
    {
        await Network.Get<DemoNetworkSeeder>().SeedIfEmptyAsync();

        var sophie = await Network.QueryAsync(db => db.Members.SingleAsync(m => m.Email == "sophie.bernard@coupdepouce.demo"));
        var hers = await Network.QueryAsync(db => db.HelpRequests.Where(r => r.AuthorId == sophie.Id).Select(r => r.Status).ToListAsync());
        Assert.Contains(HelpRequestStatus.Open, hers);
        Assert.Contains(HelpRequestStatus.Answered, hers);
        Assert.True(await Network.QueryAsync(db => db.Members.CountAsync(m => m.Membership == MembershipStatus.Pending)) >= 3);
        Assert.True(await Network.QueryAsync(db => db.Members.CountAsync(m => m.RequestedCoordinationId != null)) >= 1);
        Assert.True(await Network.QueryAsync(db => db.Reports.CountAsync()) >= 3);
        Assert.True(await Network.QueryAsync(db => db.ModerationLog.CountAsync()) >= 3);
        Assert.Equal(1, await Network.QueryAsync(db => db.HelpRequests.CountAsync(r => r.IsHidden)));
    }

    [Fact]
    public async Task DemoAccountsSignInWithTheDocumentedPassword()
    {
        await Network.Get<DemoNetworkSeeder>().SeedIfEmptyAsync();
        var users = Network.Get<UserManager<Member>>();

        foreach (var email in new[] { DemoNetworkSeeder.AdminEmail, DemoNetworkSeeder.CoordinatorEmail("Rennes"), "sophie.bernard@coupdepouce.demo", "julie.durand@coupdepouce.demo" })
        {
            var member = await users.FindByEmailAsync(email);
            Assert.NotNull(member);
            Assert.True(await users.CheckPasswordAsync(member, DemoNetworkSeeder.Password), email);
        }
    }

    [Fact]
    public async Task DoesNothingWhenTheNetworkAlreadyHasMembers()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        await Network.AddMemberAsync(rennes);

        Assert.False(await Network.Get<DemoNetworkSeeder>().SeedIfEmptyAsync());
        Assert.Equal(0, await Network.CountRequestsAsync());
    }
}
