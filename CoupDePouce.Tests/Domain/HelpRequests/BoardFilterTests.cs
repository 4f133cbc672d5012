using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain.HelpRequests;

public abstract class BoardFilterTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : BoardFilterTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BoardFilterTests(DatabaseProvider.Postgres);

    private Guid _camille;
    private Guid _julie;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _camille = await Network.AddMemberAsync(Rennes, "Camille");
        _julie = await Network.AddMemberAsync(Lyon, "Julie");
    }

    private async Task<List<long>> BoardAsync(Guid viewer, BoardFilter filter) =>
        (await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(viewer, Filter: filter))).Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task SansReponseListsOpenRequestsOlderThanFortyEightHours()
    {
        var waiting = await Network.PostAsync(_camille, Visibility.Network, "Une demande qui attend depuis longtemps");
        var answered = await Network.PostAsync(_camille, Visibility.Network, "Une demande ancienne mais répondue");
        await Network.AnswerAsync(_julie, answered);
        Network.Clock.Advance(TimeSpan.FromHours(49));
        var recent = await Network.PostAsync(_camille, Visibility.Network, "Une demande toute récente");

        Assert.Equal([waiting], await BoardAsync(_julie, new BoardFilter(Status: StatusFilter.Unanswered)));
        Assert.Equal([recent, waiting], await BoardAsync(_julie, new BoardFilter(Status: StatusFilter.Open)));
        Assert.Equal([answered], await BoardAsync(_julie, new BoardFilter(Status: StatusFilter.Answered)));
    }

    [Fact]
    public async Task FiltersByThemeCoordinationAndScope()
    {
        var rennesRequest = await Network.PostAsync(_camille, Visibility.Network, "Une demande de Rennes sur le juridique");
        var lyonRequest = await Network.PostAsync(_julie, Visibility.Network, "Une demande de Lyon sur le juridique");

        Assert.Equal([rennesRequest], await BoardAsync(_julie, new BoardFilter(CoordinationId: Rennes)));
        Assert.Equal([lyonRequest], await BoardAsync(_julie, new BoardFilter(OnlyMyCoordination: true)));
        Assert.Equal([lyonRequest, rennesRequest], await BoardAsync(_julie, new BoardFilter(ThemeId: 1)));
        Assert.Empty(await BoardAsync(_julie, new BoardFilter(ThemeId: 2)));
    }

    [Fact]
    public async Task MesReponsesListsTheRequestsSheAnswered()
    {
        var answered = await Network.PostAsync(_camille, Visibility.Network, "Une demande à laquelle Julie répond");
        await Network.PostAsync(_camille, Visibility.Network, "Une demande sans réponse de Julie");
        var own = await Network.PostAsync(_julie, Visibility.Network, "La demande de Julie elle-même");
        await Network.AnswerAsync(_julie, answered);
        await Network.AnswerAsync(_julie, own, "Une précision de ma part.");

        Assert.Equal([answered], await BoardAsync(_julie, new BoardFilter(OnlyMyAnswers: true)));
        Assert.Equal([own], await BoardAsync(_julie, new BoardFilter(OnlyMine: true)));
    }
}
