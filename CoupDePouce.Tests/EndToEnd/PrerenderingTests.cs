using CoupDePouce.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>A page served as HTML first, then live, reads its data once: the live page takes over what prerendering
/// read (persistent component state). Seen from the database commands the app runs, logged by EF Core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrerenderingTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppServer _app = new(environment: new Dictionary<string, string>
    {
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    });

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    /// <summary>The board's first page: its pinned requests are read with it, once per reading of the page.</summary>
    private const string BoardRead = "\"PinnedAt\" DESC";

    /// <summary>A request page: the request's earlier versions are read with it, once per reading of the page.</summary>
    private const string RequestRead = "FROM \"HelpRequestRevision\"";

    /// <summary>How many database commands since this point of the log contain the fragment.</summary>
    private int Count(int since, string fragment) =>
        _app.Log[since..].Split("Executed DbCommand").Count(command => command.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public async Task TheBoardServedAsHtmlThenLiveReadsItsRequestsOnce()
    {
        var page = await browser.NewPageAsync(width: 1200, server: _app.BaseUrl);
        await new LoginPage(page).SignInAsync("sophie.bernard@coupdepouce.demo", "coupdepouce-demo");
        await page.WaitForTimeoutAsync(1000);

        var before = _app.Log.Length;
        await new BoardPage(page).OpenAsync();
        await page.WaitForTimeoutAsync(1500);

        Assert.Equal(1, Count(before, BoardRead));
        // And so do the pieces around it: the filters' themes, the bell, the menu's rights.
        Assert.Equal(1, Count(before, "FROM \"Themes\""));
        Assert.Equal(1, Count(before, "FROM \"Notifications\""));
        // Still live: the first request is on screen and the page answers a click on it.
        await page.Locator(".request-card .request-title a").First.ClickAsync();
        await Expect(page.Locator("#request-title")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ARequestPageServedAsHtmlThenLiveReadsTheRequestOnce()
    {
        var page = await browser.NewPageAsync(width: 1200, server: _app.BaseUrl);
        await new LoginPage(page).SignInAsync("sophie.bernard@coupdepouce.demo", "coupdepouce-demo");
        await new BoardPage(page).OpenAsync();
        var address = await page.Locator(".request-card .request-title a").First.GetAttributeAsync("href");
        await page.WaitForTimeoutAsync(1000);

        var before = _app.Log.Length;
        await page.GotoAsync(address!);
        await Live.WaitAsync(page);
        await page.WaitForTimeoutAsync(1500);

        Assert.Equal(1, Count(before, RequestRead));
        await Expect(page.Locator("#request-title")).ToBeVisibleAsync();
    }
}
