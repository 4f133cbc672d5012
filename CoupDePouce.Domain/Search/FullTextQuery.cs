namespace CoupDePouce.Domain.Search;

/// <summary>One word she typed, as search looks for it: her word folded (matched whole in the text columns), its
/// stem (matched in the stem columns), as a prefix when it is the last word she typed (« compta », « salon pro »),
/// and, once the word alone finds nothing, the words one typo away (<see cref="WithTypos"/>).</summary>
public sealed record SearchTerm(string Folded, string Stem, bool IsPrefix, IReadOnlyList<string> Typos)
{
    /// <summary>The stems of the words one typo away: « comptabilté » also finds the theme « Comptabilité & gestion »
    /// and « comptabilités ».</summary>
    public IReadOnlyList<string> TypoStems { get; init; } = [];

    /// <summary>How much a match of this term weighs in the ranking, where the index does not weigh it itself (BM25 on
    /// SQLite does; PostgreSQL's ranking is given each term's rarity: <see cref="PostgresSearchIndex"/>).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>A word shorter than this is not corrected: too many words lie one letter away.</summary>
    public const int TypoMinLength = 6;

    /// <summary>A prefix shorter than this would match half the dictionary: the word is then matched whole.</summary>
    public const int PrefixMinLength = 2;

    /// <summary>Does a word of a text match this term (to highlight it)?</summary>
    public bool Matches(FrenchText.Word word) =>
        word.Folded == Folded || word.Stem == Stem
        || (IsPrefix && (word.Folded.StartsWith(Folded, StringComparison.Ordinal) || word.Stem.StartsWith(Folded, StringComparison.Ordinal)))
        || Typos.Contains(word.Folded) || TypoStems.Contains(word.Stem);

    /// <summary>The FTS5 expression for this term in the columns of a tier (every column when none is given): every
    /// part quoted, so nothing she typed is FTS syntax.</summary>
    public string Expression(SearchTier? tier = null)
    {
        var columns = tier ?? SearchTier.Anywhere;
        var (text, stems) = (columns.TextColumns, columns.StemColumns);
        var parts = new List<string>
        {
            $"{{{text}}} : \"{Folded}\"{(IsPrefix ? "*" : "")}",
            $"{{{stems}}} : \"{Stem}\"",
        };
        if (IsPrefix)
        {
            parts.Add($"{{{stems}}} : \"{Folded}\"*");
        }

        parts.AddRange(Typos.Select(typo => $"{{{text}}} : \"{typo}\""));
        parts.AddRange(TypoStems.Select(typo => $"{{{stems}}} : \"{typo}\""));
        return "(" + string.Join(" OR ", parts) + ")";
    }

    /// <summary>This term, also accepting every word one edit away (a letter missing, added, changed or two letters
    /// swapped), when it is long enough to be corrected.</summary>
    public SearchTerm WithTypos()
    {
        if (Folded.Length < TypoMinLength)
        {
            return this;
        }

        var typos = OneEditAway(Folded).ToList();
        return this with { Typos = typos, TypoStems = typos.Select(FrenchText.Stem).Where(s => s != Stem).Distinct().ToList() };
    }

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

    internal static IEnumerable<string> OneEditAway(string word)
    {
        var seen = new HashSet<string> { word };
        for (var i = 0; i <= word.Length; i++)
        {
            if (i < word.Length)
            {
                Add(word.Remove(i, 1));
                if (i + 1 < word.Length)
                {
                    var swapped = word.ToCharArray();
                    (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                    Add(new string(swapped));
                }

                foreach (var c in Alphabet)
                {
                    Add(string.Concat(word.AsSpan(0, i), c.ToString(), word.AsSpan(i + 1)));
                }
            }

            foreach (var c in Alphabet)
            {
                Add(word.Insert(i, c.ToString()));
            }
        }

        return seen.Skip(1);

        void Add(string candidate)
        {
            if (candidate.Length >= TypoMinLength - 1)
            {
                seen.Add(candidate);
            }
        }
    }
}

/// <summary>Where the words are looked for, in rank order: every request whose title holds her words comes first
/// (read from the titles' own index, so a common word costs only its titles), then the others, anywhere (title,
/// details, answers, the theme's name). Within a tier, BM25 ranks (decision 019).</summary>
public sealed record SearchTier(string Table, string TextColumns, string StemColumns, string Rank)
{
    /// <summary>The tier's matches with their scores, for the expression in <c>$match</c> (the table and the ranking
    /// are this tier's own constants; nothing she typed is in the SQL).</summary>
    public string MatchesSql => $"SELECT rowid AS Id, {Rank} AS Score FROM {Table} WHERE {Table} MATCH $match";

    public static SearchTier Titles { get; } = new("HelpRequestTitleSearch", "Title", "TitleStems", "bm25(HelpRequestTitleSearch, 10.0, 6.0)");

    /// <summary>Weights: Title, Details, Answers as written, then their stems, then the theme's names.</summary>
    public static SearchTier Anywhere { get; } = new(
        "HelpRequestSearch", "Title Details Answers", "TitleStems DetailsStems AnswersStems Themes", "bm25(HelpRequestSearch, 10.0, 3.0, 1.5, 6.0, 2.0, 1.0, 2.0)");

    public static IReadOnlyList<SearchTier> InRankOrder { get; } = [Titles, Anywhere];
}

/// <summary>What she typed, as words to look for: words of letters and digits only (quotes, operators, SQL or FTS
/// syntax she typed are never interpreted), elisions dropped, common French words dropped unless they are all she
/// typed, at most <see cref="MaxTerms"/> words; the last one is a prefix.</summary>
public static class FullTextQuery
{
    public const int MaxTerms = 12;

    /// <summary>A query longer than this is cut (what she pasted past it is not looked for).</summary>
    public const int MaxLength = 500;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "au", "aux", "avec", "ce", "ces", "comment", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "je",
        "la", "le", "les", "leur", "ma", "mais", "me", "mes", "mon", "ne", "nos", "notre", "on", "ou", "par",
        "pas", "pour", "qu", "que", "quel", "quelle", "quelles", "quels", "qui", "sa", "se", "ses", "son", "sur", "ta",
        "te", "tes", "ton", "tu", "un", "une", "vos", "votre", "vous", "a", "ca", "the", "an", "and", "of", "to",
        "for", "in", "my", "how", "what",
    };

    /// <returns>The words to look for, or none when there is nothing to look for.</returns>
    public static IReadOnlyList<SearchTerm> Terms(string? text)
    {
        var typed = text is { Length: > MaxLength } ? text[..MaxLength] : text;
        var words = FrenchText.Words(typed).DistinctBy(w => w.Folded).ToList();
        var meaningful = words.Where(w => !StopWords.Contains(w.Folded) && w.Folded.Length >= 2).ToList();
        var chosen = (meaningful.Count > 0 ? meaningful : words).Take(MaxTerms).ToList();
        // The last word she typed is still being typed: a prefix (unless she ended it with a space or it is short).
        var lastIsPrefix = typed is { Length: > 0 } && !char.IsWhiteSpace(typed[^1]);
        return chosen
            .Select((w, i) => new SearchTerm(w.Folded, w.Stem, lastIsPrefix && i == chosen.Count - 1 && w.Folded.Length >= SearchTerm.PrefixMinLength && words[^1].Folded == w.Folded, []))
            .ToList();
    }

    /// <summary>The FTS5 MATCH expression: every term (or any of them) in a tier's columns, or null when there is none.</summary>
    public static string? Build(IReadOnlyList<SearchTerm> terms, bool matchAny = false, SearchTier? tier = null) =>
        terms.Count == 0 ? null : string.Join(matchAny ? " OR " : " AND ", terms.Select(t => t.Expression(tier)));

    /// <summary>The MATCH expression for what she typed (for callers that only need the expression).</summary>
    public static string? Build(string? text, bool matchAny = false) => Build(Terms(text), matchAny);
}
