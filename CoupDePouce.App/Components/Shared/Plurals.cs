using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CoupDePouce.App.Components.Shared;

/// <summary>Every text with a count goes through here: « 1 non lue », « 2 non lues », « 0 réponse a aidé ».
/// A counted text has the resource keys <c>Key.One</c> and <c>Key.Many</c> (and optionally <c>Key.None</c> for
/// zero), with the count as <c>{0}</c>. The one/many choice follows CLDR's rule of her language: in French 0 and 1
/// take the singular, in English only 1.</summary>
public static class Plurals
{
    public static bool IsOne(long count, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;

    public static string Plural(this IStringLocalizer l, string key, long count, params object[] more)
    {
        object[] arguments = [count, .. more];
        if (count == 0 && l[key + ".None", arguments] is { ResourceNotFound: false } none)
        {
            return none;
        }

        return l[key + (IsOne(count, CultureInfo.CurrentUICulture) ? ".One" : ".Many"), arguments];
    }
}
