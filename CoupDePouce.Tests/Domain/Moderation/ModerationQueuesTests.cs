using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain.Moderation;

/// <summary>What a coordinatrice's menu shows comes from her rights as they are now, not from her sign-in.</summary>
public abstract class ModerationQueuesTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : ModerationQueuesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ModerationQueuesTests(DatabaseProvider.Postgres);

    private ModerationQueuesHandler Queues => Network.Get<ModerationQueuesHandler>();

    [Fact]
    public async Task AMemberWhoModeratesNothingIsOfferedNoModerationMenu()
    {
        var member = await Network.AddMemberAsync(Rennes, "Nina");

        Assert.Equal(WaitingForModerator.Nothing, await Queues.CountAsync(member));
    }

    [Fact]
    public async Task ACoordinatriceAppointedAMinuteAgoIsOfferedHerMenuWithoutSigningInAgain()
    {
        var admin = await Network.AddMemberAsync(Lyon, "Admin", admin: true);
        var member = await Network.AddMemberAsync(Rennes, "Nina");
        await Network.AddMemberAsync(Rennes, "Maëlle", pending: true);
        var email = await Network.QueryAsync(db => Task.FromResult(db.Members.Single(m => m.Id == member).Email!));

        var assigned = await Network.Get<ManageCoordinationsHandler>().HandleAsync(new AssignCoordinatrice(admin, Rennes, email));
        Assert.True(assigned.Succeeded);

        var menu = await Queues.CountAsync(member);
        Assert.True(menu.Moderates);
        Assert.False(menu.IsAdmin);
        Assert.Equal(1, menu.PendingMembers);
    }

    [Fact]
    public async Task AnAdminIsOfferedTheAdminMenu()
    {
        var admin = await Network.AddMemberAsync(Lyon, "Admin", admin: true);

        var menu = await Queues.CountAsync(admin);

        Assert.True(menu.Moderates);
        Assert.True(menu.IsAdmin);
    }
}
