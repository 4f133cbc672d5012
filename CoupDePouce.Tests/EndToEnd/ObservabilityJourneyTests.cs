using System.Net.Http.Json;
using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using BoardPage = CoupDePouce.Tests.EndToEnd.Pages.BoardPage;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>What an operator watches: the board's counters move with what members do (read through the same
/// MeterListener mechanism as dotnet-counters), and a security event inside an open page names its circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ObservabilityJourneyTests(BrowserFixture browser)
{
    private const string OpenCircuits = "coupdepouce.circuits.open";

    [Fact]
    public async Task AnOpenPageAPostAndItsLiveArrivalAreCountedAndTheCircuitIsCountedOutWhenThePageCloses()
    {
        using var http = new HttpClient { BaseAddress = browser.Server.BaseUrl };
        var before = await CountersAsync(http);

        var watcher = await browser.SignedInAsync("emilie.robert@coupdepouce.demo");
        await new BoardPage(watcher).OpenAsync();
        await WaitForAsync(async () => (await CountersAsync(http)).GetValueOrDefault(OpenCircuits) > before.GetValueOrDefault(OpenCircuits));

        var poster = await browser.SignedInAsync("nathalie.dubois@coupdepouce.demo");
        var form = new PostRequestPage(poster);
        await form.OpenAsync();
        await form.FillAsync($"Compter les demandes {Guid.NewGuid():N}"[..40], "Une demande qui doit se voir dans les compteurs du réseau.", "Autre", wholeNetwork: true);
        var id = await form.PublishAsync();
        await Expect(watcher.Locator($".request-card[data-request-id='{id}']")).ToBeVisibleAsync();

        var after = await CountersAsync(http);
        Assert.True(after.GetValueOrDefault("coupdepouce.posts{kind=request}") > before.GetValueOrDefault("coupdepouce.posts{kind=request}"));
        Assert.True(after.GetValueOrDefault("coupdepouce.live.published") > before.GetValueOrDefault("coupdepouce.live.published"));
        Assert.True(after.GetValueOrDefault("coupdepouce.live.delivered") > before.GetValueOrDefault("coupdepouce.live.delivered"));
        Assert.True(after.GetValueOrDefault(OpenCircuits) >= before.GetValueOrDefault(OpenCircuits) + 2);

        await watcher.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await poster.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await WaitForAsync(async () => (await CountersAsync(http)).GetValueOrDefault(OpenCircuits) <= before.GetValueOrDefault(OpenCircuits));
    }

    [Fact]
    public async Task OpeningFromHerPageARequestReservedToAnotherCoordinationIsLoggedWithHerCircuit()
    {
        var author = await browser.SignedInAsync("isabelle.thomas@coupdepouce.demo");
        var form = new PostRequestPage(author);
        await form.OpenAsync();
        await form.FillAsync($"Entre Rennaises seulement {Guid.NewGuid():N}"[..40], "Une question que je ne pose qu'aux membres de ma coordination.", "Autre", wholeNetwork: false);
        var id = await form.PublishAsync();

        var outsider = await browser.SignedInAsync("julie.durand@coupdepouce.demo");
        await new BoardPage(outsider).OpenAsync();
        // Inside her open page (the circuit), not a new page load.
        await outsider.EvaluateAsync("path => Blazor.navigateTo(path)", $"/demandes/{id}");
        await Expect(outsider.Locator("h1")).ToHaveTextAsync("Cette demande n'est pas disponible");

        await WaitForAsync(() => Task.FromResult(browser.Server.Log.Contains($"request {id}, which is not available")));
        var logged = browser.Server.Log.Split('\n').Where(l => l.Contains($"request {id}, which is not available")).ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, line => Assert.Matches(@"=> Circuit \S+", line));
    }

    private static async Task<Dictionary<string, long>> CountersAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<LiveCounters>("/dev/live"))!.Counters;

    private sealed record LiveCounters(Dictionary<string, long> Counters);

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(100);
        }
    }
}
