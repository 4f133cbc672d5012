namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A message in a request's thread. Only answers by someone other than the asker count as answers.</summary>
public sealed class Answer
{
    public const int BodyMinLength = 2;
    public const int BodyMaxLength = 5000;

    private Answer()
    {
        Body = string.Empty;
    }

    internal Answer(Guid authorId, string body, DateTime createdAt)
    {
        AuthorId = authorId;
        Body = body;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long HelpRequestId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Body { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The asker said « ça m'a aidée » about this answer.</summary>
    public bool IsHelpful { get; private set; }

    internal void MarkHelpful() => IsHelpful = true;
}
