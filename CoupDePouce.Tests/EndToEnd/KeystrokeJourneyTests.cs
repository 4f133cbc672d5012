using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>Every text field she types in keeps every character, typed key by key faster than the server answers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeystrokeJourneyTests(BrowserFixture browser)
{
    private const string Title = "Logiciel de facturation : lequel choisir pour démarrer ?";
    private const string Details = "Je démarre mon activité de céramiste à Rennes. J'hésite entre trois logiciels, des conseils ?";

    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    public async Task EveryKeystrokeOfThePostingFormIsKeptOnAFastOrASlowNetwork(int latencyMs)
    {
        var page = await browser.SignedInAsync("julie.durand@coupdepouce.demo", width: 390);
        if (latencyMs > 0)
        {
            await SlowNetwork.OnAsync(page, TimeSpan.FromMilliseconds(latencyMs));
        }

        var form = new PostRequestPage(page);
        await form.OpenAsync();
        // Typing starts once the page has settled. Known limit (issue 16): in the first second or two after the form
        // goes live, on a loaded machine, MudTextField (Immediate) can write back a value one key old over her
        // typing; the page's late focus on its heading, which took whole words, is fixed (FocusHeadingOnNavigate).
        await page.WaitForTimeoutAsync(1000);

        // A key every 10 ms: several of her keystrokes are on their way while the server's renders of earlier ones
        // are still coming back.
        await form.Title.PressSequentiallyAsync(Title, new LocatorPressSequentiallyOptions { Delay = 10 });
        await form.Details.PressSequentiallyAsync(Details, new LocatorPressSequentiallyOptions { Delay = 10 });

        await Expect(form.Title).ToHaveValueAsync(Title);
        await Expect(form.Details).ToHaveValueAsync(Details);
        // The server has every letter too: the counters count them all.
        await Expect(page.Locator("#Title-hint .counter")).ToHaveTextAsync($"{Title.Length} / 120");
        await Expect(page.Locator("#Details-hint .counter")).ToHaveTextAsync($"{Details.Length} / 5000");
    }
}
