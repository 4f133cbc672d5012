using Bunit;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>On her own request: how many skilled members were told (never who), and after two days without an answer
/// in her coordination, one click opens it to the whole network.</summary>
public sealed class WaitingHelpNoteTests : RequestPageTest
{
    [Fact]
    public async Task TheAskerReadsHowManySkilledMembersWereTold()
    {
        foreach (var name in new[] { "Léa Roux", "Maëlle Rennaise", "Inès Leroy", "Zoé Martin" })
        {
            var member = await Network.AddMemberAsync(Rennes, name);
            await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(member, member, [1]));
        }

        var request = await Network.PostAsync(Asker, Visibility.Network);

        var page = Open(Asker, request);
        Assert.Equal("3 membres compétentes ont été prévenues.", page.Find(".invited-note").TextContent.Trim());
        Assert.DoesNotContain("Léa", page.Find(".invited-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyElseReadsHowManyWereTold()
    {
        var member = await Network.AddMemberAsync(Rennes, "Léa Roux");
        await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(member, member, [1]));
        var request = await Network.PostAsync(Asker, Visibility.Network);

        Assert.Empty(Open(Helper, request, "Sophie Bernard").FindAll(".invited-note"));
    }

    [Fact]
    public async Task NothingIsSaidWhenNobodyCouldBeTold()
    {
        var request = await Network.PostAsync(Asker, Visibility.Network);

        Assert.Empty(Open(Asker, request).FindAll(".invited-note"));
    }

    [Fact]
    public async Task AfterTwoDaysWithoutAnAnswerSheOpensItToTheNetworkInOneClick()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        Network.Clock.Advance(TimeSpan.FromHours(48));

        var page = Open(Asker, request);
        await page.Find("[data-action=open-to-network]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Votre demande est maintenant visible par tout le réseau.", Snackbars));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-action=open-to-network]")));
        Assert.Equal(Visibility.Network, (await Network.RequestAsync(request)).Visibility);
    }

    [Fact]
    public async Task SheIsNotOfferedTheNetworkBeforeTwoDays()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        Network.Clock.Advance(TimeSpan.FromHours(47));

        Assert.Empty(Open(Asker, request).FindAll("[data-action=open-to-network]"));
    }

    [Fact]
    public async Task OnlyTheAskerIsOfferedTheNetwork()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        Network.Clock.Advance(TimeSpan.FromHours(48));

        Assert.Empty(Open(Helper, request, "Sophie Bernard").FindAll("[data-action=open-to-network]"));
    }
}
