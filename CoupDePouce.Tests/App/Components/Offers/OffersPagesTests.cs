using Bunit;
using CoupDePouce.App.Components.Pages.HelpRequests;
using CoupDePouce.App.Components.Pages.Offers;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Offers;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.Offers;

/// <summary>« Propositions » lists what she may see, filtered by theme in the address; the posting form says the
/// Domain's refusals under their fields and keeps her text; her offers are withdrawn from « Je peux aider ».</summary>
public sealed class OffersPagesTests : ComponentTest
{
    private int _rennes;
    private int _lyon;
    private Guid _camille;
    private Guid _lea;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rennes = await Network.AddCoordinationAsync("Rennes");
        _lyon = await Network.AddCoordinationAsync("Lyon");
        _camille = await Network.AddMemberAsync(_rennes, "Camille Martin");
        _lea = await Network.AddMemberAsync(_lyon, "Léa Roux");
    }

    private DateOnly Today => Network.Get<CoupDePouce.Domain.Engagement.NetworkTimeZone>().Today(Network.Clock.GetUtcNow().UtcDateTime);

    private async Task<long> OfferAsync(Guid author, string title, int theme = 1, Visibility visibility = Visibility.Network)
    {
        var result = await Network.Get<PostOfferHandler>().HandleAsync(new PostOffer(
            author, OfferKind.TimeSlot, title, "Une heure par semaine, le jeudi matin, en visio.", theme, visibility, Today.AddDays(14)));
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private IEnumerable<string> Snackbars => Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? string.Empty);

    [Fact]
    public async Task PropositionsListsWhatSheMaySeeAndFiltersByThemeInTheAddress()
    {
        await OfferAsync(_lea, "Relire un contrat de prestation", theme: 1);
        await OfferAsync(_lea, "Relire un plan de financement", theme: 2);
        await OfferAsync(await Network.AddMemberAsync(_lyon, "Zoé Petit"), "Un créneau réservé à Lyon", visibility: Visibility.Coordination);
        SignIn(_camille);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/propositions?theme=juridique");

        var page = RenderLive<OffersPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".offer-card")));
        Assert.Equal("Relire un contrat de prestation", page.Find(".offer-title").TextContent);
        Assert.Contains("Proposée par Léa Roux (Lyon)", page.Find(".offer-meta").TextContent);
        Assert.Equal("page", page.Find(".theme-filter a[href='/propositions?theme=juridique']").GetAttribute("aria-current"));
        Assert.DoesNotContain("réservé à Lyon", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATooShortOfferIsRefusedUnderItsFieldAndHerTextStays()
    {
        SignIn(_camille);
        var page = RenderLive<PostOfferPage>();
        Context.Render<MudPopoverProvider>();
        page.WaitForElement("form.offer-form");

        await page.Find("#Title").InputAsync(new ChangeEventArgs { Value = "Relire" });
        await page.Find("#Details").InputAsync(new ChangeEventArgs { Value = "Je relis vos contrats de prestation le jeudi." });
        await page.Find("[data-submit=post-offer]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(
            "Le titre doit faire au moins 10 caractères : dites en une phrase ce que vous proposez.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Relire", page.Find("#Title").GetAttribute("value"));
        Assert.Equal(0, await Network.QueryAsync(db => db.HelpOffers.CountAsync()));
    }

    /// <summary>The offer form, live, for Camille.</summary>
    private IRenderedComponent<PostOfferPage> OfferForm()
    {
        SignIn(_camille);
        var page = RenderLive<PostOfferPage>();
        Context.Render<MudPopoverProvider>();
        page.WaitForElement("form.offer-form");
        return page;
    }

    private static string? ErrorUnder(IRenderedComponent<PostOfferPage> page, string input) =>
        page.Find(input).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    /// <summary>She fills in an offer the Domain's validator accepts, ending on <paramref name="endsOn"/> (typed in the
    /// date field, as the picker is editable).</summary>
    private async Task FillAsync(IRenderedComponent<PostOfferPage> page, DateOnly endsOn)
    {
        await page.Find("#Title").InputAsync(new ChangeEventArgs { Value = "Relire un contrat de prestation" });
        await page.Find("#Details").InputAsync(new ChangeEventArgs { Value = "Je relis vos contrats de prestation le jeudi." });
        await page.InvokeAsync(() => page.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(1));
        await page.Find(".offer-ends-on input").ChangeAsync(new ChangeEventArgs { Value = endsOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr")) });
    }

    [Fact]
    public async Task ATooShortTitleIsSaidUnderItOnceSheSends()
    {
        var page = OfferForm();

        await page.Find("#Title").InputAsync(new ChangeEventArgs { Value = "Relire" });
        Assert.Null(ErrorUnder(page, "#Title"));
        await page.Find("[data-submit=post-offer]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Le titre doit faire au moins 10 caractères : dites en une phrase ce que vous proposez.", ErrorUnder(page, "#Title")));
        Assert.Equal(0, await Network.QueryAsync(db => db.HelpOffers.CountAsync()));
    }

    [Fact]
    public async Task AnEndTooFarAheadIsRefusedUnderTheDateUntilSheChangesIt()
    {
        var page = OfferForm();
        await FillAsync(page, Today.AddDays(HelpOffer.MaxDays + 10));

        await page.Find("[data-submit=post-offer]").ClickAsync(new());

        const string refused = "Choisissez une date de fin entre aujourd'hui et dans 180 jours.";
        page.WaitForAssertion(() => Assert.Equal(refused, ErrorUnder(page, ".offer-ends-on input")));
        Assert.Equal(0, await Network.QueryAsync(db => db.HelpOffers.CountAsync()));
        Assert.Equal("Relire un contrat de prestation", page.Find("#Title").GetAttribute("value"));

        await page.Find(".offer-ends-on input").ChangeAsync(new ChangeEventArgs { Value = Today.AddDays(20).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr")) });

        page.WaitForAssertion(() => Assert.Null(ErrorUnder(page, ".offer-ends-on input")));
    }

    [Fact]
    public async Task ADoubleClickPublishesOneOffer()
    {
        var page = OfferForm();
        await FillAsync(page, Today.AddDays(20));

        var publish = page.Find("[data-submit=post-offer]");
        await Task.WhenAll(publish.ClickAsync(new()), publish.ClickAsync(new()));

        Assert.Equal(1, await Network.QueryAsync(db => db.HelpOffers.CountAsync()));
        Assert.Contains("Proposition publiée", string.Join(" ", Snackbars));
    }

    [Fact]
    public async Task SheWithdrawsHerOfferFromJePeuxAider()
    {
        await OfferAsync(_camille, "Relire un contrat de prestation");
        SignIn(_camille);

        var mine = RenderLive<MyOffers>(p => p.Add(x => x.MemberId, _camille));
        mine.WaitForAssertion(() => Assert.Single(mine.FindAll(".offer-card")));
        await mine.Find("[data-action=withdraw-offer]").ClickAsync(new());

        mine.WaitForAssertion(() => Assert.Empty(mine.FindAll(".offer-card")));
        Assert.Contains("Proposition retirée.", Snackbars);
        Assert.Empty(await Network.Get<ListOffersHandler>().HandleAsync(new ListOffers(_lea)));
    }
}

/// <summary>Beside her request, the offers of its theme; she asks one in one click and the offerer is told.</summary>
public sealed class MatchingOffersPanelTests : CoupDePouce.Tests.App.Components.HelpRequests.RequestPageTest
{
    [Fact]
    public async Task TheAskerAsksAnOffererInOneClickAndSheIsTold()
    {
        var today = Network.Get<CoupDePouce.Domain.Engagement.NetworkTimeZone>().Today(Network.Clock.GetUtcNow().UtcDateTime);
        var offer = await Network.Get<PostOfferHandler>().HandleAsync(new PostOffer(
            Helper, OfferKind.Skill, "Relire un contrat de prestation", "Je relis vos contrats de prestation le jeudi.", 1, Visibility.Network, today.AddDays(14)));
        var request = await Network.PostAsync(Asker, Visibility.Network);

        var page = Open(Asker, request);
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".matching-offers .offer-card")));
        await page.Find("[data-action=ask-offerer]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Sophie Bernard est prévenue de votre demande.", Snackbars));
        page.WaitForAssertion(() => Assert.Equal("Déjà sollicitée pour cette demande.", page.Find(".offer-asked").TextContent));
        Assert.Equal(1, await Network.QueryAsync(db => db.Notifications.CountAsync(n =>
            n.RecipientId == Helper && n.Kind == CoupDePouce.Domain.Notifications.NotificationKind.OfferAsked)));
        Assert.Equal(offer.Value, await Network.QueryAsync(db => db.OfferAsks.Select(a => a.OfferId).SingleAsync()));
    }

    [Fact]
    public async Task AnotherMemberSeesTheOffersButCannotAskForThem()
    {
        var today = Network.Get<CoupDePouce.Domain.Engagement.NetworkTimeZone>().Today(Network.Clock.GetUtcNow().UtcDateTime);
        await Network.Get<PostOfferHandler>().HandleAsync(new PostOffer(
            Helper, OfferKind.Skill, "Relire un contrat de prestation", "Je relis vos contrats de prestation le jeudi.", 1, Visibility.Network, today.AddDays(14)));
        var request = await Network.PostAsync(Asker, Visibility.Network);

        var page = Open(await Network.AddMemberAsync(Rennes, "Zoé Petit"), request, "Zoé Petit");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".matching-offers .offer-card")));
        Assert.Empty(page.FindAll("[data-action=ask-offerer]"));
    }
}
