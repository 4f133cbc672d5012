namespace CoupDePouce.App.Components.Layout;

/// <summary>Light, dark, or whatever her system says (the default). Kept in the <see cref="CookieName"/> cookie, so
/// the first render of every page already has her colours.</summary>
public enum ThemeChoice
{
    System,
    Light,
    Dark,
}

public static class ThemeChoices
{
    public const string CookieName = "cdp-theme";

    public static ThemeChoice Parse(string? value) =>
        Enum.TryParse<ThemeChoice>(value, ignoreCase: true, out var choice) && Enum.IsDefined(choice) ? choice : ThemeChoice.System;

    /// <summary>System → light → dark → system.</summary>
    public static ThemeChoice Next(this ThemeChoice choice) => choice switch
    {
        ThemeChoice.System => ThemeChoice.Light,
        ThemeChoice.Light => ThemeChoice.Dark,
        _ => ThemeChoice.System,
    };
}
