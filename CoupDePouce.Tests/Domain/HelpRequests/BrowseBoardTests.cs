using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain.HelpRequests;

/// <summary>The board's listing and its confidentiality rule: who sees which request.</summary>
public abstract class BrowseBoardTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : BrowseBoardTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BrowseBoardTests(DatabaseProvider.Postgres);

    private Guid _camille;
    private Guid _sophie;

    private async Task ArrangeTwoCoordinationsAsync()
    {
        _camille = await Network.AddMemberAsync(Rennes, "Camille");
        _sophie = await Network.AddMemberAsync(Lyon, "Sophie");
    }

    private async Task<List<long>> BoardOfAsync(Guid? viewer)
    {
        var page = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(viewer, PageSize: BrowseBoard.MaxPageSize));
        return page.Items.Select(i => i.Id).ToList();
    }

    [Fact]
    public async Task ListsACoordinationOnlyRequestForMembersOfThatCoordination()
    {
        await ArrangeTwoCoordinationsAsync();
        var request = await Network.PostAsync(_camille, Visibility.Coordination);
        var anotherRennesMember = await Network.AddMemberAsync(Rennes);

        Assert.Contains(request, await BoardOfAsync(anotherRennesMember));
        Assert.Contains(request, await BoardOfAsync(_camille));
    }

    [Fact]
    public async Task NeverListsACoordinationOnlyRequestForAMemberOfAnotherCoordination()
    {
        await ArrangeTwoCoordinationsAsync();
        var request = await Network.PostAsync(_camille, Visibility.Coordination);

        Assert.DoesNotContain(request, await BoardOfAsync(_sophie));
    }

    [Fact]
    public async Task ListsANetworkRequestForEveryMember()
    {
        await ArrangeTwoCoordinationsAsync();
        var request = await Network.PostAsync(_camille, Visibility.Network);

        Assert.Contains(request, await BoardOfAsync(_sophie));
        Assert.Contains(request, await BoardOfAsync(_camille));
    }

    [Fact]
    public async Task ShowsNothingToAnonymousVisitors()
    {
        await ArrangeTwoCoordinationsAsync();
        await Network.PostAsync(_camille, Visibility.Network);

        Assert.Empty(await BoardOfAsync(null));
        Assert.Empty(await BoardOfAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task LetsACoordinatriceSeeTheCoordinationsSheRunsEvenOutsideHerHome()
    {
        await ArrangeTwoCoordinationsAsync();
        var request = await Network.PostAsync(_camille, Visibility.Coordination);
        var coordinatriceOfRennesLivingInLyon = await Network.AddMemberAsync(Lyon, coordinates: Rennes);

        Assert.Contains(request, await BoardOfAsync(coordinatriceOfRennesLivingInLyon));
    }

    [Fact]
    public async Task LetsAnAdminSeeEveryCoordination()
    {
        await ArrangeTwoCoordinationsAsync();
        var request = await Network.PostAsync(_camille, Visibility.Coordination);
        var admin = await Network.AddMemberAsync(Lyon, admin: true);

        Assert.Contains(request, await BoardOfAsync(admin));
    }

    [Fact]
    public async Task ListsNewestFirstWithTheDetailsTheBoardShows()
    {
        await ArrangeTwoCoordinationsAsync();
        var older = await Network.PostAsync(_camille, Visibility.Network, "La plus ancienne des demandes");
        Network.Clock.Advance(TimeSpan.FromHours(3));
        var newer = await Network.PostAsync(_sophie, Visibility.Network, "La plus récente des demandes");

        var page = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_camille));

        Assert.Equal([newer, older], page.Items.Select(i => i.Id));
        var item = page.Items[0];
        Assert.Equal("La plus récente des demandes", item.Title);
        Assert.Equal("Sophie", item.AuthorName);
        Assert.Equal("Lyon", item.CoordinationName);
        Assert.Equal("juridique", item.ThemeSlug);
        Assert.Equal(HelpRequestStatus.Open, item.Status);
        Assert.Equal(0, item.AnswerCount);
    }

    [Fact]
    public async Task PagesThroughEveryRequestOnceEvenWhenTheyShareATimestamp()
    {
        await ArrangeTwoCoordinationsAsync();
        var posted = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            posted.Add(await Network.PostAsync(_camille, Visibility.Network, $"Demande numéro {i:00} du lot"));
            if (i % 2 == 0)
            {
                Network.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        var seen = new List<long>();
        BoardCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_sophie, cursor, PageSize: 10));
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(posted.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task ListsOnlyHerOwnRequestsUnderMyRequests()
    {
        await ArrangeTwoCoordinationsAsync();
        var hers = await Network.PostAsync(_camille, Visibility.Network);
        await Network.PostAsync(_sophie, Visibility.Network);

        var page = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_camille, Filter: new BoardFilter(OnlyMine: true)));

        Assert.Equal([hers], page.Items.Select(i => i.Id));
    }
}
