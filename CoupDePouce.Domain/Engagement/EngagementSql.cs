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

    private static readonly Dictionary<Grouping, string> FiguresByGrouping = Enum.GetValues<Grouping>().ToDictionary(g => g, FiguresFor);

    private static readonly Dictionary<Grouping, string> ThemesByGrouping = Enum.GetValues<Grouping>().ToDictionary(g => g, g => $"""
        {Period(g)}
        SELECT ThemeId AS "Key", COUNT(*) AS "Count" FROM period GROUP BY ThemeId
        """);

    private static readonly Dictionary<Grouping, string> HelpersByGrouping = Enum.GetValues<Grouping>().ToDictionary(g => g, g => $"""
        {Period(g)}
        SELECT a.AuthorId AS "MemberId", m.DisplayName AS "Name", COUNT(*) AS "Answers", SUM(a.IsHelpful) AS "Helpful"
        FROM period p JOIN Answers a ON a.HelpRequestId = p.Id JOIN AspNetUsers m ON m.Id = a.AuthorId
        WHERE {Help} AND m.HiddenFromHelperLists = 0
        GROUP BY a.AuthorId, m.DisplayName
        ORDER BY "Answers" DESC, "Helpful" DESC, m.DisplayName
        LIMIT $take
        """);

    public static async Task<Dictionary<int, EngagementFigures>> FiguresAsync(
        BoardDbContext db, Grouping grouping, int? coordinationId, Window window, bool present, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<FiguresRow>(FiguresByGrouping[grouping], Parameters(window, coordinationId)).ToListAsync(ct);
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
        var values = string.Join(", ", weeks.Select((_, i) => $"({i}, $s{i}, $e{i})"));
        var parameters = Parameters(window, coordinationId).ToList();
        for (var i = 0; i < weeks.Count; i++)
        {
            parameters.Add(new SqliteParameter($"$s{i}", weeks[i].Start));
            parameters.Add(new SqliteParameter($"$e{i}", weeks[i].End < window.AsOf ? weeks[i].End : window.AsOf));
        }

        var sql = WeeksSql(grouping, values);
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
                   CASE WHEN r.Status = 2 AND r.ResolvedAt < $asOf THEN 1 ELSE 0 END AS Resolved
            FROM HelpRequests r
            WHERE r.CreatedAt >= $start AND r.CreatedAt < $end AND {Conditions}{Filter(grouping, "r.CoordinationId")}
        )
        """;

    private static string Key(Grouping grouping, string column) => grouping == Grouping.Network ? "0" : column;

    private static string Filter(Grouping grouping, string column) => grouping == Grouping.Coordination ? $" AND {column} = $coordination" : string.Empty;

    private static string DelayMs(string answeredAt, string createdAt) =>
        $"CAST(round((julianday({answeredAt}) - julianday({createdAt})) * 86400000.0) AS INTEGER)";

    /// <summary>percentile_cont(p) over the ranked rows (N from 1, Total rows in the group).</summary>
    private static string Percentile(double p)
    {
        var position = $"((Total - 1) * {p.ToString(CultureInfo.InvariantCulture)})";
        var below = $"CAST({position} AS INTEGER)";
        return $"SUM(CASE WHEN N = {below} + 1 THEN Ms * (1.0 - ({position} - {below})) WHEN N = {below} + 2 THEN Ms * ({position} - {below}) ELSE 0 END)";
    }

    private static string FiguresFor(Grouping grouping)
    {
        var keys = grouping switch
        {
            Grouping.Network => "SELECT 0 AS Scope",
            Grouping.PerCoordination => "SELECT Id AS Scope FROM Coordinations",
            _ => "SELECT $coordination AS Scope",
        };
        var sql = new StringBuilder(Period(grouping));
        sql.Append($"""
            , counts AS (
                SELECT Scope, COUNT(*) AS Requests,
                       SUM(FirstAnsweredAt IS NOT NULL) AS Answered,
                       SUM(Resolved) AS Resolved,
                       SUM(FirstAnsweredAt IS NOT NULL AND {DelayMs("FirstAnsweredAt", "CreatedAt")} <= 86400000) AS Within24,
                       SUM(FirstAnsweredAt IS NOT NULL AND {DelayMs("FirstAnsweredAt", "CreatedAt")} <= 172800000) AS Within48
                FROM period GROUP BY Scope
            ), ranked AS (
                SELECT Scope, Ms, ROW_NUMBER() OVER (PARTITION BY Scope ORDER BY Ms) AS N, COUNT(*) OVER (PARTITION BY Scope) AS Total
                FROM (SELECT Scope, {DelayMs("FirstAnsweredAt", "CreatedAt")} AS Ms FROM period WHERE FirstAnsweredAt IS NOT NULL)
            ), delays AS (
                SELECT Scope, {Percentile(0.5)} AS MedianMs, {Percentile(0.9)} AS P90Ms FROM ranked GROUP BY Scope
            ), helps AS (
                SELECT p.Scope, a.AuthorId, COUNT(*) AS Answers
                FROM period p JOIN Answers a ON a.HelpRequestId = p.Id
                WHERE {Help}
                GROUP BY p.Scope, a.AuthorId
            ), helpers AS (
                SELECT Scope, COUNT(*) AS Helpers, SUM(Answers) AS HelperAnswers, SUM(CASE WHEN N <= 3 THEN Answers ELSE 0 END) AS TopThree
                FROM (SELECT Scope, Answers, ROW_NUMBER() OVER (PARTITION BY Scope ORDER BY Answers DESC) AS N FROM helps)
                GROUP BY Scope
            ), given AS (
                SELECT {Key(grouping, "a.AuthorCoordinationId")} AS Scope, COUNT(*) AS Given
                FROM HelpRequests p JOIN Answers a ON a.HelpRequestId = p.Id
                WHERE p.CreatedAt >= $start AND p.CreatedAt < $end AND p.IsHidden = 0 AND p.IsWithdrawn = 0
                  AND {Help} AND a.AuthorCoordinationId IS NOT NULL AND a.AuthorCoordinationId <> p.CoordinationId{Filter(grouping, "a.AuthorCoordinationId")}
                GROUP BY 1
            ), askers AS (
                SELECT Scope, COUNT(*) AS Askers, SUM(EXISTS (
                           SELECT 1 FROM Answers a JOIN HelpRequests q ON q.Id = a.HelpRequestId
                           WHERE a.AuthorId = x.AuthorId AND a.CreatedAt >= $start AND a.CreatedAt < $asOf
                             AND a.IsWithdrawn = 0 AND a.IsHidden = 0 AND q.AuthorId <> x.AuthorId)) AS Reciprocal
                FROM (SELECT DISTINCT Scope, AuthorId FROM period) x
                GROUP BY Scope
            ), firsts AS (
                SELECT Scope, COUNT(*) AS FirstTime, SUM(FirstAnsweredAt IS NOT NULL) AS FirstTimeHelped
                FROM period p
                WHERE NOT EXISTS (
                    SELECT 1 FROM HelpRequests e
                    WHERE e.AuthorId = p.AuthorId AND (e.CreatedAt < p.CreatedAt OR (e.CreatedAt = p.CreatedAt AND e.Id < p.Id)))
                GROUP BY Scope
            ), active AS (
                SELECT AuthorId AS MemberId FROM HelpRequests WHERE CreatedAt >= $activeFrom AND CreatedAt < $asOf
                UNION SELECT AuthorId FROM Answers WHERE CreatedAt >= $activeFrom AND CreatedAt < $asOf
                UNION SELECT MemberId FROM AnswerThanks WHERE At >= $activeFrom AND At < $asOf
            ), members AS (
                SELECT {Key(grouping, "m.HomeCoordinationId")} AS Scope, COUNT(*) AS Members, SUM(m.Id IN (SELECT MemberId FROM active)) AS Active
                FROM AspNetUsers m
                WHERE m.Membership = 0 AND m.JoinedAt < $asOf{Filter(grouping, "m.HomeCoordinationId")}
                GROUP BY 1
            ), waiting AS (
                SELECT {Key(grouping, "r.CoordinationId")} AS Scope, COUNT(*) AS Waiting
                FROM HelpRequests r
                WHERE r.Status = 0 AND r.CreatedAt < $waitingSince AND {Conditions}{Filter(grouping, "r.CoordinationId")}
                GROUP BY 1
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

    private static string WeeksSql(Grouping grouping, string values) => $"""
        {Period(grouping)}
        , weeks(Week, Starts, Ends) AS (VALUES {values})
        , ranked AS (
            SELECT Scope, Ms, ROW_NUMBER() OVER (PARTITION BY Scope ORDER BY Ms) AS N, COUNT(*) OVER (PARTITION BY Scope) AS Total
            FROM (SELECT w.Week AS Scope, {DelayMs("p.FirstAnsweredAt", "p.CreatedAt")} AS Ms
                  FROM period p JOIN weeks w ON p.CreatedAt >= w.Starts AND p.CreatedAt < w.Ends
                  WHERE p.FirstAnsweredAt IS NOT NULL)
        ), delays AS (
            SELECT Scope, {Percentile(0.5)} AS MedianMs, {Percentile(0.9)} AS P90Ms FROM ranked GROUP BY Scope
        )
        SELECT w.Week AS "Week",
               (SELECT COUNT(*) FROM period p WHERE p.CreatedAt >= w.Starts AND p.CreatedAt < w.Ends) AS "Requests",
               (SELECT COUNT(*) FROM Answers a JOIN HelpRequests p ON p.Id = a.HelpRequestId
                WHERE a.CreatedAt >= w.Starts AND a.CreatedAt < w.Ends AND {Help} AND p.IsHidden = 0 AND p.IsWithdrawn = 0{Filter(grouping, "p.CoordinationId")}) AS "Answers",
               d.MedianMs AS "MedianMs", d.P90Ms AS "P90Ms"
        FROM weeks w LEFT JOIN delays d ON d.Scope = w.Week
        ORDER BY w.Week
        """;
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
