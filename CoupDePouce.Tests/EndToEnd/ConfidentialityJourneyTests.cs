using Microsoft.Playwright;
using CoupDePouce.Tests.EndToEnd.Pages;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ConfidentialityJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ACoordinationOnlyRequestIsNeverShownToAMemberOfAnotherCoordination()
    {
        var rennesAsker = await browser.NewPageAsync();
        await new RegisterPage(rennesAsker).RegisterAsync("Maëlle Rennaise", "Rennes");
        await Expect(rennesAsker.Locator(".membership-note")).ToContainTextAsync("Votre adhésion à Rennes attend la validation d'une coordinatrice");

        // Rennes' coordinatrice sees her in the queue (the count is in her menu) and approves her.
        var coordinatrice = await browser.SignedInAsync("coord.rennes@coupdepouce.demo");
        await coordinatrice.Locator(".nav-drawer").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Adhésions \(\d+\)$") }).ClickAsync();
        var waiting = coordinatrice.Locator(".pending-member", new() { HasText = "Maëlle Rennaise" });
        await Live.WaitAsync(coordinatrice);
        await waiting.Locator("[data-membership=approve]").ClickAsync();
        await Expect(coordinatrice.Locator(".mud-snackbar-content-message")).ToHaveTextAsync("L'adhésion de Maëlle Rennaise est validée.");
        await Expect(waiting).ToHaveCountAsync(0);

        var form = new PostRequestPage(rennesAsker);
        await form.OpenAsync();
        var title = $"Question confidentielle sur mon associée {Guid.NewGuid():N}"[..64];
        await form.FillAsync(title, "Un sujet délicat que je ne veux partager qu'avec ma coordination.", "Juridique", wholeNetwork: false);
        var id = await form.PublishAsync();

        var lyonMember = await browser.NewPageAsync();
        await new RegisterPage(lyonMember).RegisterAsync("Lucie Lyonnaise", "Lyon");
        var lyonBoard = new BoardPage(lyonMember);
        await lyonBoard.OpenAsync();
        await Expect(lyonBoard.Titles.First).Not.ToHaveTextAsync(title);
        Assert.DoesNotContain(title, await lyonMember.ContentAsync());

        await lyonMember.GotoAsync($"/demandes/{id}");
        await Expect(lyonMember.Locator("h1")).ToHaveTextAsync("Cette demande n'est pas disponible");
        Assert.DoesNotContain(title, await lyonMember.ContentAsync());

        var rennesMember = await browser.NewPageAsync();
        await new LoginPage(rennesMember).SignInAsync("sophie.bernard@coupdepouce.demo", "coupdepouce-demo");
        var rennesBoard = new BoardPage(rennesMember);
        await rennesBoard.OpenAsync();
        await Expect(rennesMember.Locator($".request-card[data-request-id='{id}'] .request-title")).ToHaveTextAsync(title);
    }
}
