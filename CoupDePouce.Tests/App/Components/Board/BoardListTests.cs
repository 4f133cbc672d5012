using Bunit;
using CoupDePouce.App.Components.Pages.Board;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.App.Components.Board;

/// <summary>The live list of the board: what arrives, where, and what leaves, as her circuit renders it, on either
/// database.</summary>
public abstract class BoardListTests(DatabaseProvider provider) : ComponentTest(provider)
{
    public sealed class OnSqlite() : BoardListTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BoardListTests(DatabaseProvider.Postgres);

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private int _rennes;
    private Guid _reader;
    private Guid _poster;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rennes = await Network.AddCoordinationAsync("Rennes");
        _reader = await Network.AddMemberAsync(_rennes, "Sophie Bernard");
        _poster = await Network.AddMemberAsync(_rennes, "Isabelle Thomas");
        SignIn(_reader, "Sophie Bernard");
    }

    private IRenderedComponent<BoardList> RenderBoard(BoardAddress? address = null) =>
        RenderLive<BoardList>(p => p.Add(b => b.Address, address ?? BoardAddress.Parse(null, null, null, null, null, null)));

    private static IEnumerable<string> Titles(IRenderedComponent<BoardList> board) =>
        board.FindAll(".request-card .request-title").Select(t => t.TextContent.Trim());

    [Fact]
    public async Task ANewRequestAppearsAtTheTopHighlightedWhileSheReadsTheBoard()
    {
        await Network.PostAsync(_poster, Visibility.Network, "Une ancienne demande sur la comptabilité");
        var board = RenderBoard();
        board.WaitForAssertion(() => Assert.Single(board.FindAll(".request-card")), Wait);

        await Network.PostAsync(_poster, Visibility.Coordination, "Qui connaît une bonne imprimerie à Rennes ?");

        board.WaitForAssertion(() => Assert.Equal("Qui connaît une bonne imprimerie à Rennes ?", Titles(board).First()), Wait);
        Assert.Contains("just-arrived", board.Find(".request-card").ClassName);
        Assert.Empty(board.FindAll(".new-requests-banner"));
    }

    [Fact]
    public async Task OnceSheHasScrolledNewRequestsWaitBehindABannerThatCountsThem()
    {
        var board = RenderBoard();
        await board.InvokeAsync(() => board.Instance.ScrolledChanged(true));

        await Network.PostAsync(_poster, Visibility.Network, "Premier besoin arrivé pendant la lecture");
        board.WaitForAssertion(() => Assert.Equal("1 nouvelle demande : l'afficher", board.Find(".new-requests-banner").TextContent.Trim()), Wait);
        await Network.PostAsync(_poster, Visibility.Network, "Second besoin arrivé pendant la lecture");
        board.WaitForAssertion(() => Assert.Equal("2 nouvelles demandes : les afficher", board.Find(".new-requests-banner").TextContent.Trim()), Wait);
        Assert.Empty(board.FindAll(".request-card"));

        await board.Find(".new-requests-banner").ClickAsync(new());

        board.WaitForAssertion(() => Assert.Equal(2, board.FindAll(".request-card").Count), Wait);
        Assert.Empty(board.FindAll(".new-requests-banner"));
    }

    [Fact]
    public async Task ALineLeavesTheBoardWhenACoordinatriceHidesItsRequest()
    {
        var coordinatrice = await Network.AddMemberAsync(_rennes, "Claire Coordinatrice", coordinates: _rennes);
        var request = await Network.PostAsync(_poster, Visibility.Network, "Une demande qui sera masquée");
        var board = RenderBoard();
        board.WaitForAssertion(() => Assert.Single(board.FindAll(".request-card")), Wait);

        var hidden = await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideHelpRequest(coordinatrice, request, "Hors sujet pour le réseau"));
        Assert.True(hidden.Succeeded);

        board.WaitForAssertion(() => Assert.Empty(board.FindAll(".request-card")), Wait);
    }

    [Fact]
    public async Task AnotherCoordinationsConfidentialRequestNeverReachesHerBoard()
    {
        var lyon = await Network.AddCoordinationAsync("Lyon");
        var lyonMember = await Network.AddMemberAsync(lyon, "Julie Durand");
        var board = RenderBoard();

        await Network.PostAsync(lyonMember, Visibility.Coordination, "Un sujet confidentiel entre Lyonnaises");
        await Network.PostAsync(lyonMember, Visibility.Network, "Une question pour tout le réseau");

        board.WaitForAssertion(() => Assert.Equal(["Une question pour tout le réseau"], Titles(board)), Wait);
        Assert.DoesNotContain("confidentiel", board.Markup);
    }

    [Fact]
    public async Task ASearchThatFindsNothingForAllHerWordsShowsTheNearestAndSaysSo()
    {
        await Network.PostAsync(_poster, Visibility.Network, "Budget pour un premier salon professionnel");

        var board = RenderBoard(BoardAddress.Parse("salon comptable", null, null, null, null, null));

        board.WaitForAssertion(() => Assert.Single(board.FindAll(".request-card")), Wait);
        Assert.Contains("Recherche élargie", board.Find(".widened-search").TextContent);
        Assert.Equal("salon", board.Find(".request-title mark").TextContent);
        Assert.Empty(board.FindAll(".empty-state"));
    }

    [Fact]
    public async Task ASearchThatFindsAllHerWordsIsNotCalledWidened()
    {
        await Network.PostAsync(_poster, Visibility.Network, "Budget pour un premier salon professionnel");

        var board = RenderBoard(BoardAddress.Parse("salon pro", null, null, null, null, null));

        board.WaitForAssertion(() => Assert.Single(board.FindAll(".request-card")), Wait);
        Assert.Empty(board.FindAll(".widened-search"));
        Assert.Equal(["salon", "professionnel"], board.FindAll(".request-title mark").Select(m => m.TextContent));
    }
}
