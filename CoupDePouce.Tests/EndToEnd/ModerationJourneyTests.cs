using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>A coordinatrice keeps her board healthy, and every open screen follows at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModerationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ARequestHiddenByItsCoordinatriceDisappearsLiveFromAMembersBoardAndItsAuthorSeesWhy()
    {
        // Isabelle (Rennes) posts; Sophie (Rennes) watches her board.
        var author = await browser.SignedInAsync("isabelle.thomas@coupdepouce.demo");
        var form = new PostRequestPage(author);
        await form.OpenAsync();
        var title = $"Vends mes formations {Guid.NewGuid():N}"[..36];
        await form.FillAsync(title, "Promotion exceptionnelle sur toutes mes formations, contactez-moi vite.", "Autre", wholeNetwork: true);
        var id = await form.PublishAsync();

        var member = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo");
        await new BoardPage(member).OpenAsync();
        var line = member.Locator($".request-card[data-request-id='{id}']");
        await Expect(line).ToBeVisibleAsync();

        // Rennes' coordinatrice hides it, saying why.
        var coordinatrice = await browser.SignedInAsync("coord.rennes@coupdepouce.demo");
        await new RequestPage(coordinatrice).OpenAsync(id);
        await coordinatrice.Locator("[data-moderation=hide]").ClickAsync();
        await coordinatrice.Locator("textarea[name=HideReason]").FillAsync("Annonce commerciale, hors charte du réseau");
        await coordinatrice.Locator(".reason-dialog [data-dialog=confirm]").ClickAsync();
        await Expect(coordinatrice.Locator(".moderation-hidden")).ToContainTextAsync("Annonce commerciale, hors charte du réseau");

        await Expect(line).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 2_000 });

        // The decision is in her coordination's moderation log, reached from her menu.
        await coordinatrice.Locator(".nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Journal de modération" }).ClickAsync();
        var logged = coordinatrice.Locator("table.moderation-log tbody tr").First;
        await Expect(logged).ToContainTextAsync("Demande masquée");
        await Expect(logged).ToContainTextAsync(title);
        await Expect(logged).ToContainTextAsync("Annonce commerciale, hors charte du réseau");

        // Isabelle still sees her request, marked hidden with the reason, and her notifications say so.
        await new RequestPage(author).OpenAsync(id);
        await Expect(author.Locator(".moderation-hidden")).ToContainTextAsync("Annonce commerciale, hors charte du réseau");
        await author.GotoAsync("/notifications");
        await Expect(author.GetByText($"Votre demande « {title} » a été masquée par une coordinatrice.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AMemberSeesNoModerationToolsAndACoordinatriceOfAnotherCoordinationNeither()
    {
        var author = await browser.SignedInAsync("nathalie.dubois@coupdepouce.demo");
        var form = new PostRequestPage(author);
        await form.OpenAsync();
        await form.FillAsync($"Question pour tout le réseau {Guid.NewGuid():N}"[..40], "Qui connaît une bonne assurance pour une micro-entreprise ?", "Autre", wholeNetwork: true);
        var id = await form.PublishAsync();

        var member = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo");
        await new RequestPage(member).OpenAsync(id);
        var otherCoordinatrice = await browser.SignedInAsync("coord.lyon@coupdepouce.demo");
        await new RequestPage(otherCoordinatrice).OpenAsync(id);

        await Expect(member.Locator(".moderation-panel")).ToHaveCountAsync(0);
        await Expect(otherCoordinatrice.Locator(".moderation-panel")).ToHaveCountAsync(0);

        // Nor the log: no menu entry, and its address says politely that it is not for her.
        await Expect(member.Locator(".nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Journal de modération" })).ToHaveCountAsync(0);
        await member.GotoAsync("/moderation/journal");
        await Expect(member.GetByText("Le journal de modération est réservé aux coordinatrices et aux administratrices.")).ToBeVisibleAsync();
    }

    /// <summary>The count in « Signalements (n) », 0 when the link shows none.</summary>
    private static async Task<int> WaitingAsync(ILocator link)
    {
        var match = System.Text.RegularExpressions.Regex.Match(await link.InnerTextAsync(), @"\((\d+)\)");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [Fact]
    public async Task AReportedAnswerReachesTheCoordinatricesQueueAndOnceResolvedDisappearsLiveForTheReporter()
    {
        // Isabelle (Rennes) asks the network; Julie (Lyon) answers.
        var asker = await browser.SignedInAsync("isabelle.thomas@coupdepouce.demo");
        var form = new PostRequestPage(asker);
        await form.OpenAsync();
        await form.FillAsync($"Un avis sur mon site vitrine {Guid.NewGuid():N}"[..40], "Mon site vitrine est-il assez clair pour mes futures clientes ?", "Autre", wholeNetwork: true);
        var id = await form.PublishAsync();
        var helper = await browser.SignedInAsync("julie.durand@coupdepouce.demo");
        var helperView = new RequestPage(helper);
        await helperView.OpenAsync(id);
        var words = $"Votre site est nul, achetez plutôt mes services {Guid.NewGuid():N}"[..60];
        await helperView.AnswerAsync(words);

        // Lyon's coordinatrice (Julie's coordination) has her board open; her menu counts what waits for her.
        var coordinatrice = await browser.SignedInAsync("coord.lyon@coupdepouce.demo");
        await Live.WaitAsync(coordinatrice);
        var reportsLink = coordinatrice.Locator(".nav-drawer a[href='/moderation/signalements']");
        var waitingBefore = await WaitingAsync(reportsLink);

        // Sophie (Rennes) reports the answer as unkind.
        var reporter = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo");
        var reporterView = new RequestPage(reporter);
        await reporterView.OpenAsync(id);
        var answerId = await reporterView.Message(words).GetAttributeAsync("data-answer-id");
        var answer = reporter.Locator($".thread-message[data-answer-id='{answerId}']");
        await answer.Locator(".report-button").ClickAsync();
        await answer.GetByLabel("Propos blessants ou irrespectueux").CheckAsync();
        await answer.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();
        await Expect(answer.Locator(".report-sent")).ToContainTextAsync("Merci");

        // Her menu's count rises while her page stays open; she finds the answer in her queue and agrees.
        await Expect(reportsLink).ToHaveTextAsync($"Signalements ({waitingBefore + 1})");
        await coordinatrice.GotoAsync("/moderation/signalements");
        await Live.WaitAsync(coordinatrice);
        var item = coordinatrice.Locator($".reported-item:has([data-answer-id='{answerId}'])");
        await Expect(item).ToContainTextAsync("Propos blessants ou irrespectueux : 1");
        await item.Locator("[data-report=resolve]").ClickAsync();
        var dialog = coordinatrice.Locator(".mud-dialog");
        await dialog.Locator("textarea[name=ResolveReason]").FillAsync("Propos blessants envers une membre");
        await dialog.Locator("[data-dialog=confirm]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(coordinatrice.Locator(".mud-snackbar-content-message")).ToHaveTextAsync("Signalements traités : le message est masqué.");
        await Expect(item).ToHaveCountAsync(0);
        await Expect(reportsLink).ToHaveTextAsync(waitingBefore == 0 ? "Signalements" : $"Signalements ({waitingBefore})");

        // Sophie's open page follows at once; Julie sees her answer marked hidden, with the reason.
        await Expect(answer.Locator(".answer-hidden")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 2_000 });
        await Expect(answer).Not.ToContainTextAsync(words);
        await helperView.OpenAsync(id);
        await Expect(helperView.Message(words).Locator(".answer-hidden-note")).ToContainTextAsync("Propos blessants envers une membre");
    }

    [Fact]
    public async Task AnAdminCreatesACoordinationAndGivesItACoordinatrice()
    {
        var admin = await browser.SignedInAsync("admin@coupdepouce.demo");
        await admin.Locator(".nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Coordinations" }).ClickAsync();
        await admin.WaitForURLAsync("**/admin/coordinations", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Live.WaitAsync(admin);
        var name = $"Nantes {Guid.NewGuid():N}"[..15];
        var create = admin.Locator(".coordination-create");
        await create.Locator("input[name=Name-new]").FillAsync(name);
        await create.Locator("input[name=Region-new]").FillAsync("Pays de la Loire");
        await create.Locator("input[name=Country-new]").FillAsync("France");
        await create.Locator("[data-coordination=create]").ClickAsync();
        await Expect(admin.Locator(".mud-snackbar-content-message")).ToContainTextAsync($"Coordination « {name} » créée.");

        var created = admin.Locator(".managed-coordination").Filter(new() { HasText = name });
        await created.Locator("input[name=AssignEmail]").FillAsync("anne.michel@coupdepouce.demo");
        await created.Locator("[data-coordination=assign]").ClickAsync();
        await Expect(created.Locator(".coordinatrices")).ToContainTextAsync("anne.michel@coupdepouce.demo");

        // A member cannot reach it: the page says so and shows nothing to change.
        var member = await browser.SignedInAsync("sarah.bertrand@coupdepouce.demo");
        await Expect(member.Locator(".nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Coordinations" })).ToHaveCountAsync(0);
        await member.GotoAsync("/admin/coordinations");
        await Expect(member.GetByText("Seules les administratrices gèrent les coordinations.")).ToBeVisibleAsync();
        await Expect(member.Locator(".managed-coordination")).ToHaveCountAsync(0);
    }
}
