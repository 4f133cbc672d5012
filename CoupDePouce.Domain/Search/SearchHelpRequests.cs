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
}

public sealed record SearchHit(BoardItem Item, string Snippet);

public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, bool HasMore)
{
    public static SearchPage Empty { get; } = new([], false);
}

/// <summary>Ranks with BM25 (title weighs more than details, details more than answers) in the FTS5 index, then
/// keeps the candidates she may see and that pass her filter, in rank order, fetching more candidates until the
/// page is full. Snippets are computed only for the page's hits.</summary>
public sealed class SearchHelpRequestsHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    private const int CandidateBatch = 200;

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
        var visible = new List<BoardItem>();
        for (var offset = 0; visible.Count < wanted; offset += CandidateBatch)
        {
            var candidates = await RankAsync(connection, match, offset, ct);
            if (candidates.Count == 0)
            {
                break;
            }

            var ids = candidates.Select(c => c.Id).ToList();
            var items = await db.HelpRequests.AsNoTracking().VisibleTo(viewer)
                .Apply(query.Filter ?? BoardFilter.None, viewer, db.Answers, now)
                .Where(r => ids.Contains(r.Id))
                .ToBoardItems(db)
                .ToDictionaryAsync(i => i.Id, ct);
            visible.AddRange(candidates.Where(c => items.ContainsKey(c.Id)).Select(c => items[c.Id]));
            if (candidates.Count < CandidateBatch)
            {
                break;
            }
        }

        var page = visible.Skip(query.Skip).Take(query.Take).ToList();
        var snippets = await SnippetsAsync(connection, match, page.Select(i => i.Id).ToList(), ct);
        return new SearchPage(
            page.Select(i => new SearchHit(i, snippets.GetValueOrDefault(i.Id, string.Empty))).ToList(),
            visible.Count > query.Skip + query.Take);
    }

    private static async Task<List<(long Id, double Score)>> RankAsync(SqliteConnection connection, string match, int offset, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT rowid, bm25(HelpRequestSearch, 8.0, 2.0, 1.0) AS score
            FROM HelpRequestSearch WHERE HelpRequestSearch MATCH $match
            ORDER BY score LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", CandidateBatch);
        command.Parameters.AddWithValue("$offset", offset);
        var ranked = new List<(long, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        return ranked;
    }

    private static async Task<Dictionary<long, string>> SnippetsAsync(SqliteConnection connection, string match, List<long> ids, CancellationToken ct)
    {
        var snippets = new Dictionary<long, string>();
        if (ids.Count == 0)
        {
            return snippets;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT rowid, snippet(HelpRequestSearch, -1, $start, $end, '…', 24)
            FROM HelpRequestSearch WHERE HelpRequestSearch MATCH $match AND rowid IN ({string.Join(',', ids)})
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$start", SearchHelpRequests.HighlightStart.ToString());
        command.Parameters.AddWithValue("$end", SearchHelpRequests.HighlightEnd.ToString());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            snippets[reader.GetInt64(0)] = reader.GetString(1);
        }

        return snippets;
    }
}
