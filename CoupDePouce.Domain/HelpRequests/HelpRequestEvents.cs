using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Moderation;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>Something that happened to a request, for whoever is allowed to see it.</summary>
public interface IHelpRequestEvent : IDomainEvent
{
    HelpRequest Request { get; }

    /// <summary>The member who did it (null when the system did).</summary>
    Guid? ActorId { get; }
}

public sealed record HelpRequestPosted(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

/// <summary>A coordinatrice proposed the request to members whose skills include its theme.</summary>
public sealed record HelpProposed(HelpRequest Request, IReadOnlyList<Guid> Recipients, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

/// <summary>On posting, members whose skills include its theme were invited to help (told now; held ones later).</summary>
public sealed record HelpInvited(HelpRequest Request, IReadOnlyList<Guid> Recipients, DateTime OccurredAt) : IHelpRequestEvent
{
    public Guid? ActorId => null;
}

/// <summary>Nobody answered it in its coordination for a day: its coordinatrices are alerted.</summary>
public sealed record FirstAnswerAwaited(HelpRequest Request, IReadOnlyList<Guid> Coordinatrices, DateTime OccurredAt) : IHelpRequestEvent
{
    public Guid? ActorId => null;
}

/// <summary>Nobody answered it in its coordination for two days: its asker is offered to open it to the network.</summary>
public sealed record NetworkOffered(HelpRequest Request, DateTime OccurredAt) : IHelpRequestEvent
{
    public Guid? ActorId => null;
}

/// <summary>Its asker asked a member for the help she offers on its theme.</summary>
public sealed record OffererAsked(HelpRequest Request, Guid OffererId, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

/// <summary>A week after it was resolved, its asker is asked whether it worked.</summary>
public sealed record FollowUpAsked(HelpRequest Request, DateTime OccurredAt) : IHelpRequestEvent
{
    public Guid? ActorId => null;
}

/// <summary>Its asker opened it to the whole network: it reaches every member now.</summary>
public sealed record HelpRequestOpenedToNetwork(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record HelpRequestEdited(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record HelpRequestWithdrawn(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record HelpRequestAnswered(HelpRequest Request, Answer Answer, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record AnswerEdited(HelpRequest Request, Answer Answer, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record AnswerWithdrawn(HelpRequest Request, Answer Answer, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record AnswerThanked(HelpRequest Request, Answer Answer, Guid? ActorId, bool Thanked, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record AnswerMarkedHelpful(HelpRequest Request, Answer Answer, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record HelpRequestResolved(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

public sealed record HelpRequestReopened(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IHelpRequestEvent;

/// <summary>Closed by moderation (no new answers), possibly as a duplicate of another request.</summary>
public sealed record HelpRequestClosed(HelpRequest Request, Guid? ActorId, DateTime OccurredAt, long? DuplicateOfId = null) : IModerationEvent
{
    public ModerationAction Action => DuplicateOfId is null ? ModerationAction.CloseRequest : ModerationAction.CloseAsDuplicate;

    string? IModerationEvent.Reason => DuplicateOfId is { } original ? $"#{original}" : null;
}

/// <summary>A moderation decision about a request: recorded in the moderation log, in the same transaction.</summary>
public interface IModerationEvent : IHelpRequestEvent
{
    ModerationAction Action { get; }

    string? Reason => null;

    /// <summary>The coordination whose coordinatrices read its log line.</summary>
    int CoordinationId => Request.CoordinationId;

    /// <summary>The answer it concerns, when it is about an answer rather than the request.</summary>
    long? AnswerId => null;
}

/// <summary>An answer hidden by a moderator (or, with no actor, by three reports pending review).</summary>
public sealed record AnswerHidden(HelpRequest Request, Answer Answer, int CoordinationId, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.HideAnswer;

    string? IModerationEvent.Reason => Answer.HiddenReason;

    long? IModerationEvent.AnswerId => Answer.Id;
}

public sealed record AnswerRestored(HelpRequest Request, Answer Answer, int CoordinationId, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.RestoreAnswer;

    long? IModerationEvent.AnswerId => Answer.Id;
}

public sealed record HelpRequestHidden(HelpRequest Request, string Reason, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.HideRequest;

    string? IModerationEvent.Reason => Reason;
}

public sealed record HelpRequestRestored(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.RestoreRequest;
}

public sealed record HelpRequestLocked(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.LockRequest;
}

public sealed record HelpRequestUnlocked(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.UnlockRequest;
}

public sealed record HelpRequestPinned(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.PinRequest;
}

public sealed record HelpRequestUnpinned(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.UnpinRequest;
}

public sealed record HelpRequestThemeChanged(HelpRequest Request, Guid? ActorId, DateTime OccurredAt) : IModerationEvent
{
    public ModerationAction Action => ModerationAction.ChangeTheme;
}
