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

    [Fact]
    public async Task AnOffererHearsLiveThatSheIsAskedAndOnlySheDoes()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var (asker, offerer, bystander) = (await Network.AddMemberAsync(rennes), await Network.AddMemberAsync(rennes), await Network.AddMemberAsync(rennes));
        var today = Network.Get<CoupDePouce.Domain.Engagement.NetworkTimeZone>().Today(Network.Clock.GetUtcNow().UtcDateTime);
        var offer = await Network.Get<CoupDePouce.Domain.Offers.PostOfferHandler>().HandleAsync(new CoupDePouce.Domain.Offers.PostOffer(
            offerer, CoupDePouce.Domain.Offers.OfferKind.Skill, "Relire un contrat de prestation", "Je relis vos contrats de prestation le jeudi.", 1, Visibility.Network, today.AddDays(7)));
        var request = await Network.PostAsync(asker, Visibility.Network);
        var offerersBell = RenderLive<NotificationBell>(p => p.Add(b => b.MemberId, offerer));
        var othersBell = RenderLive<NotificationBell>(p => p.Add(b => b.MemberId, bystander));

        Assert.True((await Network.Get<CoupDePouce.Domain.Offers.AskOffererHandler>().HandleAsync(
            new CoupDePouce.Domain.Offers.AskOfferer(asker, request, offer.Value))).Succeeded);

        offerersBell.WaitForAssertion(() => Assert.Equal("1", offerersBell.Find(".bell-count").TextContent.Trim()), TimeSpan.FromSeconds(5));
        await Task.Delay(300);
        Assert.Empty(othersBell.FindAll(".bell-count"));
    }
}
