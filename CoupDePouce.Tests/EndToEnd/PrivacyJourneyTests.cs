using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>From « Paramètres », a member downloads her data and then deletes her account, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task SheDownloadsHerDataFromHerSettingsThenDeletesHerAccountAndCannotSignInAgain()
    {
        var page = await browser.NewPageAsync(width: 1200);
        var email = await new RegisterPage(page).RegisterAsync("Hélène Départ", "Rennes");
        await page.GotoAsync("/parametres");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes données" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger mes données (JSON)" }).ClickAsync());
        Assert.StartsWith("coupdepouce-mes-donnees-", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Contains("Hélène Départ", await File.ReadAllTextAsync(saved));

        await page.GetByRole(AriaRole.Link, new() { Name = "Supprimer mon compte…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Supprimer mon compte" })).ToBeVisibleAsync();
        await page.GetByLabel("Votre mot de passe").FillAsync(RegisterPage.Password);
        await page.GetByLabel("J'ai compris : mon compte sera supprimé définitivement.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer définitivement mon compte" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre compte est supprimé" })).ToBeVisibleAsync();
        // Signing in again fails as for an address nobody uses (the login page's own form, not its helper, which
        // waits for the way in).
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(RegisterPage.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Adresse e-mail ou mot de passe incorrect.");
    }
}
