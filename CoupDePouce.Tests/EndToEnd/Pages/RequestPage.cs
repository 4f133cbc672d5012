using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd.Pages;

/// <summary>A request's page and its thread.</summary>
public sealed class RequestPage(IPage page)
{
    public ILocator Status => page.Locator(".request-page .request-card-top .status-badge");

    public ILocator Messages => page.Locator(".thread-message");

    public ILocator AnswerBox => page.Locator("textarea[name=AnswerBody]");

    public async Task OpenAsync(long id)
    {
        await page.GotoAsync($"/demandes/{id}");
        await Live.WaitAsync(page);
    }

    /// <summary>After following a link to request <paramref name="id"/>: waits for that page, live.</summary>
    public async Task ArrivedAsync(long id)
    {
        // In-app navigation changes the address without a new "load" event: the page's own content tells when it is there.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/demandes/{id}(\\?|$)"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#request-title")).ToBeVisibleAsync();
        await Live.WaitAsync(page);
    }

    public async Task AnswerAsync(string text)
    {
        await AnswerBox.FillAsync(text);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Envoyer" }).ClickAsync();
        await Expect(Messages.Filter(new LocatorFilterOptions { HasText = text })).ToBeVisibleAsync();
    }

    public ILocator Message(string containing) => Messages.Filter(new LocatorFilterOptions { HasText = containing });
}
