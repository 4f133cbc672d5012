namespace CoupDePouce.Domain.HelpRequests;

/// <summary>What the request page offers her on a request: each field is true exactly when the use case behind it
/// would accept her now (see <see cref="HelpRequest.ActionsFor"/>), so a page shows buttons from it and restates no
/// rule. A moderator's theme change and close-as-duplicate still depend on what she picks (another theme, a suitable
/// original).</summary>
public sealed record RequestActions(
    bool CanEdit,
    bool CanWithdraw,
    bool CanReopen,
    bool CanClose,
    bool CanCloseAsDuplicate,
    bool CanModerate,
    bool CanHide,
    bool CanRestore,
    bool CanLock,
    bool CanUnlock,
    bool CanPin,
    bool CanUnpin,
    bool CanChangeTheme,
    bool CanAnswer,
    AnswerRefusal WhyNoAnswer,
    bool CanReport,
    bool AlreadyReported,
    bool CanFollow,
    bool Follows)
{
    /// <summary>Nothing offered (a request she may not see).</summary>
    public static RequestActions None { get; } = new(
        false, false, false, false, false, false, false, false, false, false, false, false, false, false, AnswerRefusal.None, false, false, false, false);
}

/// <summary>What the request page offers her on one message of its thread (see <see cref="HelpRequest.ActionsOn"/>).
/// « merci » is a toggle: <see cref="CanThank"/> offers it, <see cref="Thanked"/> says which way.</summary>
public sealed record AnswerActions(
    bool CanEdit,
    bool CanWithdraw,
    bool CanThank,
    bool Thanked,
    bool CanMarkHelpful,
    bool CanReport,
    bool AlreadyReported,
    bool CanHide,
    bool CanRestore)
{
    public static AnswerActions None { get; } = new(false, false, false, false, false, false, false, false, false);
}

/// <summary>Why she may not write in a request's thread now, if so.</summary>
public enum AnswerRefusal
{
    None = 0,

    /// <summary>Closed by moderation (duplicate, off-topic, expired).</summary>
    RequestClosed = 1,

    /// <summary>Locked by moderation: readable, no new answers.</summary>
    RequestLocked = 2,

    /// <summary>She is suspended from writing for now.</summary>
    MemberSuspended = 3,
}
