namespace CoupDePouce.App.Components.Layout;

/// <summary>Light, dark, or whatever her system says (the default). Kept in the <see cref="CookieName"/> cookie, so
/// the first render of every page already has her colours (the page's <c>data-theme</c>, decision 031).</summary>
public enum ThemeChoice
{
    System,
    Light,
    Dark,
}

public static class ThemeChoices
{
    /// <summary>Written by the page when she presses the switch (wwwroot/app.js).</summary>
    public const string CookieName = "cdp-theme";

    public static ThemeChoice Parse(string? value) =>
        Enum.TryParse<ThemeChoice>(value, ignoreCase: true, out var choice) && Enum.IsDefined(choice) ? choice : ThemeChoice.System;

    /// <summary>The page's <c>data-theme</c> for a choice, as app.css and the theme's stylesheet read it.</summary>
    public static string Attribute(ThemeChoice choice) => choice.ToString().ToLowerInvariant();

    /// <summary>System → light → dark → system.</summary>
    public static ThemeChoice Next(this ThemeChoice choice) => choice switch
    {
        ThemeChoice.System => ThemeChoice.Light,
        ThemeChoice.Light => ThemeChoice.Dark,
        _ => ThemeChoice.System,
    };
}
