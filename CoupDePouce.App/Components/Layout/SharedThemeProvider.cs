using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace CoupDePouce.App.Components.Layout;

/// <summary>MudBlazor's theme provider, with its stylesheet written once per theme and mode and shared by every
/// circuit. MudBlazor writes the theme's CSS variables (about 12,000 characters) afresh on each render, and each
/// circuit kept two copies (its current and previous render trees): about 50 KB per idle circuit (decision 018).
/// What it renders is MudBlazor's own output, taken the first time and reused; the system dark-mode watch and
/// everything else stay MudBlazor's.</summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    /// <summary>Each stylesheet written so far (a few: one per theme and mode), the first copy of each kept.</summary>
    private static readonly ConcurrentDictionary<string, string> Written = new();

    /// <summary>MudBlazor's rule for chart series, as its own provider renders it.</summary>
    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>";

    /// <summary>Written as MudBlazor writes it (its mode is its own state), then swapped for the copy every circuit
    /// shares: the one written here is garbage at once, only the shared one stays in the render tree.</summary>
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var written = (DefaultScrollbar ? "" : BuildMudBlazorScrollbar()) + ChartStyle + BuildTheme();
        builder.AddMarkupContent(0, Written.GetOrAdd(written, written));
    }
}
