using System.Text.RegularExpressions;

namespace CoupDePouce.Domain.Search;

/// <summary>Turns what she typed into a safe FTS5 query: only words (letters and digits) survive, each quoted and
/// used as a prefix ("compta" finds "comptabilité"); FTS5 operators and quotes she typed are never interpreted.
/// Accents are folded by the index's tokenizer (unicode61 remove_diacritics 2), on both sides.</summary>
public static partial class FullTextQuery
{
    public const int MaxTerms = 12;

    /// <returns>The MATCH expression, or null when there is no word to look for.</returns>
    public static string? Build(string? text, bool matchAny = false)
    {
        var terms = Word().Matches(text ?? string.Empty)
            .Select(m => m.Value)
            .Where(w => w.Length >= 2)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)
            .Select(w => $"\"{w}\"*")
            .ToList();
        return terms.Count == 0 ? null : string.Join(matchAny ? " OR " : " ", terms);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
