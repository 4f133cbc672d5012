using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>Every page works under the board's Content-Security-Policy (scripts from the app only, no eval, no
/// framing): the browser reports no violation, and the live pages go live (issue 20, point 3).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    /// <summary>Each violation the page reports, as « directive blocked-address »; reset by every full load.</summary>
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task TheSignInAndRegistrationPagesReportNoViolation()
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordViolations);

        foreach (var path in new[] { "/compte/connexion", "/compte/inscription", "/une-adresse-qui-n-existe-pas" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            Assert.Empty(await ViolationsAsync(page));
        }

        // And the policy holds: a script slipped into the page (as an injected one would be) does not run, and is
        // reported — the watch above does see violations.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.ran = true'; document.head.appendChild(s); }");
        await page.WaitForFunctionAsync("() => window.__csp.length > 0");
        Assert.Contains(await ViolationsAsync(page), v => v.StartsWith("script-src", StringComparison.Ordinal));
        Assert.False(await page.EvaluateAsync<bool>("() => window.ran === true"));
    }

    [Fact]
    public async Task EveryPageOfACoordinatriceGoesLiveWithNoViolation()
    {
        var page = await WatchedAsync("coord.rennes@coupdepouce.demo");
        var request = await FirstLinkOnTheBoardAsync(page, "/demandes/");

        await GoLiveWithNoViolationAsync(
            page,
            "/", request, "/demandes/nouvelle", "/mes-demandes", "/notifications", "/parametres", "/moderation/signalements",
            "/moderation/adhesions", "/moderation/journal", "/tableau-de-bord", "/tableau-de-bord/definitions");

        // What MudBlazor draws once live (a list that opens, the theme's styles) is allowed too.
        await GoLiveWithNoViolationAsync(page, "/demandes/nouvelle");
        await page.Locator(".mud-select").First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(1);
        Assert.Empty(await ViolationsAsync(page));
    }

    [Fact]
    public async Task TheAdminsPagesAndAMembersProfileGoLiveWithNoViolation()
    {
        var page = await WatchedAsync("admin@coupdepouce.demo");
        var profile = await FirstLinkOnTheBoardAsync(page, "/membres/");

        await GoLiveWithNoViolationAsync(page, "/admin/coordinations", profile, "/tableau-de-bord?periode=90", "/moderation/journal");
    }

    /// <summary>She is signed in on a laptop's screen, and what her pages report is recorded.</summary>
    private async Task<IPage> WatchedAsync(string email)
    {
        var page = await browser.SignedInAsync(email, width: 1280);
        await page.Context.AddInitScriptAsync(RecordViolations);
        return page;
    }

    /// <summary>The address of the board's first link that starts so (a request, a member's profile).</summary>
    private static async Task<string> FirstLinkOnTheBoardAsync(IPage page, string start)
    {
        await page.GotoAsync("/");
        return (await page.Locator($".request-card a[href^='{start}']").First.GetAttributeAsync("href"))!;
    }

    /// <summary>Opens each page afresh, waits until it is live, and fails naming the page and what it reported.</summary>
    private static async Task GoLiveWithNoViolationAsync(IPage page, params string[] paths)
    {
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);
            var violations = await ViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{path}: {string.Join(", ", violations)}");
        }
    }

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__csp ?? []");
}
