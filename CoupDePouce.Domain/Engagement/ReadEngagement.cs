using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Engagement;

/// <summary>Read how mutual aid went in a period: for the whole network (admins) or one coordination (admins, and
/// that coordination's coordinatrices; never another's). Nothing is computed for a refused request.</summary>
public sealed record ReadEngagement(Guid ViewerId, int? CoordinationId, EngagementPeriod Period)
{
    /// <summary>How many members the helpers list names.</summary>
    public const int HelpersShown = 10;
}

/// <summary>The dashboards she may open: the network's (admins) and the coordinations she may read.</summary>
public sealed record EngagementScopes(bool Network, IReadOnlyList<(int Id, string Name)> Coordinations)
{
    public bool Any => Network || Coordinations.Count > 0;

    public bool Allows(int? coordinationId) => coordinationId is { } id ? Coordinations.Any(c => c.Id == id) : Network;

    /// <summary>Where her dashboard opens: the network for an admin, else her (first) coordination.</summary>
    public int? Default => Network || Coordinations.Count == 0 ? null : Coordinations[0].Id;

    /// <summary>The scope an address names (« coordination »: an id, or nothing for where she opens), if she may read
    /// it; false for anything else.</summary>
    public bool TryRead(string? coordination, out int? scope)
    {
        scope = Default;
        if (!string.IsNullOrEmpty(coordination))
        {
            if (!int.TryParse(coordination, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }

            scope = id;
        }

        return Allows(scope);
    }
}

/// <summary>A dashboard: the headline figures now and for the previous period of the same length, the table's
/// rows (one per coordination for the network; hers alone for a coordination), the weekly series, the requests by
/// theme and the members who helped most (those who did not opt out).</summary>
public sealed record EngagementReport(
    int? CoordinationId,
    string? CoordinationName,
    EngagementPeriod Period,
    DateTime AsOf,
    EngagementFigures Current,
    EngagementFigures Previous,
    IReadOnlyList<CoordinationFigures> Rows,
    IReadOnlyList<WeekFigures> Weeks,
    IReadOnlyList<ThemeCount> Themes,
    IReadOnlyList<HelperLine> Helpers);

public sealed class ReadEngagementHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, NetworkTimeZone zone)
{
    public async Task<EngagementScopes> ScopesAsync(Guid viewerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ScopesAsync(db, await Viewer.LoadAsync(db, viewerId, ct), ct);
    }

    /// <summary>Today in the network's time zone: where the presets end.</summary>
    public DateOnly Today => zone.Today(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<EngagementReport>> HandleAsync(ReadEngagement query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        var scopes = await ScopesAsync(db, viewer, ct);
        if (!scopes.Allows(query.CoordinationId))
        {
            return Result<EngagementReport>.Forbidden(Messages.DashboardNotAvailable);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var checkedPeriod = EngagementPeriod.Checked(query.Period, zone.Today(now));
        if (!checkedPeriod.Succeeded)
        {
            return checkedPeriod.Map(_ => default(EngagementReport)!);
        }

        var period = query.Period;
        var grouping = query.CoordinationId is null ? Grouping.Network : Grouping.Coordination;
        var key = query.CoordinationId ?? 0;
        var current = WindowOf(period, now);
        var previous = WindowOf(period.Previous, now);

        // The statements are independent reads: each on its own connection, as many at once as there are cores
        // (SQLite's readers do not wait for each other), the longest first, so the dashboard takes about its longest
        // statement rather than their sum.
        var weeks = WeeksOf(period);
        using var cores = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        Task<T> Own<T>(Func<BoardDbContext, Task<T>> read, CancellationToken token) => OwnAsync(cores, read, token);
        // For the network, one statement gives its row (key 0) and every coordination's.
        var figuresRead = Own(d => EngagementSql.FiguresAsync(d, grouping == Grouping.Network ? Grouping.PerCoordination : grouping, query.CoordinationId, current, present: true, ct), ct);
        var beforeRead = Own(d => EngagementSql.FiguresAsync(d, grouping, query.CoordinationId, previous, present: false, ct), ct);
        var weeksRead = Own(d => EngagementSql.WeeksAsync(d, grouping, query.CoordinationId, current, weeks.Select(w => (w.Start, w.End)).ToList(), ct), ct);
        var themeCountsRead = Own(d => EngagementSql.ThemesAsync(d, grouping, query.CoordinationId, current, ct), ct);
        var helpersRead = Own(d => EngagementSql.HelpersAsync(d, grouping, query.CoordinationId, current, ReadEngagement.HelpersShown, ct), ct);
        var followUpsRead = Own(d => FollowUpsAsync(d, query.CoordinationId, current, ct), ct);
        var followUpsBeforeRead = Own(d => FollowUpsAsync(d, query.CoordinationId, previous, ct), ct);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).Select(t => new { t.Id, t.Slug }).ToListAsync(ct);
        await Task.WhenAll(figuresRead, beforeRead, weeksRead, themeCountsRead, helpersRead, followUpsRead, followUpsBeforeRead);
        var (weekRows, helpers) = (weeksRead.Result, helpersRead.Result);
        var figures = WithFollowUps(figuresRead.Result, followUpsRead.Result);
        var before = WithFollowUps(beforeRead.Result, followUpsBeforeRead.Result);
        var themeCounts = themeCountsRead.Result.ToDictionary(t => t.Key, t => t.Count);

        IReadOnlyList<CoordinationFigures> rows;
        if (grouping == Grouping.Network)
        {
            var names = scopes.Coordinations.ToDictionary(c => c.Id, c => c.Name);
            rows = figures.Where(r => names.ContainsKey(r.Key))
                .Select(r => new CoordinationFigures(r.Key, names[r.Key], r.Value))
                .OrderBy(r => r.Name, StringComparer.CurrentCulture)
                .ToList();
        }
        else
        {
            rows = [new CoordinationFigures(key, scopes.Coordinations.Single(c => c.Id == key).Name, figures[key])];
        }

        return Result<EngagementReport>.Success(new EngagementReport(
            query.CoordinationId,
            query.CoordinationId is { } c ? scopes.Coordinations.Single(s => s.Id == c).Name : null,
            period,
            current.AsOf,
            figures[key],
            before[key],
            rows,
            weekRows.Select(w => new WeekFigures(weeks[w.Week].Monday, w.Requests, w.Answers, w.MedianMs / 3_600_000, w.P90Ms / 3_600_000)).ToList(),
            themes.Select(t => new ThemeCount(t.Id, t.Slug, themeCounts.GetValueOrDefault(t.Id))).ToList(),
            helpers.Select(h => new HelperLine(h.MemberId, h.Name, h.Answers, h.Helpful)).ToList()));
    }

    /// <summary>Efficacité's counts per coordination (and 0 for the whole network): the period's requests (hidden and
    /// withdrawn aside) whose asker answered the follow-up by the period's end, and those she said worked. Few rows, read
    /// from their own index, so the main figures' statement and its covering indexes stay as they are.</summary>
    private static async Task<Dictionary<int, (int All, int Worked)>> FollowUpsAsync(BoardDbContext db, int? coordinationId, Window window, CancellationToken ct)
    {
        var (start, end, asOf) = (window.Start, window.End, window.AsOf);
        var rows = await db.HelpRequests.AsNoTracking()
            .Where(r => r.FollowUp != null && r.CreatedAt >= start && r.CreatedAt < end && r.FollowUpAnsweredAt <= asOf
                && !r.IsHidden && !r.IsWithdrawn && (coordinationId == null || r.CoordinationId == coordinationId))
            .GroupBy(r => r.CoordinationId)
            .Select(g => new { g.Key, All = g.Count(), Worked = g.Count(r => r.FollowUp != FollowUps.FollowUpAnswer.No) })
            .ToListAsync(ct);
        var counts = rows.ToDictionary(r => r.Key, r => (r.All, r.Worked));
        if (coordinationId is null)
        {
            counts[0] = (rows.Sum(r => r.All), rows.Sum(r => r.Worked));
        }

        return counts;
    }

    private static Dictionary<int, EngagementFigures> WithFollowUps(Dictionary<int, EngagementFigures> figures, Dictionary<int, (int All, int Worked)> followUps) =>
        figures.ToDictionary(
            f => f.Key,
            f => followUps.TryGetValue(f.Key, out var counts) ? f.Value with { FollowUps = counts.All, FollowUpsWorked = counts.Worked } : f.Value);

    /// <summary>A read on its own context, on the thread pool once a core is free: SQLite's calls complete
    /// synchronously, so without this they would run one after another (on a page's circuit, always).</summary>
    private async Task<T> OwnAsync<T>(SemaphoreSlim cores, Func<BoardDbContext, Task<T>> read, CancellationToken ct)
    {
        await cores.WaitAsync(ct);
        try
        {
            return await Task.Run(
                async () =>
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    return await read(db);
                },
                ct);
        }
        finally
        {
            cores.Release();
        }
    }

    private static async Task<EngagementScopes> ScopesAsync(BoardDbContext db, Viewer viewer, CancellationToken ct)
    {
        if (!viewer.IsAdmin && viewer.CoordinatedCoordinationIds.Count == 0)
        {
            return new EngagementScopes(false, []);
        }

        var mine = viewer.CoordinatedCoordinationIds.ToList();
        var coordinations = await db.Coordinations.AsNoTracking()
            .Where(c => viewer.IsAdmin || mine.Contains(c.Id))
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        return new EngagementScopes(viewer.IsAdmin, coordinations.Select(c => (c.Id, c.Name)).ToList());
    }

    private Window WindowOf(EngagementPeriod period, DateTime now) =>
        new(zone.StartOf(period.From), zone.StartOf(period.To.AddDays(1)), now);

    /// <summary>The weeks (from Monday) the period touches, each clipped to the period.</summary>
    private List<(DateOnly Monday, DateTime Start, DateTime End)> WeeksOf(EngagementPeriod period)
    {
        var weeks = new List<(DateOnly, DateTime, DateTime)>();
        var monday = period.From.AddDays(-(((int)period.From.DayOfWeek + 6) % 7));
        var periodStart = zone.StartOf(period.From);
        var periodEnd = zone.StartOf(period.To.AddDays(1));
        for (; monday <= period.To; monday = monday.AddDays(7))
        {
            var start = zone.StartOf(monday);
            var end = zone.StartOf(monday.AddDays(7));
            weeks.Add((monday, start < periodStart ? periodStart : start, end > periodEnd ? periodEnd : end));
        }

        return weeks;
    }
}
