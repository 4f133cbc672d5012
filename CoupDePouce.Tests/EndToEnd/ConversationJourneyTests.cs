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
        // Her words are in the title: marked there (the snippet shows the details, which hold none of them).
        await Expect(hit.Locator(".request-title mark").First).ToBeVisibleAsync();
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
        // Nothing moves as she types: no rule speaks under her first letters (FormRules), the box keeps its room.
        async Task<double> DetailsAtAsync() => (await form.Details.BoundingBoxAsync())!.Y;
        var before = await DetailsAtAsync();

        await form.Title.PressSequentiallyAsync("ogiciel de facturation");
        await Expect(suggestions.Locator("li").First).ToContainTextAsync("Logiciel de facturation simple pour une auto-entrepreneuse");
        Assert.Equal(before, await DetailsAtAsync());

        // Nothing close: it says so, in the same room.
        await form.Title.FillAsync("zzzz qwxv");
        await Expect(suggestions).ToContainTextAsync("Aucune demande proche de la vôtre pour l'instant.");
        Assert.Equal(before, await DetailsAtAsync());
    }

    /// <summary>How late the server's renders reach her screen in <see cref="EveryKeystrokeIsKeptInTheRequestPagesFieldsWhenTheServerAnswersLate"/>:
    /// a phone far from the server; an input that writes a late render back over her typing loses letters at once.</summary>
    private static readonly TimeSpan Lag = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task EveryKeystrokeIsKeptInTheRequestPagesFieldsWhenTheServerAnswersLate()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var (page, form) = await JulieOnThePostingFormAsync(width: 390, Lag);
        await form.FillAsync($"Tarifs d'une première formation {token}", "Combien facturer une demi-journée de formation ?", "Commercial & prospection", wholeNetwork: true);
        var id = await form.PublishAsync();
        var view = new RequestPage(page);
        await view.ArrivedAsync(id);

        // Her precision in the thread, typed key by key as fast as a machine can.
        var precision = "Je vise des TPE, plutôt en présentiel, à Lyon et alentours.";
        await view.AnswerBox.PressSequentiallyAsync(precision);
        await KeepsAsync(view.AnswerBox, precision);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Envoyer" }).ClickAsync();
        var message = view.Message(precision);
        await Expect(message).ToBeVisibleAsync();

        // Editing it.
        await message.Locator("[data-action=edit-answer]").ClickAsync();
        var answerEdit = page.Locator("textarea[name=EditAnswerBody]");
        await answerEdit.PressAsync("Control+End");
        await answerEdit.PressSequentiallyAsync(" Budget : 300 € au plus.");
        await KeepsAsync(answerEdit, precision + " Budget : 300 € au plus.");
        await page.Locator("[data-submit=edit-answer]").ClickAsync();
        await Expect(view.Message("Budget : 300 € au plus.")).ToBeVisibleAsync();

        // Editing the request's title and details.
        await page.Locator("[data-action=edit]").ClickAsync();
        var title = page.Locator("input[name=EditTitle]");
        await title.PressAsync("End");
        await title.PressSequentiallyAsync(" (TPE lyonnaises)");
        await KeepsAsync(title, $"Tarifs d'une première formation {token} (TPE lyonnaises)");
        var details = page.Locator("textarea[name=EditDetails]");
        await details.PressAsync("Control+End");
        await details.PressSequentiallyAsync(" Et une journée entière ?");
        await KeepsAsync(details, "Combien facturer une demi-journée de formation ? Et une journée entière ?");
        await page.Locator("[data-submit=edit-request]").ClickAsync();
        await Expect(page.Locator("#request-title")).ToHaveTextAsync($"Tarifs d'une première formation {token} (TPE lyonnaises)");

        // Her coordinatrice's reason for hiding it, in the dialog.
        var coordinatrice = await browser.SignedInAsync("coord.lyon@coupdepouce.demo");
        await SlowNetwork.OnAsync(coordinatrice, Lag);
        await new RequestPage(coordinatrice).OpenAsync(id);
        await coordinatrice.Locator("[data-moderation=hide]").ClickAsync();
        var reason = coordinatrice.Locator("textarea[name=HideReason]");
        await reason.PressSequentiallyAsync("Demande de test, à refaire avec le bon thème");
        await KeepsAsync(reason, "Demande de test, à refaire avec le bon thème");
        await coordinatrice.Locator(".mud-dialog [data-dialog=confirm]").ClickAsync();
        await Expect(coordinatrice.Locator(".moderation-hidden")).ToContainTextAsync("Demande de test, à refaire avec le bon thème");
    }

    /// <summary>The field holds every letter she typed, also once the server's late renders of her typing have all
    /// arrived (a lost letter shows then, not at once).</summary>
    private static async Task KeepsAsync(ILocator field, string typed)
    {
        await Expect(field).ToHaveValueAsync(typed);
        await Task.Delay(Lag * 4);
        Assert.Equal(typed, await field.InputValueAsync());
    }

    [Fact]
    public async Task QuotesAndInlineCodeInAnAnswerLookLikeQuotesAndCode()
    {
        var (page, form) = await JulieOnThePostingFormAsync(width: 1200);
        await form.FillAsync($"Formule Excel pour ma TVA {Guid.NewGuid():N}"[..36], "Quelle formule pour calculer la TVA ?", "Comptabilité & gestion", wholeNetwork: true);
        var id = await form.PublishAsync();
        var view = new RequestPage(page);
        await view.ArrivedAsync(id);

        await view.AnswerBox.FillAsync("> Quelle formule pour calculer la TVA ?\n\nJ'utilise `=A1*0,2` dans mon tableur.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Envoyer" }).ClickAsync();
        await Expect(view.Message("dans mon tableur")).ToBeVisibleAsync();

        var quote = view.Message("J'utilise").Locator(".markdown blockquote");
        Assert.NotEqual("0px", await quote.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftWidth"));
        Assert.Contains("monospace", await view.Message("J'utilise").Locator(".markdown code").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));
    }

    private async Task<(IPage Page, PostRequestPage Form)> JulieOnThePostingFormAsync(int width, TimeSpan? lag = null)
    {
        var page = await browser.NewPageAsync(width: width);
        await new LoginPage(page).SignInAsync("julie.durand@coupdepouce.demo", "coupdepouce-demo");
        if (lag is { } late)
        {
            await SlowNetwork.OnAsync(page, late);
        }

        var form = new PostRequestPage(page);
        await form.OpenAsync();
        return (page, form);
    }
}
