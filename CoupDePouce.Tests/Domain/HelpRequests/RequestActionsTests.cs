using CoupDePouce.Domain.Following;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Reports;

namespace CoupDePouce.Tests.Domain.HelpRequests;

/// <summary>What the request page offers each viewer (<see cref="RequestActions"/>, <see cref="AnswerActions"/>), and
/// that the offer and the use cases agree: whatever is offered is accepted, whatever is not is refused.</summary>
public abstract class RequestActionsTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : RequestActionsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RequestActionsTests(DatabaseProvider.Postgres);

    /// <summary>Who looks. The asker and the helper are from Rennes; the request is posted from Rennes.</summary>
    public enum Who { Asker, Helper, OtherMember, PendingMember, CoordinatriceOfItsCoordination, CoordinatriceOfAnother, Admin }

    /// <summary>Where the request is in its life. Every request has a reply by the asker in its thread; from Answered
    /// on, an answer by the helper too.</summary>
    public enum State { Open, Answered, Resolved, Closed, Locked, Hidden, AnswerHidden }

    public enum RequestAction
    {
        Edit, Withdraw, Reopen, Close, CloseAsDuplicate, Hide, Restore, Lock, Unlock, Pin, Unpin, ChangeTheme, Answer, Report, Follow,
    }

    public enum MessageAction { Edit, Withdraw, Thank, MarkHelpful, Report, Hide, Restore }

    private Guid _asker;
    private Guid _helper;
    private Guid _admin;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Rennes, "Camille");
        _helper = await Network.AddMemberAsync(Rennes, "Sophie");
        _admin = await Network.AddMemberAsync(Lyon, "Admin", admin: true);
    }

    /// <summary>Every viewer in every state on a network-wide request (the one a coordinatrice of another coordination
    /// sees too), and every viewer on a coordination-only request with an answer shown or hidden.</summary>
    public static TheoryData<Who, State, Visibility> Cells()
    {
        var cells = new TheoryData<Who, State, Visibility>();
        foreach (var who in Enum.GetValues<Who>())
        {
            foreach (var state in Enum.GetValues<State>())
            {
                cells.Add(who, state, Visibility.Network);
            }

            cells.Add(who, State.Answered, Visibility.Coordination);
            cells.Add(who, State.AnswerHidden, Visibility.Coordination);
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EveryActionOfferedIsAcceptedAndEveryActionNotOfferedIsRefused(Who who, State state, Visibility visibility)
    {
        var viewer = await ViewerAsync(who);
        var disagreements = new List<string>();
        // A refused action changes nothing (AuthorizationMatrixTests): the same request serves until one is accepted.
        Arranged? arranged = null;
        foreach (var action in Enum.GetValues<RequestAction>())
        {
            arranged ??= await ArrangeAsync(state, visibility);
            var offered = Offered((await ViewAsync(arranged.Request, viewer))?.Actions ?? RequestActions.None, action);
            var accepted = await RunAsync(action, viewer, arranged);
            if (offered != accepted)
            {
                disagreements.Add($"{action}: offered {offered}, accepted {accepted}");
            }

            arranged = accepted ? null : arranged;
        }

        var messages = state == State.Open ? 1 : 2;
        for (var index = 0; index < messages; index++)
        {
            foreach (var action in Enum.GetValues<MessageAction>())
            {
                arranged ??= await ArrangeAsync(state, visibility);
                var message = (await ViewAsync(arranged.Request, viewer))?.Thread[index];
                if (action == MessageAction.MarkHelpful && message is { IsHelpful: true })
                {
                    // Marking again an answer she already marked is accepted and changes nothing (a double click):
                    // not offered, not refused.
                    continue;
                }

                var offered = Offered(message?.Actions ?? AnswerActions.None, action);
                var accepted = await RunAsync(action, viewer, arranged.Request, arranged.Messages[index]);
                if (offered != accepted)
                {
                    disagreements.Add($"message {index} {action}: offered {offered}, accepted {accepted}");
                }

                arranged = accepted ? null : arranged;
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public async Task TheAskerIsOfferedReopenOnlyOnceResolved()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        Assert.False((await ActionsAsync(request, _asker)).CanReopen);

        await MarkHelpfulAsync(request, answer);

        Assert.True((await ActionsAsync(request, _asker)).CanReopen);
        Assert.False((await ActionsAsync(request, _helper)).CanReopen);
        Assert.False((await ActionsAsync(request, _admin)).CanReopen);
    }

    [Fact]
    public async Task OnlyTheAskerIsOfferedToEditAndWithdrawHerRequestNotEvenAnAdmin()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var asker = await ActionsAsync(request, _asker);
        var admin = await ActionsAsync(request, _admin);
        var helper = await ActionsAsync(request, _helper);

        Assert.True(asker.CanEdit && asker.CanWithdraw);
        Assert.False(admin.CanEdit || admin.CanWithdraw);
        Assert.False(helper.CanEdit || helper.CanWithdraw);
    }

    [Fact]
    public async Task AMemberIsNeverOfferedToReportHerOwnAnswer()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(_helper, request);

        var helper = await ViewAsync(request, _helper);
        var asker = await ViewAsync(request, _asker);

        Assert.False(helper!.Thread.Single().Actions.CanReport);
        Assert.True(asker!.Thread.Single().Actions.CanReport);
        Assert.False(asker.Actions.CanReport);
        Assert.True(helper.Actions.CanReport);
    }

    [Fact]
    public async Task AMemberWhoReportedIsToldSheDidAndNotOfferedToReportAgain()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        var reader = await Network.AddMemberAsync(Rennes);
        var report = Network.Get<ReportContentHandler>();
        Assert.True((await report.HandleAsync(new ReportContent(reader, request, null, ReportReason.Spam))).Succeeded);
        Assert.True((await report.HandleAsync(new ReportContent(reader, request, answer, ReportReason.NotKind))).Succeeded);

        var view = await ViewAsync(request, reader);

        Assert.Equal((false, true), (view!.Actions.CanReport, view.Actions.AlreadyReported));
        Assert.Equal((false, true), (view.Thread.Single().Actions.CanReport, view.Thread.Single().Actions.AlreadyReported));
        Assert.False((await report.HandleAsync(new ReportContent(reader, request, null, ReportReason.Spam))).Succeeded);
    }

    [Fact]
    public async Task AMemberStillWaitingForHerApprovalIsNotOfferedToReport()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(_helper, request);

        var view = await ViewAsync(request, await Network.AddMemberAsync(Rennes, pending: true));

        Assert.False(view!.Actions.CanReport);
        Assert.False(view.Thread.Single().Actions.CanReport);
        Assert.True(view.Actions.CanAnswer);
    }

    [Fact]
    public async Task ACoordinatriceOfAnotherCoordinationIsNotOfferedModeration()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(_helper, request);

        var view = await ViewAsync(request, await Network.AddMemberAsync(Lyon, coordinates: Lyon));

        var actions = view!.Actions;
        Assert.False(actions.CanModerate || actions.CanClose || actions.CanCloseAsDuplicate || actions.CanHide || actions.CanLock
            || actions.CanPin || actions.CanChangeTheme);
        Assert.False(view.Thread.Single().Actions.CanHide);
        Assert.True(actions.CanAnswer && actions.CanReport && actions.CanFollow);
    }

    [Fact]
    public async Task ACoordinatriceOfAnotherCoordinationIsOfferedToHideHerOwnMembersAnswerOnANetworkRequest()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(await Network.AddMemberAsync(Lyon), request);

        var view = await ViewAsync(request, await Network.AddMemberAsync(Lyon, coordinates: Lyon));

        Assert.True(view!.Thread.Single().Actions.CanHide);
        Assert.False(view.Actions.CanModerate);
    }

    [Fact]
    public async Task ACoordinatriceWhoOnlyBelongsToAConfidentialThreadIsNotOfferedToModerateItsAnswerByAMemberOfHers()
    {
        // Sophie answered a Rennes-only request, then moved to Lyon. Lyon's coordinatrice, herself a member of
        // Rennes, reads the thread but a coordination-only thread stays with its own coordination's moderators.
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(_helper, request);
        var lyonCoordinatrice = await Network.AddMemberAsync(Rennes, coordinates: Lyon);
        Assert.True((await Network.Get<MoveCoordinationHandler>().HandleAsync(new AskToMoveCoordination(_helper, Lyon))).Succeeded);
        Assert.True((await Network.Get<DecideMembershipHandler>().HandleAsync(new DecideMembership(lyonCoordinatrice, _helper, Approve: true))).Succeeded);

        var message = (await ViewAsync(request, lyonCoordinatrice))!.Thread.Single();
        var hide = await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideAnswer(lyonCoordinatrice, request, answer, "Propos blessants"));

        Assert.False(message.Actions.CanHide);
        Assert.False(hide.Succeeded);
    }

    [Fact]
    public async Task TheRequestsModeratorsAreOfferedWhatFitsItsState()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        var coordinatrice = await Network.AddMemberAsync(Rennes, coordinates: Rennes);
        var moderate = Network.Get<ModerateHelpRequestHandler>();

        var fresh = await ActionsAsync(request, coordinatrice);
        Assert.True(fresh.CanModerate && fresh.CanClose && fresh.CanCloseAsDuplicate && fresh.CanHide && fresh.CanLock && fresh.CanPin && fresh.CanChangeTheme);
        Assert.False(fresh.CanRestore || fresh.CanUnlock || fresh.CanUnpin);

        Assert.True((await moderate.HandleAsync(new LockHelpRequest(_admin, request))).Succeeded);
        Assert.True((await moderate.HandleAsync(new PinHelpRequest(_admin, request))).Succeeded);
        Assert.True((await moderate.HandleAsync(new HideHelpRequest(_admin, request, "Vérification en cours"))).Succeeded);
        var moderated = await ActionsAsync(request, coordinatrice);
        Assert.True(moderated.CanRestore && moderated.CanUnlock && moderated.CanUnpin);
        Assert.False(moderated.CanHide || moderated.CanLock || moderated.CanPin);

        Assert.True((await Network.Get<CloseHelpRequestHandler>().HandleAsync(new CloseHelpRequest(_admin, request))).Succeeded);
        var closed = await ActionsAsync(request, coordinatrice);
        Assert.False(closed.CanClose || closed.CanCloseAsDuplicate);
        Assert.True(closed.CanModerate);
    }

    [Fact]
    public async Task NobodyIsOfferedToAnswerAClosedOrLockedRequestAndTheOfferSaysWhy()
    {
        var locked = await Network.PostAsync(_asker, Visibility.Network);
        var closed = await Network.PostAsync(_asker, Visibility.Network, "Une autre question sur mon statut juridique");
        Assert.True((await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new LockHelpRequest(_admin, locked))).Succeeded);
        Assert.True((await Network.Get<CloseHelpRequestHandler>().HandleAsync(new CloseHelpRequest(_admin, closed))).Succeeded);

        foreach (var viewer in new[] { _asker, _helper, _admin })
        {
            var onLocked = await ActionsAsync(locked, viewer);
            var onClosed = await ActionsAsync(closed, viewer);
            Assert.Equal((false, AnswerRefusal.RequestLocked), (onLocked.CanAnswer, onLocked.WhyNoAnswer));
            Assert.Equal((false, AnswerRefusal.RequestClosed), (onClosed.CanAnswer, onClosed.WhyNoAnswer));
        }

        var open = await ActionsAsync(await Network.PostAsync(_asker, Visibility.Network, "Encore une question sur mon statut"), _helper);
        Assert.Equal((true, AnswerRefusal.None), (open.CanAnswer, open.WhyNoAnswer));
    }

    [Fact]
    public async Task ASuspendedMemberIsNotOfferedToAnswerAndIsToldWhy()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var coordinatrice = await Network.AddMemberAsync(Rennes, coordinates: Rennes);
        Assert.True((await Network.Get<SuspendMemberHandler>().HandleAsync(new SuspendMember(coordinatrice, _helper, 7, "Messages publicitaires répétés"))).Succeeded);

        var actions = await ActionsAsync(request, _helper);
        var answer = await Network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_helper, request, "Je peux vous aider sur ce point."));

        Assert.Equal((false, AnswerRefusal.MemberSuspended), (actions.CanAnswer, actions.WhyNoAnswer));
        Assert.False(answer.Succeeded);
    }

    [Fact]
    public async Task OnlyTheAskerIsOfferedTheHelpfulMarkAndNeverOnHerOwnReply()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(_asker, request, "Précision : c'est pour une SARL.");
        await Network.AnswerAsync(_helper, request);

        var asker = (await ViewAsync(request, _asker))!.Thread;
        var admin = (await ViewAsync(request, _admin))!.Thread;

        Assert.Equal([false, true], asker.Select(m => m.Actions.CanMarkHelpful));
        Assert.Equal([false, false], admin.Select(m => m.Actions.CanMarkHelpful));
    }

    [Fact]
    public async Task SheIsOfferedThanksOnOthersAnswersEvenOnAClosedRequestButNeverOnHerOwn()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(_helper, request);
        Assert.True((await Network.Get<CloseHelpRequestHandler>().HandleAsync(new CloseHelpRequest(_admin, request))).Succeeded);

        Assert.True((await ViewAsync(request, _asker))!.Thread.Single().Actions.CanThank);
        Assert.False((await ViewAsync(request, _helper))!.Thread.Single().Actions.CanThank);
    }

    [Fact]
    public async Task SheIsOfferedToEditAndWithdrawHerOwnAnswerOnlyAndToldWhetherSheThankedOthers()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        Assert.True((await Network.Get<ThankAnswerHandler>().HandleAsync(new ThankAnswer(_asker, request, answer))).Value);

        var helper = (await ViewAsync(request, _helper))!.Thread.Single().Actions;
        var asker = (await ViewAsync(request, _asker))!.Thread.Single().Actions;

        Assert.True(helper.CanEdit && helper.CanWithdraw);
        Assert.False(asker.CanEdit || asker.CanWithdraw);
        Assert.Equal((true, true), (asker.CanThank, asker.Thanked));
    }

    [Fact]
    public async Task AMemberWhoMayNotReadAHiddenAnswerIsOfferedNothingOnItItsModeratorIsOfferedToRestoreIt()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        Assert.True((await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideAnswer(_admin, request, answer, "Propos blessants"))).Succeeded);

        var reader = (await ViewAsync(request, await Network.AddMemberAsync(Rennes)))!.Thread.Single().Actions;
        var moderator = (await ViewAsync(request, _admin))!.Thread.Single().Actions;
        var author = (await ViewAsync(request, _helper))!.Thread.Single().Actions;

        Assert.Equal(AnswerActions.None, reader);
        Assert.True(moderator.CanRestore && moderator.CanReport);
        Assert.False(moderator.CanHide || moderator.CanThank);
        Assert.True(author.CanEdit && author.CanWithdraw);
        Assert.False(author.CanRestore);
    }

    [Fact]
    public async Task AWithdrawnAnswerOffersNothing()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        Assert.True((await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(_helper, request, answer))).Succeeded);

        foreach (var viewer in new[] { _asker, _helper, _admin })
        {
            Assert.Equal(AnswerActions.None, (await ViewAsync(request, viewer))!.Thread.Single().Actions);
        }
    }

    [Fact]
    public async Task EveryoneWhoSeesItIsOfferedToFollowItAndToldWhetherSheDoes()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var asker = await ActionsAsync(request, _asker);
        var reader = await ActionsAsync(request, await Network.AddMemberAsync(Lyon));

        Assert.Equal((true, true), (asker.CanFollow, asker.Follows));
        Assert.Equal((true, false), (reader.CanFollow, reader.Follows));
    }

    private sealed record Arranged(long Request, long Original, long[] Messages);

    private async Task<Guid> ViewerAsync(Who who) => who switch
    {
        Who.Asker => _asker,
        Who.Helper => _helper,
        Who.OtherMember => await Network.AddMemberAsync(Rennes),
        Who.PendingMember => await Network.AddMemberAsync(Rennes, pending: true),
        Who.CoordinatriceOfItsCoordination => await Network.AddMemberAsync(Rennes, coordinates: Rennes),
        Who.CoordinatriceOfAnother => await Network.AddMemberAsync(Lyon, coordinates: Lyon),
        _ => _admin,
    };

    /// <summary>A fresh request in this state, with an original it could be closed as a duplicate of.</summary>
    private async Task<Arranged> ArrangeAsync(State state, Visibility visibility)
    {
        var original = await Network.PostAsync(_asker, Visibility.Network, "La même question sur le statut juridique, posée la veille");
        var request = await Network.PostAsync(_asker, visibility);
        var reply = await Network.AnswerAsync(_asker, request, "Précision : c'est pour une SARL.");
        if (state == State.Open)
        {
            return new Arranged(request, original, [reply]);
        }

        var answer = await Network.AnswerAsync(_helper, request);
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        var done = state switch
        {
            State.Resolved => (await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answer))).Succeeded,
            State.Closed => (await Network.Get<CloseHelpRequestHandler>().HandleAsync(new CloseHelpRequest(_admin, request))).Succeeded,
            State.Locked => (await moderate.HandleAsync(new LockHelpRequest(_admin, request))).Succeeded,
            State.Hidden => (await moderate.HandleAsync(new HideHelpRequest(_admin, request, "Vérification en cours"))).Succeeded,
            State.AnswerHidden => (await moderate.HandleAsync(new HideAnswer(_admin, request, answer, "Vérification en cours"))).Succeeded,
            _ => true,
        };
        Assert.True(done);
        return new Arranged(request, original, [reply, answer]);
    }

    private static bool Offered(RequestActions actions, RequestAction action) => action switch
    {
        RequestAction.Edit => actions.CanEdit,
        RequestAction.Withdraw => actions.CanWithdraw,
        RequestAction.Reopen => actions.CanReopen,
        RequestAction.Close => actions.CanClose,
        RequestAction.CloseAsDuplicate => actions.CanCloseAsDuplicate,
        RequestAction.Hide => actions.CanHide,
        RequestAction.Restore => actions.CanRestore,
        RequestAction.Lock => actions.CanLock,
        RequestAction.Unlock => actions.CanUnlock,
        RequestAction.Pin => actions.CanPin,
        RequestAction.Unpin => actions.CanUnpin,
        RequestAction.ChangeTheme => actions.CanChangeTheme,
        RequestAction.Answer => actions.CanAnswer,
        RequestAction.Report => actions.CanReport,
        _ => actions.CanFollow,
    };

    private static bool Offered(AnswerActions actions, MessageAction action) => action switch
    {
        MessageAction.Edit => actions.CanEdit,
        MessageAction.Withdraw => actions.CanWithdraw,
        MessageAction.Thank => actions.CanThank,
        MessageAction.MarkHelpful => actions.CanMarkHelpful,
        MessageAction.Report => actions.CanReport,
        MessageAction.Hide => actions.CanHide,
        _ => actions.CanRestore,
    };

    private async Task<bool> RunAsync(RequestAction action, Guid viewer, Arranged arranged)
    {
        var request = arranged.Request;
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        return action switch
        {
            RequestAction.Edit => (await Network.Get<EditHelpRequestHandler>().HandleAsync(new EditHelpRequest(viewer, request, "Un autre titre pour cette demande", "D'autres détails pour cette demande, assez longs."))).Succeeded,
            RequestAction.Withdraw => (await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(viewer, request))).Succeeded,
            RequestAction.Reopen => (await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new ReopenHelpRequest(viewer, request))).Succeeded,
            RequestAction.Close => (await Network.Get<CloseHelpRequestHandler>().HandleAsync(new CloseHelpRequest(viewer, request))).Succeeded,
            RequestAction.CloseAsDuplicate => (await moderate.HandleAsync(new CloseAsDuplicate(viewer, request, arranged.Original))).Succeeded,
            RequestAction.Hide => (await moderate.HandleAsync(new HideHelpRequest(viewer, request, "Hors charte du réseau"))).Succeeded,
            RequestAction.Restore => (await moderate.HandleAsync(new RestoreHelpRequest(viewer, request))).Succeeded,
            RequestAction.Lock => (await moderate.HandleAsync(new LockHelpRequest(viewer, request))).Succeeded,
            RequestAction.Unlock => (await moderate.HandleAsync(new LockHelpRequest(viewer, request, Locked: false))).Succeeded,
            RequestAction.Pin => (await moderate.HandleAsync(new PinHelpRequest(viewer, request))).Succeeded,
            RequestAction.Unpin => (await moderate.HandleAsync(new PinHelpRequest(viewer, request, Pinned: false))).Succeeded,
            RequestAction.ChangeTheme => (await moderate.HandleAsync(new ChangeHelpRequestTheme(viewer, request, 2))).Succeeded,
            RequestAction.Answer => (await Network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(viewer, request, "Je vous envoie le contact de mon expert-comptable."))).Succeeded,
            RequestAction.Report => (await Network.Get<ReportContentHandler>().HandleAsync(new ReportContent(viewer, request, null, ReportReason.NotKind))).Succeeded,
            _ => (await Network.Get<FollowHelpRequestHandler>().HandleAsync(new FollowHelpRequest(viewer, request, Follow: true))).Succeeded,
        };
    }

    private async Task<bool> RunAsync(MessageAction action, Guid viewer, long request, long answer)
    {
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        return action switch
        {
            MessageAction.Edit => (await Network.Get<EditAnswerHandler>().HandleAsync(new EditAnswer(viewer, request, answer, "Une autre version de cette réponse"))).Succeeded,
            MessageAction.Withdraw => (await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(viewer, request, answer))).Succeeded,
            MessageAction.Thank => (await Network.Get<ThankAnswerHandler>().HandleAsync(new ThankAnswer(viewer, request, answer))).Succeeded,
            MessageAction.MarkHelpful => (await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(viewer, request, answer))).Succeeded,
            MessageAction.Report => (await Network.Get<ReportContentHandler>().HandleAsync(new ReportContent(viewer, request, answer, ReportReason.NotKind))).Succeeded,
            MessageAction.Hide => (await moderate.HandleAsync(new HideAnswer(viewer, request, answer, "Propos blessants"))).Succeeded,
            _ => (await moderate.HandleAsync(new RestoreAnswer(viewer, request, answer))).Succeeded,
        };
    }

    private Task<HelpRequestView?> ViewAsync(long request, Guid viewer) =>
        Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, viewer));

    private async Task<RequestActions> ActionsAsync(long request, Guid viewer) => (await ViewAsync(request, viewer))!.Actions;

    private async Task MarkHelpfulAsync(long request, long answer) =>
        Assert.True((await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answer))).Succeeded);
}
