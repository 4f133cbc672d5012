using CoupDePouce.Tests.EndToEnd.Pages;
using CoupDePouce.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>Two app instances on one SQLite database, sharing live updates through Redis pub/sub: a request posted
/// through instance A appears in a browser connected to instance B.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScaleOutTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly TempFolder _data = new();
    private AppServer _a = default!;
    private AppServer _b = default!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        var environment = new Dictionary<string, string> { ["Live__Redis"] = _redis.Configuration };
        // One after the other: the first migrates and seeds, the second finds the network ready.
        _a = new AppServer(_data, environment);
        await _a.StartAsync();
        _b = new AppServer(_data, environment);
        await _b.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _redis.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task ARequestPostedThroughOneInstanceAppearsLiveOnAScreenOfTheOther()
    {
        var onB = await browser.NewPageAsync(width: 1200, server: _b.BaseUrl);
        await new LoginPage(onB).SignInAsync("sophie.bernard@coupdepouce.demo", "coupdepouce-demo");
        await new BoardPage(onB).OpenAsync();

        var onA = await browser.NewPageAsync(width: 1200, server: _a.BaseUrl);
        await new LoginPage(onA).SignInAsync("isabelle.thomas@coupdepouce.demo", "coupdepouce-demo");
        var form = new PostRequestPage(onA);
        await form.OpenAsync();
        var title = $"Posté sur l'instance A {Guid.NewGuid():N}"[..44];
        await form.FillAsync(title, "Cette demande passe par Redis pour arriver sur l'autre instance.", "Autre", wholeNetwork: false);
        await form.PublishAsync();

        await Expect(onB.Locator(".request-card.just-arrived .request-title")).ToHaveTextAsync(title);
    }
}
