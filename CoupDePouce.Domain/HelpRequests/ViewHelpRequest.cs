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
    IReadOnlyList<PreviousVersion> PreviousVersions,
    bool IsHidden = false,
    string? HiddenReason = null)
{
    /// <summary>What she is offered on this message; the page shows its buttons from it.</summary>
    public AnswerActions Actions { get; init; } = AnswerActions.None;
}

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
    bool IsHidden = false,
    string? HiddenReason = null,
    bool IsLocked = false,
    bool IsPinned = false,
    long? DuplicateOfId = null)
{
    // ViewerIsAuthor is for wording only (« Ajouter une précision » in her own thread); what she may do is in Actions.

    /// <summary>What she is offered on this request; the page shows its buttons from it.</summary>
    public RequestActions Actions { get; init; } = RequestActions.None;

    /// <summary>For its asker only: how many skilled members were invited to help when she posted it (never who).</summary>
    public int? InvitedMembers { get; init; }

    /// <summary>Whether she is offered to open it to the whole network now (<see cref="HelpRequest.OpenToNetworkRefusal"/>).</summary>
    public bool MayOpenToNetwork { get; init; }

    /// <summary>Whether she is asked « est-ce que ça a marché ? » now (<see cref="HelpRequest.FollowUpRefusal"/>).</summary>
    public bool MayAnswerFollowUp { get; init; }

    /// <summary>For its asker only: what she said when asked, if she did.</summary>
    public FollowUps.FollowUpAnswer? FollowUp { get; init; }
}

/// <summary>One request and its thread, for someone allowed to see it. A request she may not see and a
/// request that does not exist look the same (null): its existence is not revealed.</summary>
public sealed class ViewHelpRequestHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<ViewHelpRequestHandler> logger)
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
                    m.HomeCoordinationId,
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

        var reported = (await db.Reports.AsNoTracking()
                .Where(x => x.HelpRequestId == r.Id && x.ReporterId == viewerId)
                .Select(x => x.AnswerId)
                .ToListAsync(ct))
            .ToHashSet();
        var thread = messages.Select(m =>
            {
                var a = m.Answer;
                // A hidden answer is for its author and its moderators (marked hidden, with the reason); the others
                // only see that an answer was hidden.
                var shown = r.ShowsAnswerTo(viewer, a, m.HomeCoordinationId);
                // Hidden from her: she sees that an answer was hidden, not whose it was.
                var hiddenFromHer = a.IsHidden && !shown;
                return new ThreadMessage(
                    a.Id,
                    hiddenFromHer ? Guid.Empty : a.AuthorId,
                    hiddenFromHer ? string.Empty : m.DisplayName,
                    hiddenFromHer ? string.Empty : m.CoordinationName,
                    shown ? a.Body : string.Empty,
                    a.CreatedAt,
                    a.EditedAt,
                    a.IsWithdrawn,
                    a.IsHelpful && !a.IsWithdrawn && !a.IsHidden,
                    !hiddenFromHer && a.AuthorId == r.AuthorId,
                    hiddenFromHer ? 0 : a.ThanksCount,
                    shown ? [.. answerVersions[a.Id]] : [],
                    a.IsHidden,
                    shown ? a.HiddenReason : null)
                {
                    Actions = r.ActionsOn(a, viewer, m.HomeCoordinationId, m.Thanked, reported.Contains(a.Id)),
                };
            })
            .ToList();

        var follows = await db.Follows.AnyAsync(f => f.HelpRequestId == r.Id && f.MemberId == viewerId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var suspension = await Moderation.SuspendMemberHandler.RefusalForAsync(db, viewerId, now, ct);
        int? invited = r.AuthorId == viewerId ? await db.HelpInvitations.CountAsync(i => i.HelpRequestId == r.Id, ct) : null;
        return new HelpRequestView(
            r.Id, r.Title, r.Details, r.ThemeId, header.ThemeSlug, r.CoordinationId, header.CoordinationName, r.AuthorId,
            header.DisplayName, header.Activity, r.CreatedAt, r.EditedAt, r.Status, r.Visibility, r.AnswerCount, requestVersions,
            thread,
            ViewerIsAuthor: r.AuthorId == viewerId,
            IsHidden: r.IsHidden,
            HiddenReason: r.HiddenReason,
            IsLocked: r.IsLocked,
            IsPinned: r.PinnedAt != null,
            DuplicateOfId: r.DuplicateOfId)
        {
            Actions = r.ActionsFor(viewer, follows, reported.Contains(0), suspension),
            InvitedMembers = invited,
            MayOpenToNetwork = r.OpenToNetworkRefusal(viewerId, now) is null,
            MayAnswerFollowUp = r.FollowUpRefusal(viewerId) is null,
            FollowUp = r.AuthorId == viewerId ? r.FollowUp : null,
        };
    }
}
