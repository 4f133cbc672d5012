using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.HelpRequests;

public sealed record ViewHelpRequest(long RequestId, Guid? ViewerId);

public sealed record ThreadMessage(long Id, Guid AuthorId, string AuthorName, string Body, DateTime CreatedAt, bool IsHelpful, bool IsByAsker);

public sealed record HelpRequestView(
    long Id,
    string Title,
    string Details,
    string ThemeSlug,
    string CoordinationName,
    Guid AuthorId,
    string AuthorName,
    string AuthorActivity,
    DateTime CreatedAt,
    HelpRequestStatus Status,
    Visibility Visibility,
    int AnswerCount,
    IReadOnlyList<ThreadMessage> Thread);

/// <summary>One request and its thread, for someone allowed to see it. A request she may not see and a
/// request that does not exist look the same (null): its existence is not revealed.</summary>
public sealed class ViewHelpRequestHandler(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<HelpRequestView?> HandleAsync(ViewHelpRequest query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        var view = await (
                from r in db.HelpRequests.AsNoTracking().VisibleTo(viewer)
                where r.Id == query.RequestId
                join t in db.Themes on r.ThemeId equals t.Id
                join c in db.Coordinations on r.CoordinationId equals c.Id
                join m in db.Members on r.AuthorId equals m.Id
                select new HelpRequestView(
                    r.Id, r.Title, r.Details, t.Slug, c.Name, m.Id, m.DisplayName, m.Activity, r.CreatedAt, r.Status,
                    r.Visibility, r.AnswerCount, new List<ThreadMessage>()))
            .SingleOrDefaultAsync(ct);
        if (view is null)
        {
            return null;
        }

        var thread = await (
                from a in db.Answers.AsNoTracking()
                where a.HelpRequestId == view.Id
                join m in db.Members on a.AuthorId equals m.Id
                orderby a.CreatedAt, a.Id
                select new ThreadMessage(a.Id, m.Id, m.DisplayName, a.Body, a.CreatedAt, a.IsHelpful, a.AuthorId == view.AuthorId))
            .ToListAsync(ct);
        return view with { Thread = thread };
    }
}
