namespace CoupDePouce.Domain.Reports;

public enum ReportReason
{
    Spam = 1,
    NotKind = 2,
    Confidential = 3,
    Other = 4,
}

public enum ReportStatus
{
    Open = 0,
    /// <summary>A coordinatrice agreed: the item is hidden.</summary>
    Resolved = 1,
    /// <summary>A coordinatrice found nothing wrong: the item stays (or is back) on the board.</summary>
    Dismissed = 2,
}

/// <summary>A member flags a request or one of its answers for the coordinatrices. One per member and item, ever
/// (a dismissed report cannot be sent again by the same member).</summary>
public sealed class Report
{
    public const int MaxTextLength = 500;

    /// <summary>How many members' open reports take an item off the board until a coordinatrice looks.</summary>
    public const int HideThreshold = 3;

    private Report()
    {
    }

    internal Report(Guid reporterId, long helpRequestId, long answerId, int coordinationId, ReportReason reason, string? text, DateTime at)
    {
        ReporterId = reporterId;
        HelpRequestId = helpRequestId;
        AnswerId = answerId;
        CoordinationId = coordinationId;
        Reason = reason;
        Text = text;
        At = at;
    }

    public long Id { get; private set; }

    public Guid ReporterId { get; private set; }

    public long HelpRequestId { get; private set; }

    /// <summary>The answer reported, or 0 when it is the request itself.</summary>
    public long AnswerId { get; private set; }

    /// <summary>The request's coordination: its coordinatrices review the report.</summary>
    public int CoordinationId { get; private set; }

    public ReportReason Reason { get; private set; }

    public string? Text { get; private set; }

    public DateTime At { get; private set; }

    public ReportStatus Status { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    internal void Decide(ReportStatus status, Guid moderatorId, DateTime now)
    {
        Status = status;
        DecidedById = moderatorId;
        DecidedAt = now;
    }
}
