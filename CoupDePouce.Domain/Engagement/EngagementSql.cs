using System.Globalization;
using System.Text;
using CoupDePouce.Domain.Persistence;
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

/// <summary>What the dashboards' SQL writes differently on each engine (decision 033): booleans (SQLite's 0 and 1,
/// kept so that its partial indexes still match the statements) and the integer part of a positive number.</summary>
internal sealed record SqlDialect(string False, string True, Func<string, string> Floor)
{
    public static SqlDialect Sqlite { get; } = new("0", "1", x => $"CAST({x} AS INTEGER)");

    public static SqlDialect Postgres { get; } = new("FALSE", "TRUE", x => $"CAST(FLOOR({x}) AS integer)");

    public static SqlDialect Of(BoardDbContext db) => db.Database.IsNpgsql() ? Postgres : Sqlite;
}

/// <summary>The dashboards' figures, computed by the database: aggregates over the period's requests through the
/// indexes on creation dates, never rows loaded into memory. Percentiles are window functions (percentile_cont:
/// linear between the two nearest ranks); delays are exact elapsed milliseconds. One text for both engines but for
/// <see cref="SqlDialect"/>: names quoted, the CTEs' own columns unquoted (PostgreSQL folds them, SQLite ignores case),
/// counts cast to integers.</summary>
internal static class EngagementSql
{
    private static readonly Dictionary<(SqlDialect, Grouping, bool Present), string> FiguresByGrouping = new[] { SqlDialect.Sqlite, SqlDialect.Postgres }
        .SelectMany(d => Enum.GetValues<Grouping>().SelectMany(g => new[] { (d, g, true), (d, g, false) }))
        .ToDictionary(k => k, k => new Statements(k.Item1).FiguresFor(k.Item2, k.Item3));

    private static readonly Dictionary<(SqlDialect, Grouping), string> ThemesByGrouping = new[] { SqlDialect.Sqlite, SqlDialect.Postgres }
        .SelectMany(d => Enum.GetValues<Grouping>().Select(g => (d, g)))
        .ToDictionary(k => k, k => new Statements(k.Item1).Themes(k.Item2));

    private static readonly Dictionary<(SqlDialect, Grouping), string> HelpersByGrouping = new[] { SqlDialect.Sqlite, SqlDialect.Postgres }
        .SelectMany(d => Enum.GetValues<Grouping>().Select(g => (d, g)))
        .ToDictionary(k => k, k => new Statements(k.Item1).Helpers(k.Item2));

    public static async Task<Dictionary<int, EngagementFigures>> FiguresAsync(
        BoardDbContext db, Grouping grouping, int? coordinationId, Window window, bool present, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<FiguresRow>(FiguresByGrouping[(SqlDialect.Of(db), grouping, present)], Parameters(db, window, coordinationId)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.ToFigures(present));
    }

    public static async Task<List<KeyCount>> ThemesAsync(BoardDbContext db, Grouping grouping, int? coordinationId, Window window, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<KeyCount>(ThemesByGrouping[(SqlDialect.Of(db), grouping)], Parameters(db, window, coordinationId)).ToListAsync(ct);

    public static async Task<List<HelperRow>> HelpersAsync(BoardDbContext db, Grouping grouping, int? coordinationId, Window window, int take, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<HelperRow>(HelpersByGrouping[(SqlDialect.Of(db), grouping)], [.. Parameters(db, window, coordinationId), Parameter(db, "take", take)]).ToListAsync(ct);

    /// <summary>Requests, answers and delays per week; each week given as its instants so that a week across a change
    /// of clocks is exactly its local days.</summary>
    public static async Task<List<WeekRow>> WeeksAsync(
        BoardDbContext db, Grouping grouping, int? coordinationId, Window window, IReadOnlyList<(DateTime Start, DateTime End)> weeks, CancellationToken ct)
    {
        var parameters = Parameters(db, window, coordinationId).ToList();
        for (var i = 0; i < weeks.Count; i++)
        {
            parameters.Add(Parameter(db, $"e{i}", weeks[i].End < window.AsOf ? weeks[i].End : window.AsOf));
        }

        var sql = new Statements(SqlDialect.Of(db)).Weeks(grouping, weeks.Count);
        return await db.Database.SqlQueryRaw<WeekRow>(sql, [.. parameters]).ToListAsync(ct);
    }

    private static object[] Parameters(BoardDbContext db, Window window, int? coordinationId) =>
    [
        Parameter(db, "start", window.Start),
        Parameter(db, "end", window.End),
        Parameter(db, "asOf", window.AsOf),
        Parameter(db, "activeFrom", window.AsOf.AddDays(-30)),
        Parameter(db, "waitingSince", window.Now.AddHours(-48)),
        Parameter(db, "coordination", coordinationId),
    ];

    /// <summary>A parameter of the engine the context is on (written <c>@name</c> in the statements).</summary>
    private static System.Data.Common.DbParameter Parameter(BoardDbContext db, string name, object? value)
    {
        var parameter = db.Database.GetDbConnection().CreateCommand().CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null or int)
        {
            parameter.DbType = System.Data.DbType.Int32;
        }

        return parameter;
    }

    /// <summary>The statements in one engine's terms.</summary>
    private sealed class Statements(SqlDialect sql)
    {
        private string No => sql.False;

        private string Conditions => $"r.\"IsHidden\" = {No} AND r.\"IsWithdrawn\" = {No}";

        /// <summary>An answer that counts as help: not the asker's own reply, not withdrawn nor hidden, written by AsOf.</summary>
        private string Help => HelpTo("p.AuthorId");

        private string HelpTo(string asker) => $"a.\"AuthorId\" <> {asker} AND a.\"IsWithdrawn\" = {No} AND a.\"IsHidden\" = {No} AND a.\"CreatedAt\" < @asOf";

        private static string Count(string condition) => $"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)";

        private static string Int(string expression) => $"CAST({expression} AS integer)";

        public string Themes(Grouping grouping) => $"""
            {Period(grouping)}
            SELECT ThemeId AS "Key", {Int("COUNT(*)")} AS "Count" FROM period GROUP BY ThemeId
            """;

        public string Helpers(Grouping grouping) => $"""
            {Period(grouping)}
            SELECT h.AuthorId AS "MemberId", m."DisplayName" AS "Name", {Int("h.Answers")} AS "Answers", {Int("h.Helpful")} AS "Helpful"
            FROM (SELECT a."AuthorId" AS AuthorId, COUNT(*) AS Answers, {Count($"a.\"IsHelpful\" = {sql.True}")} AS Helpful
                  FROM period p JOIN "Answers" a ON a."HelpRequestId" = p.Id
                  WHERE {Help}
                  GROUP BY a."AuthorId") h
            JOIN "AspNetUsers" m ON m."Id" = h.AuthorId
            WHERE m."HiddenFromHelperLists" = {No}
            ORDER BY h.Answers DESC, h.Helpful DESC, m."DisplayName"
            LIMIT @take
            """;

        /// <summary>The period's requests, each with its group: first answer and resolution only if they came by AsOf.</summary>
        private string Period(Grouping grouping) => $"""
            WITH period AS (
                SELECT r."Id" AS Id, r."AuthorId" AS AuthorId, r."CoordinationId" AS CoordinationId, r."ThemeId" AS ThemeId,
                       r."CreatedAt" AS CreatedAt, {Key(grouping, "r.\"CoordinationId\"")} AS Scope,
                       CASE WHEN r."FirstAnsweredAt" < @asOf THEN r."FirstAnsweredAt" END AS FirstAnsweredAt,
                       CASE WHEN r."FirstAnsweredAt" < @asOf THEN r."FirstAnswerWaitMs" END AS Ms,
                       CASE WHEN r."Status" = 2 AND r."ResolvedAt" < @asOf THEN 1 ELSE 0 END AS Resolved
                FROM "HelpRequests" r
                WHERE r."CreatedAt" >= @start AND r."CreatedAt" < @end AND {Conditions}{Filter(grouping, "r.\"CoordinationId\"")}
            )
            """;

        private static string Key(Grouping grouping, string column) => grouping == Grouping.Network ? "0" : column;

        private static string Filter(Grouping grouping, string column) => grouping == Grouping.Coordination ? $" AND {column} = @coordination" : string.Empty;

        /// <summary>The median and 90th percentile (percentile_cont: linear between the two nearest ranks) of each group's
        /// ranked delays (<c>ranked</c>: Scope, Ms, N from 1), <paramref name="totals"/> giving each group's number of
        /// delays (Scope, Total): only the two rows around each percentile are read, and no window has to count its rows.</summary>
        private string Delays(string totals)
        {
            string Below(double p) => sql.Floor($"(x.Total - 1) * {p.ToString(CultureInfo.InvariantCulture)}");
            string Fraction(double p) => $"((x.Total - 1) * {p.ToString(CultureInfo.InvariantCulture)} - {Below(p)})";
            string Percentile(double p) =>
                $"SUM(CASE WHEN r.N = {Below(p)} + 1 THEN r.Ms * (1.0 - {Fraction(p)}) ELSE 0 END + CASE WHEN r.N = {Below(p)} + 2 THEN r.Ms * {Fraction(p)} ELSE 0 END)";
            return $"""
                SELECT r.Scope AS Scope, {Percentile(0.5)} AS MedianMs, {Percentile(0.9)} AS P90Ms
                    FROM ranked r JOIN ({totals}) x ON x.Scope = r.Scope
                    WHERE r.N IN ({Below(0.5)} + 1, {Below(0.5)} + 2, {Below(0.9)} + 1, {Below(0.9)} + 2)
                    GROUP BY r.Scope
                """;
        }

        /// <summary>One statement per grouping. Per coordination, it also gives the network's row (key 0) from the same
        /// reading: sums of the coordinations' counts where they add up, the network's own ranks, helpers and askers where
        /// they do not (a member helps in several coordinations).</summary>
        public string FiguresFor(Grouping grouping, bool present)
        {
            var keys = grouping switch
            {
                Grouping.Network => "SELECT 0 AS Scope",
                Grouping.PerCoordination => "SELECT 0 AS Scope UNION ALL SELECT \"Id\" FROM \"Coordinations\"",
                _ => "SELECT @coordination AS Scope",
            };
            var withNetwork = grouping == Grouping.PerCoordination;
            string AndNetwork(string cte, string sums, string groupBy = "") =>
                withNetwork ? $"SELECT * FROM {cte} UNION ALL SELECT 0, {sums} FROM {cte}{groupBy}" : $"SELECT * FROM {cte}";
            var statement = new StringBuilder(Period(grouping));
            statement.Append($"""
                , counted AS (
                    SELECT Scope, COUNT(*) AS Requests,
                           {Count("FirstAnsweredAt IS NOT NULL")} AS Answered,
                           SUM(Resolved) AS Resolved,
                           {Count("Ms <= 86400000")} AS Within24,
                           {Count("Ms <= 172800000")} AS Within48
                    FROM period GROUP BY Scope
                ), counts AS ({AndNetwork("counted", "SUM(Requests), SUM(Answered), SUM(Resolved), SUM(Within24), SUM(Within48)")}
                ), ranked AS (
                    SELECT Scope, Ms, ROW_NUMBER() OVER (PARTITION BY Scope ORDER BY Ms) AS N
                    FROM (SELECT Scope, Ms FROM period WHERE Ms IS NOT NULL{(withNetwork ? " UNION ALL SELECT 0, Ms FROM period WHERE Ms IS NOT NULL" : "")}) delays_of
                ), delays AS ({Delays("SELECT Scope, Answered AS Total FROM counts")}
                ), answered AS (
                    SELECT p.Scope AS Scope, p.CoordinationId AS RequestCoordinationId, a."AuthorId" AS AuthorId, a."AuthorCoordinationId" AS AuthorCoordinationId
                    FROM period p JOIN "Answers" a ON a."HelpRequestId" = p.Id
                    WHERE {Help}
                ), helps_by AS (
                    SELECT Scope, AuthorId, COUNT(*) AS Answers FROM answered GROUP BY Scope, AuthorId
                ), helps AS ({AndNetwork("helps_by", "AuthorId, SUM(Answers)", " GROUP BY AuthorId")}
                ), helpers AS (
                    SELECT Scope, COUNT(*) AS Helpers, SUM(Answers) AS HelperAnswers, SUM(CASE WHEN N <= 3 THEN Answers ELSE 0 END) AS TopThree
                    FROM (SELECT Scope, Answers, ROW_NUMBER() OVER (PARTITION BY Scope ORDER BY Answers DESC) AS N FROM helps) ranked_helpers
                    GROUP BY Scope
                ), given_by AS ({Given(grouping)}
                ), given AS ({AndNetwork("given_by", "SUM(Given)")}
                ), askers AS (
                    SELECT Scope, COUNT(*) AS Askers, {Count($"""
                        EXISTS (
                               SELECT 1 FROM "Answers" a JOIN "HelpRequests" q ON q."Id" = a."HelpRequestId"
                               WHERE a."AuthorId" = x.AuthorId AND a."CreatedAt" >= @start AND a."CreatedAt" < @asOf
                                 AND a."IsWithdrawn" = {No} AND a."IsHidden" = {No} AND q."AuthorId" <> x.AuthorId)
                        """)} AS Reciprocal
                    FROM (SELECT DISTINCT Scope, AuthorId FROM period{(withNetwork ? " UNION SELECT 0, AuthorId FROM period" : "")}) x
                    GROUP BY Scope
                ), first_by AS (
                    SELECT Scope, COUNT(*) AS FirstTime, {Count("FirstAnsweredAt IS NOT NULL")} AS FirstTimeHelped
                    FROM period p
                    WHERE NOT EXISTS (
                        SELECT 1 FROM "HelpRequests" e
                        WHERE e."AuthorId" = p.AuthorId AND e."CreatedAt" <= p.CreatedAt AND e."Id" <> p.Id AND (e."CreatedAt" < p.CreatedAt OR e."Id" < p.Id))
                    GROUP BY Scope
                ), firsts AS ({AndNetwork("first_by", "SUM(FirstTime), SUM(FirstTimeHelped)")}
                ), member_by AS (
                    SELECT {Key(grouping, "m.\"HomeCoordinationId\"")} AS Scope, COUNT(*) AS Members, {Count("""
                               EXISTS (SELECT 1 FROM "HelpRequests" q WHERE q."AuthorId" = m."Id" AND q."CreatedAt" >= @activeFrom AND q."CreatedAt" < @asOf)
                               OR EXISTS (SELECT 1 FROM "Answers" a WHERE a."AuthorId" = m."Id" AND a."CreatedAt" >= @activeFrom AND a."CreatedAt" < @asOf)
                               OR EXISTS (SELECT 1 FROM "AnswerThanks" t WHERE t."MemberId" = m."Id" AND t."At" >= @activeFrom AND t."At" < @asOf)
                        """)} AS Active
                    FROM "AspNetUsers" m
                    WHERE m."Membership" = 0 AND m."JoinedAt" < @asOf{Filter(grouping, "m.\"HomeCoordinationId\"")}
                    GROUP BY 1
                ), members AS ({AndNetwork("member_by", "SUM(Members), SUM(Active)")}
                ), waiting_by AS ({(present ? Waiting(grouping) : "SELECT CAST(NULL AS integer) AS Scope, 0 AS Waiting WHERE 1 = 0")}
                ), waiting AS ({AndNetwork("waiting_by", "SUM(Waiting)")}
                ), keys AS ({keys})
                SELECT {Int("k.Scope")} AS "Key",
                       {Int("COALESCE(c.Requests, 0)")} AS "Requests", {Int("COALESCE(c.Answered, 0)")} AS "Answered", {Int("COALESCE(c.Resolved, 0)")} AS "Resolved",
                       {Int("COALESCE(c.Within24, 0)")} AS "Within24", {Int("COALESCE(c.Within48, 0)")} AS "Within48",
                       CAST(d.MedianMs AS double precision) AS "MedianMs", CAST(d.P90Ms AS double precision) AS "P90Ms",
                       {Int("COALESCE(w.Waiting, 0)")} AS "Waiting",
                       {Int("COALESCE(m.Members, 0)")} AS "Members", {Int("COALESCE(m.Active, 0)")} AS "Active",
                       {Int("COALESCE(h.Helpers, 0)")} AS "Helpers", {Int("COALESCE(h.HelperAnswers, 0)")} AS "HelperAnswers", {Int("COALESCE(h.TopThree, 0)")} AS "TopThree",
                       {Int("COALESCE(g.Given, 0)")} AS "Given",
                       {Int("COALESCE(s.Askers, 0)")} AS "Askers", {Int("COALESCE(s.Reciprocal, 0)")} AS "Reciprocal",
                       {Int("COALESCE(f.FirstTime, 0)")} AS "FirstTime", {Int("COALESCE(f.FirstTimeHelped, 0)")} AS "FirstTimeHelped"
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
            return statement.ToString();
        }

        /// <summary>Answers given to another coordination's requests: for the network and per coordination, read from
        /// the period's answers already at hand; for one coordination, its members' answers anywhere.</summary>
        private string Given(Grouping grouping) => grouping == Grouping.Coordination
            ? $"""

                    SELECT @coordination AS Scope, COUNT(*) AS Given
                    FROM "Answers" a JOIN "HelpRequests" p ON p."Id" = a."HelpRequestId"
                    WHERE a."AuthorCoordinationId" = @coordination AND a."CreatedAt" >= @start AND {HelpTo("p.\"AuthorId\"")}
                      AND p."CreatedAt" >= @start AND p."CreatedAt" < @end AND p."IsHidden" = {No} AND p."IsWithdrawn" = {No} AND p."CoordinationId" <> @coordination
                """
            : $"""

                    SELECT {Key(grouping, "AuthorCoordinationId")} AS Scope, COUNT(*) AS Given
                    FROM answered
                    WHERE AuthorCoordinationId IS NOT NULL AND AuthorCoordinationId <> RequestCoordinationId
                    GROUP BY 1
                """;

        /// <summary>Open requests never answered, posted more than 48 h ago (the partial index holds only those open).</summary>
        private string Waiting(Grouping grouping) => $"""

                    SELECT {Key(grouping, "r.\"CoordinationId\"")} AS Scope, COUNT(*) AS Waiting
                    FROM "HelpRequests" r
                    WHERE r."Status" = 0 AND r."IsHidden" = {No} AND r."IsWithdrawn" = {No} AND r."CreatedAt" < @waitingSince{Filter(grouping, "r.\"CoordinationId\"")}
                    GROUP BY 1
                """;

        /// <summary>Per week: the period's requests posted that week, the answers they received that week (request-centric,
        /// as every figure), and the delays of those posted that week. A row's week is found by comparing its instant with
        /// the weeks' ends in order (one expression per row, no join).</summary>
        public string Weeks(Grouping grouping, int weeks)
        {
            string WeekOf(string column) =>
                $"CASE {string.Concat(Enumerable.Range(0, weeks).Select(i => $"WHEN {column} < @e{i} THEN {i} "))}END";

            var numbers = string.Join(", ", Enumerable.Range(0, weeks).Select(i => $"({i})"));
            return $"""
                {Period(grouping)}
                , weeks(Week) AS (VALUES {numbers})
                , posted AS MATERIALIZED (
                    SELECT {WeekOf("p.CreatedAt")} AS Week, p.Ms AS Ms FROM period p
                ), ranked AS (
                    SELECT Week AS Scope, Ms, ROW_NUMBER() OVER (PARTITION BY Week ORDER BY Ms) AS N
                    FROM posted WHERE Ms IS NOT NULL
                ), requests AS (
                    SELECT Week, COUNT(*) AS Requests, COUNT(Ms) AS Answered FROM posted GROUP BY Week
                ), delays AS ({Delays("SELECT Week AS Scope, Answered AS Total FROM requests")}
                ), weekly_answers AS (
                    SELECT {WeekOf("a.\"CreatedAt\"")} AS Week, COUNT(*) AS Answers
                    FROM period p JOIN "Answers" a ON a."HelpRequestId" = p.Id
                    WHERE {Help}
                    GROUP BY 1
                )
                SELECT {Int("w.Week")} AS "Week", {Int("COALESCE(r.Requests, 0)")} AS "Requests", {Int("COALESCE(a.Answers, 0)")} AS "Answers",
                       CAST(d.MedianMs AS double precision) AS "MedianMs", CAST(d.P90Ms AS double precision) AS "P90Ms"
                FROM weeks w
                LEFT JOIN requests r ON r.Week = w.Week
                LEFT JOIN weekly_answers a ON a.Week = w.Week
                LEFT JOIN delays d ON d.Scope = w.Week
                ORDER BY w.Week
                """;
        }
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
