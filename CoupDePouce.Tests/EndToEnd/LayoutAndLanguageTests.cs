using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class LayoutAndLanguageTests(BrowserFixture browser)
{
    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    [Fact]
    public async Task TheBoardAndThePostingFormFitAPhoneThreeHundredNinetyPixelsWide()
    {
        var page = await browser.NewPageAsync(width: 390);
        await new LoginPage(page).SignInAsync("julie.durand@coupdepouce.demo", "coupdepouce-demo");

        await new BoardPage(page).OpenAsync();
        Assert.Equal(0, await OverflowAsync(page));

        // The icons are MudBlazor's Material paths drawn inline: no icon font to wait for.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('.request-card svg.icon')].some(i => i.getBoundingClientRect().width > 0)"));

        // The menu folds into a drawer on a phone, opens from the bar's button, and closes once she has chosen.
        await Expect(page.Locator(".nav-drawer .app-nav")).Not.ToBeInViewportAsync();
        await Live.FollowMenuAsync(page, "Mes demandes");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mes demandes");
        await Expect(page.Locator(".nav-drawer .app-nav")).Not.ToBeInViewportAsync();

        await new PostRequestPage(page).OpenAsync();
        Assert.Equal(0, await OverflowAsync(page));
    }

    [Fact]
    public async Task AMenuLinkFollowedWhileHerPageComesAliveOpensThePageItNames()
    {
        var page = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo");
        var slowStart = await SlowCircuitStart.OnAsync(page);
        await page.GotoAsync("/");
        await slowStart.Asked;

        await page.Locator(".nav-drawer").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Mes demandes" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/mes-demandes$"));
        slowStart.Release();

        await Live.WaitAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mes demandes");
        await Expect(page.Locator(".nav-drawer a[aria-current=page]")).ToHaveTextAsync("Mes demandes");
    }

    [Fact]
    public async Task HerLightDarkOrSystemChoiceShowsAtOnceAndLastsAcrossPages()
    {
        var page = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo");
        await Live.WaitAsync(page);
        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("data-theme", "system");
        var light = await BackgroundAsync(page);

        // One press a choice, in the page itself: system → light → dark, and the switch keeps the focus.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Affichage : Couleurs du système. Passer à : Thème clair" }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
        await page.Keyboard.PressAsync("Enter");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        Assert.NotEqual(light, await BackgroundAsync(page));
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Affichage : Thème sombre. Passer à : Couleurs du système" })).ToBeFocusedAsync();

        // Kept for her next pages, from their first render.
        await page.GotoAsync("/mes-demandes");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        Assert.NotEqual(light, await BackgroundAsync(page));
    }

    [Fact]
    public async Task LeftToTheSystemTheBoardIsDarkOnADarkSystem()
    {
        var page = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo");
        var light = await BackgroundAsync(page);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "system");
        Assert.NotEqual(light, await BackgroundAsync(page));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        Assert.Equal(light, await BackgroundAsync(page));
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    [Fact]
    public async Task SwitchingToEnglishLastsAcrossPages()
    {
        var page = await browser.NewPageAsync(width: 1200);
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Coup de pouce, l'entraide entre entrepreneuses");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "English" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Coup de pouce, mutual aid between women entrepreneurs");
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/compte/connexion");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Français" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Se connecter");
    }
}
