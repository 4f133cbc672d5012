using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Offers;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Offers;

/// <summary>« Je propose un coup de pouce »: offers follow the requests' own visibility, show beside a request of their
/// theme, and the asker asks an offerer once, who is told.</summary>
public abstract class OffersTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : OffersTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : OffersTests(DatabaseProvider.Postgres);

    private const int Legal = 1;
    private const int Funding = 2;

    private Guid _offerer;
    private Guid _asker;
    private Guid _lyonMember;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _offerer = await Network.AddMemberAsync(Rennes, "Camille");
        _asker = await Network.AddMemberAsync(Rennes, "Inès");
        _lyonMember = await Network.AddMemberAsync(Lyon, "Léa");
    }

    [Fact]
    public async Task AnOfferShowsInPropositionsUntilItsLastDay()
    {
        var offer = await OfferAsync(_offerer, Visibility.Network, days: 10);

        Assert.Equal([offer], (await ListAsync(_lyonMember)).Select(o => o.Id));
        Network.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal([offer], (await ListAsync(_lyonMember)).Select(o => o.Id));
        Network.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await ListAsync(_lyonMember));
    }

    [Fact]
    public async Task ACoordinationOnlyOfferNeverLeavesItsCoordination()
    {
        var offer = await OfferAsync(_offerer, Visibility.Coordination);
        var lyonRequest = await Network.PostAsync(_lyonMember, Visibility.Network, "Une question de droit posée à Lyon");

        Assert.Equal([offer], (await ListAsync(_asker)).Select(o => o.Id));
        Assert.Empty(await ListAsync(_lyonMember));
        Assert.Empty((await MatchingAsync(_lyonMember, lyonRequest)).Offers);
        var asking = await Network.Get<AskOffererHandler>().HandleAsync(new AskOfferer(_lyonMember, lyonRequest, offer));
        Assert.Equal(FailureKind.NotFound, asking.Failure);
    }

    [Fact]
    public async Task ARequestShowsTheOffersOfItsThemeAndItsAskerAsksOneOnceAndTheOffererIsTold()
    {
        var legal = await OfferAsync(_offerer, Visibility.Network, theme: Legal);
        await OfferAsync(await Network.AddMemberAsync(Rennes, "Zoé"), Visibility.Network, theme: Funding, title: "Relire un plan de financement");
        var request = await Network.PostAsync(_asker, Visibility.Coordination);

        var matching = await MatchingAsync(_asker, request);
        Assert.Equal([legal], matching.Offers.Select(o => o.Offer.Id));
        Assert.True(matching.CanAsk);
        Assert.False((await MatchingAsync(_lyonMember, request)).CanAsk);

        var ask = Network.Get<AskOffererHandler>();
        Assert.True((await ask.HandleAsync(new AskOfferer(_asker, request, legal))).Succeeded);
        var again = await ask.HandleAsync(new AskOfferer(_asker, request, legal));

        Assert.Equal("Vous avez déjà sollicité cette proposition pour cette demande.", again.Problems.Single().Message);
        Assert.True(Assert.Single((await MatchingAsync(_asker, request)).Offers).Asked);
        Assert.Equal(1, await Network.QueryAsync(db => db.Notifications.CountAsync(n =>
            n.RecipientId == _offerer && n.Kind == NotificationKind.OfferAsked && n.HelpRequestId == request && n.LastActorId == _asker)));
        Assert.Equal(1, await Network.QueryAsync(db => db.OfferAsks.CountAsync()));
    }

    [Fact]
    public async Task AnOffererWhoCannotReadACoordinationOnlyRequestIsNotShownBesideItNorAsked()
    {
        var lyonOffer = await OfferAsync(_lyonMember, Visibility.Network);
        var request = await Network.PostAsync(_asker, Visibility.Coordination);

        Assert.Empty((await MatchingAsync(_asker, request)).Offers);
        var asking = await Network.Get<AskOffererHandler>().HandleAsync(new AskOfferer(_asker, request, lyonOffer));

        Assert.Equal("Cette membre ne peut pas lire votre demande, réservée à votre coordination.", asking.Problems.Single().Message);
        Assert.Equal(0, await Network.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == _lyonMember)));
    }

    [Fact]
    public async Task OnlyTheAskerAsksForAnOfferOnHerRequest()
    {
        var offer = await OfferAsync(_offerer, Visibility.Network);
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var byAnother = await Network.Get<AskOffererHandler>().HandleAsync(new AskOfferer(_lyonMember, request, offer));

        Assert.Equal(FailureKind.Forbidden, byAnother.Failure);
        Assert.Equal(0, await Network.QueryAsync(db => db.OfferAsks.CountAsync()));
    }

    [Fact]
    public async Task SheDoesNotAskHerOwnOfferOnHerRequest()
    {
        var offer = await OfferAsync(_asker, Visibility.Network);
        var request = await Network.PostAsync(_asker, Visibility.Network);

        Assert.Empty((await MatchingAsync(_asker, request)).Offers);
        var asking = await Network.Get<AskOffererHandler>().HandleAsync(new AskOfferer(_asker, request, offer));

        Assert.Equal(FailureKind.NotFound, asking.Failure);
        Assert.Equal(0, await Network.QueryAsync(db => db.OfferAsks.CountAsync()));
    }

    [Fact]
    public async Task SheStillWithdrawsACoordinationOnlyOfferAfterMovingToAnotherCoordination()
    {
        var offer = await OfferAsync(_offerer, Visibility.Coordination);
        // Her move approved (as MoveCoordination does it): she is a member of Lyon now.
        Assert.Equal(1, await Network.QueryAsync(db => db.Members.Where(m => m.Id == _offerer).ExecuteUpdateAsync(u => u.SetProperty(m => m.HomeCoordinationId, Lyon))));

        Assert.True((await Network.Get<WithdrawOfferHandler>().HandleAsync(new WithdrawOffer(_offerer, offer))).Succeeded);
        Assert.Empty(await ListAsync(_asker));
    }

    [Fact]
    public async Task SheWithdrawsHerOfferAndNobodyElseCan()
    {
        var offer = await OfferAsync(_offerer, Visibility.Network);
        var withdraw = Network.Get<WithdrawOfferHandler>();

        var byAnother = await withdraw.HandleAsync(new WithdrawOffer(_asker, offer));
        Assert.Equal(FailureKind.Forbidden, byAnother.Failure);
        Assert.Single(await ListAsync(_asker));

        Assert.True((await withdraw.HandleAsync(new WithdrawOffer(_offerer, offer))).Succeeded);
        Assert.Empty(await ListAsync(_asker));
        Assert.Empty(await Network.Get<ListOffersHandler>().MineAsync(_offerer));
    }

    [Theory]
    [InlineData("Relire", "Je peux relire vos contrats de prestation.", 10, "Title", "Le titre doit faire au moins 10 caractères : dites en une phrase ce que vous proposez.")]
    [InlineData("Relire un contrat de prestation", "Court", 10, "Details", "Les précisions doivent faire au moins 20 caractères, pour que les membres sachent ce que vous proposez.")]
    [InlineData("Relire un contrat de prestation", "Je peux relire vos contrats de prestation.", -1, "EndsOn", "Choisissez une date de fin entre aujourd'hui et dans 180 jours.")]
    [InlineData("Relire un contrat de prestation", "Je peux relire vos contrats de prestation.", 181, "EndsOn", "Choisissez une date de fin entre aujourd'hui et dans 180 jours.")]
    public async Task ABadOfferIsRefusedUnderItsFieldAndNothingIsStored(string title, string details, int days, string field, string message)
    {
        var result = await Network.Get<PostOfferHandler>().HandleAsync(new PostOffer(
            _offerer, OfferKind.Skill, title, details, Legal, Visibility.Network, Today().AddDays(days)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((field, message), (problem.Field, problem.Message));
        Assert.Equal(0, await Network.QueryAsync(db => db.HelpOffers.CountAsync()));
    }

    [Fact]
    public async Task APendingMemberOffersOnlyToTheNetwork()
    {
        var pending = await Network.AddMemberAsync(Rennes, "En attente", pending: true);

        var result = await Network.Get<PostOfferHandler>().HandleAsync(new PostOffer(
            pending, OfferKind.TimeSlot, "Une heure le jeudi matin", "Je peux donner une heure le jeudi matin.", Legal, Visibility.Coordination, Today().AddDays(5)));

        Assert.Equal(nameof(PostOffer.Visibility), Assert.Single(result.Problems).Field);
    }

    private DateOnly Today() => Network.Get<CoupDePouce.Domain.Engagement.NetworkTimeZone>().Today(Network.Clock.GetUtcNow().UtcDateTime);

    private async Task<long> OfferAsync(Guid author, Visibility visibility, int theme = Legal, int days = 30, string title = "Relire un contrat de prestation")
    {
        var result = await Network.Get<PostOfferHandler>().HandleAsync(new PostOffer(
            author, OfferKind.Skill, title, "Je peux relire vos contrats et vos conditions générales.", theme, visibility, Today().AddDays(days)));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Value;
    }

    private Task<IReadOnlyList<OfferLine>> ListAsync(Guid viewer) => Network.Get<ListOffersHandler>().HandleAsync(new ListOffers(viewer));

    private Task<MatchingOffers> MatchingAsync(Guid viewer, long request) =>
        Network.Get<ListMatchingOffersHandler>().HandleAsync(new ListMatchingOffers(viewer, request));
}
