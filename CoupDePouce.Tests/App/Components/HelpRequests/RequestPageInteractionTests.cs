using Bunit;
using CoupDePouce.Domain.HelpRequests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>What a click on the request page does: it asks the Domain, and the page shows what is now true.</summary>
public sealed class RequestPageInteractionTests : RequestPageTest
{
    [Fact]
    public async Task ThankingAnAnswerStoresHerThanks()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(Helper, request);
        var page = Open(Asker, request);

        await page.Find(".thanks-button").ClickAsync(new MouseEventArgs());

        Assert.Equal(1, (await Network.RequestAsync(request)).Answers.Single(a => a.Id == answer).ThanksCount);
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".thanks-button").GetAttribute("aria-pressed")));
    }

    [Fact]
    public async Task MarkingAnAnswerHelpfulResolvesTheRequest()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        await Network.AnswerAsync(Helper, request);
        var page = Open(Asker, request);

        await page.Find(".helpful-button").ClickAsync(new MouseEventArgs());

        Assert.Equal(HelpRequestStatus.Resolved, (await Network.RequestAsync(request)).Status);
        page.WaitForAssertion(() => Assert.Equal("Résolue", page.Find(".status-badge").TextContent.Trim()));
        Assert.NotNull(page.Find(".thread-message .helpful-mark"));
    }

    [Fact]
    public async Task AnEmptyAnswerIsRefusedWithTheDomainsMessageNextToTheField()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var page = Open(Helper, request, "Sophie Bernard");
        var expected = await DomainMessageForAsync(Helper, request, body: string.Empty);

        await page.Find("[data-submit=answer]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("form.answer-form").TextContent));
        Assert.Empty(page.FindAll(".thread-message"));
    }

    [Fact]
    public async Task ATooShortAnswerIsRefusedAndHerTextStays()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var page = Open(Helper, request, "Sophie Bernard");
        var expected = await DomainMessageForAsync(Helper, request, body: "x");

        await page.Find("textarea[name=AnswerBody]").InputAsync(new ChangeEventArgs { Value = "x" });
        await page.Find("[data-submit=answer]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("form.answer-form").TextContent));
        Assert.Equal("x", page.Find("textarea[name=AnswerBody]").GetAttribute("value"));
    }

    [Fact]
    public async Task SendingAnAnswerTwiceQuicklyStoresItOnceAndSaysItIsPublished()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var page = Open(Helper, request, "Sophie Bernard");
        await page.Find("textarea[name=AnswerBody]").InputAsync(new ChangeEventArgs { Value = "Regarde du côté de la BGE de ton département." });

        var send = page.Find("[data-submit=answer]");
        await Task.WhenAll(send.ClickAsync(new MouseEventArgs()), send.ClickAsync(new MouseEventArgs()));

        Assert.Equal(1, await Network.QueryAsync(db => db.Answers.CountAsync(a => a.HelpRequestId == request)));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".thread-message")));
        Assert.Contains("Réponse publiée.", Snackbars);
        Assert.True(string.IsNullOrEmpty(page.Find("textarea[name=AnswerBody]").GetAttribute("value")));
    }

    [Fact]
    public async Task AnotherMembersAnswerAppearsWithoutAReload()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var page = Open(Asker, request);
        Assert.Empty(page.FindAll(".thread-message"));

        await Network.AnswerAsync(Helper, request, "Va voir la chambre des métiers, elles sont de bon conseil.");

        page.WaitForAssertion(() => Assert.Contains("elles sont de bon conseil", page.Find(".thread-message").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal("Répondue", page.Find(".status-badge").TextContent.Trim());
    }

    private async Task<string> DomainMessageForAsync(Guid member, long request, string body)
    {
        var result = await Network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(member, request, body));
        return result.Problems.Single(p => p.Field == nameof(AnswerHelpRequest.Body)).Message;
    }
}
