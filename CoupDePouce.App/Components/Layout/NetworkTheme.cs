using MudBlazor;

namespace CoupDePouce.App.Components.Layout;

/// <summary>The network's own colours (plum and coral on cream), light and dark, every pair of text and background
/// at WCAG AA contrast or better (checked by axe in the browser tests). System fonts: nothing to download.</summary>
public static class NetworkTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#6b2d5c",
            PrimaryDarken = "#4e1f43",
            PrimaryLighten = "#8a4a7a",
            PrimaryContrastText = "#ffffff",
            // Coral, darkened enough to carry white text.
            Secondary = "#b93a26",
            SecondaryContrastText = "#ffffff",
            Tertiary = "#1f5a99",
            Success = "#2a7152",
            Warning = "#8f4a00",
            Error = "#b3261e",
            Info = "#1f5a99",
            AppbarBackground = "#6b2d5c",
            AppbarText = "#ffffff",
            Background = "#fbf7f4",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#2b2230",
            TextPrimary = "#2b2230",
            TextSecondary = "#5f5464",
            ActionDefault = "#5f5464",
            LinesDefault = "#eadfe5",
            LinesInputs = "#8c7f88",
            TableLines = "#eadfe5",
            Divider = "#eadfe5",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#e3a9d4",
            PrimaryDarken = "#cf8dbf",
            PrimaryLighten = "#f0c9e6",
            PrimaryContrastText = "#2b1027",
            Secondary = "#ff9e8c",
            SecondaryContrastText = "#3a0d05",
            Tertiary = "#9cc4f2",
            TertiaryContrastText = "#0b2540",
            Success = "#7fd1a9",
            SuccessContrastText = "#08301e",
            Warning = "#ffb874",
            WarningContrastText = "#3d2000",
            Error = "#ffb4ab",
            ErrorContrastText = "#3b0907",
            Info = "#9cc4f2",
            InfoContrastText = "#0b2540",
            AppbarBackground = "#2d1f2b",
            AppbarText = "#f6eef3",
            Background = "#17131a",
            Surface = "#221c25",
            DrawerBackground = "#221c25",
            DrawerText = "#f0e8ee",
            TextPrimary = "#f0e8ee",
            TextSecondary = "#c9bcc6",
            ActionDefault = "#c9bcc6",
            LinesDefault = "#3f3443",
            LinesInputs = "#9a8c97",
            TableLines = "#3f3443",
            Divider = "#3f3443",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
