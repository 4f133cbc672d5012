using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd.Pages;

/// <summary>The « Demander un coup de pouce » form.</summary>
public sealed class PostRequestPage(IPage page)
{
    public ILocator Title => page.Locator("input[name=Title]");

    public ILocator Details => page.Locator("textarea[name=Details]");

    public ILocator Submit => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publier ma demande" });

    /// <summary>The Domain's messages, each under its field (MudBlazor's error line), and those above the form.</summary>
    public ILocator Problems => page.Locator(".post-form .mud-input-helper-text.mud-input-error, .post-form .validation-message, .post-form .form-alert");

    /// <summary>Opens the form and waits until it is live (the button is enabled once the circuit is connected).</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("/demandes/nouvelle");
        await Expect(Submit).ToBeEnabledAsync();
    }

    public async Task FillAsync(string title, string details, string theme, bool wholeNetwork)
    {
        await Title.FillAsync(title);
        await Details.FillAsync(details);
        await ChooseThemeAsync(theme);
        var visibility = page.Locator($"input[name=Visibility][data-visibility={(wholeNetwork ? "Network" : "Coordination")}]");
        await visibility.CheckAsync();
        await Expect(visibility).ToBeCheckedAsync();
    }

    /// <summary>Opens the theme list (a MudSelect), picks the theme by its name, and checks that the field shows it.</summary>
    public async Task ChooseThemeAsync(string theme)
    {
        await page.Locator(".theme-select .mud-input.mud-select-input").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(theme, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        // The chosen theme is the value of MudSelect's read-only input (not its text).
        await Expect(page.Locator(".theme-select input.mud-select-input")).ToHaveValueAsync(theme);
    }

    /// <summary>Publishes and returns the new request's id, read from the page she lands on.</summary>
    public async Task<long> PublishAsync()
    {
        await Submit.ClickAsync();
        // An in-app navigation: no new "load" event, so wait for the address, then for the page itself.
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/demandes/\d+"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            // Say what her screen showed instead: a message of the form, the reconnection banner, a busy button.
            var shown = await page.Locator(".form-alert, .validation-message, .reconnect-banner, #blazor-error-ui, .form-actions button")
                .EvaluateAllAsync<string[]>("nodes => nodes.filter(n => n.offsetParent !== null).map(n => n.className + ': ' + n.innerText)");
            throw new TimeoutException($"Publishing did not lead to the request's page; still on {page.Url}, showing {string.Join(" | ", shown)}", e);
        }

        await Expect(page.Locator("#request-title")).ToBeVisibleAsync();
        var path = new Uri(page.Url).AbsolutePath;
        return long.Parse(path[(path.LastIndexOf('/') + 1)..]);
    }
}

/// <summary>The board as she sees it.</summary>
public sealed class BoardPage(IPage page)
{
    public ILocator Titles => page.Locator(".request-card .request-title");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/");
        await Expect(page.Locator(".request-card").First).ToBeVisibleAsync();
        await Live.WaitAsync(page);
    }
}

/// <summary>Interactive pages are first served as HTML, then come alive when the circuit connects.</summary>
public static class Live
{
    public static async Task WaitAsync(IPage page) =>
        await Expect(page.Locator(".app-shell[data-live='true']")).ToBeAttachedAsync();

    /// <summary>Opens the phone menu (once the page is live) and follows one of its links.</summary>
    public static async Task FollowMenuAsync(IPage page, string link)
    {
        await WaitAsync(page);
        await page.Locator(".app-header .nav-toggle").ClickAsync();
        var menuLink = page.Locator(".nav-drawer").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = link });
        await Expect(menuLink).ToBeInViewportAsync();
        await menuLink.ClickAsync();
    }
}
