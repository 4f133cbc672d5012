using CoupDePouce.Domain.Members;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>Which requests, by their state. « Sans réponse » is the coordinatrices' worry: open for more than 48 h.</summary>
public enum StatusFilter
{
    Any,
    Open,
    Unanswered,
    Answered,
    Resolved,
}

/// <summary>What she narrowed the board to. Every field is optional; together they all apply.</summary>
public sealed record BoardFilter(
    int? CoordinationId = null,
    int? ThemeId = null,
    StatusFilter Status = StatusFilter.Any,
    bool OnlyMyCoordination = false,
    bool OnlyMine = false,
    bool OnlyMyAnswers = false)
{
    public static BoardFilter None { get; } = new();

    /// <summary>How long an open request waits before it counts as « sans réponse ».</summary>
    public static readonly TimeSpan UnansweredAfter = TimeSpan.FromHours(48);
}

internal static class BoardFilterQuery
{
    public static IQueryable<HelpRequest> Apply(
        this IQueryable<HelpRequest> requests, BoardFilter filter, Viewer viewer, IQueryable<Answer> answers, DateTime now)
    {
        if (filter.CoordinationId is { } coordinationId)
        {
            requests = requests.Where(r => r.CoordinationId == coordinationId);
        }

        if (filter.OnlyMyCoordination)
        {
            var home = viewer.HomeCoordinationId ?? 0;
            requests = requests.Where(r => r.CoordinationId == home);
        }

        if (filter.ThemeId is { } themeId)
        {
            requests = requests.Where(r => r.ThemeId == themeId);
        }

        var waitingSince = now - BoardFilter.UnansweredAfter;
        requests = filter.Status switch
        {
            StatusFilter.Open => requests.Where(r => r.Status == HelpRequestStatus.Open),
            StatusFilter.Unanswered => requests.Where(r => r.Status == HelpRequestStatus.Open && r.CreatedAt < waitingSince),
            StatusFilter.Answered => requests.Where(r => r.Status == HelpRequestStatus.Answered),
            StatusFilter.Resolved => requests.Where(r => r.Status == HelpRequestStatus.Resolved),
            _ => requests,
        };

        var me = viewer.MemberId ?? Guid.Empty;
        if (filter.OnlyMine)
        {
            requests = requests.Where(r => r.AuthorId == me);
        }

        if (filter.OnlyMyAnswers)
        {
            requests = requests.Where(r => r.AuthorId != me && answers.Any(a => a.HelpRequestId == r.Id && a.AuthorId == me && !a.IsWithdrawn));
        }

        return requests;
    }
}
