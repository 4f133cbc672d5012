using System.Text.RegularExpressions;

namespace CoupDePouce.Domain.Search;

/// <summary>Turns what she typed into a safe FTS5 query: only words (letters and digits) survive, each quoted, so
/// FTS5 operators and quotes she typed are never interpreted. Accents and case are folded by the index's tokenizer
/// (unicode61 remove_diacritics 2) on both sides: "comptabilite" finds "comptabilité".
/// Words are matched whole, not as prefixes: a prefix query makes FTS5 merge the postings of every word sharing the
/// prefix on each search, which made a search of a common word cost ten times more (BENCHMARKS.md).
/// Common French words are dropped unless they are all she typed.</summary>
public static partial class FullTextQuery
{
    public const int MaxTerms = 12;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "au", "aux", "avec", "ce", "ces", "comment", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "je",
        "la", "le", "les", "leur", "ma", "mais", "me", "mes", "mon", "ne", "nos", "notre", "on", "ou", "où", "par",
        "pas", "pour", "qu", "que", "quel", "quelle", "quelles", "quels", "qui", "sa", "se", "ses", "son", "sur", "ta",
        "te", "tes", "ton", "tu", "un", "une", "vos", "votre", "vous", "à", "ça", "the", "a", "an", "and", "of", "to",
        "for", "in", "on", "my", "how", "what",
    };

    /// <returns>The MATCH expression, or null when there is no word to look for.</returns>
    public static string? Build(string? text, bool matchAny = false)
    {
        var words = Word().Matches(text ?? string.Empty)
            .Select(m => m.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var meaningful = words.Where(w => !StopWords.Contains(w) && w.Length >= 2).ToList();
        var terms = (meaningful.Count > 0 ? meaningful : words)
            .Take(MaxTerms)
            .Select(w => $"\"{w}\"")
            .ToList();
        return terms.Count == 0 ? null : string.Join(matchAny ? " OR " : " ", terms);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
