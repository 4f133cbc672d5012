using System.Globalization;
using System.Text;
using CoupDePouce.App.Components.Pages.Dashboard;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Engagement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CoupDePouce.App.Hosting;

/// <summary>The dashboards' downloads: the per-coordination table and the weekly series as CSV, for the scope and
/// period the address names and only if the Domain lets her read that dashboard. UTF-8 with a BOM, « ; » and a
/// decimal comma by default (it opens right in a French spreadsheet), « , » and a decimal point on request.</summary>
public static class DashboardExport
{
    public static IEndpointRouteBuilder MapDashboardExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DashboardAddress.ExportPath + "/{table}.csv", async (
            string table,
            [FromQuery(Name = "periode")] string? days,
            [FromQuery(Name = "du")] string? from,
            [FromQuery(Name = "au")] string? to,
            [FromQuery(Name = "coordination")] string? coordination,
            [FromQuery(Name = "separateur")] string? separator,
            HttpContext http,
            ReadEngagementHandler engagement,
            IStringLocalizer<SharedResource> l,
            CancellationToken ct) =>
        {
            if (!DashboardAddress.Exports.Contains(table))
            {
                return Results.NotFound();
            }

            var notAvailable = Results.Text(l["Dashboard.NotAvailable"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            var scopes = await engagement.ScopesAsync(http.User.MemberId() ?? Guid.Empty, ct);
            if (!scopes.TryRead(coordination, out var scope))
            {
                return notAvailable;
            }

            var period = EngagementPeriod.Read(days, from, to, engagement.Today);
            if (!period.Succeeded)
            {
                return Problem(period.Problems);
            }

            var result = await engagement.HandleAsync(new ReadEngagement(http.User.MemberId() ?? Guid.Empty, scope, period.Value!), ct);
            if (result.Failure == FailureKind.Forbidden)
            {
                return notAvailable;
            }

            if (!result.Succeeded)
            {
                return Problem(result.Problems);
            }

            var csv = new EngagementCsv(l, separator == "virgule");
            var report = result.Value!;
            var text = table == "semaines" ? csv.Weeks(report) : csv.Coordinations(report);
            return Results.File(
                [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
                "text/csv; charset=utf-8",
                EngagementCsv.FileName(table, report));
        }).RequireAuthorization();
        return endpoints;
    }

    private static IResult Problem(IReadOnlyList<Problem> problems) =>
        Results.Text(string.Join(" ", problems.Select(p => p.Message)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>Writes a dashboard's tables as CSV: shares in percent, delays in hours, « — » left empty.</summary>
public sealed class EngagementCsv(IStringLocalizer<SharedResource> l, bool commas)
{
    private readonly char _separator = commas ? ',' : ';';
    private readonly CultureInfo _numbers = commas ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("fr-FR");

    public string Coordinations(EngagementReport report)
    {
        var csv = new StringBuilder();
        Line(csv, [l["Dashboard.Coordination"], .. DashboardMetric.All.Select(Header)]);
        foreach (var row in report.Rows)
        {
            Line(csv, [row.Name, .. DashboardMetric.All.Select(m => Number(m, m.Value(row.Figures)))]);
        }

        if (report.CoordinationId is null)
        {
            Line(csv, [l["Dashboard.NetworkTotal"], .. DashboardMetric.All.Select(m => Number(m, m.Value(report.Current)))]);
        }

        return csv.ToString();
    }

    public string Weeks(EngagementReport report)
    {
        var csv = new StringBuilder();
        Line(csv, [l["Dashboard.Week"], l["Dashboard.Metric.demandes"], l["Dashboard.Answers"], Hours("Dashboard.Metric.delai-median"), Hours("Dashboard.Metric.delai-p90")]);
        foreach (var week in report.Weeks)
        {
            Line(csv, [
                week.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                week.Requests.ToString(CultureInfo.InvariantCulture),
                week.Answers.ToString(CultureInfo.InvariantCulture),
                Decimal(week.MedianHours, "0.##"),
                Decimal(week.P90Hours, "0.##"),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>« coupdepouce-coordinations-reseau-2026-11-02_2026-11-08.csv », « …-semaines-rennes-… ».</summary>
    public static string FileName(string table, EngagementReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"coupdepouce-{table}-{Slug(report.CoordinationName ?? "reseau")}-{report.Period.From:yyyy-MM-dd}_{report.Period.To:yyyy-MM-dd}.csv");

    private string Header(DashboardMetric metric) => metric.Kind switch
    {
        MetricKind.Share => $"{l[metric.LabelKey]} (%)",
        MetricKind.Hours => Hours(metric.LabelKey),
        _ => l[metric.LabelKey],
    };

    private string Hours(string key) => $"{l[key]} (h)";

    private string Number(DashboardMetric metric, double? value) => metric.Kind switch
    {
        MetricKind.Share => Decimal(value * 100, "0.#"),
        MetricKind.Hours => Decimal(value, "0.##"),
        _ => Decimal(value, "0"),
    };

    private string Decimal(double? value, string format) => value?.ToString(format, _numbers) ?? string.Empty;

    private void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(_separator, fields.Select(Field));
        csv.Append("\r\n");
    }

    private string Field(string value) => Cell(value, _separator, _numbers);

    /// <summary>One CSV cell. A text a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a
    /// carriage return: a coordination named « =HYPERLINK(…) ») is prefixed with an apostrophe, as OWASP advises, so
    /// that it shows as text; a number, even negative, is left as it is.</summary>
    internal static string Cell(string value, char separator, CultureInfo numbers)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, NumberStyles.Float, numbers, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
