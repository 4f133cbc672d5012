using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;

namespace CoupDePouce.Domain.Live;

/// <summary>What changed on the board, as it travels to live screens (in process or between instances): ids and
/// the facts needed to decide who may hear of it, never the content itself (screens reload what they may see).</summary>
public enum BoardChangeKind
{
    Posted,
    Edited,
    Withdrawn,
    Answered,
    AnswerEdited,
    AnswerWithdrawn,
    Thanked,
    MarkedHelpful,
    Resolved,
    Reopened,
    Closed,
    Hidden,
    Restored,
    Locked,
    Unlocked,
    Pinned,
    Unpinned,
    ThemeChanged,
    AnswerHidden,
    AnswerRestored,

    /// <summary>What waits for a coordination's coordinatrices (reports, memberships, moves) changed; no request
    /// (<see cref="BoardChange.RequestId"/> 0), no content: their menu counts again.</summary>
    QueueChanged,

    /// <summary>A request was proposed to some members: only their bells count again; the request itself is unchanged.</summary>
    Proposed,

    /// <summary>Some members were told something by the system (an invitation to help, a request that waits for a
    /// first answer, an offer to open hers to the network): only their bells count again.</summary>
    Notified,

    /// <summary>Its asker opened a request kept to its coordination to the whole network: a new line for the
    /// members outside it, a changed one for those who had it.</summary>
    OpenedToNetwork,
}

public sealed record BoardChange(
    BoardChangeKind Kind,
    long RequestId,
    int CoordinationId,
    Visibility Visibility,
    bool Listed,
    Guid? ActorId,
    DateTime OccurredAt,
    IReadOnlyList<Guid>? Recipients = null,
    int ThemeId = 0)
{
    /// <summary>Who may hear of a change: exactly who may see the request (its coordination's members, its
    /// coordinatrices and admins for a coordination-only request; every member for a network one). Decided on the
    /// server, per recipient, before anything is sent. A request taken off the board is announced (as a removal)
    /// to the same audience.</summary>
    /// <summary>A change of the moderation queues of a coordination. It reaches every signed-in screen that asks for it
    /// (a report on an answer also concerns the answerer's coordinatrices); each counts only what she may see.</summary>
    public static BoardChange QueueChanged(int coordinationId, DateTime occurredAt) =>
        new(BoardChangeKind.QueueChanged, 0, coordinationId, Visibility.Network, Listed: false, ActorId: null, occurredAt);

    /// <summary>Whether it changes what a request shows (every kind but <see cref="BoardChangeKind.QueueChanged"/> and <see cref="BoardChangeKind.Proposed"/>).</summary>
    public bool IsAboutRequest => Kind is not (BoardChangeKind.QueueChanged or BoardChangeKind.Proposed or BoardChangeKind.Notified);

    /// <summary>A new line on the boards of those who may now see it.</summary>
    public bool BringsNewLine => Kind is BoardChangeKind.Posted or BoardChangeKind.OpenedToNetwork;

    /// <summary>Whether it may change what waits for a coordinatrice: a queue change, or a reported request or answer
    /// that is withdrawn, hidden or restored (the open reports count only items still there to decide on).</summary>
    public bool MayChangeModerationQueues =>
        Kind is BoardChangeKind.QueueChanged or BoardChangeKind.Withdrawn or BoardChangeKind.AnswerWithdrawn
            or BoardChangeKind.Hidden or BoardChangeKind.Restored;

    /// <remarks>A change told to a few members (<see cref="Recipients"/>) reaches only them.</remarks>
    public bool IsFor(Viewer viewer) =>
        viewer.IsSignedIn && (Visibility == Visibility.Network || viewer.BelongsTo(CoordinationId))
            && (Recipients is null || Recipients.Contains(viewer.MemberId!.Value));

    internal static BoardChange? From(IHelpRequestEvent domainEvent)
    {
        BoardChangeKind? kind = domainEvent switch
        {
            HelpRequestPosted => BoardChangeKind.Posted,
            HelpRequestEdited => BoardChangeKind.Edited,
            HelpRequestWithdrawn => BoardChangeKind.Withdrawn,
            HelpRequestAnswered => BoardChangeKind.Answered,
            AnswerEdited => BoardChangeKind.AnswerEdited,
            AnswerWithdrawn => BoardChangeKind.AnswerWithdrawn,
            AnswerThanked => BoardChangeKind.Thanked,
            AnswerMarkedHelpful => BoardChangeKind.MarkedHelpful,
            HelpRequestResolved => BoardChangeKind.Resolved,
            HelpRequestReopened => BoardChangeKind.Reopened,
            HelpRequestClosed => BoardChangeKind.Closed,
            HelpRequestHidden => BoardChangeKind.Hidden,
            HelpRequestRestored => BoardChangeKind.Restored,
            HelpRequestLocked => BoardChangeKind.Locked,
            HelpRequestUnlocked => BoardChangeKind.Unlocked,
            HelpRequestPinned => BoardChangeKind.Pinned,
            HelpRequestUnpinned => BoardChangeKind.Unpinned,
            HelpRequestThemeChanged => BoardChangeKind.ThemeChanged,
            AnswerHidden => BoardChangeKind.AnswerHidden,
            AnswerRestored => BoardChangeKind.AnswerRestored,
            HelpProposed => BoardChangeKind.Proposed,
            HelpInvited or FirstAnswerAwaited or NetworkOffered or FollowUpAsked or OffererAsked => BoardChangeKind.Notified,
            HelpRequestOpenedToNetwork => BoardChangeKind.OpenedToNetwork,
            _ => null,
        };
        IReadOnlyList<Guid>? recipients = domainEvent switch
        {
            HelpProposed proposed => proposed.Recipients,
            HelpInvited invited => invited.Recipients,
            FirstAnswerAwaited awaited => awaited.Coordinatrices,
            NetworkOffered offered => [offered.Request.AuthorId],
            FollowUpAsked asked => [asked.Request.AuthorId],
            OffererAsked asked => [asked.OffererId],
            _ => null,
        };
        var request = domainEvent.Request;
        return kind is { } k
            ? new BoardChange(k, request.Id, request.CoordinationId, request.Visibility, !request.IsHidden && !request.IsWithdrawn, domainEvent.ActorId, domainEvent.OccurredAt, recipients, request.ThemeId)
            : null;
    }
}

/// <summary>Where committed changes go. The app supplies it: in process (one instance) or through Redis (several).</summary>
public interface IBoardChangePublisher
{
    Task PublishAsync(IReadOnlyList<BoardChange> changes, CancellationToken ct = default);
}
