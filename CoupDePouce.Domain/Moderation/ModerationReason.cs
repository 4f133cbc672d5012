using System.Globalization;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Resources;

namespace CoupDePouce.Domain.Moderation;

/// <summary>The words a moderation decision gives its subject (why a request is hidden, why a member is suspended,
/// why a membership is declined): cleaned, and of a length she can read and the log can keep.</summary>
internal static class ModerationReason
{
    public const int MinLength = 5;

    /// <returns>The problem to show next to <paramref name="field"/>, or null when <paramref name="cleaned"/> is fine.</returns>
    public static Problem? Check(string? text, string field, string lengthMessage, out string cleaned)
    {
        cleaned = Text.Clean(text ?? string.Empty);
        return cleaned.Length is < MinLength or > ModerationEntry.MaxReasonLength
            ? new Problem(field, string.Format(CultureInfo.CurrentCulture, lengthMessage, MinLength, ModerationEntry.MaxReasonLength))
            : null;
    }
}
