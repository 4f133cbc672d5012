using CoupDePouce.App.Hosting;

namespace CoupDePouce.Tests.App;

/// <summary>Every response carries the board's security headers, pages, files and the not-found page alike.</summary>
[Collection(HostCollection.Name)]
public sealed class SecurityHeadersTests(HostFixture host)
{
    [Theory]
    [InlineData("/compte/connexion")]
    [InlineData("/une-adresse-qui-n-existe-pas")]
    [InlineData("/app.css")]
    [InlineData("/health")]
    public async Task EveryResponseSaysWhatMayRunAndWhereItMayBeShown(string path)
    {
        using var client = host.Browser();

        var response = await client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
