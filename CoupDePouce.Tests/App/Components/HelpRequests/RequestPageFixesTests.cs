using Bunit;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>What the request page says, as the issue about it asked.</summary>
public sealed class RequestPageFixesTests : RequestPageTest
{
    [Fact]
    public async Task APinnedLockedRequestSaysSoAndWhyItTakesNoAnswer()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var admin = await Network.AddMemberAsync(Lyon, "Anne Admin", admin: true);
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        Assert.True((await moderate.HandleAsync(new LockHelpRequest(admin, request))).Succeeded);
        Assert.True((await moderate.HandleAsync(new PinHelpRequest(admin, request))).Succeeded);

        var page = Open(Helper, request, "Sophie Bernard");

        Assert.Equal("Épinglée", page.Find(".request-card-top .pinned-chip").TextContent.Trim());
        Assert.Equal("Verrouillée", page.Find(".request-card-top .locked-chip").TextContent.Trim());
        Assert.Contains("verrouillée par la modération", page.Find(".moderation-locked").TextContent);
        Assert.Empty(page.FindAll("form.answer-form"));
    }

    [Fact]
    public async Task AnOrdinaryRequestShowsNeitherPinnedNorLocked()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);

        var page = Open(Helper, request, "Sophie Bernard");

        Assert.Empty(page.FindAll(".pinned-chip, .locked-chip"));
    }

    [Fact]
    public async Task TheAskersBoxAddsAPrecisionWithItsOwnPlaceholderNotTheAnswerersOne()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);

        var asker = Open(Asker, request);
        var askerBox = asker.Find("textarea[name=AnswerBody]");

        Assert.Contains("Ajouter une précision", asker.Find("form.answer-form label").TextContent);
        Assert.Equal("Ce que vous avez déjà essayé, ce qui a changé, une question de plus…", askerBox.GetAttribute("placeholder"));
    }

    [Fact]
    public async Task AnotherMembersBoxAsksForHerAnswer()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);

        var helper = Open(Helper, request, "Sophie Bernard");

        Assert.Contains("Votre réponse", helper.Find("form.answer-form label").TextContent);
        Assert.Equal("Partagez votre expérience, une piste, un contact…", helper.Find("textarea[name=AnswerBody]").GetAttribute("placeholder"));
    }

    [Fact]
    public async Task PublishedIsSaidRightAfterPostingButNotOnceSheHasEditedHerRequest()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        SignIn(Asker);
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/demandes/{request}?publiee=1");
        var page = Render(p => p.Add(x => x.Id, request));
        Assert.Contains("Votre demande est publiée", page.Find(".form-notice").TextContent);

        await page.Find("[data-action=edit]").ClickAsync(new MouseEventArgs());
        await page.Find("input[name=EditTitle]").InputAsync(new ChangeEventArgs { Value = "Quel statut juridique pour démarrer ?" });
        await page.Find("[data-submit=edit-request]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Quel statut juridique pour démarrer ?", page.Find("#request-title").TextContent));
        Assert.Empty(page.FindAll(".form-notice"));
        Assert.DoesNotContain("publiee", navigation.Uri);
        Assert.Contains("Demande modifiée.", Snackbars);
    }

    [Fact]
    public async Task AnAnswersHeaderSeparatesItsAuthorsCoordinationItsAgeAndTheHelpfulMark()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(Helper, request);
        Assert.True((await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(Asker, request, answer))).Succeeded);
        Network.Clock.Advance(TimeSpan.FromDays(7));

        var page = Open(Asker, request);
        var header = page.Find($".thread-message[data-answer-id='{answer}'] header");

        Assert.Equal("Sophie Bernard (Rennes)", header.QuerySelector(".message-author")!.TextContent);
        var mark = header.QuerySelector(".helpful-mark")!;
        Assert.Equal("·", mark.PreviousElementSibling!.TextContent.Trim());
        Assert.Equal("time", mark.PreviousElementSibling.PreviousElementSibling!.LocalName);
        Assert.Equal("Ça m'a aidée", mark.TextContent.Trim());
    }
}
