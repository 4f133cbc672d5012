using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Search;

namespace CoupDePouce.Tests.Domain.Search;

/// <summary>Base for the search tests: Camille posts in Rennes, Julie searches from Lyon.</summary>
public abstract class CamilleAndJulieSearchTest(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    protected Guid Camille { get; private set; }

    protected Guid Julie { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Camille = await Network.AddMemberAsync(Rennes, "Camille");
        Julie = await Network.AddMemberAsync(Lyon, "Julie");
    }

    protected async Task<SearchPage> SearchPageAsync(string text, BoardFilter? filter = null, Guid? viewer = null, bool matchAny = false) =>
        await Network.Get<SearchHelpRequestsHandler>().HandleAsync(new SearchHelpRequests(viewer ?? Julie, text, filter, MatchAny: matchAny));

    /// <summary>A request of Camille's (theme 1, « juridique », unless told), posted through the use case.</summary>
    protected async Task<long> PostAsync(string title, string details, int theme = 1, Visibility visibility = Visibility.Network)
    {
        var result = await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(Camille, title, details, theme, visibility));
        Assert.True(result.Succeeded);
        return result.Value;
    }
}
