using CoupDePouce.Domain.HelpRequests;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupDePouce.App.Components.Pages.Board;

/// <summary>The board's search and filters as they live in the address, so that a link can be shared:
/// /?q=compta&amp;theme=4&amp;statut=sans-reponse&amp;portee=coordination&amp;mes=reponses.</summary>
public sealed record BoardAddress(string? Search, BoardFilter Filter)
{
    private static readonly Dictionary<string, StatusFilter> Statuses = new()
    {
        ["ouvertes"] = StatusFilter.Open,
        ["sans-reponse"] = StatusFilter.Unanswered,
        ["repondues"] = StatusFilter.Answered,
        ["resolues"] = StatusFilter.Resolved,
    };

    public static BoardAddress Parse(string? q, int? coordination, int? theme, string? statut, string? portee, string? mes) =>
        new(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            new BoardFilter(
                coordination is > 0 ? coordination : null,
                theme is > 0 ? theme : null,
                statut is not null && Statuses.TryGetValue(statut, out var status) ? status : StatusFilter.Any,
                OnlyMyCoordination: portee == "coordination",
                OnlyMine: mes == "demandes",
                OnlyMyAnswers: mes == "reponses"));

    public static string StatusValue(StatusFilter status) =>
        Statuses.FirstOrDefault(s => s.Value == status).Key ?? string.Empty;

    public string ToUrl(string path = "/")
    {
        var query = new Dictionary<string, string?>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query[key] = value;
            }
        }

        Add("q", Search);
        Add("coordination", Filter.CoordinationId?.ToString());
        Add("theme", Filter.ThemeId?.ToString());
        Add("statut", StatusValue(Filter.Status));
        Add("portee", Filter.OnlyMyCoordination ? "coordination" : null);
        Add("mes", Filter.OnlyMine ? "demandes" : Filter.OnlyMyAnswers ? "reponses" : null);
        return QueryHelpers.AddQueryString(path, query);
    }

    public bool IsEmpty => Search is null && Filter == BoardFilter.None;

    /// <summary>How many filters narrow the board (the search aside), for the folded filters' heading on a phone.</summary>
    public int ActiveFilters =>
        (Filter.CoordinationId is null ? 0 : 1) + (Filter.ThemeId is null ? 0 : 1) + (Filter.Status == StatusFilter.Any ? 0 : 1)
        + (Filter.OnlyMyCoordination ? 1 : 0) + (Filter.OnlyMine || Filter.OnlyMyAnswers ? 1 : 0);
}
