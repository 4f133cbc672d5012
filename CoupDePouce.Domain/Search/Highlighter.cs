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
        var read = Read(text, terms);
        return Write(read, 0, read.Words.Count);
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

            var read = Read(source, terms);
            if (!read.Matched.Contains(true))
            {
                continue;
            }

            // The window of SnippetWords words holding the most matches, starting a few words before the first.
            var best = 0;
            var bestCount = -1;
            for (var start = 0; start < read.Words.Count; start++)
            {
                if (!read.Matched[start])
                {
                    continue;
                }

                var from = Math.Max(0, start - 4);
                var count = read.Matched.Skip(from).Take(SnippetWords).Count(m => m);
                if (count > bestCount)
                {
                    (best, bestCount) = (from, count);
                }
            }

            return Write(read, best, Math.Min(read.Words.Count, best + SnippetWords));
        }

        if (string.IsNullOrWhiteSpace(details))
        {
            return string.Empty;
        }

        var opening = Read(details, terms);
        return Write(opening, 0, Math.Min(opening.Words.Count, SnippetWords));
    }

    /// <summary>A text read for marking: her text without the marks, its words, and which of them matched.</summary>
    private sealed record ReadText(string Text, List<FrenchText.Word> Words, List<bool> Matched);

    private static ReadText Read(string text, IReadOnlyList<SearchTerm> terms)
    {
        var clean = Clean(text);
        var words = FrenchText.Words(clean).ToList();
        return new ReadText(clean, words, words.Select(w => terms.Any(t => t.Matches(w))).ToList());
    }

    /// <summary>Words <paramref name="from"/> to <paramref name="to"/> (the text's own spacing, on one line), the matched
    /// ones marked, with « … » where the text goes on.</summary>
    private static string Write(ReadText read, int from, int to)
    {
        var (text, words) = (read.Text, read.Words);
        if (words.Count == 0 || from >= to)
        {
            return words.Count == 0 ? text.Trim() : string.Empty;
        }

        var written = new StringBuilder(from > 0 ? "…" : "");
        var position = from == 0 ? 0 : words[from].Start;
        for (var i = from; i < to; i++)
        {
            var word = words[i];
            written.Append(text, position, word.Start - position);
            if (read.Matched[i])
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

        return Collapse(written.ToString()).Trim() + (to < words.Count ? "…" : "");
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
