using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Fr;

namespace CoupDePouce.Domain.Search;

/// <summary>How search reads French, on both sides (what is indexed and what she types): words of letters and
/// digits; an elided article or pronoun (« l'image », « d'honneur », « qu'il ») dropped; case and accents folded;
/// each word also reduced to its stem by Lucene's French light stemmer (Savoy's: plurals, feminine forms, common
/// endings), so « factures », « facture » and « facturation » meet, and « embauche » meets « embaucher ».
/// See docs/decisions/019-french-search.md.</summary>
public static partial class FrenchText
{
    /// <summary>A word of a text: where it is (to highlight it), its folded form and its stem.</summary>
    public readonly record struct Word(int Start, int Length, string Folded, string Stem);

    /// <summary>The letters French elides before a vowel (« l' », « qu' »…): not words of their own.</summary>
    private static readonly HashSet<string> Elided = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

    public static IEnumerable<Word> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        foreach (Match match in WordPattern().Matches(text))
        {
            var lower = match.Value.ToLowerInvariant();
            var next = match.Index + match.Length;
            if (next < text.Length && text[next] is '\'' or '’' && Elided.Contains(lower))
            {
                continue;
            }

            yield return new Word(match.Index, match.Length, Fold(lower), Stem(lower));
        }
    }

    /// <summary>The stems of a text's words, separated by spaces: what the index's stem columns hold.</summary>
    public static string Stems(string? text)
    {
        var stems = new StringBuilder();
        foreach (var word in Words(text))
        {
            stems.Append(stems.Length == 0 ? "" : " ").Append(word.Stem);
        }

        return stems.ToString();
    }

    /// <summary>Lower case, without accents, « œ » and « æ » written out: « Comptabilité » → « comptabilite ».</summary>
    public static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ':
                    folded.Append("oe");
                    break;
                case 'æ':
                    folded.Append("ae");
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        folded.Append(c);
                    }

                    break;
            }
        }

        return folded.ToString();
    }

    /// <summary>The folded stem of a lower-case word. Lucene's stemmer reads accents (it needs them to tell
    /// « é » endings), so it runs before folding. A noun made from a verb is first read as the verb (« facturation »,
    /// « embauchage », « prospection » as « facturer », « embaucher », « prospecter »), which the light stemmer leaves
    /// apart, in the singular or the plural, when at least five letters remain before its ending (« direction » is not
    /// « directer »).</summary>
    public static string Stem(string lowerWord)
    {
        if (lowerWord.Length < 4 || !char.IsLetter(lowerWord[0]))
        {
            return Fold(lowerWord);
        }

        var word = lowerWord;
        var singular = word.EndsWith('s') ? word[..^1] : word;
        foreach (var (ending, verb) in NounOfVerbEndings)
        {
            if (singular.EndsWith(ending, StringComparison.Ordinal) && singular.Length - ending.Length >= 5)
            {
                word = singular[..^ending.Length] + verb;
                break;
            }
        }

        var chars = word.ToCharArray();
        var length = Stemmer.Value!.Stem(chars, chars.Length);
        return Fold(new string(chars, 0, length));
    }

    /// <summary>A noun's ending and its verb's: « facturation » → « facturer », « embauchage » → « embaucher »,
    /// « prospection » → « prospecter ». Changing these changes the stems in the index: a migration must run
    /// <see cref="Persistence.SearchIndexSql.Restem"/>.</summary>
    private static readonly (string Ending, string Verb)[] NounOfVerbEndings = [("ation", "er"), ("ection", "ecter"), ("age", "er")];

    /// <summary>Lucene's stemmer keeps no state between words but is not documented as thread-safe: one per thread.</summary>
    private static readonly ThreadLocal<FrenchLightStemmer> Stemmer = new(() => new FrenchLightStemmer());

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
