using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Search;

/// <summary>What issue 18 found missing, tried again as a new member would on the demo network: each query finds
/// what she means (a request whose title or details hold the word she meant, or of the theme she named).</summary>
public abstract class DemoNetworkSearchTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : DemoNetworkSearchTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DemoNetworkSearchTests(DatabaseProvider.Postgres);

    [Theory]
    [InlineData("compta", "comptab")]
    [InlineData("factures", "factur")]
    [InlineData("embauche", "embauch")]
    [InlineData("salon pro", "salon pro")]
    [InlineData("entrepreneuses", "entrepreneuse")]
    [InlineData("comptabilite", null)]
    [InlineData("comptabilté", null)]
    [InlineData("comptabilité", null)]
    [InlineData("prêt", "prêt")]
    [InlineData("salon", "salon")]
    public async Task FindsWhatSheMeansOnTheDemoNetwork(string query, string? expectedText)
    {
        await Network.Get<DemoNetworkSeeder>().SeedIfEmptyAsync();
        var sophie = await Network.QueryAsync(db => db.Members.Where(m => m.Email == "sophie.bernard@coupdepouce.demo").Select(m => m.Id).SingleAsync());

        var page = await Network.Get<SearchHelpRequestsHandler>().HandleAsync(new SearchHelpRequests(sophie, query));

        Assert.False(page.Widened);
        Assert.NotEmpty(page.Hits);
        var first = page.Hits[0];
        if (expectedText is null)
        {
            Assert.Equal("comptabilite", first.Item.ThemeSlug);
        }
        else
        {
            var ids = page.Hits.Select(h => h.Item.Id).ToList();
            var texts = await Network.QueryAsync(db => db.HelpRequests.Where(r => ids.Contains(r.Id)).Select(r => r.Title + " " + r.Details).ToListAsync());
            Assert.Contains(texts, t => t.Contains(expectedText, StringComparison.OrdinalIgnoreCase));
        }
    }
}
