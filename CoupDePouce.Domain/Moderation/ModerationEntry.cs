namespace CoupDePouce.Domain.Moderation;

public enum ModerationAction
{
    HideRequest = 1,
    RestoreRequest = 2,
    LockRequest = 3,
    UnlockRequest = 4,
    PinRequest = 5,
    UnpinRequest = 6,
    ChangeTheme = 7,
    CloseAsDuplicate = 8,
    CloseRequest = 9,
    ApproveMembership = 10,
    DeclineMembership = 11,
    SuspendMember = 12,
    HideAnswer = 13,
    RestoreAnswer = 14,
    ResolveReports = 15,
    DismissReports = 16,
    AssignCoordinatrice = 17,
    RemoveCoordinatrice = 18,
    ApproveMove = 19,
    DeclineMove = 20,
    LiftSuspension = 21,
}

public enum ModerationTarget
{
    Request = 1,
    Member = 2,
    Answer = 3,
}

/// <summary>One line of the moderation log: who did what, on what, when and why. Written in the same transaction
/// as the decision; never changed nor deleted (the database refuses it, see <see cref="ModerationLogSql"/>).</summary>
public sealed class ModerationEntry
{
    public const int MaxReasonLength = 500;

    private ModerationEntry()
    {
    }

    internal ModerationEntry(
        DateTime at, Guid actorId, int coordinationId, ModerationAction action, ModerationTarget target, long targetId, string? reason, Guid? targetMemberId = null)
    {
        TargetMemberId = targetMemberId;
        At = at;
        ActorId = actorId;
        CoordinationId = coordinationId;
        Action = action;
        Target = target;
        TargetId = targetId;
        Reason = reason;
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public Guid ActorId { get; private set; }

    /// <summary>The coordination whose board it concerns: what decides which coordinatrices may read it.</summary>
    public int CoordinationId { get; private set; }

    public ModerationAction Action { get; private set; }

    public ModerationTarget Target { get; private set; }

    /// <summary>The request's id (for a request), the answer's (for an answer); for a suspension, its length in
    /// days; for a move, the coordination she moves to.</summary>
    public long TargetId { get; private set; }

    /// <summary>The member concerned (for a membership decision).</summary>
    public Guid? TargetMemberId { get; private set; }

    public string? Reason { get; private set; }
}

/// <summary>The moderation log is append-only, down to the database: updates and deletes are refused.</summary>
public static class ModerationLogSql
{
    public const string CreateGuards = """
        CREATE TRIGGER IF NOT EXISTS ModerationLog_NoUpdate BEFORE UPDATE ON ModerationLog
        BEGIN SELECT RAISE(ABORT, 'The moderation log cannot be changed'); END;
        CREATE TRIGGER IF NOT EXISTS ModerationLog_NoDelete BEFORE DELETE ON ModerationLog
        BEGIN SELECT RAISE(ABORT, 'The moderation log cannot be changed'); END;
        """;
}
