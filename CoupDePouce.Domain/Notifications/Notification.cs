namespace CoupDePouce.Domain.Notifications;

/// <summary>What a member can be told about. Each kind can be turned off in her settings.</summary>
public enum NotificationKind
{
    /// <summary>A new answer on a request she follows.</summary>
    NewAnswer = 1,

    /// <summary>The asker said her answer helped.</summary>
    AnswerHelpful = 2,

    /// <summary>Someone said « merci » for her answer.</summary>
    AnswerThanked = 3,

    /// <summary>A coordinatrice closed her request.</summary>
    ResolvedByModeration = 4,

    /// <summary>A coordinatrice hid her request (the notification says why).</summary>
    HiddenByModeration = 5,

    /// <summary>A coordinatrice (or three members' reports) hid her answer (the thread says why).</summary>
    AnswerHiddenByModeration = 6,

    /// <summary>A coordinatrice proposed her a request of her coordination that waits for an answer, on a theme she
    /// helps with.</summary>
    ProposedToHelp = 7,

    /// <summary>A request was just posted on a theme she helps with, and she is among the few invited to help.</summary>
    InvitedToHelp = 8,

    /// <summary>For a coordinatrice: a request kept to her coordination still waits for a first answer after a day.</summary>
    AwaitsFirstAnswer = 9,

    /// <summary>Her request kept to her coordination waits for a first answer after two days: she may open it to
    /// the whole network.</summary>
    MayOpenToNetwork = 10,

    /// <summary>A week after her request was resolved: « est-ce que ça a marché ? ».</summary>
    FollowUpAsked = 11,

    /// <summary>A member asks her for the help she offers, on one of her requests.</summary>
    OfferAsked = 12,
}

/// <summary>One line in her notifications: several events of one kind on one request are grouped into a single
/// unread notification that counts them, so a busy thread does not flood her.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    internal Notification(Guid recipientId, NotificationKind kind, long helpRequestId, Guid? actorId, DateTime now)
    {
        RecipientId = recipientId;
        Kind = kind;
        HelpRequestId = helpRequestId;
        LastActorId = actorId;
        Count = 1;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public long Id { get; private set; }

    public Guid RecipientId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public long HelpRequestId { get; private set; }

    /// <summary>How many events it groups.</summary>
    public int Count { get; private set; }

    /// <summary>Who did the latest of them.</summary>
    public Guid? LastActorId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    internal void Group(Guid? actorId, DateTime now)
    {
        Count++;
        LastActorId = actorId;
        UpdatedAt = now;
    }

    internal void MarkRead(DateTime now) => ReadAt ??= now;
}

/// <summary>The kinds of notification she turned off. No row means everything is on.</summary>
public sealed class NotificationSettings
{
    private NotificationSettings()
    {
    }

    public NotificationSettings(Guid memberId)
    {
        MemberId = memberId;
    }

    public Guid MemberId { get; private set; }

    /// <summary>One bit per <see cref="NotificationKind"/> turned off.</summary>
    public int DisabledKinds { get; private set; }

    public bool Allows(NotificationKind kind) => (DisabledKinds & Bit(kind)) == 0;

    internal void Set(NotificationKind kind, bool enabled) =>
        DisabledKinds = enabled ? DisabledKinds & ~Bit(kind) : DisabledKinds | Bit(kind);

    private static int Bit(NotificationKind kind) => 1 << (int)kind;
}
