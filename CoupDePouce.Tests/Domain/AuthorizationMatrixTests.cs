using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.Following;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Reports;
using CoupDePouce.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain;

/// <summary>Who may do what, cell by cell, for every Domain use case: each of the seven kinds of user, against a
/// request of her own coordination (coordination-only), of the other coordination (coordination-only), and
/// network-wide requests posted from hers and from the other one. Her coordination is A, except for the member
/// and the coordinatrice of B (an anonymous visitor and a pending member "belong" to A, where she asked to join).
/// A denied cell changes nothing at all in the database; a forged id is refused whoever asks.</summary>
public abstract class AuthorizationMatrixTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : AuthorizationMatrixTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AuthorizationMatrixTests(DatabaseProvider.Postgres);

    public enum Role { Anonymous, PendingMember, MemberOfA, MemberOfB, CoordinatriceOfA, CoordinatriceOfB, Admin }

    public enum Scope { OwnCoordination, OtherCoordination, NetworkFromOwn, NetworkFromOther }

    /// <summary>The use cases about one request and its thread.</summary>
    public enum RequestUseCase
    {
        View, Browse, Search, Profile, Answer, Follow, Thank, Report,
        Edit, Withdraw, EditAnswer, WithdrawAnswer, MarkHelpful, Reopen,
        Close, Hide, Restore, Lock, Unlock, Pin, Unpin, ChangeTheme, CloseAsDuplicate, HideAnswer, RestoreAnswer,
        ResolveReports, DismissReports,
    }

    /// <summary>The use cases about a coordination, its members and its queues.</summary>
    public enum CoordinationUseCase
    {
        PostCoordinationOnly, PostNetwork, DecideMembership, DecideMove, Suspend, ReadLog, PendingQueue, ReportsQueue,
        RenameCoordination, ArchiveCoordination, AssignCoordinatrice,
    }

    private static readonly RequestUseCase[] Reads = [RequestUseCase.View, RequestUseCase.Browse, RequestUseCase.Search, RequestUseCase.Profile];

    private static readonly RequestUseCase[] ForEveryoneWhoSeesIt =
        [.. Reads, RequestUseCase.Answer, RequestUseCase.Follow, RequestUseCase.Thank, RequestUseCase.Report];

    /// <summary>Her own words only: nobody else, not even an admin (moderators hide, they do not rewrite).</summary>
    private static readonly RequestUseCase[] ForItsAuthorOnly =
        [RequestUseCase.Edit, RequestUseCase.Withdraw, RequestUseCase.EditAnswer, RequestUseCase.WithdrawAnswer, RequestUseCase.MarkHelpful, RequestUseCase.Reopen];

    private static readonly RequestUseCase[] AboutTheAnswer =
        [RequestUseCase.Thank, RequestUseCase.EditAnswer, RequestUseCase.WithdrawAnswer, RequestUseCase.MarkHelpful, RequestUseCase.HideAnswer, RequestUseCase.RestoreAnswer];

    private static bool Sees(Role role, Scope scope) => role switch
    {
        Role.Anonymous => false,
        Role.PendingMember => scope is Scope.NetworkFromOwn or Scope.NetworkFromOther,
        Role.Admin => true,
        _ => scope != Scope.OtherCoordination,
    };

    private static bool ModeratesTheRequest(Role role, Scope scope) =>
        role == Role.Admin || (role is Role.CoordinatriceOfA or Role.CoordinatriceOfB && scope is Scope.OwnCoordination or Scope.NetworkFromOwn);

    private static bool ModeratesTheCoordination(Role role, bool own) =>
        role == Role.Admin || (role is Role.CoordinatriceOfA or Role.CoordinatriceOfB && own);

    public static TheoryData<RequestUseCase, Role, Scope, bool> RequestCells()
    {
        var cells = new TheoryData<RequestUseCase, Role, Scope, bool>();
        foreach (var useCase in Enum.GetValues<RequestUseCase>())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var scope in Enum.GetValues<Scope>())
                {
                    // Reports can hide things: a member still waiting for her approval may read, not report.
                    var allowed = useCase == RequestUseCase.Report ? Sees(role, scope) && role != Role.PendingMember
                        : ForEveryoneWhoSeesIt.Contains(useCase) ? Sees(role, scope)
                        : ForItsAuthorOnly.Contains(useCase) ? false
                        : ModeratesTheRequest(role, scope);
                    cells.Add(useCase, role, scope, allowed);
                }
            }
        }

        return cells;
    }

    public static TheoryData<CoordinationUseCase, Role, bool, bool> CoordinationCells()
    {
        var cells = new TheoryData<CoordinationUseCase, Role, bool, bool>();
        foreach (var useCase in Enum.GetValues<CoordinationUseCase>())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var own in new[] { true, false })
                {
                    var allowed = useCase switch
                    {
                        CoordinationUseCase.PostCoordinationOnly => own && role is not (Role.Anonymous or Role.PendingMember),
                        CoordinationUseCase.PostNetwork => own && role != Role.Anonymous,
                        CoordinationUseCase.RenameCoordination or CoordinationUseCase.ArchiveCoordination or CoordinationUseCase.AssignCoordinatrice => role == Role.Admin,
                        _ => ModeratesTheCoordination(role, own),
                    };
                    cells.Add(useCase, role, own, allowed);
                }
            }
        }

        return cells;
    }

    private int _a;
    private int _b;
    private Guid _admin;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _a = await Network.AddCoordinationAsync("A");
        _b = await Network.AddCoordinationAsync("B");
        _admin = await Network.AddMemberAsync(_a, "Admin", admin: true);
    }

    private int HomeOf(Role role) => role is Role.MemberOfB or Role.CoordinatriceOfB ? _b : _a;

    private async Task<Guid> ActorAsync(Role role) => role switch
    {
        Role.Anonymous => Guid.NewGuid(),
        Role.PendingMember => await Network.AddMemberAsync(_a, "En attente", pending: true),
        Role.MemberOfA => await Network.AddMemberAsync(_a),
        Role.MemberOfB => await Network.AddMemberAsync(_b),
        Role.CoordinatriceOfA => await Network.AddMemberAsync(_a, coordinates: _a),
        Role.CoordinatriceOfB => await Network.AddMemberAsync(_b, coordinates: _b),
        _ => _admin,
    };

    [Theory]
    [MemberData(nameof(RequestCells))]
    public async Task EveryRequestUseCaseIsAllowedExactlyToWhomItIsFor(RequestUseCase useCase, Role role, Scope scope, bool allowed)
    {
        var home = HomeOf(role);
        var requestCoordination = scope is Scope.OwnCoordination or Scope.NetworkFromOwn ? home : (home == _a ? _b : _a);
        var visibility = scope is Scope.OwnCoordination or Scope.OtherCoordination ? Visibility.Coordination : Visibility.Network;
        var asker = await Network.AddMemberAsync(requestCoordination, "Autrice");
        var helper = await Network.AddMemberAsync(requestCoordination, "Aidante");
        var original = await Network.PostAsync(asker, visibility, "La même question sur le statut juridique, posée la veille");
        var request = await Network.PostAsync(asker, visibility);
        var answer = await Network.AnswerAsync(helper, request);
        var actor = await ActorAsync(role);
        await ArrangeAsync(useCase, asker, request, answer, requestCoordination);

        var before = await FingerprintAsync();
        var outcome = await RunAsync(useCase, actor, asker, request, answer, original);

        Assert.Equal(allowed, outcome.Allowed);
        if (!Reads.Contains(useCase))
        {
            var after = await FingerprintAsync();
            if (allowed)
            {
                Assert.NotEqual(before, after);
            }
            else
            {
                Assert.Contains(outcome.Failure, new[] { FailureKind.Forbidden, FailureKind.NotFound });
                Assert.Equal(before, after);
            }
        }

        // A forged request id (or an answer id from nowhere) is refused, whoever asks, and changes nothing.
        var beforeForged = await FingerprintAsync();
        var forged = AboutTheAnswer.Contains(useCase)
            ? await RunAsync(useCase, actor, asker, request, answer + 1000, original)
            : await RunAsync(useCase, actor, asker, request + 1000, answer, original);
        Assert.False(forged.Allowed);
        Assert.Equal(beforeForged, await FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(CoordinationCells))]
    public async Task EveryCoordinationUseCaseIsAllowedExactlyToWhomItIsFor(CoordinationUseCase useCase, Role role, bool own, bool allowed)
    {
        var home = HomeOf(role);
        var target = own ? home : (home == _a ? _b : _a);
        var elsewhere = target == _a ? _b : _a;
        var newcomer = await Network.AddMemberAsync(target, "Nouvelle", pending: true);
        var member = await Network.AddMemberAsync(target, "Membre");
        var mover = await Network.AddMemberAsync(elsewhere, "Déménage");
        Assert.True((await Network.Get<MoveCoordinationHandler>().HandleAsync(new AskToMoveCoordination(mover, target))).Succeeded);
        var request = await Network.PostAsync(member, Visibility.Coordination);
        var reporter = await Network.AddMemberAsync(target, "Signale");
        Assert.True((await Network.Get<ReportContentHandler>().HandleAsync(new ReportContent(reporter, request, null, ReportReason.Spam))).Succeeded);
        var candidate = await Network.AddMemberAsync(target, "Candidate");
        var actor = await ActorAsync(role);

        var before = await FingerprintAsync();
        var outcome = useCase switch
        {
            CoordinationUseCase.PostCoordinationOnly => Outcome.Of(await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
                actor, "Besoin d'un conseil sur mes devis", "Comment présentez-vous vos devis à vos clientes ?", 1, Visibility.Coordination, target))),
            CoordinationUseCase.PostNetwork => Outcome.Of(await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
                actor, "Besoin d'un conseil sur mes devis", "Comment présentez-vous vos devis à vos clientes ?", 1, Visibility.Network, target))),
            CoordinationUseCase.DecideMembership => Outcome.Of(await Network.Get<DecideMembershipHandler>().HandleAsync(new DecideMembership(actor, newcomer, Approve: true))),
            CoordinationUseCase.DecideMove => Outcome.Of(await Network.Get<DecideMembershipHandler>().HandleAsync(new DecideMembership(actor, mover, Approve: true))),
            CoordinationUseCase.Suspend => Outcome.Of(await Network.Get<SuspendMemberHandler>().HandleAsync(new SuspendMember(actor, member, 7, "Messages publicitaires répétés"))),
            CoordinationUseCase.ReadLog => Outcome.Of(await Network.Get<ReadModerationLogHandler>().HandleAsync(new ReadModerationLog(actor, target))),
            CoordinationUseCase.PendingQueue => new Outcome((await Network.Get<DecideMembershipHandler>().PendingAsync(actor)).Any(p => p.Id == newcomer), FailureKind.None),
            CoordinationUseCase.ReportsQueue => new Outcome((await Network.Get<ReviewReportsHandler>().QueueAsync(actor)).Value?.Any(i => i.RequestId == request) == true, FailureKind.None),
            CoordinationUseCase.RenameCoordination => Outcome.Of(await Network.Get<ManageCoordinationsHandler>().HandleAsync(new RenameCoordination(actor, target, "Nouveau nom", "Région", "France"))),
            CoordinationUseCase.ArchiveCoordination => Outcome.Of(await Network.Get<ManageCoordinationsHandler>().HandleAsync(new ArchiveCoordination(actor, target))),
            _ => Outcome.Of(await Network.Get<ManageCoordinationsHandler>().HandleAsync(new AssignCoordinatrice(actor, target, await EmailOfAsync(candidate)))),
        };

        Assert.Equal(allowed, outcome.Allowed);
        var after = await FingerprintAsync();
        var isRead = useCase is CoordinationUseCase.ReadLog or CoordinationUseCase.PendingQueue or CoordinationUseCase.ReportsQueue;
        if (allowed && !isRead)
        {
            Assert.NotEqual(before, after);
        }
        else
        {
            Assert.Equal(before, after);
        }

        // Forged ids: a member or a coordination that does not exist.
        var forged = useCase switch
        {
            CoordinationUseCase.PostCoordinationOnly or CoordinationUseCase.PostNetwork => Outcome.Of(await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
                actor, "Besoin d'un conseil sur mes devis", "Comment présentez-vous vos devis à vos clientes ?", 1, Visibility.Network, 999))),
            CoordinationUseCase.DecideMembership or CoordinationUseCase.DecideMove => Outcome.Of(await Network.Get<DecideMembershipHandler>().HandleAsync(new DecideMembership(actor, Guid.NewGuid(), Approve: true))),
            CoordinationUseCase.Suspend => Outcome.Of(await Network.Get<SuspendMemberHandler>().HandleAsync(new SuspendMember(actor, Guid.NewGuid(), 7, "Messages publicitaires répétés"))),
            CoordinationUseCase.RenameCoordination => Outcome.Of(await Network.Get<ManageCoordinationsHandler>().HandleAsync(new RenameCoordination(actor, 999, "Nouveau nom", "Région", "France"))),
            CoordinationUseCase.ArchiveCoordination => Outcome.Of(await Network.Get<ManageCoordinationsHandler>().HandleAsync(new ArchiveCoordination(actor, 999))),
            CoordinationUseCase.AssignCoordinatrice => Outcome.Of(await Network.Get<ManageCoordinationsHandler>().HandleAsync(new AssignCoordinatrice(actor, 999, await EmailOfAsync(candidate)))),
            // The queues and the log only ever show what she moderates; there is no id to forge.
            _ => new Outcome(false, FailureKind.NotFound),
        };
        Assert.False(forged.Allowed);
        Assert.Equal(after, await FingerprintAsync());
    }

    /// <summary>What the use case needs to exist first (something hidden to restore, locked to unlock, reported
    /// to review...), done by the admin or the request's own people.</summary>
    private async Task ArrangeAsync(RequestUseCase useCase, Guid asker, long request, long answer, int requestCoordination)
    {
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        var done = useCase switch
        {
            RequestUseCase.Restore => (await moderate.HandleAsync(new HideHelpRequest(_admin, request, "Vérification en cours"))).Succeeded,
            RequestUseCase.Unlock => (await moderate.HandleAsync(new LockHelpRequest(_admin, request))).Succeeded,
            RequestUseCase.Unpin => (await moderate.HandleAsync(new PinHelpRequest(_admin, request))).Succeeded,
            RequestUseCase.RestoreAnswer => (await moderate.HandleAsync(new HideAnswer(_admin, request, answer, "Vérification en cours"))).Succeeded,
            RequestUseCase.Reopen => (await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(asker, request, answer))).Succeeded,
            RequestUseCase.ResolveReports or RequestUseCase.DismissReports => (await Network.Get<ReportContentHandler>().HandleAsync(
                new ReportContent(await Network.AddMemberAsync(requestCoordination, "Signale"), request, null, ReportReason.Spam))).Succeeded,
            _ => true,
        };
        Assert.True(done);
    }

    private async Task<Outcome> RunAsync(RequestUseCase useCase, Guid actor, Guid asker, long request, long answer, long original)
    {
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        var review = Network.Get<ReviewReportsHandler>();
        return useCase switch
        {
            RequestUseCase.View => new Outcome(await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, actor)) is not null, FailureKind.None),
            RequestUseCase.Browse => new Outcome((await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(actor))).Items.Any(i => i.Id == request), FailureKind.None),
            RequestUseCase.Search => new Outcome((await Network.Get<SearchHelpRequestsHandler>().HandleAsync(new SearchHelpRequests(actor, "conseil statut juridique"))).Hits.Any(h => h.Item.Id == request), FailureKind.None),
            RequestUseCase.Profile => new Outcome((await Network.Get<ViewMemberProfileHandler>().HandleAsync(new ViewMemberProfile(actor, asker)))?.Requests.Any(i => i.Id == request) == true, FailureKind.None),
            RequestUseCase.Answer => Outcome.Of(await Network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(actor, request, "Je vous envoie le contact de mon expert-comptable."))),
            RequestUseCase.Follow => Outcome.Of(await Network.Get<FollowHelpRequestHandler>().HandleAsync(new FollowHelpRequest(actor, request, Follow: true))),
            RequestUseCase.Thank => Outcome.Of(await Network.Get<ThankAnswerHandler>().HandleAsync(new ThankAnswer(actor, request, answer))),
            RequestUseCase.Report => Outcome.Of(await Network.Get<ReportContentHandler>().HandleAsync(new ReportContent(actor, request, null, ReportReason.NotKind))),
            RequestUseCase.Edit => Outcome.Of(await Network.Get<EditHelpRequestHandler>().HandleAsync(new EditHelpRequest(actor, request, "Un autre titre pour cette demande", "D'autres détails pour cette demande, assez longs."))),
            RequestUseCase.Withdraw => Outcome.Of(await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(actor, request))),
            RequestUseCase.EditAnswer => Outcome.Of(await Network.Get<EditAnswerHandler>().HandleAsync(new EditAnswer(actor, request, answer, "Une autre réponse que la sienne"))),
            RequestUseCase.WithdrawAnswer => Outcome.Of(await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(actor, request, answer))),
            RequestUseCase.MarkHelpful => Outcome.Of(await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(actor, request, answer))),
            RequestUseCase.Reopen => Outcome.Of(await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new ReopenHelpRequest(actor, request))),
            RequestUseCase.Close => Outcome.Of(await Network.Get<CloseHelpRequestHandler>().HandleAsync(new CloseHelpRequest(actor, request))),
            RequestUseCase.Hide => Outcome.Of(await moderate.HandleAsync(new HideHelpRequest(actor, request, "Hors charte du réseau"))),
            RequestUseCase.Restore => Outcome.Of(await moderate.HandleAsync(new RestoreHelpRequest(actor, request))),
            RequestUseCase.Lock => Outcome.Of(await moderate.HandleAsync(new LockHelpRequest(actor, request))),
            RequestUseCase.Unlock => Outcome.Of(await moderate.HandleAsync(new LockHelpRequest(actor, request, Locked: false))),
            RequestUseCase.Pin => Outcome.Of(await moderate.HandleAsync(new PinHelpRequest(actor, request))),
            RequestUseCase.Unpin => Outcome.Of(await moderate.HandleAsync(new PinHelpRequest(actor, request, Pinned: false))),
            RequestUseCase.ChangeTheme => Outcome.Of(await moderate.HandleAsync(new ChangeHelpRequestTheme(actor, request, 2))),
            RequestUseCase.CloseAsDuplicate => Outcome.Of(await moderate.HandleAsync(new CloseAsDuplicate(actor, request, original))),
            RequestUseCase.HideAnswer => Outcome.Of(await moderate.HandleAsync(new HideAnswer(actor, request, answer, "Propos blessants"))),
            RequestUseCase.RestoreAnswer => Outcome.Of(await moderate.HandleAsync(new RestoreAnswer(actor, request, answer))),
            RequestUseCase.ResolveReports => Outcome.Of(await review.HandleAsync(new ResolveReports(actor, request, null, "Annonce publicitaire"))),
            _ => Outcome.Of(await review.HandleAsync(new DismissReports(actor, request, null))),
        };
    }

    private Task<string> EmailOfAsync(Guid member) => Network.QueryAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.Email!).SingleAsync());

    /// <summary>Everything a use case could change, as one comparable text.</summary>
    private Task<string> FingerprintAsync() => Network.QueryAsync(async db => string.Join("\n",
        string.Join(";", (await db.HelpRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync()).Select(r =>
            $"{r.Id},{r.Title},{r.Details},{r.Status},{r.IsHidden},{r.IsLocked},{r.PinnedAt},{r.ThemeId},{r.IsWithdrawn},{r.AnswerCount},{r.DuplicateOfId}")),
        string.Join(";", (await db.Answers.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a =>
            $"{a.Id},{a.Body},{a.IsHidden},{a.IsWithdrawn},{a.IsHelpful},{a.ThanksCount}")),
        string.Join(";", (await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync()).Select(m =>
            $"{m.Id},{m.HomeCoordinationId},{m.Membership},{m.RequestedCoordinationId},{m.SuspendedUntil}")),
        string.Join(";", (await db.Coordinations.AsNoTracking().OrderBy(c => c.Id).ToListAsync()).Select(c => $"{c.Id},{c.Name},{c.IsArchived}")),
        await db.Follows.CountAsync(),
        await db.Reports.CountAsync(r => r.Status == ReportStatus.Open),
        await db.ModerationLog.CountAsync(),
        await db.CoordinatorAssignments.CountAsync()));

    private sealed record Outcome(bool Allowed, FailureKind Failure)
    {
        public static Outcome Of<T>(Result<T> result) => new(result.Succeeded, result.Failure);
    }
}
