using Bunit;
using CoupDePouce.App.Components.Pages.Moderation;
using CoupDePouce.Domain.HelpRequests;

namespace CoupDePouce.Tests.App.Components.Moderation;

/// <summary>« Équilibre de l'entraide »: her coordination's members with what each gave and received, for her only.</summary>
public sealed class BalancesPageTests : ComponentTest
{
    private int _rennes;
    private Guid _coordinatrice;
    private Guid _nina;
    private Guid _ines;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rennes = await Network.AddCoordinationAsync("Rennes");
        _coordinatrice = await Network.AddMemberAsync(_rennes, "Claire Moreau", coordinates: _rennes);
        _nina = await Network.AddMemberAsync(_rennes, "Nina Petit");
        _ines = await Network.AddMemberAsync(_rennes, "Inès Leroy");
    }

    [Fact]
    public async Task TheCoordinatriceReadsWhatEachMemberGaveAndReceived()
    {
        await Network.AnswerAsync(_ines, await Network.PostAsync(_nina, Visibility.Network));
        SignIn(_coordinatrice, "Claire Moreau", moderates: true);

        var page = RenderLive<BalancesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("table.member-balances tbody tr").Count));
        var nina = page.FindAll("table.member-balances tbody tr").Single(r => r.TextContent.Contains("Nina Petit"));
        Assert.Equal(("0", "1"), (nina.QuerySelector("[data-balance=given]")!.TextContent, nina.QuerySelector("[data-balance=received]")!.TextContent));
        Assert.Contains("a reçu plus qu'elle n'a donné", nina.TextContent);
        Assert.Equal($"/membres/{_nina}", nina.QuerySelector("a")!.GetAttribute("href"));
        var ines = page.FindAll("table.member-balances tbody tr").Single(r => r.TextContent.Contains("Inès Leroy"));
        Assert.Equal(("1", "0"), (ines.QuerySelector("[data-balance=given]")!.TextContent, ines.QuerySelector("[data-balance=received]")!.TextContent));
    }

    [Fact]
    public void AMemberReadsThatItIsNotForHerAndNoFigure()
    {
        SignIn(_nina, "Nina Petit");

        var page = RenderLive<BalancesPage>();

        page.WaitForAssertion(() => Assert.Contains("ne sont lisibles que par les coordinatrices", page.Find(".moderation-refusal").TextContent));
        Assert.Empty(page.FindAll("table.member-balances"));
    }
}
