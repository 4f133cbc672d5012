using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Matching;

/// <summary>« Je peux aider »: the open requests of the last <see cref="RecentDays"/> days she may see whose theme is
/// one of her skills (not her own), those still without an answer first, her coordination's before the network's,
/// newest first within each (decision 027).</summary>
public sealed record ListRequestsSheCanHelp(Guid ViewerId, int Page = 1)
{
    public const int PageSize = 20;

    /// <summary>How far back a request is still a need to offer help on: older ones stay on the board and in search,
    /// and one still unanswered is her coordinatrice's « À relancer ».</summary>
    public const int RecentDays = 30;

    /// <summary>The furthest page an address may ask for (past it, nothing is read).</summary>
    public const int MaxPage = 500;
}

/// <summary>A page of requests she can help with; how many there are in all, and how many of them nobody has
/// answered yet (what her menu counts). <see cref="HasSkills"/> is false when she named no theme yet.</summary>
public sealed record RequestsSheCanHelp(IReadOnlyList<BoardItem> Items, int Total, int Unanswered, int Page, bool HasSkills)
{
    public static RequestsSheCanHelp None { get; } = new([], 0, 0, 1, false);

    public bool HasMore => Page * ListRequestsSheCanHelp.PageSize < Total;

    /// <summary>Her themes: a live page listens for new requests in these.</summary>
    public IReadOnlyList<int> ThemeIds { get; init; } = [];
}

public sealed class ListRequestsSheCanHelpHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<RequestsSheCanHelp> HandleAsync(ListRequestsSheCanHelp query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (!viewer.IsSignedIn)
        {
            return RequestsSheCanHelp.None;
        }

        var themeIds = await db.MemberSkills.Where(s => s.MemberId == query.ViewerId).Select(s => s.ThemeId).ToListAsync(ct);
        if (themeIds.Count == 0)
        {
            return RequestsSheCanHelp.None;
        }

        var page = Math.Clamp(query.Page, 1, ListRequestsSheCanHelp.MaxPage);
        var matching = Matching(db, viewer);
        var counts = await matching
            .GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Unanswered = g.Count(r => r.Status == HelpRequestStatus.Open) })
            .SingleOrDefaultAsync(ct);
        var home = viewer.HomeCoordinationId ?? 0;
        // The page's ids in order from the index alone, then those twenty lines (titles and names) by id.
        var ids = await matching
            .OrderBy(r => r.Status)
            .ThenBy(r => r.CoordinationId == home ? 0 : 1)
            .ThenByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Id)
            .Skip((page - 1) * ListRequestsSheCanHelp.PageSize)
            .Take(ListRequestsSheCanHelp.PageSize)
            .Select(r => r.Id)
            .ToListAsync(ct);
        var lines = await db.HelpRequests.AsNoTracking().Where(r => EF.Constant(ids).Contains(r.Id)).ToBoardItems(db).ToDictionaryAsync(i => i.Id, ct);
        return new RequestsSheCanHelp([.. ids.Select(id => lines[id])], counts?.Total ?? 0, counts?.Unanswered ?? 0, page, HasSkills: true)
        {
            ThemeIds = themeIds,
        };
    }

    /// <summary>How many requests she could help with still wait for a first answer: her menu's count.</summary>
    public async Task<int> CountUnansweredAsync(Guid viewerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, viewerId, ct);
        return viewer.IsSignedIn
            ? await Matching(db, viewer).CountAsync(r => r.Status == HelpRequestStatus.Open, ct)
            : 0;
    }

    /// <summary>Posted in the last <see cref="ListRequestsSheCanHelp.RecentDays"/> days, open (answered or not, neither
    /// resolved nor closed), not locked (nobody may answer a locked thread), on her board, in one of her themes, not
    /// hers. Read from the index IX_HelpRequests_CanHelp alone.</summary>
    private IQueryable<HelpRequest> Matching(BoardDbContext db, Viewer viewer)
    {
        var me = viewer.MemberId!.Value;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-ListRequestsSheCanHelp.RecentDays);
        var themes = db.MemberSkills.Where(s => s.MemberId == me).Select(s => s.ThemeId);
        return db.HelpRequests.AsNoTracking().VisibleTo(viewer)
            .Where(r => r.CreatedAt >= since
                        && (r.Status == HelpRequestStatus.Open || r.Status == HelpRequestStatus.Answered)
                        && !r.IsLocked
                        && r.AuthorId != me
                        && themes.Contains(r.ThemeId));
    }
}
