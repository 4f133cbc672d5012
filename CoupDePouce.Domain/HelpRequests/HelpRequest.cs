using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Resources;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A coup de pouce: a need or a question posted by a member, and its thread. It guards its own
/// life cycle: who may answer, edit, resolve or reopen it is decided here, whatever a page shows.</summary>
public sealed class HelpRequest : AggregateRoot
{
    public const int TitleMinLength = 10;
    public const int TitleMaxLength = 120;
    public const int DetailsMinLength = 20;
    public const int DetailsMaxLength = 5000;

    /// <summary>Within this time, the same answer again from the same member is a repeat, refused.</summary>
    public static readonly TimeSpan RepeatedAnswerWindow = TimeSpan.FromMinutes(2);

    private readonly List<Answer> _answers = [];
    private readonly List<HelpRequestRevision> _revisions = [];

    private HelpRequest()
    {
        Title = string.Empty;
        Details = string.Empty;
    }

    public long Id { get; private set; }

    public string Title { get; private set; }

    /// <summary>Markdown, as she wrote it (last version).</summary>
    public string Details { get; private set; }

    public int ThemeId { get; private set; }

    public Visibility Visibility { get; private set; }

    /// <summary>The asker's home coordination when she posted.</summary>
    public int CoordinationId { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastActivityAt { get; private set; }

    public DateTime? EditedAt { get; private set; }

    public HelpRequestStatus Status { get; private set; }

    /// <summary>When someone other than the asker first answered: drives the response-time metrics.</summary>
    public DateTime? FirstAnsweredAt { get; private set; }

    /// <summary>How long she waited for that first answer, in whole milliseconds of elapsed time: kept beside it so
    /// that the dashboards rank delays without date arithmetic on every reading (decision 026).</summary>
    public long? FirstAnswerWaitMs { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    /// <summary>Answers by someone other than the asker, not withdrawn (her own replies are not answers).</summary>
    public int AnswerCount { get; private set; }

    /// <summary>Hidden by moderation: off the board and out of search; its author and its moderators still see it,
    /// marked hidden, with the reason.</summary>
    public bool IsHidden { get; private set; }

    public string? HiddenReason { get; private set; }

    /// <summary>Hidden by members' reports rather than by a coordinatrice: dismissing the reports restores it.</summary>
    public bool HiddenByReports { get; private set; }

    /// <summary>Locked by moderation: it stays readable, nobody can answer it any more.</summary>
    public bool IsLocked { get; private set; }

    /// <summary>Pinned by moderation to the top of the board (newest pin first).</summary>
    public DateTime? PinnedAt { get; private set; }

    /// <summary>Closed by moderation as a duplicate of this request.</summary>
    public long? DuplicateOfId { get; private set; }

    /// <summary>Withdrawn by its author: kept, shown to nobody.</summary>
    public bool IsWithdrawn { get; private set; }

    public IReadOnlyList<Answer> Answers => _answers;

    public IReadOnlyList<HelpRequestRevision> Revisions => _revisions;

    internal static HelpRequest Post(
        Guid authorId, int coordinationId, int themeId, Visibility visibility, string title, string details, DateTime now)
    {
        var request = new HelpRequest
        {
            AuthorId = authorId,
            CoordinationId = coordinationId,
            ThemeId = themeId,
            Visibility = visibility,
            Title = Text.Clean(title),
            Details = Text.Clean(details),
            CreatedAt = now,
            LastActivityAt = now,
            Status = HelpRequestStatus.Open,
        };
        request.Raise(new HelpRequestPosted(request, authorId, now));
        return request;
    }

    /// <summary>Adds a message to the thread. The first message by someone else makes the request Answered.</summary>
    internal Answer AddAnswer(Guid authorId, string body, DateTime now, int? authorCoordinationId = null)
    {
        EnsureOpenForAnswers();
        var cleaned = Text.Clean(body);
        // The same words from the same member moments ago: a double click or a replayed message, not a new answer.
        if (_answers.LastOrDefault(a => a.AuthorId == authorId && !a.IsWithdrawn) is { } previous
            && previous.Body == cleaned && now - previous.CreatedAt < RepeatedAnswerWindow)
        {
            throw new DomainRuleViolation(Messages.AnswerAlreadySent);
        }

        var answer = new Answer(authorId, cleaned, now, authorCoordinationId);
        _answers.Add(answer);
        LastActivityAt = now;
        if (authorId != AuthorId)
        {
            AnswerCount++;
            if (FirstAnsweredAt is null)
            {
                FirstAnsweredAt = now;
                FirstAnswerWaitMs = WaitMs(CreatedAt, now);
            }
            if (Status == HelpRequestStatus.Open)
            {
                Status = HelpRequestStatus.Answered;
            }
        }

        Raise(new HelpRequestAnswered(this, answer, authorId, now));
        return answer;
    }

    /// <summary>Her own words, changed; the previous version is kept.</summary>
    internal void Edit(Guid byMemberId, string title, string details, DateTime now)
    {
        Enforce(OwnRequestRefusal(byMemberId));
        _revisions.Add(new HelpRequestRevision(Title, Details, EditedAt ?? CreatedAt));
        Title = Text.Clean(title);
        Details = Text.Clean(details);
        EditedAt = now;
        Raise(new HelpRequestEdited(this, byMemberId, now));
    }

    /// <summary>She takes her request back: it disappears for everyone; nothing is deleted.</summary>
    internal void Withdraw(Guid byMemberId, DateTime now)
    {
        Enforce(OwnRequestRefusal(byMemberId));
        IsWithdrawn = true;
        LastActivityAt = now;
        Raise(new HelpRequestWithdrawn(this, byMemberId, now));
    }

    internal Answer EditAnswer(Guid byMemberId, long answerId, string body, DateTime now)
    {
        var answer = FindAnswer(answerId);
        Enforce(OwnAnswerRefusal(byMemberId, answer));

        answer.Edit(body, now);
        Raise(new AnswerEdited(this, answer, byMemberId, now));
        return answer;
    }

    internal Answer WithdrawAnswer(Guid byMemberId, long answerId, DateTime now)
    {
        var answer = FindAnswer(answerId);
        Enforce(OwnAnswerRefusal(byMemberId, answer));

        answer.Withdraw();
        RecountAnswers();
        Raise(new AnswerWithdrawn(this, answer, byMemberId, now));
        return answer;
    }

    /// <summary>« merci » on someone else's answer, once per member; a second time takes it back.</summary>
    internal Answer ToggleThanks(Guid byMemberId, long answerId, DateTime now)
    {
        var answer = FindShownAnswer(answerId);
        Enforce(ThanksRefusal(byMemberId, answer));
        var thanked = answer.ToggleThanks(byMemberId, now);
        Raise(new AnswerThanked(this, answer, byMemberId, thanked, now));
        return answer;
    }

    /// <summary>Whether the request page offers her « ça m'a aidée » on this answer: exactly when
    /// <see cref="MarkHelpful(Guid, Answer, DateTime)"/> would accept it and it is not marked yet.</summary>
    public bool OffersHelpfulMarkTo(Guid memberId, Answer answer) =>
        !answer.IsHelpful && HelpfulMarkRefusal(memberId, answer, ofThisRequest: answer.HelpRequestId == Id) == HelpfulMarkRefused.No;

    /// <summary>The asker says « ça m'a aidée » about an answer by someone else; the request is then Resolved.
    /// Several answers can be credited.</summary>
    internal Answer MarkHelpful(Guid byMemberId, long answerId, DateTime now)
    {
        if (byMemberId != AuthorId)
        {
            throw DomainRuleViolation.Forbidden(Messages.OnlyAskerResolves);
        }

        return MarkHelpful(byMemberId, FindShownAnswer(answerId), now);
    }

    internal Answer MarkHelpful(Guid byMemberId, Answer answer, DateTime now)
    {
        switch (HelpfulMarkRefusal(byMemberId, answer, ofThisRequest: _answers.Contains(answer)))
        {
            case HelpfulMarkRefused.NotTheAsker:
                throw DomainRuleViolation.Forbidden(Messages.OnlyAskerResolves);
            case HelpfulMarkRefused.AnswerNotShown:
                throw DomainRuleViolation.NotFound(Messages.AnswerNotOfThisRequest);
            case HelpfulMarkRefused.OwnReply:
                throw new DomainRuleViolation(Messages.CannotMarkOwnReply);
            case HelpfulMarkRefused.Closed:
                throw new DomainRuleViolation(Messages.RequestClosed);
        }

        if (!answer.IsHelpful)
        {
            answer.MarkHelpful();
            Raise(new AnswerMarkedHelpful(this, answer, byMemberId, now));
        }

        LastActivityAt = now;
        if (Status != HelpRequestStatus.Resolved)
        {
            Status = HelpRequestStatus.Resolved;
            ResolvedAt = now;
            Raise(new HelpRequestResolved(this, byMemberId, now));
        }

        return answer;
    }

    /// <summary>The one rule for « ça m'a aidée », for marking it and for offering it: only the asker, only on a
    /// shown answer of this request by someone else, never once the request is closed. (Whether the answer is of
    /// this request is the caller's to say: a request read for display is read without its answers.)</summary>
    private HelpfulMarkRefused HelpfulMarkRefusal(Guid byMemberId, Answer answer, bool ofThisRequest) =>
        byMemberId != AuthorId ? HelpfulMarkRefused.NotTheAsker
        : !ofThisRequest || !IsShownToAll(answer) ? HelpfulMarkRefused.AnswerNotShown
        : answer.AuthorId == AuthorId ? HelpfulMarkRefused.OwnReply
        : Status == HelpRequestStatus.Closed ? HelpfulMarkRefused.Closed
        : HelpfulMarkRefused.No;

    private enum HelpfulMarkRefused { No, NotTheAsker, AnswerNotShown, OwnReply, Closed }

    /// <summary>The asker finds her need is not met after all. The answers she credited keep their mark.</summary>
    internal void Reopen(Guid byMemberId, DateTime now)
    {
        Enforce(ReopenRefusal(byMemberId));

        Status = AnswerCount > 0 ? HelpRequestStatus.Answered : HelpRequestStatus.Open;
        ResolvedAt = null;
        LastActivityAt = now;
        Raise(new HelpRequestReopened(this, byMemberId, now));
    }

    /// <summary>A coordinatrice of the request's coordination, or an admin, closes it (duplicate, off-topic,
    /// expired): no new answers.</summary>
    internal void Close(Viewer moderator, DateTime now, HelpRequest? duplicateOf = null)
    {
        Enforce(CloseRefusal(moderator));

        Status = HelpRequestStatus.Closed;
        LastActivityAt = now;
        DuplicateOfId = duplicateOf?.Id;
        Raise(new HelpRequestClosed(this, moderator.MemberId, now, DuplicateOfId));
    }

    /// <summary>A coordinatrice of the request's coordination, or an admin, takes it off the board, saying why.</summary>
    internal void Hide(Viewer moderator, string reason, DateTime now)
    {
        Enforce(HideRefusal(moderator));

        IsHidden = true;
        HiddenReason = Text.Clean(reason);
        Raise(new HelpRequestHidden(this, HiddenReason, moderator.MemberId, now));
    }

    internal void Restore(Viewer moderator, DateTime now)
    {
        Enforce(RestoreRefusal(moderator));

        IsHidden = false;
        HiddenReason = null;
        HiddenByReports = false;
        Raise(new HelpRequestRestored(this, moderator.MemberId, now));
    }

    /// <summary>Locked (or unlocked) by moderation: no new answers while locked.</summary>
    internal void SetLocked(Viewer moderator, bool locked, DateTime now)
    {
        Enforce(LockRefusal(moderator, locked));

        IsLocked = locked;
        Raise(locked ? new HelpRequestLocked(this, moderator.MemberId, now) : new HelpRequestUnlocked(this, moderator.MemberId, now));
    }

    internal void SetPinned(Viewer moderator, bool pinned, DateTime now)
    {
        Enforce(PinRefusal(moderator, pinned));

        PinnedAt = pinned ? now : null;
        Raise(pinned ? new HelpRequestPinned(this, moderator.MemberId, now) : new HelpRequestUnpinned(this, moderator.MemberId, now));
    }

    /// <summary>How long a request waits for a first answer before its coordinatrice may propose it to members.</summary>
    public static readonly TimeSpan RelaunchAfter = TimeSpan.FromHours(24);

    /// <summary>Open, on the board, and still without an answer more than <see cref="RelaunchAfter"/> after posting.</summary>
    public bool AwaitsRelaunch(DateTime now) =>
        Status == HelpRequestStatus.Open && FirstAnsweredAt is null && !IsHidden && !IsWithdrawn && now - CreatedAt > RelaunchAfter;

    /// <summary>Invited, on posting, to members whose skills include its theme (the matching chose them).</summary>
    internal void Invite(IReadOnlyList<Guid> members, DateTime now) => Raise(new HelpInvited(this, members, now));

    /// <summary>A request kept to its coordination that nobody answered after this long alerts its coordinatrices.</summary>
    public static readonly TimeSpan AlertCoordinatricesAfter = TimeSpan.FromHours(24);

    /// <summary>…and after this long its asker is offered to open it to the whole network.</summary>
    public static readonly TimeSpan OfferNetworkAfter = TimeSpan.FromHours(48);

    /// <summary>When its coordinatrices were alerted that it still waits for a first answer (once).</summary>
    public DateTime? CoordinatricesAlertedAt { get; private set; }

    /// <summary>When its asker was offered to open it to the network (once).</summary>
    public DateTime? NetworkOfferedAt { get; private set; }

    /// <summary>Kept to its coordination, on the board, open (not locked by moderation), and nobody answered it for at
    /// least <paramref name="after"/>.</summary>
    public bool WaitsInItsCoordination(DateTime now, TimeSpan after) =>
        Visibility == Visibility.Coordination && Status == HelpRequestStatus.Open && FirstAnsweredAt is null
            && !IsHidden && !IsWithdrawn && !IsLocked && now - CreatedAt >= after;

    internal void AlertCoordinatrices(IReadOnlyList<Guid> coordinatrices, DateTime now)
    {
        CoordinatricesAlertedAt = now;
        Raise(new FirstAnswerAwaited(this, coordinatrices, now));
    }

    internal void OfferNetwork(DateTime now)
    {
        NetworkOfferedAt = now;
        Raise(new NetworkOffered(this, now));
    }

    /// <summary>Why she may not open it to the whole network now, or null: only its asker, only a request kept to
    /// its coordination that nobody answered for <see cref="OfferNetworkAfter"/>.</summary>
    public string? OpenToNetworkRefusal(Guid memberId, DateTime now) =>
        AuthorId != memberId ? Messages.OpenToNetworkNotYours
        : Visibility == Visibility.Network ? Messages.OpenToNetworkAlready
        : !WaitsInItsCoordination(now, OfferNetworkAfter) ? Messages.OpenToNetworkNotWaiting
        : null;

    internal void OpenToNetwork(Guid byMemberId, DateTime now)
    {
        if (OpenToNetworkRefusal(byMemberId, now) is { } refusal)
        {
            throw new DomainRuleViolation(refusal, AuthorId != byMemberId ? FailureKind.Forbidden : FailureKind.Invalid);
        }

        Visibility = Visibility.Network;
        Raise(new HelpRequestOpenedToNetwork(this, byMemberId, now));
    }

    /// <summary>Its asker asked a member for the help she offers (the use case checked the offer).</summary>
    internal void AskOfferer(Guid offererId, Guid askerId, DateTime now) => Raise(new OffererAsked(this, offererId, askerId, now));

    /// <summary>The asker is asked « est-ce que ça a marché ? » this long after her request was resolved.</summary>
    public static readonly TimeSpan FollowUpAfter = TimeSpan.FromDays(7);

    /// <summary>When its asker was asked whether it worked (once).</summary>
    public DateTime? FollowUpAskedAt { get; private set; }

    /// <summary>What she said, once.</summary>
    public FollowUps.FollowUpAnswer? FollowUp { get; private set; }

    public DateTime? FollowUpAnsweredAt { get; private set; }

    /// <summary>Resolved at least <see cref="FollowUpAfter"/> ago, on the board, and never asked.</summary>
    public bool AwaitsFollowUp(DateTime now) =>
        Status == HelpRequestStatus.Resolved && ResolvedAt is { } resolved && now - resolved >= FollowUpAfter
            && FollowUpAskedAt is null && !IsHidden && !IsWithdrawn;

    internal void AskFollowUp(DateTime now)
    {
        FollowUpAskedAt = now;
        Raise(new FollowUpAsked(this, now));
    }

    /// <summary>Why she may not say whether it worked now, or null: only its asker, only once she was asked (and while
    /// it is still resolved), only once.</summary>
    public string? FollowUpRefusal(Guid memberId) =>
        AuthorId != memberId ? Messages.FollowUpNotYours
        : FollowUpAskedAt is null || Status != HelpRequestStatus.Resolved ? Messages.FollowUpNotAsked
        : FollowUp is not null ? Messages.FollowUpAlreadyAnswered
        : null;

    internal void AnswerFollowUp(Guid byMemberId, FollowUps.FollowUpAnswer answer, DateTime now)
    {
        if (FollowUpRefusal(byMemberId) is { } refusal)
        {
            throw new DomainRuleViolation(refusal, AuthorId != byMemberId ? FailureKind.Forbidden : FailureKind.Invalid);
        }

        if (!Enum.IsDefined(answer))
        {
            throw new DomainRuleViolation(Messages.FollowUpUnknown);
        }

        FollowUp = answer;
        FollowUpAnsweredAt = now;
    }

    /// <summary>« Proposer aux membres compétentes »: its coordinatrice tells these members about it (who they are is
    /// the use case's choice; that there are some, and that it still waits, is checked here).</summary>
    internal void ProposeTo(Viewer coordinatrice, IReadOnlyList<Guid> members, DateTime now)
    {
        EnsureModerator(coordinatrice);
        if (!AwaitsRelaunch(now))
        {
            throw new DomainRuleViolation(Messages.RelaunchNotWaiting);
        }

        if (members.Count == 0)
        {
            throw new DomainRuleViolation(Messages.RelaunchNobodyLeft);
        }

        Raise(new HelpProposed(this, members, coordinatrice.MemberId, now));
    }

    /// <summary>Moved to the theme it belongs to (the theme itself is checked by the use case).</summary>
    internal void ChangeTheme(Viewer moderator, int themeId, DateTime now)
    {
        EnsureModerator(moderator);
        if (ThemeId == themeId)
        {
            throw new DomainRuleViolation(Messages.SameTheme);
        }

        ThemeId = themeId;
        Raise(new HelpRequestThemeChanged(this, moderator.MemberId, now));
    }

    /// <summary>Closed as a duplicate of another request that everyone who sees this one can see too.</summary>
    internal void CloseAsDuplicate(Viewer moderator, HelpRequest original, DateTime now)
    {
        EnsureModerator(moderator);
        if (original.Id == Id || original.IsWithdrawn || original.IsHidden
            || (original.Visibility == Visibility.Coordination && (Visibility != Visibility.Coordination || original.CoordinationId != CoordinationId)))
        {
            throw new DomainRuleViolation(Messages.NotASuitableOriginal);
        }

        Close(moderator, now, original);
    }

    /// <summary>Takes off the board, pending a coordinatrice's review, a request that three members reported.</summary>
    internal void HideForReview(string reason, DateTime now)
    {
        if (IsHidden)
        {
            return;
        }

        IsHidden = true;
        HiddenByReports = true;
        HiddenReason = reason;
        Raise(new HelpRequestHidden(this, reason, null, now));
    }

    /// <summary>An answer hidden by a moderator: a coordinatrice of this request's coordination, or of the
    /// coordination its author belongs to (<paramref name="authorCoordinationId"/>), or an admin.</summary>
    internal Answer HideAnswer(Viewer moderator, long answerId, int authorCoordinationId, string reason, DateTime now)
    {
        var answer = FindAnswer(answerId);
        Enforce(AnswerHideRefusal(moderator, answer, authorCoordinationId));
        answer.Hide(reason, byReports: false);
        RecountAnswers();
        Raise(new AnswerHidden(this, answer, ModerationCoordinationFor(moderator, authorCoordinationId), moderator.MemberId, now));
        return answer;
    }

    internal Answer RestoreAnswer(Viewer moderator, long answerId, int authorCoordinationId, DateTime now)
    {
        var answer = FindAnswer(answerId);
        Enforce(AnswerRestoreRefusal(moderator, answer, authorCoordinationId));
        answer.Restore();
        RecountAnswers();
        // A restored answer she had said helped her resolves her request again.
        if (answer.IsHelpful && Status is HelpRequestStatus.Open or HelpRequestStatus.Answered)
        {
            Status = HelpRequestStatus.Resolved;
            ResolvedAt = now;
        }

        Raise(new AnswerRestored(this, answer, ModerationCoordinationFor(moderator, authorCoordinationId), moderator.MemberId, now));
        return answer;
    }

    /// <summary>An answer three members reported, off the thread pending review.</summary>
    internal void HideAnswerForReview(long answerId, string reason, DateTime now)
    {
        var answer = FindAnswer(answerId);
        if (answer.IsHidden)
        {
            return;
        }

        answer.Hide(reason, byReports: true);
        RecountAnswers();
        Raise(new AnswerHidden(this, answer, CoordinationId, null, now));
    }

    /// <summary>A coordinatrice agrees with the reports about this request (no <paramref name="answerId"/>) or one
    /// of its answers: hidden with her reason, which its author is told.</summary>
    internal void ConfirmHidden(Viewer moderator, long? answerId, int authorCoordinationId, string reason, DateTime now)
    {
        if (answerId is { } id)
        {
            var answer = FindAnswer(id);
            if (!answer.IsHidden)
            {
                HideAnswer(moderator, id, authorCoordinationId, reason, now);
                return;
            }

            EnsureAnswerModerator(moderator, authorCoordinationId);
            answer.ConfirmHidden(reason);
            Raise(new AnswerHidden(this, answer, ModerationCoordinationFor(moderator, authorCoordinationId), moderator.MemberId, now));
            return;
        }

        if (!IsHidden)
        {
            Hide(moderator, reason, now);
            return;
        }

        EnsureModerator(moderator);
        HiddenReason = Text.Clean(reason);
        HiddenByReports = false;
        Raise(new HelpRequestHidden(this, HiddenReason, moderator.MemberId, now));
    }

    /// <summary>The request's moderators, or on a network-wide request the coordinatrices of the answer's author (a
    /// coordination-only thread stays with its own coordination, down to its log lines).</summary>
    internal bool CanModerateAnswer(Viewer moderator, int authorCoordinationId) =>
        moderator.Moderates(CoordinationId) || (Visibility == Visibility.Network && moderator.Moderates(authorCoordinationId));

    /// <summary>Whose log line it is: this request's coordination when she moderates it, otherwise her member's.</summary>
    internal int ModerationCoordinationFor(Viewer moderator, int authorCoordinationId) =>
        moderator.Moderates(CoordinationId) ? CoordinationId : authorCoordinationId;

    /// <summary>What the request page offers her on this request: each field asks the very rule its use case
    /// enforces, so a button is shown exactly when pressing it would be accepted. <paramref name="suspension"/> is
    /// her current suspension, if any (<see cref="Moderation.SuspendMemberHandler"/>: checked before the request's
    /// own rule, as answering does).</summary>
    public RequestActions ActionsFor(Viewer viewer, bool follows, bool reported, string? suspension)
    {
        if (!viewer.CanSee(this))
        {
            return RequestActions.None;
        }

        var me = viewer.MemberId!.Value;
        var ownRequest = OwnRequestRefusal(me) is null;
        var closing = CloseRefusal(viewer) is null;
        var moderates = ModerationRefusal(viewer) is null;
        var answering = suspension is not null ? AnswerRefusal.MemberSuspended : AnswersRefusal();
        return new RequestActions(
            CanEdit: ownRequest,
            CanWithdraw: ownRequest,
            CanReopen: ReopenRefusal(me) is null,
            CanClose: closing,
            CanCloseAsDuplicate: closing,
            CanModerate: moderates,
            CanHide: HideRefusal(viewer) is null,
            CanRestore: RestoreRefusal(viewer) is null,
            CanLock: LockRefusal(viewer, locked: true) is null,
            CanUnlock: LockRefusal(viewer, locked: false) is null,
            CanPin: PinRefusal(viewer, pinned: true) is null,
            CanUnpin: PinRefusal(viewer, pinned: false) is null,
            CanChangeTheme: moderates,
            CanAnswer: answering == AnswerRefusal.None,
            WhyNoAnswer: answering,
            CanReport: ReportRefusal(viewer, null, 0, reported) == ReportRefused.No,
            AlreadyReported: reported,
            // Following asks nothing more than seeing it.
            CanFollow: true,
            Follows: follows);
    }

    /// <summary>What the request page offers her on one message of this request's thread, from the rules its use
    /// cases enforce. <paramref name="authorCoordinationId"/> is the home coordination of the message's author
    /// (whose coordinatrices may moderate it on a network-wide request).</summary>
    public AnswerActions ActionsOn(Answer answer, Viewer viewer, int authorCoordinationId, bool thanked, bool reported)
    {
        if (!viewer.CanSee(this))
        {
            return AnswerActions.None;
        }

        var me = viewer.MemberId!.Value;
        var ownAnswer = OwnAnswerRefusal(me, answer) is null;
        return new AnswerActions(
            CanEdit: ownAnswer,
            CanWithdraw: ownAnswer,
            CanThank: ThanksRefusal(me, answer) is null,
            Thanked: thanked,
            CanMarkHelpful: OffersHelpfulMarkTo(me, answer),
            CanReport: ReportRefusal(viewer, answer, authorCoordinationId, reported) == ReportRefused.No,
            AlreadyReported: reported,
            CanHide: AnswerHideRefusal(viewer, answer, authorCoordinationId) is null,
            CanRestore: AnswerRestoreRefusal(viewer, answer, authorCoordinationId) is null);
    }

    /// <summary>Whether she reads this answer: not withdrawn and, once hidden, only its author and its moderators
    /// (the others see that an answer was hidden).</summary>
    public bool ShowsAnswerTo(Viewer viewer, Answer answer, int authorCoordinationId) =>
        !answer.IsWithdrawn
        && (!answer.IsHidden || answer.AuthorId == viewer.MemberId || CanModerateAnswer(viewer, authorCoordinationId));

    /// <summary>The one rule for reporting this request (no <paramref name="answer"/>) or one of its answers: only a
    /// member a coordinatrice has approved (reports can hide things), only what she reads, never her own words,
    /// once per item (<paramref name="alreadyReported"/>, as stored).</summary>
    internal ReportRefused ReportRefusal(Viewer reporter, Answer? answer, int answerAuthorCoordinationId, bool alreadyReported) =>
        !reporter.IsApproved ? ReportRefused.NotApproved
        : answer is not null && !ShowsAnswerTo(reporter, answer, answerAuthorCoordinationId) ? ReportRefused.NotShown
        : (answer?.AuthorId ?? AuthorId) == reporter.MemberId ? ReportRefused.OwnWords
        : alreadyReported ? ReportRefused.AlreadyReported
        : ReportRefused.No;

    internal enum ReportRefused { No, NotApproved, NotShown, OwnWords, AlreadyReported }

    /// <summary>Why nobody may write in its thread now, if so: closed or locked by moderation.</summary>
    private AnswerRefusal AnswersRefusal() =>
        Status == HelpRequestStatus.Closed ? AnswerRefusal.RequestClosed
        : IsLocked ? AnswerRefusal.RequestLocked
        : AnswerRefusal.None;

    /// <summary>Her own request, still there: the rule for editing it and for withdrawing it (whatever its status:
    /// moderators hide and close, they do not rewrite).</summary>
    private DomainRuleViolation? OwnRequestRefusal(Guid byMemberId) =>
        byMemberId != AuthorId ? DomainRuleViolation.Forbidden(Messages.OnlyAuthorEdits)
        : IsWithdrawn ? DomainRuleViolation.NotFound(Messages.RequestNotAvailable)
        : null;

    private DomainRuleViolation? ReopenRefusal(Guid byMemberId) =>
        byMemberId != AuthorId ? DomainRuleViolation.Forbidden(Messages.OnlyAskerReopens)
        : Status != HelpRequestStatus.Resolved ? new DomainRuleViolation(Messages.NotResolved)
        : null;

    /// <summary>For closing it, as such or as a duplicate (which also needs a suitable original).</summary>
    private DomainRuleViolation? CloseRefusal(Viewer moderator) =>
        ModerationRefusal(moderator, Messages.OnlyModeratorsClose)
        ?? (Status == HelpRequestStatus.Closed ? new DomainRuleViolation(Messages.RequestClosed) : null);

    private DomainRuleViolation? HideRefusal(Viewer moderator) =>
        ModerationRefusal(moderator) ?? (IsHidden ? new DomainRuleViolation(Messages.AlreadyHidden) : null);

    private DomainRuleViolation? RestoreRefusal(Viewer moderator) =>
        ModerationRefusal(moderator) ?? (!IsHidden ? new DomainRuleViolation(Messages.NotHidden) : null);

    private DomainRuleViolation? LockRefusal(Viewer moderator, bool locked) =>
        ModerationRefusal(moderator)
        ?? (IsLocked == locked ? new DomainRuleViolation(locked ? Messages.AlreadyLocked : Messages.NotLocked) : null);

    private DomainRuleViolation? PinRefusal(Viewer moderator, bool pinned) =>
        ModerationRefusal(moderator)
        ?? ((PinnedAt is not null) == pinned ? new DomainRuleViolation(pinned ? Messages.AlreadyPinned : Messages.NotPinned) : null);

    /// <summary>A coordinatrice of the request's coordination, or an admin.</summary>
    private DomainRuleViolation? ModerationRefusal(Viewer moderator, string? refusal = null) =>
        moderator.Moderates(CoordinationId) ? null : DomainRuleViolation.Forbidden(refusal ?? Messages.OnlyModerators);

    /// <summary>Her own answer, not withdrawn: the rule for editing it and for withdrawing it.</summary>
    private static DomainRuleViolation? OwnAnswerRefusal(Guid byMemberId, Answer answer) =>
        answer.IsWithdrawn ? DomainRuleViolation.NotFound(Messages.AnswerNotOfThisRequest)
        : answer.AuthorId != byMemberId ? DomainRuleViolation.Forbidden(Messages.OnlyAuthorEditsAnswer)
        : null;

    /// <summary>« merci » on an answer everyone sees, by someone else (closed or locked, it can still be thanked).</summary>
    private static DomainRuleViolation? ThanksRefusal(Guid byMemberId, Answer answer) =>
        !IsShownToAll(answer) ? DomainRuleViolation.NotFound(Messages.AnswerNotOfThisRequest)
        : answer.AuthorId == byMemberId ? new DomainRuleViolation(Messages.CannotThankOwnAnswer)
        : null;

    private DomainRuleViolation? AnswerHideRefusal(Viewer moderator, Answer answer, int authorCoordinationId) =>
        AnswerModerationRefusal(moderator, answer, authorCoordinationId)
        ?? (answer.IsHidden ? new DomainRuleViolation(Messages.AlreadyHidden) : null);

    private DomainRuleViolation? AnswerRestoreRefusal(Viewer moderator, Answer answer, int authorCoordinationId) =>
        AnswerModerationRefusal(moderator, answer, authorCoordinationId)
        ?? (!answer.IsHidden ? new DomainRuleViolation(Messages.NotHidden) : null);

    private DomainRuleViolation? AnswerModerationRefusal(Viewer moderator, Answer answer, int authorCoordinationId) =>
        answer.IsWithdrawn ? DomainRuleViolation.NotFound(Messages.AnswerNotOfThisRequest)
        : !CanModerateAnswer(moderator, authorCoordinationId) ? DomainRuleViolation.Forbidden(Messages.OnlyModerators)
        : null;

    /// <summary>Not withdrawn, not hidden: an answer everyone who sees the request sees.</summary>
    /// <summary>Elapsed time from <paramref name="from"/> to <paramref name="to"/> in whole milliseconds (half a
    /// millisecond rounds up): what the first-answer figures rank, and what the migration filled older requests with.</summary>
    internal static long WaitMs(DateTime from, DateTime to) =>
        (long)Math.Round((to - from).TotalMilliseconds, MidpointRounding.AwayFromZero);

    private static bool IsShownToAll(Answer answer) => !answer.IsWithdrawn && !answer.IsHidden;

    private static void Enforce(DomainRuleViolation? refusal)
    {
        if (refusal is not null)
        {
            throw refusal;
        }
    }

    private void EnsureAnswerModerator(Viewer moderator, int authorCoordinationId) =>
        Enforce(CanModerateAnswer(moderator, authorCoordinationId) ? null : DomainRuleViolation.Forbidden(Messages.OnlyModerators));

    private void EnsureModerator(Viewer moderator) => Enforce(ModerationRefusal(moderator));

    /// <summary>An answer everyone who sees the request sees (not hidden by moderation).</summary>
    private Answer FindShownAnswer(long answerId) =>
        _answers.FirstOrDefault(a => a.Id == answerId && IsShownToAll(a))
        ?? throw DomainRuleViolation.NotFound(Messages.AnswerNotOfThisRequest);

    /// <summary>One of this request's answers, not withdrawn (hidden ones included); otherwise not found.</summary>
    internal Answer FindAnswer(long answerId) =>
        _answers.FirstOrDefault(a => a.Id == answerId && !a.IsWithdrawn)
        ?? throw DomainRuleViolation.NotFound(Messages.AnswerNotOfThisRequest);

    private void EnsureOpenForAnswers()
    {
        if (IsWithdrawn)
        {
            throw DomainRuleViolation.NotFound(Messages.RequestNotAvailable);
        }

        switch (AnswersRefusal())
        {
            case AnswerRefusal.RequestClosed:
                throw new DomainRuleViolation(Messages.RequestClosed);
            case AnswerRefusal.RequestLocked:
                throw new DomainRuleViolation(Messages.RequestLocked);
        }
    }

    private void RecountAnswers()
    {
        AnswerCount = _answers.Count(a => !a.IsWithdrawn && !a.IsHidden && a.AuthorId != AuthorId);
        if (Status == HelpRequestStatus.Closed
            || (Status == HelpRequestStatus.Resolved && _answers.Any(a => a.IsHelpful && !a.IsWithdrawn && !a.IsHidden)))
        {
            return;
        }

        Status = AnswerCount > 0 ? HelpRequestStatus.Answered : HelpRequestStatus.Open;
        ResolvedAt = null;
    }
}

/// <summary>A previous version of a request, kept when its author edits it.</summary>
public sealed class HelpRequestRevision
{
    private HelpRequestRevision()
    {
        Title = string.Empty;
        Details = string.Empty;
    }

    internal HelpRequestRevision(string title, string details, DateTime writtenAt)
    {
        Title = title;
        Details = details;
        WrittenAt = writtenAt;
    }

    public long Id { get; private set; }

    public long HelpRequestId { get; private set; }

    public string Title { get; private set; }

    public string Details { get; private set; }

    public DateTime WrittenAt { get; private set; }
}
