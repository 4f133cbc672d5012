using CoupDePouce.App.Components.Pages.Dashboard;
using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>The admin reads how mutual aid goes, live; a coordinatrice reads her coordination and no other.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheAdminReadsTheNetworksFiguresTableAndChartsAndTheyFollowANewRequestLive()
    {
        var admin = await browser.SignedInAsync("admin@coupdepouce.demo", width: 1280);
        await admin.GotoAsync("/");
        await admin.Locator(".nav-drawer").GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Tableau de bord du réseau");
        await Expect(admin.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);

        await Expect(admin.Locator(".figure-card")).ToHaveCountAsync(DashboardMetric.All.Count);
        // One row per coordination she may choose (other tests on this server may add coordinations).
        var coordinations = await admin.Locator("select[name=coordination] option").CountAsync() - 1;
        Assert.True(coordinations >= 7);
        await Expect(admin.Locator(".coordinations-table tbody tr")).ToHaveCountAsync(coordinations);
        await Expect(admin.Locator(".coordinations-table tfoot")).ToContainTextAsync("Réseau (total)");
        foreach (var chart in new[] { "activity", "delays", "themes" })
        {
            await Expect(admin.Locator($".chart[data-chart={chart}] svg").First).ToBeVisibleAsync();
        }

        // The last 7 days, then someone posts: the headline counts her request within a few seconds.
        await admin.Locator("[data-preset='7']").ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("periode=7", StringComparison.Ordinal));
        await Expect(admin.Locator("[data-preset='7']")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(admin.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);
        var requests = admin.Locator(".figure-card[data-metric=demandes] .figure-value");
        var before = int.Parse(await requests.InnerTextAsync(), System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

        var member = await browser.SignedInAsync("julie.durand@coupdepouce.demo");
        var form = new PostRequestPage(member);
        await form.OpenAsync();
        await form.FillAsync($"Un atelier sur les devis {Guid.NewGuid():N}"[..36], "Qui voudrait relire mes devis et mes conditions générales de vente ?", "Autre", wholeNetwork: true);
        await form.PublishAsync();

        await Expect(requests).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task ACoordinatriceReadsHerCoordinationButNotAnothersNorItsExportThroughTheAddress()
    {
        var admin = await browser.SignedInAsync("admin@coupdepouce.demo");
        await admin.GotoAsync("/tableau-de-bord");
        var rennes = await admin.Locator("select[name=coordination] option", new() { HasText = "Rennes" }).GetAttributeAsync("value");

        var lyon = await browser.SignedInAsync("coord.lyon@coupdepouce.demo");
        await lyon.GotoAsync("/tableau-de-bord");
        await Expect(lyon.Locator("h1")).ToHaveTextAsync("Tableau de bord · Lyon");
        await Expect(lyon.Locator(".figure-card")).ToHaveCountAsync(DashboardMetric.All.Count);
        await Expect(lyon.Locator("select[name=coordination]")).ToHaveCountAsync(0);

        await lyon.GotoAsync($"/tableau-de-bord?coordination={rennes}");
        await Expect(lyon.GetByText("Ce tableau de bord n'est pas disponible.")).ToBeVisibleAsync();
        await Expect(lyon.Locator(".figure-card")).ToHaveCountAsync(0);

        var export = await lyon.Context.APIRequest.GetAsync($"/tableau-de-bord/export/coordinations.csv?coordination={rennes}&periode=90");
        Assert.Equal(403, export.Status);
        Assert.Equal("Ce tableau de bord n'est pas disponible.", await export.TextAsync());
    }

    [Fact]
    public async Task ACoordinatriceProposesARequestThatWaitsToHerSkilledMembersInOneClick()
    {
        var rennes = await browser.SignedInAsync("coord.rennes@coupdepouce.demo");
        await rennes.GotoAsync("/tableau-de-bord");
        await Expect(rennes.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);
        var line = rennes.Locator(".relaunch-line", new() { Has = rennes.Locator("[data-action=propose]") }).First;
        var id = await line.GetAttributeAsync("data-request-id");

        await line.Locator("[data-action=propose]").ClickAsync();

        var proposed = rennes.Locator($".relaunch-line[data-request-id='{id}']");
        await Expect(proposed).ToContainTextAsync("Proposée à");
        await Expect(rennes.Locator(".mud-snackbar")).ToContainTextAsync("Demande proposée à");
        await Expect(proposed.Locator("[data-action=propose]")).ToHaveCountAsync(0);
    }
}
