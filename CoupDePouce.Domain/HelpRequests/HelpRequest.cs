using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Resources;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A coup de pouce: a need or a question posted by a member, and its thread. It guards its own
/// life cycle: who may answer, resolve or reopen it is decided here, whatever a page shows.</summary>
public sealed class HelpRequest : AggregateRoot
{
    public const int TitleMinLength = 10;
    public const int TitleMaxLength = 120;
    public const int DetailsMinLength = 20;
    public const int DetailsMaxLength = 5000;

    private readonly List<Answer> _answers = [];

    private HelpRequest()
    {
        Title = string.Empty;
        Details = string.Empty;
    }

    public long Id { get; private set; }

    public string Title { get; private set; }

    /// <summary>Markdown, as she wrote it.</summary>
    public string Details { get; private set; }

    public int ThemeId { get; private set; }

    public Visibility Visibility { get; private set; }

    /// <summary>The asker's home coordination when she posted.</summary>
    public int CoordinationId { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastActivityAt { get; private set; }

    public HelpRequestStatus Status { get; private set; }

    /// <summary>When someone other than the asker first answered: drives the response-time metrics.</summary>
    public DateTime? FirstAnsweredAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    /// <summary>Answers by someone other than the asker (her own replies are not answers).</summary>
    public int AnswerCount { get; private set; }

    public bool IsHidden { get; private set; }

    public IReadOnlyList<Answer> Answers => _answers;

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
        request.Raise(new HelpRequestPosted(request, now));
        return request;
    }

    /// <summary>Adds a message to the thread. The first message by someone else makes the request Answered.</summary>
    internal Answer AddAnswer(Guid authorId, string body, DateTime now)
    {
        if (Status == HelpRequestStatus.Closed)
        {
            throw new DomainRuleViolation(Messages.RequestClosed);
        }

        var answer = new Answer(authorId, Text.Clean(body), now);
        _answers.Add(answer);
        LastActivityAt = now;
        if (authorId != AuthorId)
        {
            AnswerCount++;
            FirstAnsweredAt ??= now;
            if (Status == HelpRequestStatus.Open)
            {
                Status = HelpRequestStatus.Answered;
            }
        }

        Raise(new HelpRequestAnswered(this, answer, now));
        return answer;
    }

    /// <summary>The asker says « ça m'a aidée » about an answer by someone else; the request is then Resolved.</summary>
    internal void MarkHelpful(Guid byMemberId, Answer answer, DateTime now)
    {
        if (byMemberId != AuthorId)
        {
            throw new DomainRuleViolation(Messages.OnlyAskerResolves);
        }

        if (!_answers.Contains(answer) || answer.AuthorId == AuthorId)
        {
            throw new DomainRuleViolation(Messages.AnswerNotOfThisRequest);
        }

        if (Status == HelpRequestStatus.Closed)
        {
            throw new DomainRuleViolation(Messages.RequestClosed);
        }

        answer.MarkHelpful();
        LastActivityAt = now;
        if (Status != HelpRequestStatus.Resolved)
        {
            Status = HelpRequestStatus.Resolved;
            ResolvedAt = now;
            Raise(new HelpRequestResolved(this, now));
        }
    }

    /// <summary>A moderator closes the request (duplicate, off-topic, expired): no new answers.</summary>
    internal void Close(DateTime now)
    {
        Status = HelpRequestStatus.Closed;
        LastActivityAt = now;
        Raise(new HelpRequestClosed(this, now));
    }
}
