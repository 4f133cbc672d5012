using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Search;

/// <summary>Full-text search over titles, details and answers of the requests she may see, best match first.
/// <see cref="MatchAny"/> finds requests sharing any word (for "similar requests" suggestions).</summary>
public sealed record SearchHelpRequests(
    Guid? ViewerId, string? Text, BoardFilter? Filter = null, int Skip = 0, int Take = 20, bool MatchAny = false)
{
    /// <summary>Marks the start and the end of a matched word in <see cref="SearchHit.Snippet"/> (private-use
    /// characters, so nothing she wrote can fake them once the snippet is encoded for the page).</summary>
    public const char HighlightStart = '\uE000';
    public const char HighlightEnd = '\uE001';

    /// <summary>Fewer letters than this in a title being typed say too little to look for similar requests.</summary>
    public const int SimilarTitleMinLength = 4;

    /// <summary>The three requests most like a title she is typing (sharing any of its words), or nothing to look
    /// for while it is shorter than <see cref="SimilarTitleMinLength"/>.</summary>
    public static SearchHelpRequests? SimilarTo(Guid viewerId, string? title)
    {
        var text = title?.Trim() ?? string.Empty;
        return text.Length < SimilarTitleMinLength ? null : new(viewerId, text, Take: 3, MatchAny: true);
    }
}

public sealed record SearchHit(BoardItem Item, string Snippet);

public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, bool HasMore)
{
    public static SearchPage Empty { get; } = new([], false);
}

/// <summary>Ranks with BM25 (title weighs more than details, details more than answers) within windows of the
/// most recent matches: FTS5 walks its index newest first and scores only the rows of the window, so a word found
/// in 40 % of 100 000 requests costs what a rare one does. The window's candidates she may see and that pass her
/// filter are kept in rank order; the next, older window is read only when the page is not full.
/// Snippets are computed only for the page's hits. See docs/decisions/004-search-in-recent-windows.md.</summary>
public sealed class SearchHelpRequestsHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public const int Window = 1000;

    public async Task<SearchPage> HandleAsync(SearchHelpRequests query, CancellationToken ct = default)
    {
        var match = FullTextQuery.Build(query.Text, query.MatchAny);
        if (match is null)
        {
            return SearchPage.Empty;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (!viewer.IsSignedIn)
        {
            return SearchPage.Empty;
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var wanted = query.Skip + query.Take + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var filter = query.Filter ?? BoardFilter.None;
        var found = new List<long>();
        long? olderThan = null;
        while (found.Count < wanted)
        {
            var window = await WindowAsync(connection, match, olderThan, ct);
            if (window.Count == 0)
            {
                break;
            }

            // Inlined as constants: SQLite then reads these rows by primary key instead of scanning the table.
            var ids = window.Select(c => c.Id).ToList();
            var allowed = (await db.HelpRequests.AsNoTracking().VisibleTo(viewer)
                    .Apply(filter, viewer, db.Answers, now)
                    .Where(r => EF.Constant(ids).Contains(r.Id))
                    .Select(r => r.Id)
                    .ToListAsync(ct))
                .ToHashSet();
            found.AddRange(window.Where(c => allowed.Contains(c.Id)).OrderBy(c => c.Score).ThenByDescending(c => c.Id).Select(c => c.Id));
            if (window.Count < Window)
            {
                break;
            }

            olderThan = window.Min(c => c.Id);
        }

        var pageIds = found.Skip(query.Skip).Take(query.Take).ToList();
        var items = await db.HelpRequests.AsNoTracking().Where(r => EF.Constant(pageIds).Contains(r.Id)).ToBoardItems(db).ToDictionaryAsync(i => i.Id, ct);
        var snippets = await SnippetsAsync(connection, match, pageIds, ct);
        return new SearchPage(
            pageIds.Where(items.ContainsKey).Select(id => new SearchHit(items[id], snippets.GetValueOrDefault(id, string.Empty))).ToList(),
            found.Count > query.Skip + query.Take);
    }

    /// <summary>The next window of matches, newest first (the index's own order, so nothing else is scored),
    /// each with its BM25 score (lower is better).</summary>
    private static async Task<List<(long Id, double Score)>> WindowAsync(SqliteConnection connection, string match, long? olderThan, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT rowid, bm25(HelpRequestSearch, 8.0, 2.0, 1.0)
            FROM HelpRequestSearch WHERE HelpRequestSearch MATCH $match {(olderThan is null ? string.Empty : "AND rowid < $olderThan")}
            ORDER BY rowid DESC LIMIT $window
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$window", Window);
        if (olderThan is { } bound)
        {
            command.Parameters.AddWithValue("$olderThan", bound);
        }

        var window = new List<(long, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            window.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        return window;
    }

    private static async Task<Dictionary<long, string>> SnippetsAsync(SqliteConnection connection, string match, List<long> ids, CancellationToken ct)
    {
        var snippets = new Dictionary<long, string>();
        if (ids.Count == 0)
        {
            return snippets;
        }

        // One look-up per hit by rowid, which FTS5 seeks to directly (an IN list would scan every match).
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT snippet(HelpRequestSearch, -1, $start, $end, '…', 24)
            FROM HelpRequestSearch WHERE HelpRequestSearch MATCH $match AND rowid = $id
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$start", SearchHelpRequests.HighlightStart.ToString());
        command.Parameters.AddWithValue("$end", SearchHelpRequests.HighlightEnd.ToString());
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        foreach (var rowId in ids)
        {
            id.Value = rowId;
            if (await command.ExecuteScalarAsync(ct) is string snippet)
            {
                snippets[rowId] = snippet;
            }
        }

        return snippets;
    }
}
