using System.Globalization;

namespace CoupDePouce.Domain.Common;

/// <summary>Small text helpers shared by the validators and the aggregates.</summary>
public static class Text
{
    /// <summary>Trims and normalises line endings, so that limits count what the member sees; half an emoji (a lone
    /// surrogate, which UTF-8 cannot store) becomes U+FFFD here, as the database would store it, and the NUL character
    /// (which shows nothing, and which PostgreSQL refuses) is dropped, so that what is compared is what is stored, on
    /// either engine.</summary>
    public static string Clean(string? value) => WellFormed((value ?? string.Empty).Replace("\r\n", "\n").Replace("\0", string.Empty, StringComparison.Ordinal).Trim());

    private static string WellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]) && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                return System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(value));
            }

            if (char.IsHighSurrogate(value[i]))
            {
                i++;
            }
        }

        return value;
    }

    /// <summary>Counts user-perceived characters (an emoji counts once), which is what a member expects of a limit.</summary>
    public static int Length(string? value)
    {
        var clean = Clean(value);
        return clean.Length == 0 ? 0 : new StringInfo(clean).LengthInTextElements;
    }

    /// <summary>The beginning of a text, cut between words, with an ellipsis when it was longer.</summary>
    public static string Excerpt(string value, int length)
    {
        var flat = Clean(value).ReplaceLineEndings(" ");
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        return string.Concat(flat.AsSpan(0, cut > length / 2 ? cut : length), "…");
    }

    public static string Format(string template, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args);
}
