using System.Text.RegularExpressions;
using CoupDePouce.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>A session ended on the server reaches the pages she still has open, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    // Open pages re-check her account every two seconds here (every two minutes by default).
    private readonly AppServer _server = new(environment: new Dictionary<string, string> { ["Accounts__RevalidateEvery"] = "00:00:02" });

    public Task InitializeAsync() => _server.StartAsync();

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task SigningOutOnHerPhoneSignsHerOutOfTheModerationLogOpenOnHerComputer()
    {
        var computer = await browser.NewPageAsync(width: 1200, server: _server.BaseUrl);
        await new LoginPage(computer).SignInAsync("coord.rennes@coupdepouce.demo", "coupdepouce-demo");
        await computer.GotoAsync("/moderation/journal");
        await Expect(computer.Locator("table.moderation-log")).ToBeVisibleAsync();
        await Expect(computer.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);
        var phone = await browser.NewPageAsync(width: 1200, server: _server.BaseUrl);
        await new LoginPage(phone).SignInAsync("coord.rennes@coupdepouce.demo", "coupdepouce-demo");

        await phone.Locator(".nav-logout button").ClickAsync();

        await Expect(phone.Locator(".nav-logout")).ToHaveCountAsync(0);
        await Expect(computer).ToHaveURLAsync(new Regex("/compte/connexion"), new() { Timeout = 15_000 });
    }
}
