using Bunit;
using CoupDePouce.App.Components.Pages.Moderation;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Reports;

namespace CoupDePouce.Tests.App.Components.Moderation;

public sealed class ReportsPageTests : ModerationTest
{
    [Fact]
    public async Task AMemberIsRefusedTheQueueInTheDomainsWords()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        await ReportedRequestAsync(rennes);
        var member = await Network.AddMemberAsync(rennes);
        SignIn(member);

        var page = RenderPage<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("Seules les coordinatrices", page.Find(".moderation-refusal").TextContent));
        Assert.Empty(page.FindAll(".reported-item"));
    }

    [Fact]
    public async Task ACoordinatriceOfAnotherCoordinationSeesNothingOfItsReports()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var lyon = await Network.AddCoordinationAsync("Lyon");
        await ReportedRequestAsync(rennes, "Une demande confidentielle de Rennes");
        var lyonCoordinatrice = await Network.AddMemberAsync(lyon, coordinates: lyon);
        SignIn(lyonCoordinatrice, moderates: true);

        var page = RenderPage<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("Aucun signalement en attente.", page.Markup));
        Assert.Empty(page.FindAll(".reported-item"));
        Assert.DoesNotContain("Une demande confidentielle de Rennes", page.Markup);
    }

    /// <summary>Rennes' coordinatrice on her reports queue, a reported request in it, « Traiter » clicked.</summary>
    private async Task<(IRenderedComponent<ReportsPage> Page, long Request)> ResolvingARennesReportAsync()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var request = await ReportedRequestAsync(rennes);
        SignIn(await Network.AddMemberAsync(rennes, coordinates: rennes), moderates: true);
        var page = RenderPage<ReportsPage>();
        page.WaitForElement("[data-report=resolve]").Click();
        return (page, request);
    }

    [Fact]
    public async Task ResolvingAsksForAReasonAndHidesTheRequestWithIt()
    {
        var (page, request) = await ResolvingARennesReportAsync();
        Dialogs.WaitForElement(".mud-dialog textarea[name=ResolveReason]");
        TypeInDialog("Annonce commerciale, hors charte du réseau");
        ConfirmDialog();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".reported-item")));
        var hidden = await Network.RequestAsync(request);
        Assert.True(hidden.IsHidden);
        Assert.Equal("Annonce commerciale, hors charte du réseau", hidden.HiddenReason);
        Assert.Contains("Signalements traités : le message est masqué.", Snackbars);
    }

    [Fact]
    public async Task AnEmptyReasonIsRefusedInTheDialogAndNothingIsHidden()
    {
        var (page, request) = await ResolvingARennesReportAsync();
        Dialogs.WaitForElement(".mud-dialog textarea");
        ConfirmDialog();

        Dialogs.WaitForAssertion(() => Assert.Contains("5 à 500 caractères", Dialogs.Find(".mud-dialog").TextContent));
        Assert.False((await Network.RequestAsync(request)).IsHidden);
        Assert.Single(page.FindAll(".reported-item"));
    }

    [Fact]
    public async Task CancellingTheReasonChangesNothing()
    {
        var (page, request) = await ResolvingARennesReportAsync();
        Dialogs.WaitForElement(".mud-dialog textarea");
        TypeInDialog("Annonce commerciale, hors charte du réseau");
        CancelDialog();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".mud-dialog")));
        Assert.False((await Network.RequestAsync(request)).IsHidden);
        Assert.Single(page.FindAll(".reported-item"));
        Assert.Empty(Snackbars);
    }

    [Fact]
    public async Task DismissingClosesTheReportsAndKeepsTheRequestVisible()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var request = await ReportedRequestAsync(rennes);
        SignIn(await Network.AddMemberAsync(rennes, coordinates: rennes), moderates: true);
        var page = RenderPage<ReportsPage>();

        page.WaitForElement("[data-report=dismiss]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".reported-item")));
        Assert.False((await Network.RequestAsync(request)).IsHidden);
        Assert.Contains("Signalements rejetés : le message reste visible.", Snackbars);
    }

    /// <summary>A member's request in the coordination, reported once by another member.</summary>
    private async Task<long> ReportedRequestAsync(int coordinationId, string title = "Vends mes formations, contactez-moi")
    {
        var author = await Network.AddMemberAsync(coordinationId);
        var reporter = await Network.AddMemberAsync(coordinationId);
        var request = await Network.PostAsync(author, Visibility.Coordination, title);
        var reported = await Network.Get<ReportContentHandler>().HandleAsync(new ReportContent(reporter, request, null, ReportReason.Spam));
        Assert.True(reported.Succeeded);
        return request;
    }
}
