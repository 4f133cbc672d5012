using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Members;

/// <summary>A new member waits for a coordinatrice of the coordination she chose; meanwhile the network is hers,
/// her coordination's confidential requests are not.</summary>
public abstract class MembershipTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : MembershipTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MembershipTests(DatabaseProvider.Postgres);

    private Guid _coordinatrice;
    private Guid _newcomer;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _coordinatrice = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
        var registered = await Network.Get<RegisterMemberHandler>().HandleAsync(
            new RegisterMember("Maëlle Nouvelle", "maelle@example.org", "un mot de passe assez long", Rennes, "Céramiste"));
        _newcomer = registered.Value;
    }

    private DecideMembershipHandler Memberships => Network.Get<DecideMembershipHandler>();

    [Fact]
    public async Task WhilePendingSheSeesOnlyNetworkRequestsAndCannotPostForHerCoordination()
    {
        var member = await Network.AddMemberAsync(Rennes);
        var confidential = await Network.PostAsync(member, Visibility.Coordination);
        var open = await Network.PostAsync(member, Visibility.Network);

        var board = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_newcomer));
        var posted = await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
            _newcomer, "Une question pour ma coordination", "Je voudrais la poser seulement à Rennes, pour commencer.", (await Network.RequestAsync(open)).ThemeId, Visibility.Coordination));

        Assert.Equal([open], board.Items.Select(i => i.Id));
        Assert.Null(await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(confidential, _newcomer)));
        Assert.Equal(["Votre adhésion attend la validation d'une coordinatrice : en attendant, vos demandes sont visibles par tout le réseau."], posted.Problems.Select(p => p.Message));
        Assert.True((await Network.AnswerAsync(_newcomer, open, "Je peux t'aider, j'ai vécu la même chose.")) > 0);
    }

    [Fact]
    public async Task OnceHerCoordinatriceApprovesSheBelongsAndTheDecisionIsLogged()
    {
        var confidential = await Network.PostAsync(await Network.AddMemberAsync(Rennes), Visibility.Coordination);

        Assert.Equal([_newcomer], (await Memberships.PendingAsync(_coordinatrice)).Select(p => p.Id));
        Assert.True((await Memberships.HandleAsync(new DecideMembership(_coordinatrice, _newcomer, Approve: true))).Succeeded);

        Assert.NotNull(await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(confidential, _newcomer)));
        Assert.Empty(await Memberships.PendingAsync(_coordinatrice));
        var logged = Assert.Single(await Network.QueryAsync(db => db.ModerationLog.ToListAsync()));
        Assert.Equal((ModerationAction.ApproveMembership, _coordinatrice, Rennes, (Guid?)_newcomer), (logged.Action, logged.ActorId, logged.CoordinationId, logged.TargetMemberId));
    }

    [Fact]
    public async Task ADeclineSaysWhyAndSheStaysOutOfHerCoordination()
    {
        var withoutWhy = await Memberships.HandleAsync(new DecideMembership(_coordinatrice, _newcomer, Approve: false));
        var declined = await Memberships.HandleAsync(new DecideMembership(_coordinatrice, _newcomer, Approve: false, "Notre coordination est réservée aux cheffes d'entreprise d'Ille-et-Vilaine."));

        Assert.Equal(FailureKind.Invalid, withoutWhy.Failure);
        Assert.True(declined.Succeeded);
        var membership = await Memberships.MembershipOfAsync(_newcomer);
        Assert.Equal((MembershipStatus.Declined, "Notre coordination est réservée aux cheffes d'entreprise d'Ille-et-Vilaine."), (membership!.Status, membership.Message));
        Assert.Equal(FailureKind.Invalid, (await Memberships.HandleAsync(new DecideMembership(_coordinatrice, _newcomer, Approve: true))).Failure);
    }

    [Fact]
    public async Task OnlyHerCoordinationsCoordinatricesAndAdminsMayDecide()
    {
        var ofLyon = await Network.AddMemberAsync(Lyon, coordinates: Lyon);
        var member = await Network.AddMemberAsync(Rennes);
        var admin = await Network.AddMemberAsync(Lyon, admin: true);

        Assert.Equal(FailureKind.Forbidden, (await Memberships.HandleAsync(new DecideMembership(ofLyon, _newcomer, true))).Failure);
        Assert.Equal(FailureKind.Forbidden, (await Memberships.HandleAsync(new DecideMembership(member, _newcomer, true))).Failure);
        Assert.Equal(FailureKind.Forbidden, (await Memberships.HandleAsync(new DecideMembership(Guid.NewGuid(), _newcomer, true))).Failure);
        Assert.Equal(FailureKind.Forbidden, (await Memberships.HandleAsync(new DecideMembership(_coordinatrice, Guid.NewGuid(), true))).Failure);
        Assert.Empty(await Memberships.PendingAsync(ofLyon));
        Assert.Equal(MembershipStatus.Pending, (await Memberships.MembershipOfAsync(_newcomer))!.Status);
        Assert.True((await Memberships.HandleAsync(new DecideMembership(admin, _newcomer, true))).Succeeded);
    }
}
