using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.HelpRequests;

public sealed record ViewHelpRequest(long RequestId, Guid? ViewerId);

/// <summary>An earlier version of a request (with its title) or of an answer (no title).</summary>
public sealed record PreviousVersion(string? Title, string Body, DateTime WrittenAt);

public sealed record ThreadMessage(
    long Id,
    Guid AuthorId,
    string AuthorName,
    string AuthorCoordination,
    string Body,
    DateTime CreatedAt,
    DateTime? EditedAt,
    bool IsWithdrawn,
    bool IsHelpful,
    bool IsByAsker,
    int ThanksCount,
    bool ThankedByViewer,
    IReadOnlyList<PreviousVersion> PreviousVersions);

public sealed record HelpRequestView(
    long Id,
    string Title,
    string Details,
    int ThemeId,
    string ThemeSlug,
    int CoordinationId,
    string CoordinationName,
    Guid AuthorId,
    string AuthorName,
    string AuthorActivity,
    DateTime CreatedAt,
    DateTime? EditedAt,
    HelpRequestStatus Status,
    Visibility Visibility,
    int AnswerCount,
    IReadOnlyList<PreviousVersion> PreviousVersions,
    IReadOnlyList<ThreadMessage> Thread,
    bool ViewerIsAuthor,
    bool ViewerFollows,
    bool ViewerModerates,
    bool IsHidden = false,
    string? HiddenReason = null,
    bool IsLocked = false,
    bool IsPinned = false,
    long? DuplicateOfId = null);

/// <summary>One request and its thread, for someone allowed to see it. A request she may not see and a
/// request that does not exist look the same (null): its existence is not revealed.</summary>
public sealed class ViewHelpRequestHandler(IDbContextFactory<BoardDbContext> dbFactory, ILogger<ViewHelpRequestHandler> logger)
{
    public async Task<HelpRequestView?> HandleAsync(ViewHelpRequest query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        var header = await (
                from request in db.HelpRequests.AsNoTracking().OpenableBy(viewer)
                where request.Id == query.RequestId
                join t in db.Themes on request.ThemeId equals t.Id
                join c in db.Coordinations on request.CoordinationId equals c.Id
                join m in db.Members on request.AuthorId equals m.Id
                select new { Request = request, ThemeSlug = t.Slug, CoordinationName = c.Name, m.DisplayName, m.Activity })
            .SingleOrDefaultAsync(ct);
        if (header is null)
        {
            // Asked by its address and not hers to see (or not there at all): logged, for the coordinatrices' peace of mind.
            logger.LogWarning("Member {MemberId} asked for request {RequestId}, which is not available to her", query.ViewerId, query.RequestId);
            return null;
        }

        var r = header.Request;
        var viewerId = viewer.MemberId!.Value;
        var messages = await (
                from a in db.Answers.AsNoTracking()
                where a.HelpRequestId == r.Id
                join m in db.Members on a.AuthorId equals m.Id
                join c in db.Coordinations on m.HomeCoordinationId equals c.Id
                orderby a.CreatedAt, a.Id
                select new
                {
                    Answer = a,
                    m.DisplayName,
                    CoordinationName = c.Name,
                    Thanked = db.AnswerThanks.Any(t => t.AnswerId == a.Id && t.MemberId == viewerId),
                })
            .ToListAsync(ct);
        var answerIds = messages.Select(m => m.Answer.Id).ToList();
        var answerVersions = (await db.Set<AnswerRevision>().AsNoTracking()
                .Where(v => answerIds.Contains(v.AnswerId))
                .OrderByDescending(v => v.WrittenAt)
                .ToListAsync(ct))
            .ToLookup(v => v.AnswerId, v => new PreviousVersion(null, v.Body, v.WrittenAt));
        var requestVersions = await db.Set<HelpRequestRevision>().AsNoTracking()
            .Where(v => v.HelpRequestId == r.Id)
            .OrderByDescending(v => v.WrittenAt)
            .Select(v => new PreviousVersion(v.Title, v.Details, v.WrittenAt))
            .ToListAsync(ct);

        var thread = messages.Select(m => new ThreadMessage(
                m.Answer.Id,
                m.Answer.AuthorId,
                m.DisplayName,
                m.CoordinationName,
                m.Answer.IsWithdrawn ? string.Empty : m.Answer.Body,
                m.Answer.CreatedAt,
                m.Answer.EditedAt,
                m.Answer.IsWithdrawn,
                m.Answer.IsHelpful && !m.Answer.IsWithdrawn,
                m.Answer.AuthorId == r.AuthorId,
                m.Answer.ThanksCount,
                m.Thanked,
                m.Answer.IsWithdrawn ? [] : [.. answerVersions[m.Answer.Id]]))
            .ToList();

        return new HelpRequestView(
            r.Id, r.Title, r.Details, r.ThemeId, header.ThemeSlug, r.CoordinationId, header.CoordinationName, r.AuthorId,
            header.DisplayName, header.Activity, r.CreatedAt, r.EditedAt, r.Status, r.Visibility, r.AnswerCount, requestVersions,
            thread,
            ViewerIsAuthor: r.AuthorId == viewerId,
            ViewerFollows: await db.Follows.AnyAsync(f => f.HelpRequestId == r.Id && f.MemberId == viewerId, ct),
            ViewerModerates: viewer.Moderates(r.CoordinationId),
            IsHidden: r.IsHidden,
            HiddenReason: r.HiddenReason,
            IsLocked: r.IsLocked,
            IsPinned: r.PinnedAt != null,
            DuplicateOfId: r.DuplicateOfId);
    }
}
