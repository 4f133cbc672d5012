using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Search;

/// <summary>Search reads French as she means it (issue 18): plurals and verb forms, elisions, the last word as a
/// prefix, a theme's name, one typo; exact words first; the part that matched shown and marked; a looser search
/// said to be one; never a request she may not see.</summary>
public abstract class FrenchSearchTests(DatabaseProvider provider) : CamilleAndJulieSearchTest(provider)
{
    public sealed class OnSqlite() : FrenchSearchTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : FrenchSearchTests(DatabaseProvider.Postgres);

    private const int Comptabilite = 4;
    private const int Commercial = 5;

    private async Task<List<long>> FoundAsync(string text) => (await SearchPageAsync(text)).Hits.Select(h => h.Item.Id).ToList();

    [Theory]
    [InlineData("factures", "facture")]
    [InlineData("facturation", "facture")]
    [InlineData("embaucher", "embauche")]
    [InlineData("clientes", "cliente")]
    [InlineData("entrepreneuses", "l'entrepreneuse")]
    [InlineData("Comptabilité", "comptabilite")]
    [InlineData("prospection", "prospecter")]
    [InlineData("prospections", "prospecte")]
    public void ReadsPluralsFeminineFormsVerbsAndAccentsAsTheSameWord(string one, string other) =>
        Assert.Equal(FrenchText.Words(one).Single().Stem, FrenchText.Words(other).Single().Stem);

    [Theory]
    [InlineData("direction", "directe")]
    [InlineData("protection", "protecter")]
    [InlineData("collage", "colle")]
    public void LeavesApartANounTooShortToBeSureOfItsVerb(string noun, string other) =>
        Assert.NotEqual(FrenchText.Words(noun).Single().Stem, FrenchText.Words(other).Single().Stem);

    [Fact]
    public void DropsTheElidedArticleAndKeepsTheWord() =>
        Assert.Equal(["image", "honneur", "il"], FrenchText.Words("l'image d’honneur qu'il").Select(w => w.Folded));

    [Fact]
    public async Task FindsWhatSheMeansByAPrefix()
    {
        var comptable = await PostAsync("Trouver un expert-comptable de confiance", "Je lance mon activité et je veux être bien accompagnée.");
        var comptabilite = await PostAsync("Logiciel pour tenir ma comptabilité", "Un outil simple pour une micro-entreprise.");
        await PostAsync("Organiser un atelier créatif", "Un lieu lumineux pour mes ateliers du samedi.");

        Assert.Equal([comptable, comptabilite], (await FoundAsync("compta")).Order());
    }

    [Fact]
    public async Task TakesTheLastWordAsAPrefixAndTheOthersWhole()
    {
        var salon = await PostAsync("Réussir mon premier salon professionnel", "Stand, budget et prospection : vos conseils ?");
        await PostAsync("Un salon de thé pour mes rendez-vous", "Un lieu calme à Rennes pour recevoir mes clientes.");

        Assert.Equal([salon], await FoundAsync("salon pro"));
    }

    [Fact]
    public async Task FindsThePluralTheSingularAndTheNounOfAVerb()
    {
        var facture = await PostAsync("Relancer ma facture impayée", "Une cliente ne paie pas depuis deux mois.");
        var facturation = await PostAsync("Quel logiciel de facturation ?", "Pour émettre des devis et suivre les paiements.");
        var embaucher = await PostAsync("Embaucher ma première salariée", "Contrat, aides, démarches : par où commencer ?");

        Assert.Equal([facture, facturation], (await FoundAsync("factures")).Order());
        Assert.Equal([embaucher], await FoundAsync("embauche"));
    }

    [Fact]
    public async Task FindsAWordAfterAnElision()
    {
        var entrepreneuse = await PostAsync("La solitude de l'entrepreneuse", "Comment rompre l'isolement quand on travaille seule ?");
        var pret = await PostAsync("Préparer mon prêt d'honneur", "Le passage en comité approche.");

        Assert.Equal([entrepreneuse], await FoundAsync("entrepreneuses"));
        Assert.Equal([pret], await FoundAsync("honneur"));
    }

    [Fact]
    public async Task FindsTheRequestsOfAThemeByItsName()
    {
        var bilan = await PostAsync("Mon premier bilan annuel", "Que faut-il préparer pour la clôture de l'exercice ?", Comptabilite);
        await PostAsync("Mon premier salon annuel", "Que faut-il préparer pour le stand ?", Commercial);

        Assert.Equal([bilan], await FoundAsync("comptabilite"));
        Assert.Equal([bilan], await FoundAsync("gestion"));
    }

    [Fact]
    public async Task ForgivesOneTypoInALongWordThatFindsNothingButNotTwo()
    {
        var request = await PostAsync("Logiciel de comptabilité pour débuter", "Je cherche un outil simple pour tenir mes comptes.");

        Assert.Equal([request], await FoundAsync("comptabilté"));
        Assert.Equal([request], await FoundAsync("logiciel comptabiltié"));
        Assert.Empty(await FoundAsync("lgociel"));
    }

    [Fact]
    public async Task ForgivesATypoInAThemesName()
    {
        var bilan = await PostAsync("Mon premier bilan annuel", "Que faut-il préparer pour la clôture de l'exercice ?", Comptabilite);

        Assert.Equal([bilan], await FoundAsync("comptabilté"));
    }

    [Fact]
    public async Task RanksHerExactWordAboveItsOtherForms()
    {
        var facturation = await PostAsync("Ma facturation en retard", "Des conseils pour rattraper le retard.");
        var factures = await PostAsync("Mes factures en retard", "Des conseils pour rattraper le retard.");

        Assert.Equal([factures, facturation], await FoundAsync("factures"));
    }

    [Fact]
    public async Task ShowsThePartOfTheDetailsThatMatchedAndMarksTheTitle()
    {
        await PostAsync(
            "Une question de trésorerie",
            "Je prépare mon prévisionnel depuis des semaines avec beaucoup de patience et de tableaux, et au bout du compte la banque me demande un plan de trésorerie sur trois ans pour mon prêt.");

        var hit = Assert.Single((await SearchPageAsync("prêt trésorerie")).Hits);

        Assert.Equal($"Une question de {SearchHelpRequests.HighlightStart}trésorerie{SearchHelpRequests.HighlightEnd}", hit.MarkedTitle);
        Assert.StartsWith("…", hit.Snippet);
        Assert.Contains($"{SearchHelpRequests.HighlightStart}prêt{SearchHelpRequests.HighlightEnd}", hit.Snippet);
    }

    [Fact]
    public async Task WidensASearchThatFindsNothingAndSaysSo()
    {
        var salon = await PostAsync("Budget pour un premier salon", "Combien prévoir pour un stand ?", Commercial);

        var anyWord = await SearchPageAsync("salon comptable");
        var anyTheme = await SearchPageAsync("salon", new BoardFilter(ThemeId: Comptabilite));
        var strict = await SearchPageAsync("salon budget");

        Assert.True(anyWord.Widened);
        Assert.Equal([salon], anyWord.Hits.Select(h => h.Item.Id));
        Assert.True(anyTheme.Widened);
        Assert.Equal([salon], anyTheme.Hits.Select(h => h.Item.Id));
        Assert.False(strict.Widened);
    }

    [Fact]
    public async Task NeverFindsAnotherCoordinationsRequestByAStemATypoOrAWiderSearch()
    {
        await PostAsync("Mes factures impayées", "Une cliente de Rennes ne paie pas.", visibility: Visibility.Coordination);

        foreach (var text in new[] { "facture", "factur", "facturse", "factures lyon" })
        {
            Assert.Empty((await SearchPageAsync(text)).Hits);
        }

        Assert.NotEmpty((await SearchPageAsync("facture", viewer: Camille)).Hits);
    }

    [Fact]
    public async Task FindsTheNewThemeOfARequestAtOnce()
    {
        var request = await PostAsync("Mon premier bilan", "La clôture de l'exercice approche.", Commercial);

        // Written around EF (as a script would): the index follows the write itself.
        await Network.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"HelpRequests\" SET \"ThemeId\" = {Comptabilite} WHERE \"Id\" = {request}"));

        Assert.Equal([request], await FoundAsync("comptabilite"));
    }
}
