using System.Globalization;
using CoupDePouce.Domain.Engagement;

namespace CoupDePouce.App.Components.Pages.Dashboard;

/// <summary>How a figure reads: a count, a share or hours.</summary>
public enum MetricKind
{
    Count,
    Share,
    Hours,
}

/// <summary>One figure of the dashboards, named as PRODUCT.md names it: its anchor on the definitions page, its
/// label's resource key, how it reads and which way is better. The headline, the table, the export and the
/// definitions page all list these, in this order. <c>Parts</c> gives the counts behind a share; <c>RightNow</c> marks
/// the figure that is read at this moment rather than over the period.</summary>
public sealed record DashboardMetric(
    string Key, MetricKind Kind, Func<EngagementFigures, double?> Value, bool LowerIsBetter = false,
    Func<EngagementFigures, (int Part, int Whole)>? Parts = null, bool RightNow = false)
{
    public static readonly IReadOnlyList<DashboardMetric> All =
    [
        new("demandes", MetricKind.Count, f => f.Requests),
        new("taux-de-reponse", MetricKind.Share, f => f.AnswerRate, Parts: f => (f.Answered, f.Requests)),
        new("taux-de-resolution", MetricKind.Share, f => f.ResolutionRate, Parts: f => (f.Resolved, f.Requests)),
        new("delai-median", MetricKind.Hours, f => f.MedianHours, LowerIsBetter: true),
        new("delai-p90", MetricKind.Hours, f => f.P90Hours, LowerIsBetter: true),
        new("repondues-24h", MetricKind.Share, f => f.Within24hRate, Parts: f => (f.AnsweredWithin24h, f.Requests)),
        new("repondues-48h", MetricKind.Share, f => f.Within48hRate, Parts: f => (f.AnsweredWithin48h, f.Requests)),
        new("sans-reponse-48h", MetricKind.Count, f => f.UnansweredOver48h, LowerIsBetter: true, RightNow: true),
        new("membres-actives", MetricKind.Share, f => f.ActiveRate, Parts: f => (f.ActiveMembers, f.Members)),
        new("aidantes", MetricKind.Count, f => f.Helpers),
        new("dependance", MetricKind.Share, f => f.Dependence, LowerIsBetter: true, Parts: f => (f.TopThreeAnswers, f.HelperAnswers)),
        new("entraide-entre-coordinations", MetricKind.Count, f => f.AnswersToOtherCoordinations),
        new("reciprocite", MetricKind.Share, f => f.Reciprocity, Parts: f => (f.ReciprocalAskers, f.Askers)),
        new("primo-demandeuses-aidees", MetricKind.Share, f => f.FirstTimeAskersHelpedRate, Parts: f => (f.FirstTimeAskersHelped, f.FirstTimeAskers)),
        new("efficacite", MetricKind.Share, f => f.Effectiveness, Parts: f => (f.FollowUpsWorked, f.FollowUps)),
    ];

    public string LabelKey => $"Dashboard.Metric.{Key}";

    public string DefinitionKey => $"Dashboard.Definition.{Key}";

    public string DefinitionLink => $"{DashboardAddress.DefinitionsPath}#{Key}";

    /// <summary>The figure as she reads it (« 62 % », « 3,5 h », « 12 »), « — » when there is nothing to measure.</summary>
    public string Format(EngagementFigures figures, CultureInfo culture) => Format(Value(figures), culture);

    public string Format(double? value, CultureInfo culture) => value switch
    {
        null => "—",
        { } v => Kind switch
        {
            MetricKind.Share => v.ToString("P0", culture),
            MetricKind.Hours => string.Format(culture, "{0:0.#} h", v),
            _ => v.ToString("N0", culture),
        },
    };

    /// <summary>The counts behind a share, so it can be checked (« 12 / 18 »); null for a figure that is not one.</summary>
    public string? Detail(EngagementFigures figures, CultureInfo culture) =>
        Parts?.Invoke(figures) is var (part, whole) ? string.Format(culture, "{0:N0} / {1:N0}", part, whole) : null;

    /// <summary>The change against the previous period, signed (« +3 », « −5 pts », « +1,5 h »), or null when either
    /// period has nothing to measure.</summary>
    public string? Change(EngagementFigures current, EngagementFigures previous, CultureInfo culture)
    {
        if (Value(current) is not { } now || Value(previous) is not { } before)
        {
            return null;
        }

        var delta = now - before;
        var sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        var size = Math.Abs(delta);
        return Kind switch
        {
            MetricKind.Share => string.Format(culture, "{0}{1:0} pts", sign, size * 100),
            MetricKind.Hours => string.Format(culture, "{0}{1:0.#} h", sign, size),
            _ => string.Format(culture, "{0}{1:N0}", sign, size),
        };
    }

    /// <summary>Whether the change is for the better (green), the worse (red) or neither.</summary>
    public int Trend(EngagementFigures current, EngagementFigures previous)
    {
        if (Value(current) is not { } now || Value(previous) is not { } before || Math.Abs(now - before) < 1e-9)
        {
            return 0;
        }

        return (now > before) ^ LowerIsBetter ? 1 : -1;
    }
}
