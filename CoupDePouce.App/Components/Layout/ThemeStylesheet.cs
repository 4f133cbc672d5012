using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CoupDePouce.App.Components.Layout;

/// <summary>The network's MudBlazor theme (<see cref="NetworkTheme"/>), light and dark, as one stylesheet that every
/// page links and the browser caches (decision 031). MudBlazor's own <see cref="MudThemeProvider"/> writes it, once,
/// at start-up; her choice is the <c>data-theme</c> attribute of the page (light, dark, or system: then the browser's
/// <c>prefers-color-scheme</c> decides, with no round trip). No circuit holds a theme provider, a theme or a watch of
/// the system's colours.</summary>
public sealed class ThemeStylesheet
{
    public const string Path = "/theme.css";

    public ThemeStylesheet(IServiceProvider services)
    {
        var light = Variables(services, dark: false);
        var dark = Variables(services, dark: true);
        var css = new StringBuilder()
            .Append(Outside(services))
            .Append(":root{").Append(light).AppendLine("}")
            .Append(":root[data-theme=dark]{").Append(dark).AppendLine("}")
            .Append("@media (prefers-color-scheme: dark){:root:not([data-theme=light]):not([data-theme=dark]){").Append(dark).AppendLine("}}");
        Css = css.ToString();
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))[..12];
    }

    /// <summary>The stylesheet's text.</summary>
    public string Css { get; }

    /// <summary>What the page links: the address changes with the text, so browsers may keep it for a year.</summary>
    public string Address => $"{Path}?v={Version}";

    public string Version { get; }

    /// <summary>The theme's CSS variables for one mode: what MudBlazor writes inside its scope's braces.</summary>
    private static string Variables(IServiceProvider services, bool dark)
    {
        var styles = Render(services, dark);
        const string Marker = "<style class='mud-theme-provider'>";
        var start = styles.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("MudBlazor's theme provider no longer writes its theme as expected.");
        }

        var open = styles.IndexOf('{', start);
        var close = styles.LastIndexOf('}', styles.IndexOf("</style>", start, StringComparison.Ordinal));
        return styles[(open + 1)..close].Trim();
    }

    /// <summary>MudBlazor's rules outside the theme's scope (its scrollbar, its charts), the same in both modes.</summary>
    private static string Outside(IServiceProvider services)
    {
        var styles = Render(services, dark: false);
        var end = styles.IndexOf("<style class='mud-theme-provider'>", StringComparison.Ordinal);
        return styles[..end].Replace("<style>", string.Empty, StringComparison.Ordinal).Replace("</style>", string.Empty, StringComparison.Ordinal);
    }

    private static string Render(IServiceProvider services, bool dark) => RenderAsync(services, dark).GetAwaiter().GetResult();

    private static async Task<string> RenderAsync(IServiceProvider services, bool dark)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = NetworkTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
    }
}
