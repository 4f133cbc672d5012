using System.Text;

namespace CoupDePouce.Domain.Search;

/// <summary>Marks the words of a text that a search matched (by the same reading of French as the index: whole
/// word, stem, prefix or typo), and picks the part of a request's details or answers that shows them.</summary>
public static class Highlighter
{
    /// <summary>Words shown in a snippet.</summary>
    public const int SnippetWords = 24;

    /// <summary>The whole text, its matched words between <see cref="SearchHelpRequests.HighlightStart"/> and
    /// <see cref="SearchHelpRequests.HighlightEnd"/>.</summary>
    public static string Mark(string text, IReadOnlyList<SearchTerm> terms)
    {
        var clean = Clean(text);
        var words = FrenchText.Words(clean).ToList();
        return Write(clean, words, 0, words.Count, terms, ellipsisBefore: false, ellipsisAfter: false);
    }

    /// <summary>The part of the details (or else of the answers) around most of the matched words; the start of the
    /// details when only the title matched.</summary>
    public static string Snippet(string? details, string? answers, IReadOnlyList<SearchTerm> terms)
    {
        foreach (var source in new[] { details, answers })
        {
            if (string.IsNullOrWhiteSpace(source))
            {
                continue;
            }

            var clean = Clean(source);
            var words = FrenchText.Words(clean).ToList();
            var matched = words.Select(w => terms.Any(t => t.Matches(w))).ToList();
            if (!matched.Contains(true))
            {
                continue;
            }

            // The window of SnippetWords words holding the most matches, starting a few words before the first.
            var best = 0;
            var bestCount = -1;
            for (var start = 0; start < words.Count; start++)
            {
                if (!matched[start])
                {
                    continue;
                }

                var from = Math.Max(0, start - 4);
                var count = matched.Skip(from).Take(SnippetWords).Count(m => m);
                if (count > bestCount)
                {
                    (best, bestCount) = (from, count);
                }
            }

            var end = Math.Min(words.Count, best + SnippetWords);
            return Write(clean, words, best, end, terms, ellipsisBefore: best > 0, ellipsisAfter: end < words.Count);
        }

        if (string.IsNullOrWhiteSpace(details))
        {
            return string.Empty;
        }

        var text = Clean(details);
        var all = FrenchText.Words(text).ToList();
        var stop = Math.Min(all.Count, SnippetWords);
        return Write(text, all, 0, stop, terms, ellipsisBefore: false, ellipsisAfter: stop < all.Count);
    }

    private static string Write(string text, List<FrenchText.Word> words, int from, int to, IReadOnlyList<SearchTerm> terms, bool ellipsisBefore, bool ellipsisAfter)
    {
        if (words.Count == 0 || from >= to)
        {
            return words.Count == 0 ? text.Trim() : string.Empty;
        }

        var written = new StringBuilder(ellipsisBefore ? "…" : "");
        var position = from == 0 ? 0 : words[from].Start;
        for (var i = from; i < to; i++)
        {
            var word = words[i];
            written.Append(text, position, word.Start - position);
            if (terms.Any(t => t.Matches(word)))
            {
                written.Append(SearchHelpRequests.HighlightStart).Append(text, word.Start, word.Length).Append(SearchHelpRequests.HighlightEnd);
            }
            else
            {
                written.Append(text, word.Start, word.Length);
            }

            position = word.Start + word.Length;
        }

        if (to == words.Count)
        {
            written.Append(text, position, text.Length - position);
        }

        return Collapse(written.ToString()).Trim() + (ellipsisAfter ? "…" : "");
    }

    /// <summary>Her text without the two marks (so nothing she wrote passes for a match), on one line.</summary>
    private static string Clean(string text) =>
        text.Replace(SearchHelpRequests.HighlightStart.ToString(), "", StringComparison.Ordinal)
            .Replace(SearchHelpRequests.HighlightEnd.ToString(), "", StringComparison.Ordinal);

    private static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && collapsed.Length > 0)
            {
                collapsed.Append(' ');
            }

            space = false;
            collapsed.Append(c);
        }

        return collapsed.ToString();
    }
}
