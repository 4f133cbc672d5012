using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>Where the next page starts: the last item seen (newest first, ties broken by id).</summary>
public sealed record BoardCursor(DateTime CreatedAt, long Id);

/// <summary>A page of the board, newest first, narrowed by a filter.</summary>
public sealed record BrowseBoard(Guid? ViewerId, BoardCursor? After = null, int PageSize = BrowseBoard.DefaultPageSize, BoardFilter? Filter = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>How many pinned requests head the board at most.</summary>
    public const int MaxPinned = 5;
}

public sealed record BoardItem(
    long Id,
    string Title,
    string ThemeSlug,
    int CoordinationId,
    string CoordinationName,
    Guid AuthorId,
    string AuthorName,
    DateTime CreatedAt,
    HelpRequestStatus Status,
    int AnswerCount,
    Visibility Visibility,
    bool IsPinned = false);

public sealed record BoardPage(IReadOnlyList<BoardItem> Items, BoardCursor? Next)
{
    public static BoardPage Empty { get; } = new([], null);
}

/// <summary>Lists requests newest first with keyset paging, so the 1000th page costs what the first does.</summary>
public sealed class BrowseBoardHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<BoardPage> HandleAsync(BrowseBoard query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (!viewer.IsSignedIn)
        {
            return BoardPage.Empty;
        }

        var requests = db.HelpRequests.AsNoTracking().VisibleTo(viewer)
            .Apply(query.Filter ?? BoardFilter.None, viewer, db.Answers, clock.GetUtcNow().UtcDateTime);
        // Pinned requests head the first page (newest pin first), and are not repeated further down.
        var pinned = query.After is null
            ? await requests.Where(r => r.PinnedAt != null).OrderByDescending(r => r.PinnedAt).Take(BrowseBoard.MaxPinned)
                .ToBoardItems(db).ToListAsync(ct)
            : [];
        requests = requests.Where(r => r.PinnedAt == null);
        if (query.After is { } after)
        {
            requests = requests.Where(r => r.CreatedAt < after.CreatedAt || (r.CreatedAt == after.CreatedAt && r.Id < after.Id));
        }

        var size = Math.Clamp(query.PageSize, 1, BrowseBoard.MaxPageSize);
        var page = await requests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(size + 1)
            .ToBoardItems(db)
            .ToListAsync(ct);
        var items = pinned.Concat(page.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)).ToList();
        size += pinned.Count;

        if (items.Count <= size)
        {
            return new BoardPage(items, null);
        }

        items.RemoveAt(size);
        var last = items[^1];
        return new BoardPage(items, new BoardCursor(last.CreatedAt, last.Id));
    }
}

internal static class BoardItemProjection
{
    /// <summary>What a board line shows, joined in one query.</summary>
    public static IQueryable<BoardItem> ToBoardItems(this IQueryable<HelpRequest> requests, BoardDbContext db) =>
        from r in requests
        join t in db.Themes on r.ThemeId equals t.Id
        join c in db.Coordinations on r.CoordinationId equals c.Id
        join m in db.Members on r.AuthorId equals m.Id
        select new BoardItem(r.Id, r.Title, t.Slug, c.Id, c.Name, m.Id, m.DisplayName, r.CreatedAt, r.Status, r.AnswerCount, r.Visibility, r.PinnedAt != null);
}
