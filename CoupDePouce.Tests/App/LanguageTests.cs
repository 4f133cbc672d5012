using System.Net;

namespace CoupDePouce.Tests.App;

[Collection(HostCollection.Name)]
public sealed class LanguageTests(HostFixture host)
{
    [Fact]
    public async Task SwitchesToEnglishAndRemembersIt()
    {
        using var client = host.Browser();

        var response = await client.GetAsync("/langue/en?returnUrl=%2Fcompte%2Fconnexion");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location!.ToString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("expires=", StringComparison.OrdinalIgnoreCase));
        var html = await Forms.GetPageAsync(client, "/");
        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("Join the network", html);
        Assert.Contains("Join the network", await Forms.GetPageAsync(client, "/compte/connexion"));
    }

    [Fact]
    public async Task StaysInFrenchWhateverTheBrowserPrefers()
    {
        using var client = host.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        Assert.Contains("Rejoindre le réseau", await Forms.GetPageAsync(client, "/"));
    }

    [Theory]
    [InlineData("//elsewhere.example/phish")]
    [InlineData("https://elsewhere.example/")]
    public async Task NeverRedirectsToAnotherSite(string returnUrl)
    {
        using var client = host.Browser();

        var response = await client.GetAsync($"/langue/fr?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task RefusesALanguageItDoesNotSpeak()
    {
        using var client = host.Browser();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/langue/xx")).StatusCode);
    }
}
