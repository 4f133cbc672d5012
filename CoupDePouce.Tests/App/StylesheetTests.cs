using System.Text.RegularExpressions;

namespace CoupDePouce.Tests.App;

/// <summary>The pages are styled and scripted by MudBlazor (its stylesheet and script served from its package) and
/// by the app's own sheet; nothing of Radzen is left.</summary>
[Collection(HostCollection.Name)]
public sealed partial class StylesheetTests(HostFixture host)
{
    [Fact]
    public async Task ThePagesLinkMudBlazorsStylesheetAndScriptAndNothingOfRadzen()
    {
        using var client = host.Browser();
        var html = await Forms.GetPageAsync(client, "/compte/connexion");

        var stylesheet = MudStylesheet().Match(html).Groups["href"].Value;
        var script = MudScript().Match(html).Groups["src"].Value;
        Assert.NotEmpty(stylesheet);
        Assert.NotEmpty(script);
        Assert.Contains(".mud-button-filled-primary", await client.GetStringAsync("/" + stylesheet.TrimStart('/')));
        Assert.Contains("mudElementRef", await client.GetStringAsync("/" + script.TrimStart('/')));
        Assert.DoesNotContain("radzen", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("rz-", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]*_content/MudBlazor/MudBlazor[^\"]*\\.css)\"")]
    private static partial Regex MudStylesheet();

    [GeneratedRegex("<script src=\"(?<src>[^\"]*_content/MudBlazor/MudBlazor[^\"]*\\.js)\"")]
    private static partial Regex MudScript();
}
