using Bunit;
using CoupDePouce.Domain.FollowUps;
using CoupDePouce.Domain.HelpRequests;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>« Est-ce que ça a marché ? » on her resolved request, a week on: three buttons, once; then what she said.</summary>
public sealed class FollowUpQuestionTests : RequestPageTest
{
    private async Task<long> AskedAsync()
    {
        var request = await Network.PostAsync(Asker, Visibility.Network);
        var answer = await Network.AnswerAsync(Helper, request);
        Assert.True((await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(Asker, request, answer))).Succeeded);
        Network.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await Network.Get<AskForFollowUpsHandler>().HandleAsync());
        return request;
    }

    [Fact]
    public async Task SheSaysItWorkedInPartOnceAndThenReadsWhatSheSaid()
    {
        var request = await AskedAsync();
        var page = Open(Asker, request);
        Assert.Equal("Est-ce que ça a marché ?", page.Find("#follow-up-question").TextContent);
        Assert.Equal(["Oui", "En partie", "Non"], page.FindAll("[data-follow-up]").Select(b => b.TextContent.Trim()));

        await page.Find("[data-follow-up=Partly]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Vous avez dit que ça a marché en partie. Merci !", page.Find(".follow-up-said").TextContent));
        Assert.Empty(page.FindAll("[data-follow-up]"));
        Assert.Contains("Merci, c'est noté.", Snackbars);
        Assert.Equal(FollowUpAnswer.Partly, (await Network.RequestAsync(request)).FollowUp);
    }

    [Fact]
    public async Task NobodyElseIsAsked()
    {
        var request = await AskedAsync();

        var page = Open(Helper, request, "Sophie Bernard");

        Assert.Empty(page.FindAll(".follow-up"));
        Assert.Empty(page.FindAll(".follow-up-said"));
    }
}
