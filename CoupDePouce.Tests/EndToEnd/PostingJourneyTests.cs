using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class PostingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ANewMemberRegistersPostsARequestAndSeesItOnTheBoard()
    {
        var page = await browser.NewPageAsync();
        await new RegisterPage(page).RegisterAsync("Léa Fontaine", "Rennes");
        await Expect(page.Locator(".nav-drawer .nav-member")).ToHaveTextAsync("Léa Fontaine");

        var form = new PostRequestPage(page);
        await form.OpenAsync();
        var title = $"Trouver une salle pour mes ateliers {Guid.NewGuid():N}"[..60];
        await form.FillAsync("Salle ?", "Je cherche une salle lumineuse pour des ateliers de céramique le samedi.", "Entraide pratique", wholeNetwork: true);
        await form.Submit.ClickAsync();

        // Refused in French, next to the field, and nothing she typed is lost.
        await Expect(form.Problems).ToContainTextAsync("Le titre doit faire au moins 10 caractères");
        await Expect(form.Title).ToHaveValueAsync("Salle ?");
        await Expect(form.Details).ToHaveValueAsync("Je cherche une salle lumineuse pour des ateliers de céramique le samedi.");

        await form.Title.FillAsync(title);
        var id = await form.PublishAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator(".form-notice")).ToContainTextAsync("Votre demande est publiée");

        var board = new BoardPage(page);
        await board.OpenAsync();
        await Expect(board.Titles.First).ToHaveTextAsync(title);
        var card = page.Locator($".request-card[data-request-id='{id}']");
        await Expect(card).ToContainTextAsync("Léa Fontaine");
        await Expect(card).ToContainTextAsync("Rennes");
        await Expect(card).ToContainTextAsync("Entraide pratique");
        await Expect(card).ToContainTextAsync("En attente de réponse");
        await Expect(card).ToContainTextAsync("Pas encore de réponse");
        await Expect(card.Locator("time")).ToHaveTextAsync("à l'instant");

        await Live.FollowMenuAsync(page, "Mes demandes");
        await Expect(page.Locator(".request-card")).ToHaveCountAsync(1);
        await Expect(board.Titles).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task PostingWhileSignedOutLeadsToSignInAndBackToTheForm()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/demandes/nouvelle");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compte/connexion\\?ReturnUrl=%2Fdemandes%2Fnouvelle"));
        await new LoginPage(page).SignInHereAsync("isabelle.thomas@coupdepouce.demo", "coupdepouce-demo");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/demandes/nouvelle$"));
    }
}
