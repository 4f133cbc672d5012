using System.Globalization;
using System.Text;
using CoupDePouce.Domain.HelpRequests;
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

    /// <summary>How many of her matches are ranked at most: the most recent ones. Ranking reads each match's words;
    /// for a common word among 100,000 requests that is tens of thousands of them (decision 033).</summary>
    public const int RankedUpTo = 2_000;

    /// <summary>Two steps: the most recent <see cref="RankedUpTo"/> matches she may see (through her filter, not given
    /// already), read newest first along the requests' order; then those ranked by <c>ts_rank</c>, weighted as SQLite's
    /// BM25 is, each term by its rarity.</summary>
    public override async Task<List<long>> RankAsync(
        BoardDbContext db, IReadOnlyList<SearchTerm> terms, bool matchAny, SearchTier tier, IQueryable<HelpRequest> visible,
        IReadOnlyList<long> given, int take, CancellationToken ct)
    {
        var titles = tier == SearchTier.Titles;
        var (words, stems) = titles ? ("\"TitleWords\"", "\"TitleStems\"") : ("\"Words\"", "\"Stems\"");
        var parameters = new List<NpgsqlParameter>();
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

        var matching = $"SELECT s.\"Id\" AS \"Value\" FROM \"HelpRequestSearch\" s WHERE {string.Join(matchAny ? " OR " : " AND ", conditions)}";
        var candidates = db.Database.SqlQueryRaw<long>(matching, [.. parameters.Select(Clone)]).Where(id => visible.Any(r => r.Id == id));
        if (given.Count > 0)
        {
            candidates = candidates.Where(id => !EF.Constant(given).Contains(id));
        }

        var recent = await candidates.OrderByDescending(id => id).Take(RankedUpTo).ToListAsync(ct);
        if (recent.Count == 0)
        {
            return [];
        }

        // Only the tier's own constants and the terms' weights are written into it; her words are parameters.
        var ranking = $"SELECT s.\"Id\" AS \"Id\", -({string.Join(" + ", ranks)}) AS \"Score\" FROM \"HelpRequestSearch\" s WHERE s.\"Id\" = ANY(@ids)";
        var scores = await db.Database.SqlQueryRaw<RankedMatch>(
                ranking, [.. parameters, new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = recent.ToArray() }])
            .ToListAsync(ct);
        return scores.OrderBy(m => m.Score).ThenByDescending(m => m.Id).Select(m => m.Id).Take(take).ToList();
    }

    private static NpgsqlParameter Clone(NpgsqlParameter parameter) => new(parameter.ParameterName, parameter.NpgsqlDbType) { Value = parameter.Value };

    /// <summary>Past this many requests, a term is common enough: its rarity is not counted further.</summary>
    public const int RarityCountedUpTo = 5_000;

    /// <summary>Past this many requests, rarity is read from PostgreSQL's statistics of the stems (the most common of
    /// them and how many requests hold each, kept by ANALYZE) rather than counted for each search.</summary>
    public const int RarityFromStatisticsFrom = 10_000;

    /// <summary>How long the statistics read are used before they are read again.</summary>
    public static readonly TimeSpan RarityKept = TimeSpan.FromMinutes(10);

    private Rarity? _rarity;

    /// <summary>The requests there are, and the share of them that holds each of the most common stems (with the share
    /// below which a stem is not among them).</summary>
    private sealed record Rarity(long Requests, Dictionary<string, double> Shares, double Rarest, DateTime ReadAt);

    /// <summary>Each term weighs its rarity, as BM25's inverse document frequency: ln(1 + (N − n + ½) / (n + ½)) for n
    /// of N requests holding it, so that a rare word of hers outweighs a common one. On a large board n comes from the
    /// statistics PostgreSQL keeps of the stems (no reading of the index per search); on a small one, it is counted
    /// (up to <see cref="RarityCountedUpTo"/>).</summary>
    public override async Task<IReadOnlyList<SearchTerm>> WeighAsync(BoardDbContext db, IReadOnlyList<SearchTerm> terms, CancellationToken ct)
    {
        if (await RarityAsync(db, ct) is { } rarity)
        {
            return terms.Select(term =>
            {
                var share = Math.Min(1, StemsOf(term).Sum(stem => Share(rarity, stem, term.IsPrefix && stem == term.Folded)));
                var holding = share * rarity.Requests;
                return term with { Weight = Math.Log(1 + ((rarity.Requests - holding + 0.5) / (holding + 0.5))) };
            }).ToList();
        }

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

    private static IEnumerable<string> StemsOf(SearchTerm term) =>
        new[] { term.Stem }.Concat(term.IsPrefix ? [term.Folded] : []).Concat(term.TypoStems).Distinct();

    /// <summary>The share of requests holding a stem (or, for a prefix, any stem it starts), per the statistics; a stem
    /// rarer than the statistics keep counts half the rarest they keep.</summary>
    private static double Share(Rarity rarity, string stem, bool prefix)
    {
        var share = prefix
            ? rarity.Shares.Where(s => s.Key.StartsWith(stem, StringComparison.Ordinal)).Sum(s => s.Value)
            : rarity.Shares.GetValueOrDefault(stem);
        return share > 0 ? share : rarity.Rarest / 2;
    }

    private async Task<Rarity?> RarityAsync(BoardDbContext db, CancellationToken ct)
    {
        if (_rarity is { } kept && DateTime.UtcNow - kept.ReadAt < RarityKept)
        {
            return kept;
        }

        await db.Database.OpenConnectionAsync(ct);
        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            SELECT c.reltuples::bigint, s.most_common_elems::text::text[], s.most_common_elem_freqs
            FROM pg_class c
            LEFT JOIN pg_stats s ON s.schemaname = 'public' AND s.tablename = 'HelpRequestSearch' AND s.attname = 'Stems'
            WHERE c.oid = '"HelpRequestSearch"'::regclass
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.GetInt64(0) < RarityFromStatisticsFrom || reader.IsDBNull(1) || reader.IsDBNull(2))
        {
            return null;
        }

        var stems = reader.GetFieldValue<string[]>(1);
        var shares = reader.GetFieldValue<float[]>(2);
        // After the stems' shares, PostgreSQL gives the smallest and the largest of them, then the share of nulls.
        var read = new Rarity(
            reader.GetInt64(0),
            stems.Select((stem, i) => (stem, share: (double)shares[i])).ToDictionary(p => p.stem, p => p.share, StringComparer.Ordinal),
            shares.Length > stems.Length ? shares[stems.Length] : shares.Min(),
            DateTime.UtcNow);
        _rarity = read;
        return read;
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
