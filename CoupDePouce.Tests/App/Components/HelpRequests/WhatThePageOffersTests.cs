using Bunit;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>Each kind of viewer sees exactly the buttons the Domain offers her (<see cref="RequestActions"/>,
/// <see cref="AnswerActions"/>), on the request and on each answer.</summary>
public sealed class WhatThePageOffersTests : RequestPageTest
{
    [Fact]
    public async Task TheAskerMayFollowEditAndWithdrawHerRequestAndThankOrMarkAnAnswerButNotModerate()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(Helper, request);

        var page = Open(Asker, request);

        Assert.Equal(["edit", "follow", "withdraw"], RequestButtons(page));
        Assert.Equal(["helpful", "report", "thanks"], MessageButtons(page, answer));
        Assert.Empty(page.FindAll(".moderation-panel"));
        await AssertShowsExactlyWhatSheIsOfferedAsync(page, Asker, request);
    }

    [Fact]
    public async Task AnotherMemberMayFollowAndReportTheRequestAndEditOrWithdrawOnlyHerOwnAnswer()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var hers = await Network.AnswerAsync(Helper, request);
        var other = await Network.AnswerAsync(await Network.AddMemberAsync(Rennes, "Julie Durand"), request);

        var page = Open(Helper, request, "Sophie Bernard");

        Assert.Equal(["follow", "report"], RequestButtons(page));
        Assert.Equal(["edit-answer", "withdraw-answer"], MessageButtons(page, hers));
        Assert.Equal(["report", "thanks"], MessageButtons(page, other));
        Assert.Empty(page.FindAll(".moderation-panel"));
        await AssertShowsExactlyWhatSheIsOfferedAsync(page, Helper, request);
    }

    [Fact]
    public async Task ItsCoordinatriceMayCloseHideLockPinRethemeAndCloseAsDuplicateAndHideAnAnswer()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(Helper, request);
        var coordinatrice = await Network.AddMemberAsync(Rennes, "Claire Coordinatrice", coordinates: Rennes);

        var page = Open(coordinatrice, request, "Claire Coordinatrice", moderates: true);

        Assert.Equal(["close", "duplicate", "follow", "hide", "lock", "pin", "report", "theme"], RequestButtons(page));
        Assert.Equal(["hide-answer", "report", "thanks"], MessageButtons(page, answer));
        await AssertShowsExactlyWhatSheIsOfferedAsync(page, coordinatrice, request);
    }

    [Fact]
    public async Task ACoordinatriceOfAnotherCoordinationIsOfferedNoModerationOnItsRequest()
    {
        var request = await Network.PostAsync(Asker, Visibility.Network);
        var answer = await Network.AnswerAsync(Helper, request);
        var lyon = await Network.AddMemberAsync(Lyon, "Léa Lyonnaise", coordinates: Lyon);

        var page = Open(lyon, request, "Léa Lyonnaise", moderates: true);

        Assert.Equal(["follow", "report"], RequestButtons(page));
        Assert.Equal(["report", "thanks"], MessageButtons(page, answer));
        Assert.Empty(page.FindAll(".moderation-panel"));
        await AssertShowsExactlyWhatSheIsOfferedAsync(page, lyon, request);
    }

    [Fact]
    public async Task AnAdminIsOfferedWhatFitsALockedPinnedRequestWithAHiddenAnswer()
    {
        // A request for the whole network: an admin of another coordination reads it (a confidential one she would not).
        var request = await Network.PostAsync(Asker, Visibility.Network);
        var answer = await Network.AnswerAsync(Helper, request);
        var admin = await Network.AddMemberAsync(Lyon, "Anne Admin", admin: true);
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        Assert.True((await moderate.HandleAsync(new LockHelpRequest(admin, request))).Succeeded);
        Assert.True((await moderate.HandleAsync(new PinHelpRequest(admin, request))).Succeeded);
        Assert.True((await moderate.HandleAsync(new HideAnswer(admin, request, answer, "Propos hors sujet"))).Succeeded);

        var page = Open(admin, request, "Anne Admin", admin: true);

        Assert.Equal(["close", "duplicate", "follow", "hide", "report", "theme", "unlock", "unpin"], RequestButtons(page));
        Assert.Equal(["report", "restore-answer"], MessageButtons(page, answer));
        await AssertShowsExactlyWhatSheIsOfferedAsync(page, admin, request);
    }

    [Fact]
    public async Task OnceResolvedTheAskerMayReopenAndTheAnswerIsNoLongerToMark()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(Helper, request);
        Assert.True((await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(Asker, request, answer))).Succeeded);

        var page = Open(Asker, request);

        Assert.Contains("reopen", RequestButtons(page));
        Assert.DoesNotContain("helpful", MessageButtons(page, answer));
        await AssertShowsExactlyWhatSheIsOfferedAsync(page, Asker, request);
    }
}
