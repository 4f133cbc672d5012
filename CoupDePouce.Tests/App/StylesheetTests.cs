using System.Text.RegularExpressions;

namespace CoupDePouce.Tests.App;

/// <summary>The pages link the trimmed Radzen stylesheet (decision 009), which still styles every Radzen component
/// the app uses. (Its fonts, served from Radzen's package, are checked in a real browser: LayoutAndLanguageTests.)</summary>
[Collection(HostCollection.Name)]
public sealed partial class StylesheetTests(HostFixture host)
{
    [Fact]
    public async Task ThePagesLinkTheTrimmedRadzenStylesheetWithTheRulesTheAppUses()
    {
        using var client = host.Browser();
        var html = await Forms.GetPageAsync(client, "/compte/connexion");

        Assert.DoesNotContain("_content/Radzen.Blazor/css/material-base.css", html);
        var href = TrimmedLink().Match(html).Groups["href"].Value;
        var css = await client.GetStringAsync("/" + href.TrimStart('/'));

        Assert.All(
            [".rz-button", ".rz-primary", ".rz-switch", ".rz-dialog", ".rz-dialog-confirm", ".rz-textbox", ".rz-textarea", ".rzi", "@font-face", "--rz-primary"],
            rule => Assert.Contains(rule, css));
        Assert.DoesNotContain(".rz-datatable", css);
        Assert.Matches(FontUrl(), css);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]*radzen/material-base\\.trimmed[^\"]*\\.css)\"")]
    private static partial Regex TrimmedLink();

    [GeneratedRegex("url\\(\"(?<url>/_content/Radzen\\.Blazor/fonts/[^\"]+)\"\\)")]
    private static partial Regex FontUrl();
}
