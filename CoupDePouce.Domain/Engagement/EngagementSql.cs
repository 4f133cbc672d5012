using System.Globalization;
using System.Text;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Engagement;

/// <summary>How the figures are grouped: the whole network in one row, one row per coordination, or one
/// coordination alone.</summary>
internal enum Grouping
{
    Network,
    PerCoordination,
    Coordination,
}

/// <summary>The instants a computation reads: requests posted in [Start, End); what happened to them counts up to
/// AsOf (the period's end, or now for a period that ends today), so a past period's figures do not move.</summary>
internal sealed record Window(DateTime Start, DateTime End, DateTime Now)
{
    public DateTime AsOf => End < Now ? End : Now;
}

/// <summary>The dashboards' figures, computed by SQLite: aggregates over the period's requests through the
/// indexes on creation dates, never rows loaded into memory. Percentiles are window functions (percentile_cont:
/// linear between the two nearest ranks); delays are exact elapsed milliseconds.</summary>
internal static class EngagementSql
{
    private const string Conditions = "r.IsHidden = 0 AND r.IsWithdrawn = 0";

    /// <summary>An answer that counts as help: not the asker's own reply, not withdrawn nor hidden, written by AsOf.</summary>
    private const string Help = "a.AuthorId <> p.AuthorId AND a.IsWithdrawn = 0 AND a.IsHidden = 0 AND a.CreatedAt < $asOf";

    /// <summary>Each grouping's statement, with « sans réponse > 48 h » (the present period) and without (a past one).</summary>
    private static readonly Dictionary<(Grouping, bool Present), string> FiguresByGrouping = Enum.GetValues<Grouping>()
        .SelectMany(g => new[] { (g, true), (g, false) })
        .ToDictionary(k => k, k => FiguresFor(k.g, k.Item2));

    private static readonly Dictionary<Grouping, string> ThemesByGrouping = Enum.GetValues<Grouping>().ToDictionary(g => g, g => $"""
        {Period(g)}
        SELECT ThemeId AS "Key", COUNT(*) AS "Count" FROM period GROUP BY ThemeId
        """);

    private static readonly Dictionary<Grouping, string> HelpersByGrouping = Enum.GetValues<Grouping>().ToDictionary(g => g, g => $"""
        {Period(g)}
        SELECT h.AuthorId AS "MemberId", m.DisplayName AS "Name", h.Answers AS "Answers", h.Helpful AS "Helpful"
        FROM (SELECT a.AuthorId, COUNT(*) AS Answers, SUM(a.IsHelpful) AS Helpful
              FROM period p JOIN Answers a ON a.HelpRequestId = p.Id
              WHERE {Help}
              GROUP BY a.AuthorId) h
        JOIN AspNetUsers m ON m.Id = h.AuthorId
        WHERE m.HiddenFromHelperLists = 0
        ORDER BY h.Answers DESC, h.Helpful DESC, m.DisplayName
        LIMIT $take
        """);

    public static async Task<Dictionary<int, EngagementFigures>> FiguresAsync(
        BoardDbContext db, Grouping grouping, int? coordinationId, Window window, bool present, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<FiguresRow>(FiguresByGrouping[(grouping, present)], Parameters(window, coordinationId)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.ToFigures(present));
    }

    public static async Task<List<KeyCount>> ThemesAsync(BoardDbContext db, Grouping grouping, int? coordinationId, Window window, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<KeyCount>(ThemesByGrouping[grouping], Parameters(window, coordinationId)).ToListAsync(ct);

    public static async Task<List<HelperRow>> HelpersAsync(BoardDbContext db, Grouping grouping, int? coordinationId, Window window, int take, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<HelperRow>(HelpersByGrouping[grouping], [.. Parameters(window, coordinationId), new SqliteParameter("$take", take)]).ToListAsync(ct);

    /// <summary>Requests, answers and delays per week; each week given as its instants so that a week across a change
    /// of clocks is exactly its local days.</summary>
    public static async Task<List<WeekRow>> WeeksAsync(
        BoardDbContext db, Grouping grouping, int? coordinationId, Window window, IReadOnlyList<(DateTime Start, DateTime End)> weeks, CancellationToken ct)
    {
        var parameters = Parameters(window, coordinationId).ToList();
        for (var i = 0; i < weeks.Count; i++)
        {
            parameters.Add(new SqliteParameter($"$e{i}", weeks[i].End < window.AsOf ? weeks[i].End : window.AsOf));
        }

        var sql = WeeksSql(grouping, weeks.Count);
        return await db.Database.SqlQueryRaw<WeekRow>(sql, [.. parameters]).ToListAsync(ct);
    }

    private static object[] Parameters(Window window, int? coordinationId) =>
    [
        new SqliteParameter("$start", window.Start),
        new SqliteParameter("$end", window.End),
        new SqliteParameter("$asOf", window.AsOf),
        new SqliteParameter("$activeFrom", window.AsOf.AddDays(-30)),
        new SqliteParameter("$waitingSince", window.Now.AddHours(-48)),
        new SqliteParameter("$coordination", (object?)coordinationId ?? DBNull.Value),
    ];

    /// <summary>The period's requests, each with its group: first answer and resolution only if they came by AsOf.</summary>
    private static string Period(Grouping grouping) => $"""
        WITH period AS (
            SELECT r.Id, r.AuthorId, r.CoordinationId, r.ThemeId, r.CreatedAt, {Key(grouping, "r.CoordinationId")} AS Scope,
                   CASE WHEN r.FirstAnsweredAt < $asOf THEN r.FirstAnsweredAt END AS FirstAnsweredAt,
                   CASE WHEN r.FirstAnsweredAt < $asOf THEN r.FirstAnswerWaitMs END AS Ms,
                   CASE WHEN r.Status = 2 AND r.ResolvedAt < $asOf THEN 1 ELSE 0 END AS Resolved
            FROM HelpRequests r
            WHERE r.CreatedAt >= $start AND r.CreatedAt < $end AND {Conditions}{Filter(grouping, "r.CoordinationId")}
        )
        """;

    private static string Key(Grouping grouping, string column) => grouping == Grouping.Network ? "0" : column;

    private static string Filter(Grouping grouping, string column) => grouping == Grouping.Coordination ? $" AND {column} = $coordination" : string.Empty;

    /// <summary>The median and 90th percentile (percentile_cont: linear between the two nearest ranks) of each group's
    /// ranked delays (<c>ranked</c>: Scope, Ms, N from 1), <paramref name="totals"/> giving each group's number of
    /// delays (Scope, Total): only the two rows around each percentile are read, and no window has to count its rows.</summary>
    private static string Delays(string totals)
    {
        string Below(double p) => $"CAST((x.Total - 1) * {p.ToString(CultureInfo.InvariantCulture)} AS INTEGER)";
        string Fraction(double p) => $"((x.Total - 1) * {p.ToString(CultureInfo.InvariantCulture)} - {Below(p)})";
        string Percentile(double p) =>
            $"SUM(CASE WHEN r.N = {Below(p)} + 1 THEN r.Ms * (1.0 - {Fraction(p)}) ELSE 0 END + CASE WHEN r.N = {Below(p)} + 2 THEN r.Ms * {Fraction(p)} ELSE 0 END)";
        return $"""
            SELECT r.Scope, {Percentile(0.5)} AS MedianMs, {Percentile(0.9)} AS P90Ms
                FROM ranked r JOIN ({totals}) x ON x.Scope = r.Scope
                WHERE r.N IN ({Below(0.5)} + 1, {Below(0.5)} + 2, {Below(0.9)} + 1, {Below(0.9)} + 2)
                GROUP BY r.Scope
            """;
    }

    /// <summary>One statement per grouping. Per coordination, it also gives the network's row (key 0) from the same
    /// reading: sums of the coordinations' counts where they add up, the network's own ranks, helpers and askers where
    /// they do not (a member helps in several coordinations).</summary>
    private static string FiguresFor(Grouping grouping, bool present)
    {
        var keys = grouping switch
        {
            Grouping.Network => "SELECT 0 AS Scope",
            Grouping.PerCoordination => "SELECT 0 AS Scope UNION ALL SELECT Id FROM Coordinations",
            _ => "SELECT $coordination AS Scope",
        };
        var withNetwork = grouping == Grouping.PerCoordination;
        string AndNetwork(string cte, string sums, string groupBy = "") =>
            withNetwork ? $"SELECT * FROM {cte} UNION ALL SELECT 0, {sums} FROM {cte}{groupBy}" : $"SELECT * FROM {cte}";
        var sql = new StringBuilder(Period(grouping));
        sql.Append($"""
            , counted AS (
                SELECT Scope, COUNT(*) AS Requests,
                       SUM(FirstAnsweredAt IS NOT NULL) AS Answered,
                       SUM(Resolved) AS Resolved,
                       SUM(Ms <= 86400000) AS Within24,
                       SUM(Ms <= 172800000) AS Within48
                FROM period GROUP BY Scope
            ), counts AS ({AndNetwork("counted", "SUM(Requests), SUM(Answered), SUM(Resolved), SUM(Within24), SUM(Within48)")}
            ), ranked AS (
                SELECT Scope, Ms, ROW_NUMBER() OVER (PARTITION BY Scope ORDER BY Ms) AS N
                FROM (SELECT Scope, Ms FROM period WHERE Ms IS NOT NULL{(withNetwork ? " UNION ALL SELECT 0, Ms FROM period WHERE Ms IS NOT NULL" : "")})
            ), delays AS ({Delays("SELECT Scope, Answered AS Total FROM counts")}
            ), answered AS (
                SELECT p.Scope, p.CoordinationId AS RequestCoordinationId, a.AuthorId, a.AuthorCoordinationId
                FROM period p JOIN Answers a ON a.HelpRequestId = p.Id
                WHERE {Help}
            ), helps_by AS (
                SELECT Scope, AuthorId, COUNT(*) AS Answers FROM answered GROUP BY Scope, AuthorId
            ), helps AS ({AndNetwork("helps_by", "AuthorId, SUM(Answers)", " GROUP BY AuthorId")}
            ), helpers AS (
                SELECT Scope, COUNT(*) AS Helpers, SUM(Answers) AS HelperAnswers, SUM(CASE WHEN N <= 3 THEN Answers ELSE 0 END) AS TopThree
                FROM (SELECT Scope, Answers, ROW_NUMBER() OVER (PARTITION BY Scope ORDER BY Answers DESC) AS N FROM helps)
                GROUP BY Scope
            ), given_by AS ({Given(grouping)}
            ), given AS ({AndNetwork("given_by", "SUM(Given)")}
            ), askers AS (
                SELECT Scope, COUNT(*) AS Askers, SUM(EXISTS (
                           SELECT 1 FROM Answers a JOIN HelpRequests q ON q.Id = a.HelpRequestId
                           WHERE a.AuthorId = x.AuthorId AND a.CreatedAt >= $start AND a.CreatedAt < $asOf
                             AND a.IsWithdrawn = 0 AND a.IsHidden = 0 AND q.AuthorId <> x.AuthorId)) AS Reciprocal
                FROM (SELECT DISTINCT Scope, AuthorId FROM period{(withNetwork ? " UNION SELECT 0, AuthorId FROM period" : "")}) x
                GROUP BY Scope
            ), first_by AS (
                SELECT Scope, COUNT(*) AS FirstTime, SUM(FirstAnsweredAt IS NOT NULL) AS FirstTimeHelped
                FROM period p
                WHERE NOT EXISTS (
                    SELECT 1 FROM HelpRequests e
                    WHERE e.AuthorId = p.AuthorId AND e.CreatedAt <= p.CreatedAt AND e.Id <> p.Id AND (e.CreatedAt < p.CreatedAt OR e.Id < p.Id))
                GROUP BY Scope
            ), firsts AS ({AndNetwork("first_by", "SUM(FirstTime), SUM(FirstTimeHelped)")}
            ), member_by AS (
                SELECT {Key(grouping, "m.HomeCoordinationId")} AS Scope, COUNT(*) AS Members, SUM(
                           EXISTS (SELECT 1 FROM HelpRequests q WHERE q.AuthorId = m.Id AND q.CreatedAt >= $activeFrom AND q.CreatedAt < $asOf)
                           OR EXISTS (SELECT 1 FROM Answers a WHERE a.AuthorId = m.Id AND a.CreatedAt >= $activeFrom AND a.CreatedAt < $asOf)
                           OR EXISTS (SELECT 1 FROM AnswerThanks t WHERE t.MemberId = m.Id AND t.At >= $activeFrom AND t.At < $asOf)) AS Active
                FROM AspNetUsers m
                WHERE m.Membership = 0 AND m.JoinedAt < $asOf{Filter(grouping, "m.HomeCoordinationId")}
                GROUP BY 1
            ), members AS ({AndNetwork("member_by", "SUM(Members), SUM(Active)")}
            ), waiting_by AS ({(present ? Waiting(grouping) : "SELECT NULL AS Scope, 0 AS Waiting WHERE 0")}
            ), waiting AS ({AndNetwork("waiting_by", "SUM(Waiting)")}
            ), keys AS ({keys})
            SELECT k.Scope AS "Key",
                   COALESCE(c.Requests, 0) AS "Requests", COALESCE(c.Answered, 0) AS "Answered", COALESCE(c.Resolved, 0) AS "Resolved",
                   COALESCE(c.Within24, 0) AS "Within24", COALESCE(c.Within48, 0) AS "Within48",
                   d.MedianMs AS "MedianMs", d.P90Ms AS "P90Ms",
                   COALESCE(w.Waiting, 0) AS "Waiting",
                   COALESCE(m.Members, 0) AS "Members", COALESCE(m.Active, 0) AS "Active",
                   COALESCE(h.Helpers, 0) AS "Helpers", COALESCE(h.HelperAnswers, 0) AS "HelperAnswers", COALESCE(h.TopThree, 0) AS "TopThree",
                   COALESCE(g.Given, 0) AS "Given",
                   COALESCE(s.Askers, 0) AS "Askers", COALESCE(s.Reciprocal, 0) AS "Reciprocal",
                   COALESCE(f.FirstTime, 0) AS "FirstTime", COALESCE(f.FirstTimeHelped, 0) AS "FirstTimeHelped"
            FROM keys k
            LEFT JOIN counts c ON c.Scope = k.Scope
            LEFT JOIN delays d ON d.Scope = k.Scope
            LEFT JOIN helpers h ON h.Scope = k.Scope
            LEFT JOIN given g ON g.Scope = k.Scope
            LEFT JOIN askers s ON s.Scope = k.Scope
            LEFT JOIN firsts f ON f.Scope = k.Scope
            LEFT JOIN members m ON m.Scope = k.Scope
            LEFT JOIN waiting w ON w.Scope = k.Scope
            """);
        return sql.ToString();
    }

    /// <summary>Answers given to another coordination's requests: for the network and per coordination, read from
    /// the period's answers already at hand; for one coordination, its members' answers anywhere.</summary>
    private static string Given(Grouping grouping) => grouping == Grouping.Coordination
        ? $"""

                SELECT $coordination AS Scope, COUNT(*) AS Given
                FROM Answers a JOIN HelpRequests p ON p.Id = a.HelpRequestId
                WHERE a.AuthorCoordinationId = $coordination AND a.CreatedAt >= $start AND {Help}
                  AND p.CreatedAt >= $start AND p.CreatedAt < $end AND p.IsHidden = 0 AND p.IsWithdrawn = 0 AND p.CoordinationId <> $coordination
            """
        : $"""

                SELECT {Key(grouping, "AuthorCoordinationId")} AS Scope, COUNT(*) AS Given
                FROM answered
                WHERE AuthorCoordinationId IS NOT NULL AND AuthorCoordinationId <> RequestCoordinationId
                GROUP BY 1
            """;

    /// <summary>Open requests never answered, posted more than 48 h ago (the partial index holds only those open).</summary>
    private static string Waiting(Grouping grouping) => $"""

                SELECT {Key(grouping, "r.CoordinationId")} AS Scope, COUNT(*) AS Waiting
                FROM HelpRequests r
                WHERE r.Status = 0 AND r.IsHidden = 0 AND r.IsWithdrawn = 0 AND r.CreatedAt < $waitingSince{Filter(grouping, "r.CoordinationId")}
                GROUP BY 1
            """;

    /// <summary>Per week: the period's requests posted that week, the answers they received that week (request-centric,
    /// as every figure), and the delays of those posted that week. A row's week is found by comparing its instant with
    /// the weeks' ends in order (one expression per row, no join).</summary>
    private static string WeeksSql(Grouping grouping, int weeks)
    {
        string WeekOf(string column) =>
            $"CASE {string.Concat(Enumerable.Range(0, weeks).Select(i => $"WHEN {column} < $e{i} THEN {i} "))}END";

        var numbers = string.Join(", ", Enumerable.Range(0, weeks).Select(i => $"({i})"));
        return $"""
            {Period(grouping)}
            , weeks(Week) AS (VALUES {numbers})
            , posted AS MATERIALIZED (
                SELECT {WeekOf("p.CreatedAt")} AS Week, p.Ms FROM period p
            ), ranked AS (
                SELECT Week AS Scope, Ms, ROW_NUMBER() OVER (PARTITION BY Week ORDER BY Ms) AS N
                FROM posted WHERE Ms IS NOT NULL
            ), requests AS (
                SELECT Week, COUNT(*) AS Requests, COUNT(Ms) AS Answered FROM posted GROUP BY Week
            ), delays AS ({Delays("SELECT Week AS Scope, Answered AS Total FROM requests")}
            ), weekly_answers AS (
                SELECT {WeekOf("a.CreatedAt")} AS Week, COUNT(*) AS Answers
                FROM period p JOIN Answers a ON a.HelpRequestId = p.Id
                WHERE {Help}
                GROUP BY 1
            )
            SELECT w.Week AS "Week", COALESCE(r.Requests, 0) AS "Requests", COALESCE(a.Answers, 0) AS "Answers",
                   d.MedianMs AS "MedianMs", d.P90Ms AS "P90Ms"
            FROM weeks w
            LEFT JOIN requests r ON r.Week = w.Week
            LEFT JOIN weekly_answers a ON a.Week = w.Week
            LEFT JOIN delays d ON d.Scope = w.Week
            ORDER BY w.Week
            """;
    }
}

internal sealed class FiguresRow
{
    public int Key { get; init; }
    public int Requests { get; init; }
    public int Answered { get; init; }
    public int Resolved { get; init; }
    public int Within24 { get; init; }
    public int Within48 { get; init; }
    public double? MedianMs { get; init; }
    public double? P90Ms { get; init; }
    public int Waiting { get; init; }
    public int Members { get; init; }
    public int Active { get; init; }
    public int Helpers { get; init; }
    public int HelperAnswers { get; init; }
    public int TopThree { get; init; }
    public int Given { get; init; }
    public int Askers { get; init; }
    public int Reciprocal { get; init; }
    public int FirstTime { get; init; }
    public int FirstTimeHelped { get; init; }

    public EngagementFigures ToFigures(bool present) => new()
    {
        Requests = Requests,
        Answered = Answered,
        Resolved = Resolved,
        AnsweredWithin24h = Within24,
        AnsweredWithin48h = Within48,
        MedianHours = MedianMs / 3_600_000,
        P90Hours = P90Ms / 3_600_000,
        UnansweredOver48h = present ? Waiting : null,
        Members = Members,
        ActiveMembers = Active,
        Helpers = Helpers,
        HelperAnswers = HelperAnswers,
        TopThreeAnswers = TopThree,
        AnswersToOtherCoordinations = Given,
        Askers = Askers,
        ReciprocalAskers = Reciprocal,
        FirstTimeAskers = FirstTime,
        FirstTimeAskersHelped = FirstTimeHelped,
    };
}

internal sealed class KeyCount
{
    public int Key { get; init; }
    public int Count { get; init; }
}

internal sealed class HelperRow
{
    public Guid MemberId { get; init; }
    public string Name { get; init; } = string.Empty;
    public int Answers { get; init; }
    public int Helpful { get; init; }
}

internal sealed class WeekRow
{
    public int Week { get; init; }
    public int Requests { get; init; }
    public int Answers { get; init; }
    public double? MedianMs { get; init; }
    public double? P90Ms { get; init; }
}
