using System.Globalization;
using CoupDePouce.Domain.Engagement;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupDePouce.App.Components.Pages.Dashboard;

/// <summary>The dashboards' addresses: period and scope are in them, so a dashboard or an export can be shared as a
/// link. « periode » (7, 30, 90) or « du » and « au » (yyyy-MM-dd); « coordination » (an id) or nothing for the
/// network.</summary>
public static class DashboardAddress
{
    public const string Path = "/tableau-de-bord";
    public const string DefinitionsPath = "/tableau-de-bord/definitions";
    public const string ExportPath = "/tableau-de-bord/export";

    /// <summary>The two tables one can download.</summary>
    public static readonly IReadOnlyList<string> Exports = ["coordinations", "semaines"];

    public static string For(EngagementPeriod period, int? coordinationId, DateOnly today) =>
        With(Path, Query(period, coordinationId, today));

    public static string Preset(int days, int? coordinationId) =>
        With(Path, new Dictionary<string, string?> { ["periode"] = days.ToString(CultureInfo.InvariantCulture), ["coordination"] = Id(coordinationId) });

    public static string Export(string table, EngagementPeriod period, int? coordinationId, DateOnly today, bool commas = false)
    {
        var query = Query(period, coordinationId, today);
        if (commas)
        {
            query["separateur"] = "virgule";
        }

        return With($"{ExportPath}/{table}.csv", query);
    }

    private static Dictionary<string, string?> Query(EngagementPeriod period, int? coordinationId, DateOnly today)
    {
        var query = new Dictionary<string, string?>();
        if (period.PresetDays(today) is { } days)
        {
            query["periode"] = days.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            query["du"] = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            query["au"] = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        query["coordination"] = Id(coordinationId);
        return query;
    }

    private static string? Id(int? coordinationId) => coordinationId?.ToString(CultureInfo.InvariantCulture);

    private static string With(string path, IDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString(path, query.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
}
