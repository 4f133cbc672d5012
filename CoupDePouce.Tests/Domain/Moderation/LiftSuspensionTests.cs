using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Moderation;

/// <summary>A coordinatrice lifts a running suspension: the member may post again at once, and the log says so.</summary>
public abstract class LiftSuspensionTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : LiftSuspensionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : LiftSuspensionTests(DatabaseProvider.Postgres);

    private Guid _coordinatrice;
    private Guid _member;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _coordinatrice = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
        _member = await Network.AddMemberAsync(Rennes, "Nina");
        await Network.Get<SuspendMemberHandler>().HandleAsync(new SuspendMember(_coordinatrice, _member, 7, "Messages publicitaires répétés"));
    }

    private LiftSuspensionHandler Lift => Network.Get<LiftSuspensionHandler>();

    private Task<Result<long>> PostAsync(Guid author) => Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
        author, "Préparer mon rendez-vous avec la banque", "Je rencontre ma banque mardi pour un premier prêt. Des conseils ?", 1, Visibility.Network));

    [Fact]
    public async Task OnceHerSuspensionIsLiftedSheMayPostAtOnce()
    {
        Assert.Equal(FailureKind.Forbidden, (await PostAsync(_member)).Failure);

        var lifted = await Lift.HandleAsync(new LiftSuspension(_coordinatrice, _member));

        Assert.True(lifted.Succeeded);
        Assert.True((await PostAsync(_member)).Succeeded);
        Assert.Null(await Network.Get<SuspendMemberHandler>().OfAsync(_member));
    }

    [Fact]
    public async Task TheLiftIsLoggedNextToTheSuspension()
    {
        await Lift.HandleAsync(new LiftSuspension(_coordinatrice, _member));

        var log = await Network.QueryAsync(db => db.ModerationLog.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([ModerationAction.SuspendMember, ModerationAction.LiftSuspension], log.Select(e => e.Action));
        Assert.Equal((_coordinatrice, (Guid?)_member, Rennes), (log[1].ActorId, log[1].TargetMemberId, log[1].CoordinationId));
    }

    [Fact]
    public async Task OnlyHerCoordinationsModeratorsMayLiftIt()
    {
        var ofLyon = await Network.AddMemberAsync(Lyon, coordinates: Lyon);
        var peer = await Network.AddMemberAsync(Rennes);

        Assert.Equal(FailureKind.Forbidden, (await Lift.HandleAsync(new LiftSuspension(ofLyon, _member))).Failure);
        Assert.Equal(FailureKind.Forbidden, (await Lift.HandleAsync(new LiftSuspension(peer, _member))).Failure);
        Assert.Equal(FailureKind.Forbidden, (await Lift.HandleAsync(new LiftSuspension(_member, _member))).Failure);
        Assert.Equal(FailureKind.Forbidden, (await PostAsync(_member)).Failure);
        Assert.Single(await Network.QueryAsync(db => db.ModerationLog.ToListAsync()));
    }

    [Fact]
    public async Task ThereIsNothingToLiftOnceTheSuspensionHasEnded()
    {
        Network.Clock.Advance(TimeSpan.FromDays(8));

        var lifted = await Lift.HandleAsync(new LiftSuspension(_coordinatrice, _member));

        Assert.False(lifted.Succeeded);
        Assert.Equal("Cette membre n'est pas suspendue.", lifted.Problems.Single().Message);
    }

    [Fact]
    public async Task SheLearnsHerSuspensionWhyAndUntilWhenBeforeTryingToPost()
    {
        var suspension = await Network.Get<SuspendMemberHandler>().OfAsync(_member);

        Assert.NotNull(suspension);
        Assert.Equal("Messages publicitaires répétés", suspension.Reason);
        Assert.Equal(Network.Clock.GetUtcNow().UtcDateTime.AddDays(7), suspension.Until);
        Assert.Null(await Network.Get<SuspendMemberHandler>().OfAsync(_coordinatrice));
    }
}
