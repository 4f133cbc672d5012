using System.Globalization;
using System.Text;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CoupDePouce.Domain.Search;

/// <summary>Search on PostgreSQL (decision 033): the index's words and stems (<see cref="Persistence.Postgres.PostgresSql.SearchIndex"/>)
/// matched with <c>tsquery</c>s written from her terms, each term in the words as written or in the stems, ranked by
/// <c>ts_rank</c> weighted as SQLite's BM25 is (the title over the details over the answers, her words as written over
/// their stems, the theme's names as the details' stems). Every lexeme is quoted: nothing she typed is query syntax.</summary>
public sealed class PostgresSearchIndex : SearchIndex
{
    /// <summary>ts_rank's weights, in its order {D, C, B, A}: A the title, B the details, C the answers, D the theme.</summary>
    private const string WordWeights = "ARRAY[0, 0.15, 0.3, 1.0]::real[]";
    private const string StemWeights = "ARRAY[0.2, 0.1, 0.2, 0.6]::real[]";

    public override IQueryable<RankedMatch> Ranked(BoardDbContext db, IReadOnlyList<SearchTerm> terms, bool matchAny, SearchTier tier)
    {
        var titles = tier == SearchTier.Titles;
        var (words, stems) = titles ? ("\"TitleWords\"", "\"TitleStems\"") : ("\"Words\"", "\"Stems\"");
        var parameters = new List<object>();
        var conditions = new List<string>();
        var ranks = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            var (w, s) = ($"CAST(@w{i} AS tsquery)", $"CAST(@s{i} AS tsquery)");
            conditions.Add($"(s.{words} @@ {w} OR s.{stems} @@ {s})");
            var weight = terms[i].Weight.ToString("0.####", CultureInfo.InvariantCulture);
            ranks.Add(titles
                ? $"{weight} * (ts_rank(s.{words}, {w}) + 0.6 * ts_rank(s.{stems}, {s}))"
                : $"{weight} * (ts_rank({WordWeights}, s.{words}, {w}) + ts_rank({StemWeights}, s.{stems}, {s}))");
            parameters.Add(Text($"w{i}", WordsQuery(terms[i])));
            parameters.Add(Text($"s{i}", StemsQuery(terms[i])));
        }

        var sql = $"SELECT s.\"Id\" AS \"Id\", -({string.Join(" + ", ranks)}) AS \"Score\" FROM \"HelpRequestSearch\" s WHERE {string.Join(matchAny ? " OR " : " AND ", conditions)}";
        return db.Database.SqlQueryRaw<RankedMatch>(sql, [.. parameters]);
    }

    /// <summary>Past this many requests, a term is common enough: its rarity is not counted further.</summary>
    public const int RarityCountedUpTo = 5_000;

    /// <summary>Each term weighs its rarity, as BM25's inverse document frequency: ln(1 + (N − n + ½) / (n + ½)) for n
    /// of N requests holding it (n counted up to <see cref="RarityCountedUpTo"/>; N from the table's statistics once it
    /// is large), so that a rare word of hers outweighs a common one.</summary>
    public override async Task<IReadOnlyList<SearchTerm>> WeighAsync(BoardDbContext db, IReadOnlyList<SearchTerm> terms, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        var counts = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            counts.Add($"(SELECT count(*) FROM (SELECT 1 FROM \"HelpRequestSearch\" s WHERE s.\"Words\" @@ CAST(@w{i} AS tsquery) OR s.\"Stems\" @@ CAST(@s{i} AS tsquery) LIMIT {RarityCountedUpTo}) x)");
            command.Parameters.Add(Text($"w{i}", WordsQuery(terms[i])));
            command.Parameters.Add(Text($"s{i}", StemsQuery(terms[i])));
        }

        command.CommandText = $"""
            SELECT (SELECT CASE WHEN c.reltuples >= 10000 THEN c.reltuples::bigint ELSE (SELECT count(*) FROM "HelpRequestSearch") END
                    FROM pg_class c WHERE c.oid = '"HelpRequestSearch"'::regclass), {string.Join(", ", counts)}
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var all = reader.GetInt64(0);
        return terms.Select((term, i) =>
        {
            var holding = reader.GetInt64(i + 1);
            return term with { Weight = Math.Log(1 + ((all - holding + 0.5) / (holding + 0.5))) };
        }).ToList();
    }

    public override async Task<bool> MatchesAnythingAsync(BoardDbContext db, SearchTerm term, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<bool>(
                "SELECT EXISTS (SELECT 1 FROM \"HelpRequestSearch\" s WHERE s.\"Words\" @@ CAST(@w AS tsquery) OR s.\"Stems\" @@ CAST(@s AS tsquery)) AS \"Value\"",
                Text("w", WordsQuery(term)), Text("s", StemsQuery(term)))
            .SingleAsync(ct);

    public override async Task<Dictionary<long, (string? Details, string? Answers)>> TextsAsync(BoardDbContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Database.SqlQueryRaw<TextsRow>(
                """
                SELECT r."Id" AS "Id", r."Details" AS "Details",
                       (SELECT string_agg(a."Body", ' ' ORDER BY a."Id") FROM "Answers" a
                        WHERE a."HelpRequestId" = r."Id" AND NOT a."IsWithdrawn" AND NOT a."IsHidden") AS "Answers"
                FROM "HelpRequests" r WHERE r."Id" = ANY(@ids)
                """,
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids.ToArray() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => ((string?)r.Details, r.Answers));
    }

    /// <summary>A term in the words as written: her word (as a prefix when she is still typing it), or a word one
    /// typo away.</summary>
    private static string WordsQuery(SearchTerm term) =>
        Any([Lexeme(term.Folded, term.IsPrefix), .. term.Typos.Select(t => Lexeme(t))]);

    /// <summary>A term in the stems: her word's stem, the stems that start with what she is still typing, or the stem
    /// of a word one typo away.</summary>
    private static string StemsQuery(SearchTerm term) =>
        Any([Lexeme(term.Stem), .. term.IsPrefix ? [Lexeme(term.Folded, prefix: true)] : Array.Empty<string>(), .. term.TypoStems.Select(t => Lexeme(t))]);

    private static string Any(IEnumerable<string> lexemes) => "(" + string.Join(" | ", lexemes) + ")";

    private static string Lexeme(string word, bool prefix = false)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in word)
        {
            quoted.Append(c switch { '\'' => "''", '\\' => "\\\\", _ => c.ToString(CultureInfo.InvariantCulture) });
        }

        return quoted.Append(prefix ? "':*" : "'").ToString();
    }

    private static NpgsqlParameter Text(string name, string value) => new(name, NpgsqlDbType.Text) { Value = value };

    private sealed class TextsRow
    {
        public long Id { get; init; }

        public string Details { get; init; } = string.Empty;

        public string? Answers { get; init; }
    }
}
