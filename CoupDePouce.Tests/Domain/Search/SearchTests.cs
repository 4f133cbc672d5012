using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Search;

namespace CoupDePouce.Tests.Domain.Search;

/// <summary>Full-text search: accents folded, best matches first, answers searched too, confidentiality kept.</summary>
public abstract class SearchTests(DatabaseProvider provider) : CamilleAndJulieSearchTest(provider)
{
    public sealed class OnSqlite() : SearchTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SearchTests(DatabaseProvider.Postgres);

    private async Task<IReadOnlyList<SearchHit>> SearchAsync(Guid viewer, string text, bool matchAny = false) =>
        (await SearchPageAsync(text, viewer: viewer, matchAny: matchAny)).Hits;

    [Fact]
    public void SimilarRequestsAreLookedForOnceATitleHasFourLetters()
    {
        Assert.Null(SearchHelpRequests.SimilarTo(Julie, "  log  "));
        Assert.Equal(new SearchHelpRequests(Julie, "logi", Take: 3, MatchAny: true), SearchHelpRequests.SimilarTo(Julie, " logi "));
    }

    [Fact]
    public async Task SuggestsTheTitlesThatShareAllHerWordsBeforeThoseThatShareOne()
    {
        // A short title with her one rare word would outrank, by BM25 alone, a long one with all her words.
        var vitrine = await PostAsync("Ma vitrine", "Des idées de décoration pour la saison.");
        for (var i = 0; i < 6; i++)
        {
            await PostAsync($"Un logiciel pour mon activité numéro {i}", "Lequel choisir pour bien commencer ?");
        }

        var both = await PostAsync("Quel logiciel choisir pour refaire la vitrine en ligne de ma petite boutique de créatrice", "Simple, pas cher et facile à prendre en main.");

        var suggested = (await Network.Get<SearchHelpRequestsHandler>().HandleAsync(SearchHelpRequests.SimilarTo(Julie, "logiciel vitrine")!)).Hits
            .Select(h => h.Item.Id).ToList();

        Assert.Equal(3, suggested.Count);
        Assert.Equal([both, vitrine], suggested.Take(2));
    }

    [Theory]
    [InlineData("comptabilite")]
    [InlineData("COMPTABILITÉ")]
    [InlineData("Comptabilite debuter")]
    public async Task FindsComptabiliteWhateverTheAccentsOrCase(string text)
    {
        var request = await PostAsync("Logiciel de comptabilité pour débuter", "Je cherche un outil simple pour tenir mes comptes.");
        await PostAsync("Trouver un local pour mes ateliers", "Un lieu lumineux pour animer des ateliers.");

        Assert.Equal([request], (await SearchAsync(Julie, text)).Select(h => h.Item.Id));
    }

    [Fact]
    public async Task RanksATitleMatchAboveADetailsMatchAboveAnAnswerMatch()
    {
        var inAnswer = await PostAsync("Choisir un outil de gestion", "Des conseils pour organiser mes journées de travail.");
        await Network.AnswerAsync(Julie, inAnswer, "Pense aussi à ta trésorerie, c'est la base.");
        var inDetails = await PostAsync("Préparer un rendez-vous important", "Il s'agit de parler de ma trésorerie avec la banque.");
        var inTitle = await PostAsync("Trésorerie tendue cet hiver", "Quelles solutions rapides avez-vous trouvées ?");

        var hits = await SearchAsync(Julie, "tresorerie");

        Assert.Equal([inTitle, inDetails, inAnswer], hits.Select(h => h.Item.Id));
    }

    [Fact]
    public async Task SearchesTheAnswersAndForgetsAWithdrawnOne()
    {
        var request = await PostAsync("Cherche un conseil pour mon salon", "Premier salon professionnel en mars, je débute.");
        var answer = await Network.AnswerAsync(Julie, request, "Prévois des kakémonos et des flyers.");

        Assert.Single(await SearchAsync(Camille, "kakemonos"));

        await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(Julie, request, answer));
        Assert.Empty(await SearchAsync(Camille, "kakemonos"));
    }

    [Fact]
    public async Task FindsTheEditedWordsAndNoLongerTheOldOnes()
    {
        var request = await PostAsync("Question sur une aquarelle", "Détails d'origine assez longs pour passer.");

        await Network.Get<EditHelpRequestHandler>().HandleAsync(
            new EditHelpRequest(Camille, request, "Question sur une céramique", "Détails modifiés assez longs pour passer."));

        Assert.Single(await SearchAsync(Camille, "ceramique"));
        Assert.Empty(await SearchAsync(Camille, "aquarelle"));
    }

    [Fact]
    public async Task NeverFindsACoordinationOnlyRequestOfAnotherCoordination()
    {
        await PostAsync("Conflit confidentiel avec mon associée", "Un sujet délicat entre nous deux.", visibility: Visibility.Coordination);

        Assert.Empty(await SearchAsync(Julie, "associée"));
        Assert.Single(await SearchAsync(await Network.AddMemberAsync(Rennes), "associée"));
        Assert.Empty((await Network.Get<SearchHelpRequestsHandler>().HandleAsync(new SearchHelpRequests(null, "associée"))).Hits);
    }

    [Fact]
    public async Task HighlightsTheMatchedWordsInTheSnippet()
    {
        await PostAsync("Financement participatif pour ma boutique", "Je voudrais lancer une campagne de financement participatif.");

        var snippet = Assert.Single(await SearchAsync(Julie, "participatif")).Snippet;

        Assert.Contains($"{SearchHelpRequests.HighlightStart}participatif{SearchHelpRequests.HighlightEnd}", snippet);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(a b")]
    [InlineData("compta* OR -banque AND")]
    [InlineData("'); DROP TABLE HelpRequests; --")]
    [InlineData("   ")]
    [InlineData("… ! ? ; « » — ’")]
    [InlineData("{Title} : \"banque\"* OR ^banque")]
    [InlineData("inexistantes introuvables improbables impossibles incroyables inimaginables")]
    public async Task TreatsWhatSheTypesAsWordsNeverAsQuerySyntax(string text)
    {
        await PostAsync("Une demande quelconque sur la banque", "Des détails quelconques, assez longs pour passer.");

        var exception = await Record.ExceptionAsync(() => SearchAsync(Julie, text));

        Assert.Null(exception);
        Assert.Equal(1, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task TakesATwoThousandCharacterQueryAsWordsWithoutAnError()
    {
        var request = await PostAsync("Une demande sur la banque", "Des détails quelconques, assez longs pour passer.");
        var pasted = "banque " + string.Concat(Enumerable.Repeat("quelconques ", 180));

        var hits = await SearchAsync(Julie, pasted[..2000]);

        Assert.Equal([request], hits.Select(h => h.Item.Id));
    }

    [Fact]
    public void LeavesOutCommonWordsUnlessTheyAreAllSheTyped()
    {
        Assert.Equal(["logiciel", "comptabilite"], FullTextQuery.Terms("Quel logiciel de comptabilité pour ?").Select(t => t.Folded));
        Assert.Equal(["pour", "qui"], FullTextQuery.Terms("pour qui").Select(t => t.Folded));
        Assert.Empty(FullTextQuery.Terms(" ?! "));
    }

    [Fact]
    public async Task SuggestsRequestsThatShareAnyWordOfATitle()
    {
        var similar = await PostAsync("Ouvrir un compte bancaire professionnel", "Quelle banque pour une micro-entreprise ?");
        await PostAsync("Trouver une photographe", "Pour des portraits professionnels en extérieur.");

        var hits = await SearchAsync(Julie, "quel compte bancaire choisir", matchAny: true);

        Assert.Equal(similar, hits[0].Item.Id);
    }

    [Fact]
    public async Task AppliesTheBoardFiltersToTheResults()
    {
        var open = await PostAsync("Budget pour un premier salon", "Combien prévoir pour un stand de neuf mètres carrés ?");
        var answered = await PostAsync("Budget communication annuel", "Quelle part de mon chiffre d'affaires y consacrer ?");
        await Network.AnswerAsync(Julie, answered);

        var page = await Network.Get<SearchHelpRequestsHandler>().HandleAsync(
            new SearchHelpRequests(Julie, "budget", new BoardFilter(Status: StatusFilter.Open)));

        Assert.Equal([open], page.Hits.Select(h => h.Item.Id));
    }
}
