using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>Each of .NET 10's reconnect states shows its own line of the banner, and only that one (the classes are
/// those Blazor sets on the banner; the live cut itself is in LiveBoardJourneyTests).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectBannerTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("components-reconnect-show", "Connexion perdue, nous essayons de la rétablir…")]
    [InlineData("components-reconnect-retrying", "Toujours pas de connexion. Nouvel essai dans")]
    [InlineData("components-reconnect-failed", "La connexion n'a pas pu être rétablie.")]
    [InlineData("components-reconnect-paused", "La page a été mise en pause par le serveur.")]
    [InlineData("components-reconnect-resume-failed", "Impossible de reprendre la page.")]
    [InlineData("reconnect-was-resumed", "Connexion rétablie.")]
    public async Task EachReconnectStateShowsItsOwnLine(string state, string line)
    {
        var page = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo", width: 390);
        await Pages.Live.WaitAsync(page);

        await page.EvaluateAsync("state => { const b = document.getElementById('components-reconnect-modal'); b.classList.add(state); b.show(); }", state);

        var shown = page.Locator(".reconnect-banner p:visible");
        await Expect(shown).ToHaveCountAsync(1);
        await Expect(shown).ToContainTextAsync(line);
        // At the bottom of a phone's screen, within its width.
        var box = await page.Locator(".reconnect-banner").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"The banner spans {box.X}..{box.X + box.Width}");
        Assert.True(box.Y + box.Height <= 844 && box.Y > 422, $"The banner sits at {box.Y}");
    }
}
