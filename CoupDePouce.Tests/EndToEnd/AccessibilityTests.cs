using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using CoupDePouce.Tests.EndToEnd.Pages;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>axe-core (WCAG 2.1 A and AA rules, colour contrast among them) finds no serious or critical violation on
/// the pages visitors, members, coordinatrices and admins use, in French and in English, in the light theme and in the
/// dark one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData("fr", "light")]
    [InlineData("fr", "dark")]
    [InlineData("en", "light")]
    [InlineData("en", "dark")]
    public async Task NoPageHasASeriousOrCriticalViolation(string language, string theme)
    {
        var failures = new List<string>();
        var visitor = await browser.NewPageAsync(width: 1280);
        await ChooseAsync(visitor, language, theme);
        foreach (var path in new[] { "/", "/compte/connexion", "/compte/inscription", "/introuvable-pour-de-bon" })
        {
            failures.AddRange(await ViolationsAsync(visitor, path, language, theme));
        }

        var admin = await browser.NewPageAsync(width: 1280);
        await new LoginPage(admin).SignInAsync("admin@coupdepouce.demo", "coupdepouce-demo");
        await ChooseAsync(admin, language, theme);
        foreach (var path in new[]
                 {
                     "/", "/demandes/1", "/demandes/nouvelle", "/mes-demandes", "/notifications", "/parametres", "/parametres/supprimer-mon-compte",
                     "/moderation/adhesions", "/moderation/signalements", "/moderation/journal", "/tableau-de-bord",
                     "/je-peux-aider", "/propositions", "/propositions/nouvelle",
                 })
        {
            failures.AddRange(await ViolationsAsync(admin, path, language, theme));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task ChooseAsync(IPage page, string language, string theme)
    {
        await page.Context.AddCookiesAsync([new Cookie { Name = "cdp-theme", Value = theme, Domain = "127.0.0.1", Path = "/" }]);
        await page.GotoAsync($"/langue/{language}?returnUrl=/");
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path, string language, string theme)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The page is in the language and the theme asked for, and axe did look at its texts.
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(theme, await page.Locator("html").GetAttributeAsync("data-theme"));
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Passes.Length > 5, $"{path}: axe passed only {result.Passes.Length} rules");
        Assert.Contains(result.Passes, p => p.Id == "color-contrast" && p.Nodes.Length > 3);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{path}: {v.Id} ({v.Impact}) at {n.Target}: {n.Html}"));
    }
}
