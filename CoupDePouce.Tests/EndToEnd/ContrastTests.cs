using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using CoupDePouce.Tests.EndToEnd.Pages;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>The network's theme reads well for everyone: axe-core finds no WCAG AA colour-contrast violation on the
/// pages members, coordinatrices and admins use, in the light theme and in the dark one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContrastTests(BrowserFixture browser)
{
    private static readonly AxeRunOptions ContrastOnly = new()
    {
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast"] },
    };

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EveryPageMeetsAaContrastInTheme(string theme)
    {
        var failures = new List<string>();
        var visitor = await browser.NewPageAsync(width: 1280);
        await KeepThemeAsync(visitor, theme);
        foreach (var path in new[] { "/", "/compte/connexion", "/compte/inscription", "/introuvable-pour-de-bon" })
        {
            failures.AddRange(await ViolationsAsync(visitor, path, theme));
        }

        var coordinatrice = await browser.NewPageAsync(width: 1280);
        await KeepThemeAsync(coordinatrice, theme);
        await new LoginPage(coordinatrice).SignInAsync("coord.rennes@coupdepouce.demo", "coupdepouce-demo");
        foreach (var path in new[]
                 {
                     "/", "/demandes/1", "/demandes/nouvelle", "/mes-demandes", "/notifications", "/parametres",
                     "/moderation/adhesions", "/moderation/signalements", "/moderation/journal",
                 })
        {
            failures.AddRange(await ViolationsAsync(coordinatrice, path, theme));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task KeepThemeAsync(IPage page, string theme) =>
        await page.Context.AddCookiesAsync([new Cookie { Name = "cdp-theme", Value = theme, Domain = "127.0.0.1", Path = "/" }]);

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path, string theme)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The page is in the theme asked for, and axe did look at its texts.
        Assert.Equal(theme, await page.Locator(".app-shell").GetAttributeAsync("data-theme"));
        var result = await page.RunAxe(ContrastOnly);
        var checkedTexts = result.Passes.Sum(p => p.Nodes.Length);
        Assert.True(checkedTexts > 3, $"{path}: axe checked {checkedTexts} texts, {result.Incomplete.Sum(i => i.Nodes.Length)} undecided");
        return result.Violations.SelectMany(v => v.Nodes.Select(n => $"{path}: {v.Id} ({v.Impact}) at {n.Target}: {n.Html}"));
    }
}
