using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ConversationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task APostsBAnswersAMarksItHelpfulAndBothSeeItResolved()
    {
        var token = "jeton" + Guid.NewGuid().ToString("N")[..8];
        var asker = await browser.NewPageAsync(width: 1200);
        await new RegisterPage(asker).RegisterAsync("Anaïs Demandeuse", "Rennes");
        var form = new PostRequestPage(asker);
        await form.OpenAsync();
        await form.FillAsync($"Question de comptabilité {token}", "Comment **bien** tenir mes comptes la première année ?", "Comptabilité & gestion", wholeNetwork: true);
        var id = await form.PublishAsync();
        await Expect(asker.Locator(".request-details strong")).ToHaveTextAsync("bien");

        // B, in another coordination, finds it by searching without the accent, and answers.
        var helper = await browser.NewPageAsync(width: 1200);
        await new RegisterPage(helper).RegisterAsync("Bérénice Aidante", "Lyon");
        await helper.GotoAsync($"/?q=comptabilite+{token}");
        await Live.WaitAsync(helper);
        var hit = helper.Locator($".request-card[data-request-id='{id}']");
        await Expect(hit).ToBeVisibleAsync();
        await Expect(hit.Locator(".snippet mark").First).ToBeVisibleAsync();
        await hit.Locator(".request-title a").ClickAsync();
        var helperView = new RequestPage(helper);
        await helperView.ArrivedAsync(id);
        await helperView.AnswerAsync("Un tableur simple suffit au début, puis un logiciel de facturation.");
        await Expect(helperView.Status).ToHaveTextAsync("Répondue");

        // A sees the answer, says it helped: resolved.
        var askerView = new RequestPage(asker);
        await askerView.OpenAsync(id);
        var answer = askerView.Message("Un tableur simple suffit");
        await Expect(answer).ToContainTextAsync("Bérénice Aidante");
        await answer.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Ça m'a aidée" }).ClickAsync();
        await Expect(askerView.Status).ToHaveTextAsync("Résolue");
        await Expect(answer.Locator(".helpful-mark")).ToBeVisibleAsync();

        // B sees it resolved too, her answer credited, and her bell says so.
        await helperView.OpenAsync(id);
        await Expect(helperView.Status).ToHaveTextAsync("Résolue");
        await Expect(helperView.Message("Un tableur simple suffit").Locator(".helpful-mark")).ToBeVisibleAsync();
        await Expect(helper.Locator(".header-bell .bell-count")).ToHaveTextAsync("1");
        await helper.Locator(".header-bell .bell").ClickAsync();
        await Expect(helper.Locator(".notification").First).ToContainTextAsync("Anaïs Demandeuse dit que votre réponse l'a aidée");
    }

    [Fact]
    public async Task SimilarRequestsAreSuggestedWhileSheTypesATitle()
    {
        var (page, form) = await JulieOnThePostingFormAsync(width: 1200);

        await form.Title.PressSequentiallyAsync("logiciel de facturation");

        // Typed key by key, as fast as a machine can: not one character is lost.
        await Expect(form.Title).ToHaveValueAsync("logiciel de facturation");
        var suggestions = page.Locator(".suggestions li");
        await Expect(suggestions.First).ToContainTextAsync("Logiciel de facturation simple pour une auto-entrepreneuse");
        Assert.InRange(await suggestions.CountAsync(), 1, 3);
    }

    [Fact]
    public async Task OnAPhoneTheFieldsUnderTheTitleStayPutWhenSuggestionsArrive()
    {
        var (page, form) = await JulieOnThePostingFormAsync(width: 390);
        var suggestions = page.Locator(".suggestions");
        await Expect(suggestions).ToHaveCountAsync(0);

        // The box takes its place with her first letter, and says what it is for.
        await form.Title.PressSequentiallyAsync("l");
        await Expect(suggestions).ToContainTextAsync("Les demandes proches de la vôtre s'afficheront ici");
        var detailsBefore = await form.Details.BoundingBoxAsync();

        await form.Title.PressSequentiallyAsync("ogiciel de facturation");
        await Expect(suggestions.Locator("li").First).ToContainTextAsync("Logiciel de facturation simple pour une auto-entrepreneuse");
        Assert.Equal(detailsBefore!.Y, (await form.Details.BoundingBoxAsync())!.Y);

        // Nothing close: it says so, in the same room.
        await form.Title.FillAsync("zzzz qwxv");
        await Expect(suggestions).ToContainTextAsync("Aucune demande proche de la vôtre pour l'instant.");
        Assert.Equal(detailsBefore.Y, (await form.Details.BoundingBoxAsync())!.Y);
    }

    private async Task<(IPage Page, PostRequestPage Form)> JulieOnThePostingFormAsync(int width)
    {
        var page = await browser.NewPageAsync(width: width);
        await new LoginPage(page).SignInAsync("julie.durand@coupdepouce.demo", "coupdepouce-demo");
        var form = new PostRequestPage(page);
        await form.OpenAsync();
        return (page, form);
    }
}
