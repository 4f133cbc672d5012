using Bunit;
using CoupDePouce.App.Components.Shared;
using CoupDePouce.Domain.HelpRequests;

namespace CoupDePouce.Tests.App.Components.Shared;

public sealed class NotificationBellTests : ComponentTest
{
    [Fact]
    public async Task ShowsNoCountWhileNothingIsUnread()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var asker = await Network.AddMemberAsync(rennes);

        var bell = RenderLive<NotificationBell>(p => p.Add(b => b.MemberId, asker));

        Assert.Empty(bell.FindAll(".bell-count"));
        Assert.Equal("Notifications : rien de nouveau", bell.Find("a").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task HerCountRisesLiveWhenSomeoneAnswersHerRequest()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var asker = await Network.AddMemberAsync(rennes);
        var helper = await Network.AddMemberAsync(rennes);
        var request = await Network.PostAsync(asker, Visibility.Coordination);
        var bell = RenderLive<NotificationBell>(p => p.Add(b => b.MemberId, asker));

        await Network.AnswerAsync(helper, request);

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".bell-count").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Equal("Notifications : 1 non lue", bell.Find("a").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task HerOwnAnswersDoNotRingHerBell()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var asker = await Network.AddMemberAsync(rennes);
        var request = await Network.PostAsync(asker, Visibility.Coordination);
        var bell = RenderLive<NotificationBell>(p => p.Add(b => b.MemberId, asker));

        await Network.AnswerAsync(asker, request, "Je précise : c'est pour une SARL.");
        await Task.Delay(300);

        Assert.Empty(bell.FindAll(".bell-count"));
    }
}
