using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Members;

/// <summary>A member who moves asks to join another coordination; its coordinatrices decide, as for a new member.
/// Until then she stays where she is.</summary>
public abstract class MoveCoordinationTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : MoveCoordinationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MoveCoordinationTests(DatabaseProvider.Postgres);

    private Guid _sophie;
    private Guid _rennesCoordinatrice;
    private Guid _lyonCoordinatrice;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _sophie = await Network.AddMemberAsync(Rennes, "Sophie");
        _rennesCoordinatrice = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
        _lyonCoordinatrice = await Network.AddMemberAsync(Lyon, "Agnès", coordinates: Lyon);
    }

    private MoveCoordinationHandler Move => Network.Get<MoveCoordinationHandler>();

    private DecideMembershipHandler Memberships => Network.Get<DecideMembershipHandler>();

    private Task<Viewer> ViewerAsync(Guid member) => Network.QueryAsync(db => Viewer.LoadAsync(db, member));

    [Fact]
    public async Task SheStaysInHerCoordinationUntilTheOtherOnesCoordinatricesDecide()
    {
        Assert.True((await Move.HandleAsync(new AskToMoveCoordination(_sophie, Lyon))).Succeeded);

        Assert.Equal(Rennes, (await ViewerAsync(_sophie)).HomeCoordinationId);
        var waiting = Assert.Single(await Memberships.PendingAsync(_lyonCoordinatrice));
        Assert.Equal((_sophie, "Lyon", "Rennes"), (waiting.Id, waiting.CoordinationName, waiting.MovingFrom));
        Assert.Empty(await Memberships.PendingAsync(_rennesCoordinatrice));
        Assert.Equal("Lyon", (await Memberships.MembershipOfAsync(_sophie))!.RequestedCoordinationName);
    }

    [Fact]
    public async Task OnceApprovedSheReadsHerNewCoordinationsRequestsAndNoLongerTheOldOnes()
    {
        var inRennes = await Network.PostAsync(await Network.AddMemberAsync(Rennes), Visibility.Coordination);
        var inLyon = await Network.PostAsync(await Network.AddMemberAsync(Lyon), Visibility.Coordination);
        await Move.HandleAsync(new AskToMoveCoordination(_sophie, Lyon));

        Assert.True((await Memberships.HandleAsync(new DecideMembership(_lyonCoordinatrice, _sophie, Approve: true))).Succeeded);

        Assert.Equal(Lyon, (await ViewerAsync(_sophie)).HomeCoordinationId);
        var view = Network.Get<ViewHelpRequestHandler>();
        Assert.NotNull(await view.HandleAsync(new ViewHelpRequest(inLyon, _sophie)));
        Assert.Null(await view.HandleAsync(new ViewHelpRequest(inRennes, _sophie)));
        var line = await Network.QueryAsync(db => db.ModerationLog.SingleAsync());
        Assert.Equal((ModerationAction.ApproveMove, Lyon, (long)Rennes), (line.Action, line.CoordinationId, line.TargetId));
    }

    [Fact]
    public async Task DeclinedSheStaysWhereSheIsAndReadsWhy()
    {
        await Move.HandleAsync(new AskToMoveCoordination(_sophie, Lyon));

        await Memberships.HandleAsync(new DecideMembership(_lyonCoordinatrice, _sophie, Approve: false, "Vous habitez toujours à Rennes ?"));

        var membership = (await Memberships.MembershipOfAsync(_sophie))!;
        Assert.Equal((MembershipStatus.Approved, "Rennes", "Vous habitez toujours à Rennes ?", null), (membership.Status, membership.CoordinationName, membership.Message, membership.RequestedCoordinationName));
    }

    [Fact]
    public async Task HerOwnCoordinationsCoordinatriceCannotDecideHerMove()
    {
        await Move.HandleAsync(new AskToMoveCoordination(_sophie, Lyon));

        var refused = await Memberships.HandleAsync(new DecideMembership(_rennesCoordinatrice, _sophie, Approve: true));

        Assert.Equal(FailureKind.Forbidden, refused.Failure);
        Assert.Equal(Rennes, (await ViewerAsync(_sophie)).HomeCoordinationId);
    }

    [Fact]
    public async Task SheCanCancelHerRequestBeforeItIsDecided()
    {
        await Move.HandleAsync(new AskToMoveCoordination(_sophie, Lyon));

        Assert.True((await Move.HandleAsync(new CancelMove(_sophie))).Succeeded);

        Assert.Empty(await Memberships.PendingAsync(_lyonCoordinatrice));
        Assert.False((await Move.HandleAsync(new CancelMove(_sophie))).Succeeded);
    }

    [Fact]
    public async Task AskingForHerOwnCoordinationOrAnUnknownOneIsRefused()
    {
        var own = await Move.HandleAsync(new AskToMoveCoordination(_sophie, Rennes));
        var unknown = await Move.HandleAsync(new AskToMoveCoordination(_sophie, 999));

        Assert.Contains("déjà partie", own.Problems.Single().Message);
        Assert.Equal(FailureKind.Invalid, unknown.Failure);
        Assert.Empty(await Memberships.PendingAsync(_lyonCoordinatrice));
    }

    [Fact]
    public async Task WhileHerFirstMembershipWaitsTheRequestSimplyGoesToTheOtherCoordination()
    {
        var newcomer = await Network.Get<RegisterMemberHandler>().HandleAsync(new RegisterMember(
            "Maëlle Le Goff", "maelle@exemple.test", "un mot de passe assez long", Rennes, "Céramiste"));

        await Move.HandleAsync(new AskToMoveCoordination(newcomer.Value, Lyon));

        Assert.Empty(await Memberships.PendingAsync(_rennesCoordinatrice));
        Assert.Equal(newcomer.Value, Assert.Single(await Memberships.PendingAsync(_lyonCoordinatrice)).Id);
    }

    [Fact]
    public async Task ADeclinedMemberMayAskAnotherCoordinationButNotUndoTheDecline()
    {
        var newcomer = await Network.AddMemberAsync(Rennes, "Maëlle", pending: true);
        await Memberships.HandleAsync(new DecideMembership(_rennesCoordinatrice, newcomer, Approve: false, "Nous ne vous connaissons pas encore."));

        var again = await Move.HandleAsync(new AskToMoveCoordination(newcomer, Rennes));
        var elsewhere = await Move.HandleAsync(new AskToMoveCoordination(newcomer, Lyon));

        Assert.Contains("refusé votre adhésion", again.Problems.Single().Message);
        Assert.True(elsewhere.Succeeded);
        Assert.Empty(await Memberships.PendingAsync(_rennesCoordinatrice));
        Assert.Equal(newcomer, Assert.Single(await Memberships.PendingAsync(_lyonCoordinatrice)).Id);
    }
}
