using Bunit;
using CoupDePouce.App.Components.Pages.Moderation;
using CoupDePouce.Domain.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App.Components.Moderation;

public sealed class ModerationLogPageTests : ModerationTest
{
    [Fact]
    public async Task AMemberIsToldTheLogIsNotForHerAndSeesNoFilterNorLine()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        SignIn(await Network.AddMemberAsync(rennes));

        var page = RenderPage<ModerationLogPage>();

        page.WaitForAssertion(() => Assert.Contains("Le journal de modération est réservé aux coordinatrices", page.Find(".moderation-refusal").TextContent));
        Assert.Empty(page.FindAll("form.moderation-log-filter"));
        Assert.Empty(page.FindAll("table.moderation-log"));
    }

    [Fact]
    public async Task ACoordinatriceReadsHerCoordinationsDecisionsButNotAnothers()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var lyon = await Network.AddCoordinationAsync("Lyon");
        var coordinatrice = await Network.AddMemberAsync(rennes, "Coordinatrice de Rennes", coordinates: rennes);
        var lyonCoordinatrice = await Network.AddMemberAsync(lyon, "Coordinatrice de Lyon", coordinates: lyon);
        await DecideAsync(coordinatrice, await Network.AddMemberAsync(rennes, "Maëlle Rennaise", pending: true));
        await DecideAsync(lyonCoordinatrice, await Network.AddMemberAsync(lyon, "Lucie Lyonnaise", pending: true));
        SignIn(coordinatrice, moderates: true);

        var page = RenderPage<ModerationLogPage>();

        var line = Assert.Single(page.WaitForElements("table.moderation-log tbody tr"));
        Assert.Contains("Adhésion validée", line.TextContent);
        Assert.Contains("Maëlle Rennaise", line.TextContent);
        Assert.DoesNotContain("Lucie Lyonnaise", page.Markup);
    }

    [Fact]
    public async Task TheFilterSendsItsDaysAsTheAddressWantsThemAndShowsThemInFrench()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        SignIn(await Network.AddMemberAsync(rennes, coordinates: rennes), moderates: true);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/moderation/journal?du=2025-03-05&au=2025-03-28");

        var page = RenderPage<ModerationLogPage>();

        var form = page.WaitForElement("form.moderation-log-filter");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("2025-03-05", form.QuerySelector("input[type=hidden][name=du]")!.GetAttribute("value"));
        Assert.Equal("2025-03-28", form.QuerySelector("input[type=hidden][name=au]")!.GetAttribute("value"));
        page.WaitForAssertion(() => Assert.Equal(
            ["05/03/2025", "28/03/2025"],
            page.FindAll(".filter-date input:not([type=hidden])").Select(input => input.GetAttribute("value"))));
    }

    private async Task DecideAsync(Guid coordinatrice, Guid member) =>
        Assert.True((await Network.Get<DecideMembershipHandler>().HandleAsync(new DecideMembership(coordinatrice, member, Approve: true))).Succeeded);
}
