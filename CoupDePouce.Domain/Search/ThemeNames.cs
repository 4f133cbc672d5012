namespace CoupDePouce.Domain.Search;

/// <summary>The names members read for each theme, in French and English (the app's own labels, which a test keeps
/// equal to these): a request is found by its theme's name (« comptabilité », « gestion », « accounting »), not only
/// by its own words. A theme added later without a name here is found by the words of its slug.</summary>
public static class ThemeNames
{
    private static readonly Dictionary<string, string[]> Names = new(StringComparer.Ordinal)
    {
        ["juridique"] = ["Juridique", "Legal"],
        ["financement"] = ["Financement", "Funding"],
        ["communication"] = ["Communication & réseaux sociaux", "Communication & social media"],
        ["comptabilite"] = ["Comptabilité & gestion", "Accounting & management"],
        ["commercial"] = ["Commercial & prospection", "Sales & prospecting"],
        ["numerique"] = ["Numérique & outils", "Digital & tools"],
        ["developpement-personnel"] = ["Développement personnel", "Personal development"],
        ["entraide-pratique"] = ["Entraide pratique", "Practical help"],
        ["autre"] = ["Autre", "Other"],
    };

    public static IReadOnlyList<string> Of(string slug) =>
        Names.TryGetValue(slug, out var names) ? names : [slug.Replace('-', ' ')];

    /// <summary>What the index's Themes column holds for a theme: the stems of its names' words.</summary>
    public static string Stems(string? slug) =>
        slug is null ? string.Empty : FrenchText.Stems(string.Join(' ', Of(slug)));
}
