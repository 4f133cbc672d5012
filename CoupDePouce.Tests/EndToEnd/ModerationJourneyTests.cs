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
        await coordinatrice.Locator("form.hide-form button[type=submit]").ClickAsync();
        await Expect(coordinatrice.Locator(".moderation-hidden")).ToContainTextAsync("Annonce commerciale, hors charte du réseau");

        await Expect(line).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 2_000 });

        // The decision is in her coordination's moderation log, reached from her menu.
        await coordinatrice.Locator(".nav-wide").GetByRole(AriaRole.Link, new() { Name = "Journal de modération" }).ClickAsync();
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
        await Expect(member.Locator(".nav-wide").GetByRole(AriaRole.Link, new() { Name = "Journal de modération" })).ToHaveCountAsync(0);
        await member.GotoAsync("/moderation/journal");
        await Expect(member.GetByText("Le journal de modération est réservé aux coordinatrices et aux administratrices.")).ToBeVisibleAsync();
    }
}
