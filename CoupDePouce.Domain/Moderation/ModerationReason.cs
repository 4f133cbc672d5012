using System.Globalization;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Resources;
using FluentValidation;

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
        return IsValid(text) ? null : new Problem(field, Message(lengthMessage));
    }

    /// <summary>The same rule for a validator, so that a form says it while she types (the handler still checks).</summary>
    public static IRuleBuilderOptions<T, string?> ValidReason<T>(this IRuleBuilder<T, string?> rule, Func<string> lengthMessage) =>
        rule.Must(IsValid).WithMessage(_ => Message(lengthMessage()));

    private static bool IsValid(string? text) => Text.Clean(text ?? string.Empty).Length is >= MinLength and <= ModerationEntry.MaxReasonLength;

    private static string Message(string lengthMessage) =>
        string.Format(CultureInfo.CurrentCulture, lengthMessage, MinLength, ModerationEntry.MaxReasonLength);
}
