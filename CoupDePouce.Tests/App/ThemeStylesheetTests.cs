using System.Net;
using System.Text.RegularExpressions;
using CoupDePouce.App.Components.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App;

/// <summary>The network's theme is one stylesheet for every page (decision 031): her choice is the page's data-theme,
/// the system's colours are the browser's to follow, and no circuit holds a theme.</summary>
[Collection(HostCollection.Name)]
public sealed partial class ThemeStylesheetTests(HostFixture host)
{
    [Fact]
    public async Task EveryPageLinksTheThemeUnderAnAddressThatChangesWithItsText()
    {
        using var client = host.Browser();
        var html = await Forms.GetPageAsync(client, "/compte/connexion");

        var address = ThemeLink().Match(html).Groups["href"].Value;
        Assert.Equal(host.Services.GetRequiredService<ThemeStylesheet>().Address, address);
        using var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AnAddressWithoutTheCurrentVersionIsNotKeptByBrowsers()
    {
        using var client = host.Browser();
        using var response = await client.GetAsync("/theme.css?v=old");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TheNetworksColoursAreLightByDefaultDarkWhenSheChoosesItAndTheSystemsOtherwise()
    {
        using var client = host.Browser();
        var css = await client.GetStringAsync(ThemeStylesheet.Path);

        // Plum in light; the dark palette's own primary when she chose dark, or when she left it to a dark system.
        Assert.Contains(":root{--mud-palette-black", css.Replace("\n", string.Empty));
        Assert.Matches(@":root\{[^}]*--mud-palette-primary: rgba\(107,45,92,1\)", css);
        var dark = Regex.Match(css, @":root\[data-theme=dark\]\{(?<vars>[^}]*)\}").Groups["vars"].Value;
        Assert.Contains("--mud-palette-primary:", dark);
        Assert.DoesNotContain("--mud-palette-primary: rgba(107,45,92,1)", dark);
        Assert.Contains("@media (prefers-color-scheme: dark){:root:not([data-theme=light]):not([data-theme=dark]){" + dark + "}}", css);
    }

    [Theory]
    [InlineData(null, "system")]
    [InlineData("dark", "dark")]
    [InlineData("light", "light")]
    [InlineData("purple", "system")]
    public async Task ThePageCarriesHerChoiceFromItsFirstRender(string? cookie, string expected)
    {
        using var client = host.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/compte/connexion");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{ThemeChoices.CookieName}={cookie}");
        }

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Matches($"<html lang=\"fr\" data-theme=\"{expected}\">", html);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>/theme\\.css\\?v=[0-9a-f]{12})\"")]
    private static partial Regex ThemeLink();
}
