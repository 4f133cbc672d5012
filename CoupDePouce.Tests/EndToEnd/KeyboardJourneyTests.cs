using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>Posting a request and answering one work with the keyboard alone: Tab from field to field, arrows and
/// Enter in the lists, Enter on the buttons; never a click.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task SheTabsThroughPostingARequestAndAnotherMemberTabsThroughAnsweringIt()
    {
        var title = $"Au clavier seulement {Guid.NewGuid():N}"[..40];
        var asker = await browser.SignedInAsync("anne.michel@coupdepouce.demo");
        var form = new PostRequestPage(asker);
        await form.OpenAsync();
        // Typing starts once the form has settled (see KeystrokeJourneyTests).
        await asker.WaitForTimeoutAsync(1000);

        await TabToAsync(asker, "input[name=Title]");
        await asker.Keyboard.TypeAsync(title);
        await TabToAsync(asker, "textarea[name=Details]");
        await asker.Keyboard.TypeAsync("Je voudrais savoir si tout le tableau se sert au clavier, sans souris.");
        await TabToAsync(asker, ".theme-select input");
        await asker.Keyboard.PressAsync("ArrowDown");
        await Expect(asker.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await asker.Keyboard.PressAsync("ArrowDown");
        await asker.Keyboard.PressAsync("Enter");
        await Expect(asker.Locator(".theme-select input.mud-select-input")).Not.ToHaveValueAsync(string.Empty);
        await TabToAsync(asker, "input[name=Visibility]:checked");
        await asker.Keyboard.PressAsync("ArrowDown");
        await Expect(asker.Locator("input[name=Visibility][data-visibility=Network]")).ToBeCheckedAsync();
        await TabToAsync(asker, "[data-submit=post-request]");
        await Expect(form.Submit).ToBeFocusedAsync();
        await asker.Keyboard.PressAsync("Enter");
        await asker.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/demandes/\d+"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Expect(asker.Locator("h1")).ToHaveTextAsync(title);
        var id = long.Parse(new Uri(asker.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);

        var helper = await browser.SignedInAsync("sarah.bertrand@coupdepouce.demo");
        var view = new RequestPage(helper);
        await view.OpenAsync(id);
        await TabToAsync(helper, "textarea[name=AnswerBody]");
        await helper.Keyboard.TypeAsync("Oui : Tab, les flèches et Entrée suffisent partout.");
        await TabToAsync(helper, "[data-submit=answer]");
        await Expect(helper.GetByRole(AriaRole.Button, new() { Name = "Envoyer" })).ToBeFocusedAsync();
        await helper.Keyboard.PressAsync("Enter");

        await Expect(view.Message("Tab, les flèches et Entrée suffisent")).ToBeVisibleAsync();
        await Expect(new RequestPage(asker).Message("Tab, les flèches et Entrée suffisent")).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the focus is on what matches <paramref name="selector"/> (at most 60 times).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"Sixty presses of Tab never reached {selector}; the focus is on {focused}");
    }
}
