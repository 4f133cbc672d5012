using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Moderation;

/// <summary>Coordinatrices keep their board healthy: hide and restore, lock and unlock, each decision logged.</summary>
public abstract class ModerationTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : ModerationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ModerationTests(DatabaseProvider.Postgres);

    private Guid _asker;
    private Guid _neighbour;
    private Guid _coordinatrice;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Rennes, "Sophie");
        _neighbour = await Network.AddMemberAsync(Rennes, "Emilie");
        _coordinatrice = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
    }

    private ModerateHelpRequestHandler Moderate => Network.Get<ModerateHelpRequestHandler>();

    private Task<HelpRequestView?> ViewAsync(long request, Guid viewer) =>
        Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, viewer));

    private Task<List<ModerationEntry>> LogAsync() => Network.QueryAsync(db => db.ModerationLog.OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task AHiddenRequestLeavesTheBoardButItsAuthorStillSeesItMarkedHiddenWithTheReason()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var hidden = await Moderate.HandleAsync(new HideHelpRequest(_coordinatrice, request, "Annonce publicitaire, hors charte"));

        Assert.True(hidden.Succeeded);
        var board = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_neighbour));
        Assert.DoesNotContain(board.Items, i => i.Id == request);
        Assert.Null(await ViewAsync(request, _neighbour));
        var seenByAuthor = await ViewAsync(request, _asker);
        Assert.True(seenByAuthor?.IsHidden);
        Assert.Equal("Annonce publicitaire, hors charte", seenByAuthor?.HiddenReason);
        Assert.True((await ViewAsync(request, _coordinatrice))?.IsHidden);
    }

    [Fact]
    public async Task HerAuthorIsNotifiedWhenHerRequestIsHidden()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        await Moderate.HandleAsync(new HideHelpRequest(_coordinatrice, request, "Annonce publicitaire"));

        var inbox = await Network.Get<NotificationInboxHandler>().ListAsync(_asker);
        Assert.Contains(inbox, n => n.Kind == NotificationKind.HiddenByModeration && n.RequestId == request);
    }

    [Fact]
    public async Task ARestoredRequestIsBackOnTheBoard()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Moderate.HandleAsync(new HideHelpRequest(_coordinatrice, request, "Vérification en cours"));

        Assert.True((await Moderate.HandleAsync(new RestoreHelpRequest(_coordinatrice, request))).Succeeded);

        var board = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_neighbour));
        Assert.Contains(board.Items, i => i.Id == request);
        Assert.False((await Network.RequestAsync(request)).IsHidden);
    }

    [Fact]
    public async Task HidingWithoutAReasonIsRefusedWithAClearMessageAndChangesNothing()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var refused = await Moderate.HandleAsync(new HideHelpRequest(_coordinatrice, request, "  "));

        Assert.Equal(FailureKind.Invalid, refused.Failure);
        Assert.Equal(["Expliquez la raison en 5 à 500 caractères : l'autrice la lira."], refused.Problems.Select(p => p.Message));
        Assert.False((await Network.RequestAsync(request)).IsHidden);
        Assert.Empty(await LogAsync());
    }

    [Fact]
    public async Task ALockedRequestStaysReadableButTakesNoNewAnswer()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        Assert.True((await Moderate.HandleAsync(new LockHelpRequest(_coordinatrice, request))).Succeeded);
        var late = await Network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_neighbour, request, "Je peux t'aider pour ça !"));

        Assert.Equal(["Cette demande est verrouillée par la modération : elle n'accepte plus de réponses."], late.Problems.Select(p => p.Message));
        Assert.True((await ViewAsync(request, _neighbour))?.IsLocked);
        Assert.True((await Moderate.HandleAsync(new LockHelpRequest(_coordinatrice, request, Locked: false))).Succeeded);
        Assert.True((await Network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_neighbour, request, "Je peux t'aider pour ça !"))).Succeeded);
    }

    [Fact]
    public async Task EveryDecisionIsLoggedWithWhoWhatOnWhatWhenAndWhy()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);

        await Moderate.HandleAsync(new HideHelpRequest(_coordinatrice, request, "Informations confidentielles"));
        await Moderate.HandleAsync(new RestoreHelpRequest(_coordinatrice, request));
        await Moderate.HandleAsync(new LockHelpRequest(_coordinatrice, request));

        var log = await LogAsync();
        Assert.Equal([ModerationAction.HideRequest, ModerationAction.RestoreRequest, ModerationAction.LockRequest], log.Select(e => e.Action));
        Assert.All(log, e =>
        {
            Assert.Equal(_coordinatrice, e.ActorId);
            Assert.Equal(Rennes, e.CoordinationId);
            Assert.Equal(ModerationTarget.Request, e.Target);
            Assert.Equal(request, e.TargetId);
            Assert.Equal(Network.Clock.GetUtcNow().UtcDateTime, e.At);
        });
        Assert.Equal("Informations confidentielles", log[0].Reason);
    }

    [Fact]
    public async Task TheLogCanNeitherBeChangedNorDeleted()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Moderate.HandleAsync(new HideHelpRequest(_coordinatrice, request, "Annonce publicitaire"));

        // Refused by the database itself, whatever path the write takes (a trigger on either engine).
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Network.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"ModerationLog\" SET \"Reason\" = 'rien'")));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Network.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"ModerationLog\"")));
        Assert.Equal("Annonce publicitaire", Assert.Single(await LogAsync()).Reason);
    }

    [Fact]
    public async Task ACoordinatriceOfLyonCannotHideARennesRequestThroughACraftedCall()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var ofLyon = await Network.AddMemberAsync(Lyon, "Julie", coordinates: Lyon);

        var refused = await Moderate.HandleAsync(new HideHelpRequest(ofLyon, request, "Je n'aime pas cette demande"));

        Assert.Equal(FailureKind.Forbidden, refused.Failure);
        Assert.Equal(["Seules les coordinatrices de cette coordination (et les administratrices) peuvent modérer cette demande."], refused.Problems.Select(p => p.Message));
        Assert.False((await Network.RequestAsync(request)).IsHidden);
        Assert.Empty(await LogAsync());
    }

    [Fact]
    public async Task APinnedRequestHeadsTheBoardAndNewOnesComeUnderIt()
    {
        var pinned = await Network.PostAsync(_asker, Visibility.Network, "Les permanences de la coordination en juin");
        Network.Clock.Advance(TimeSpan.FromHours(1));
        var newer = await Network.PostAsync(_neighbour, Visibility.Network);

        await Moderate.HandleAsync(new PinHelpRequest(_coordinatrice, pinned));

        var board = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_neighbour));
        Assert.Equal([pinned, newer], board.Items.Select(i => i.Id));
        Assert.True(board.Items[0].IsPinned);
    }

    [Fact]
    public async Task ADuplicateIsClosedWithALinkToItsOriginalWhichMustBeVisibleToItsReaders()
    {
        var original = await Network.PostAsync(_asker, Visibility.Network, "Quelle banque pour une micro-entreprise ?");
        var duplicate = await Network.PostAsync(_neighbour, Visibility.Network, "Quelle banque choisir pour démarrer ?");
        var confidential = await Network.PostAsync(_asker, Visibility.Coordination, "Une question réservée à Rennes");

        var refused = await Moderate.HandleAsync(new CloseAsDuplicate(_coordinatrice, duplicate, confidential));
        var closed = await Moderate.HandleAsync(new CloseAsDuplicate(_coordinatrice, duplicate, original));

        Assert.Equal(["Choisissez comme original une autre demande, visible par toutes celles qui voient celle-ci."], refused.Problems.Select(p => p.Message));
        Assert.True(closed.Succeeded);
        var view = await ViewAsync(duplicate, _neighbour);
        Assert.Equal((HelpRequestStatus.Closed, (long?)original), (view?.Status, view?.DuplicateOfId));
        Assert.Contains(await LogAsync(), e => e.Action == ModerationAction.CloseAsDuplicate && e.TargetId == duplicate && e.Reason == $"#{original}");
    }

    [Fact]
    public async Task AnUnknownThemeIsRefusedAndTheThemeStays()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var theme = (await Network.RequestAsync(request)).ThemeId;

        var refused = await Moderate.HandleAsync(new ChangeHelpRequestTheme(_coordinatrice, request, 9999));

        Assert.Equal(FailureKind.Invalid, refused.Failure);
        Assert.Equal(theme, (await Network.RequestAsync(request)).ThemeId);
    }
}
