namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A request's life (PRODUCT.md): Open → Answered → Resolved, and Closed by a moderator.</summary>
public enum HelpRequestStatus
{
    /// <summary>No answer from anyone but the asker.</summary>
    Open = 0,

    /// <summary>At least one answer by someone else.</summary>
    Answered = 1,

    /// <summary>The asker marked at least one answer as helpful.</summary>
    Resolved = 2,

    /// <summary>Closed by a moderator (duplicate, off-topic, expired).</summary>
    Closed = 3,
}
