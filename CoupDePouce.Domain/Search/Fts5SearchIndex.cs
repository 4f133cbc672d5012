using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Search;

/// <summary>Search on SQLite: the FTS5 tables (<see cref="SearchIndexSql"/>) ranked by BM25 (decision 019).</summary>
public sealed class Fts5SearchIndex : SearchIndex
{
    /// <summary>One query: the matches joined with what she may see before BM25 ranks them, so that only those that
    /// can be shown are ranked.</summary>
    public override async Task<List<long>> RankAsync(
        BoardDbContext db, IReadOnlyList<SearchTerm> terms, bool matchAny, SearchTier tier, IQueryable<HelpRequest> visible,
        IReadOnlyList<long> given, int take, CancellationToken ct)
    {
        var ranked = db.Database.SqlQueryRaw<RankedMatch>(tier.MatchesSql, new SqliteParameter("$match", FullTextQuery.Build(terms, matchAny, tier)))
            .Join(visible, m => m.Id, r => r.Id, (m, r) => m);
        if (given.Count > 0)
        {
            ranked = ranked.Where(m => !EF.Constant(given).Contains(m.Id));
        }

        return await ranked.OrderBy(m => m.Score).ThenByDescending(m => m.Id).Select(m => m.Id).Take(take).ToListAsync(ct);
    }

    public override async Task<bool> MatchesAnythingAsync(BoardDbContext db, SearchTerm term, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM HelpRequestSearch WHERE HelpRequestSearch MATCH $match)";
        command.Parameters.AddWithValue("$match", term.Expression());
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>One look-up by rowid each (which FTS5 seeks to).</summary>
    public override async Task<Dictionary<long, (string? Details, string? Answers)>> TextsAsync(BoardDbContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var texts = new Dictionary<long, (string?, string?)>();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT Details, Answers FROM HelpRequestSearch WHERE rowid = $id";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        foreach (var rowId in ids)
        {
            id.Value = rowId;
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                texts[rowId] = (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }

        return texts;
    }
}
