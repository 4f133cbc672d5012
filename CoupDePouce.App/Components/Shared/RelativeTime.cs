using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CoupDePouce.App.Components.Shared;

/// <summary>"il y a 3 h", "à l'instant", "le 3 mars 2026": how long ago, the way people say it.</summary>
public static class RelativeTime
{
    public static string Format(DateTime whenUtc, DateTime nowUtc, IStringLocalizer text)
    {
        var elapsed = nowUtc - whenUtc;
        if (elapsed < TimeSpan.FromMinutes(1))
        {
            return text["Age.JustNow"];
        }

        if (elapsed < TimeSpan.FromHours(1))
        {
            return text["Age.Minutes", (int)elapsed.TotalMinutes];
        }

        if (elapsed < TimeSpan.FromDays(1))
        {
            return text["Age.Hours", (int)elapsed.TotalHours];
        }

        if (elapsed < TimeSpan.FromDays(30))
        {
            return text["Age.Days", (int)elapsed.TotalDays];
        }

        return text["Age.Date", whenUtc.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)];
    }
}
