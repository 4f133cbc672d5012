using CoupDePouce.Domain.Common;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A message in a request's thread. Only answers by someone other than the asker count as answers.</summary>
public sealed class Answer
{
    public const int BodyMinLength = 2;
    public const int BodyMaxLength = 5000;

    private readonly List<AnswerRevision> _revisions = [];
    private readonly List<AnswerThanks> _thanks = [];

    private Answer()
    {
        Body = string.Empty;
    }

    internal Answer(Guid authorId, string body, DateTime createdAt, int? authorCoordinationId = null)
    {
        AuthorId = authorId;
        AuthorCoordinationId = authorCoordinationId;
        Body = body;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long HelpRequestId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The coordination she belonged to when she wrote it (none for an admin without one): help between
    /// coordinations is counted from it, and stays right when she later moves.</summary>
    public int? AuthorCoordinationId { get; private set; }

    /// <summary>Markdown, as she wrote it (last version).</summary>
    public string Body { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? EditedAt { get; private set; }

    /// <summary>Withdrawn by its author: kept, but no longer shown or counted.</summary>
    public bool IsWithdrawn { get; private set; }

    /// <summary>Hidden by moderation (or by three reports, pending review): shown, with the reason, only to its
    /// author and its moderators; not counted.</summary>
    public bool IsHidden { get; private set; }

    public string? HiddenReason { get; private set; }

    /// <summary>Hidden by members' reports rather than by a coordinatrice: dismissing the reports restores it.</summary>
    public bool HiddenByReports { get; private set; }

    /// <summary>The asker said « ça m'a aidée » about this answer.</summary>
    public bool IsHelpful { get; private set; }

    public int ThanksCount { get; private set; }

    public IReadOnlyList<AnswerRevision> Revisions => _revisions;

    public IReadOnlyList<AnswerThanks> Thanks => _thanks;

    internal void MarkHelpful() => IsHelpful = true;

    internal void Edit(string body, DateTime now)
    {
        _revisions.Add(new AnswerRevision(Body, EditedAt ?? CreatedAt));
        Body = Text.Clean(body);
        EditedAt = now;
    }

    internal void Withdraw() => IsWithdrawn = true;

    /// <summary>Whether it may be hidden (or restored, or thanked) is the request's rule.</summary>
    internal void Hide(string reason, bool byReports)
    {
        IsHidden = true;
        HiddenReason = Text.Clean(reason);
        HiddenByReports = byReports;
    }

    /// <summary>A coordinatrice agrees with the reports that hid it: hidden for her reason now.</summary>
    internal void ConfirmHidden(string reason)
    {
        HiddenReason = Text.Clean(reason);
        HiddenByReports = false;
    }

    internal void Restore()
    {
        IsHidden = false;
        HiddenReason = null;
        HiddenByReports = false;
    }

    /// <summary>« merci »: once per member, a second time takes it back. Returns whether she now thanks it.</summary>
    internal bool ToggleThanks(Guid memberId, DateTime now)
    {
        var existing = _thanks.FirstOrDefault(t => t.MemberId == memberId);
        if (existing is not null)
        {
            _thanks.Remove(existing);
            ThanksCount--;
            return false;
        }

        _thanks.Add(new AnswerThanks(memberId, now));
        ThanksCount++;
        return true;
    }
}

/// <summary>A previous version of an answer, kept when its author edits it.</summary>
public sealed class AnswerRevision
{
    private AnswerRevision()
    {
        Body = string.Empty;
    }

    internal AnswerRevision(string body, DateTime writtenAt)
    {
        Body = body;
        WrittenAt = writtenAt;
    }

    public long Id { get; private set; }

    public long AnswerId { get; private set; }

    public string Body { get; private set; }

    /// <summary>When this version was written.</summary>
    public DateTime WrittenAt { get; private set; }
}

/// <summary>A member's « merci » on an answer.</summary>
public sealed class AnswerThanks
{
    private AnswerThanks()
    {
    }

    internal AnswerThanks(Guid memberId, DateTime at)
    {
        MemberId = memberId;
        At = at;
    }

    public long AnswerId { get; private set; }

    public Guid MemberId { get; private set; }

    public DateTime At { get; private set; }
}
