using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Limits;
using CoupDePouce.Domain.Reports;
using CoupDePouce.Domain.Search;
using CoupDePouce.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain.Limits;

/// <summary>A member who does the same thing too often in a short time is stopped, kindly, and nothing is saved.</summary>
public sealed class MemberLimitsTests : IAsyncLifetime
{
    private readonly CultureScope _culture = CultureScope.French();
    private TestNetwork _network = default!;
    private int _rennes;
    private Guid _sophie;
    private Guid _claire;

    public async Task InitializeAsync()
    {
        _network = await TestNetwork.CreateAsync(services => services.Configure<LimitOptions>(limits =>
        {
            limits.Requests = new ActionLimit { PermitLimit = 2, Window = TimeSpan.FromHours(1) };
            limits.Answers = new ActionLimit { PermitLimit = 2, Window = TimeSpan.FromHours(1) };
            limits.Reports = new ActionLimit { PermitLimit = 1, Window = TimeSpan.FromHours(1) };
            limits.Thanks = new ActionLimit { PermitLimit = 2, Window = TimeSpan.FromHours(1) };
            limits.Searches = new ActionLimit { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) };
            limits.Offers = new ActionLimit { PermitLimit = 2, Window = TimeSpan.FromHours(1) };
        }));
        _rennes = await _network.AddCoordinationAsync("Rennes");
        _sophie = await _network.AddMemberAsync(_rennes, "Sophie");
        _claire = await _network.AddMemberAsync(_rennes, "Claire");
    }

    public async Task DisposeAsync()
    {
        await _network.DisposeAsync();
        _culture.Dispose();
    }

    [Fact]
    public async Task AThirdRequestWithinTheHourIsRefusedWithAFrenchMessageAndNotPosted()
    {
        await _network.PostAsync(_sophie, Visibility.Coordination);
        await _network.PostAsync(_sophie, Visibility.Coordination);

        var third = await PostAsync(_sophie);

        Assert.Equal(FailureKind.Forbidden, third.Failure);
        Assert.Equal(
            "Vous avez publié beaucoup de demandes en peu de temps : vous pourrez en publier une nouvelle dans 30 minutes. Votre texte est gardé.",
            third.Problems.Single().Message);
        Assert.Equal(2, await _network.CountRequestsAsync());
    }

    [Fact]
    public async Task AThirdOfferWithinTheHourIsRefusedAndNotStored()
    {
        var today = _network.Get<CoupDePouce.Domain.Engagement.NetworkTimeZone>().Today(_network.Clock.GetUtcNow().UtcDateTime);
        var post = _network.Get<CoupDePouce.Domain.Offers.PostOfferHandler>();
        CoupDePouce.Domain.Offers.PostOffer Offer(int n) => new(
            _sophie, CoupDePouce.Domain.Offers.OfferKind.Skill, $"Relire un contrat, proposition {n}", "Je relis vos contrats de prestation le jeudi.", 1, Visibility.Network, today.AddDays(7));

        Assert.True((await post.HandleAsync(Offer(1))).Succeeded);
        Assert.True((await post.HandleAsync(Offer(2))).Succeeded);
        var third = await post.HandleAsync(Offer(3));

        Assert.Equal(FailureKind.Forbidden, third.Failure);
        Assert.StartsWith("Vous avez proposé ou sollicité beaucoup de coups de pouce en peu de temps", third.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(2, await _network.QueryAsync(db => db.HelpOffers.CountAsync()));
    }

    [Fact]
    public async Task OneMembersLimitLeavesAnotherMemberFree()
    {
        await _network.PostAsync(_sophie, Visibility.Coordination);
        await _network.PostAsync(_sophie, Visibility.Coordination);

        Assert.True((await PostAsync(_claire)).Succeeded);
    }

    [Fact]
    public async Task AnInvalidRequestDoesNotCountTowardsHerLimit()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var tooShort = await _network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(_sophie, "Court", "Trop court", 1, Visibility.Coordination));
            Assert.Equal(FailureKind.Invalid, tooShort.Failure);
        }

        Assert.True((await PostAsync(_sophie)).Succeeded);
    }

    [Fact]
    public async Task AThirdAnswerWithinTheHourIsRefusedAndNotSaved()
    {
        var request = await _network.PostAsync(_claire, Visibility.Coordination);
        await _network.AnswerAsync(_sophie, request, "Regarde du côté de la chambre de commerce.");
        await _network.AnswerAsync(_sophie, request, "Et la boutique de gestion de ton département aussi.");

        var third = await _network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_sophie, request, "Une troisième idée, tant que j'y pense."));

        Assert.Equal(FailureKind.Forbidden, third.Failure);
        Assert.StartsWith("Vous avez envoyé beaucoup de réponses en peu de temps", third.Problems.Single().Message);
        Assert.Equal(2, (await _network.RequestAsync(request)).Answers.Count);
    }

    [Fact]
    public async Task ASecondReportWithinTheHourIsRefusedAndNotRecorded()
    {
        var first = await _network.PostAsync(_claire, Visibility.Coordination);
        var second = await _network.PostAsync(_claire, Visibility.Coordination);
        var report = _network.Get<ReportContentHandler>();
        Assert.True((await report.HandleAsync(new ReportContent(_sophie, first, null, ReportReason.Spam))).Succeeded);

        var again = await report.HandleAsync(new ReportContent(_sophie, second, null, ReportReason.Spam));

        Assert.Equal(FailureKind.Forbidden, again.Failure);
        Assert.StartsWith("Vous avez fait beaucoup de signalements en peu de temps", again.Problems.Single().Message);
        Assert.Equal(1, await _network.QueryAsync(db => db.Set<Report>().CountAsync()));
    }

    [Fact]
    public async Task ThankingOnAndOffAgainAndAgainIsStoppedAndTheLastToggleIsNotSaved()
    {
        var request = await _network.PostAsync(_claire, Visibility.Coordination);
        var helper = await _network.AddMemberAsync(_rennes, "Agnès");
        var answerOfHelper = await _network.AnswerAsync(helper, request);
        var thank = _network.Get<ThankAnswerHandler>();
        Assert.True((await thank.HandleAsync(new ThankAnswer(_sophie, request, answerOfHelper))).Value);
        Assert.False((await thank.HandleAsync(new ThankAnswer(_sophie, request, answerOfHelper))).Value);

        var third = await thank.HandleAsync(new ThankAnswer(_sophie, request, answerOfHelper));

        Assert.Equal(FailureKind.Forbidden, third.Failure);
        Assert.StartsWith("Vous avez dit merci très souvent en peu de temps", third.Problems.Single().Message);
        Assert.Equal(0, (await _network.RequestAsync(request)).Answers.Single(a => a.Id == answerOfHelper).ThanksCount);
    }

    [Fact]
    public async Task AThirdSearchWithinTheMinuteFindsNothingAndSaysWhy()
    {
        await _network.PostAsync(_claire, Visibility.Coordination, "Besoin d'un conseil comptable pour ma TVA");
        var search = _network.Get<SearchHelpRequestsHandler>();
        Assert.Single((await search.HandleAsync(new SearchHelpRequests(_sophie, "comptable"))).Hits);
        Assert.Single((await search.HandleAsync(new SearchHelpRequests(_sophie, "comptable"))).Hits);

        var third = await search.HandleAsync(new SearchHelpRequests(_sophie, "comptable"));

        Assert.Empty(third.Hits);
        Assert.StartsWith("Vous avez lancé beaucoup de recherches en peu de temps : vous pourrez chercher à nouveau dans", third.Refusal);
    }

    [Fact]
    public async Task TheRefusalSpeaksEnglishToAMemberWhoReadsEnglish()
    {
        await _network.PostAsync(_sophie, Visibility.Coordination);
        await _network.PostAsync(_sophie, Visibility.Coordination);
        using var english = CultureScope.English();

        var third = await PostAsync(_sophie);

        Assert.Equal("You have posted many requests in a short time: you can post a new one in 30 minutes. Your text is kept.", third.Problems.Single().Message);
    }

    private Task<Result<long>> PostAsync(Guid author) =>
        _network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
            author, "Besoin d'un conseil sur mon statut juridique", "Je démarre mon activité et j'hésite entre deux statuts.", ThemeId: 1, Visibility.Coordination));
}
