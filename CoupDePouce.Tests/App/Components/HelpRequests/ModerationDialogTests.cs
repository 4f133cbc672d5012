using Bunit;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>Hiding a request or an answer takes a reason, asked in a dialog that hands it to the Domain.</summary>
public sealed class ModerationDialogTests : RequestPageTest
{
    [Fact]
    public async Task HidingTheRequestWithoutAReasonIsRefusedWithTheDomainsMessageAndTheDialogStaysOpen()
    {
        var (request, coordinatrice) = await RequestAndItsCoordinatriceAsync();
        var page = Open(coordinatrice, request, "Claire Coordinatrice", moderates: true);
        var expected = (await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideHelpRequest(coordinatrice, request, string.Empty)))
            .Problems.Single(p => p.Field == nameof(HideHelpRequest.Reason)).Message;

        var clicked = page.Find("[data-moderation=hide]").ClickAsync(new MouseEventArgs());
        Dialogs.WaitForElement("form.hide-form");
        await Dialogs.Find(".reason-dialog [data-dialog=confirm]").ClickAsync(new());

        Dialogs.WaitForAssertion(() => Assert.Contains(expected, Dialogs.Find("form.hide-form").TextContent));
        Assert.False((await Network.RequestAsync(request)).IsHidden);
        Assert.False(clicked.IsCompleted);
    }

    [Fact]
    public async Task HidingTheRequestWithAReasonHidesItAndSaysSo()
    {
        var (request, coordinatrice) = await RequestAndItsCoordinatriceAsync();
        var page = Open(coordinatrice, request, "Claire Coordinatrice", moderates: true);

        var clicked = page.Find("[data-moderation=hide]").ClickAsync(new MouseEventArgs());
        Dialogs.WaitForElement("form.hide-form");
        await Dialogs.Find("textarea[name=HideReason]").InputAsync(new ChangeEventArgs { Value = "Annonce commerciale, hors charte" });
        await Dialogs.Find(".reason-dialog [data-dialog=confirm]").ClickAsync(new());
        await clicked;

        var stored = await Network.RequestAsync(request);
        Assert.True(stored.IsHidden);
        Assert.Equal("Annonce commerciale, hors charte", stored.HiddenReason);
        Assert.Contains("Demande masquée.", Snackbars);
        page.WaitForAssertion(() => Assert.Contains("Annonce commerciale, hors charte", page.Find(".moderation-hidden").TextContent));
        Assert.Empty(Dialogs.FindAll("form.hide-form"));
    }

    [Fact]
    public async Task HidingAnAnswerWithAReasonHidesItAndSaysSo()
    {
        var (request, coordinatrice) = await RequestAndItsCoordinatriceAsync();
        var answer = await Network.AnswerAsync(Helper, request);
        var page = Open(coordinatrice, request, "Claire Coordinatrice", moderates: true);

        var clicked = page.Find("[data-moderation=hide-answer]").ClickAsync(new MouseEventArgs());
        Dialogs.WaitForElement("form.hide-form");
        await Dialogs.Find("textarea[name=HideReason]").InputAsync(new ChangeEventArgs { Value = "Propos blessants envers une membre" });
        await Dialogs.Find(".reason-dialog [data-dialog=confirm]").ClickAsync(new());
        await clicked;

        Assert.True((await Network.RequestAsync(request)).Answers.Single(a => a.Id == answer).IsHidden);
        Assert.Contains("Réponse masquée.", Snackbars);
        page.WaitForAssertion(() => Assert.NotNull(page.Find($".thread-message[data-answer-id='{answer}'] .answer-hidden-note")));
    }

    [Fact]
    public async Task WithdrawingHerAnswerAsksFirstAndCancellingKeepsIt()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(Helper, request);
        var page = Open(Helper, request, "Sophie Bernard");

        var clicked = page.Find("[data-action=withdraw-answer]").ClickAsync(new MouseEventArgs());
        Dialogs.WaitForElement(".confirm-button");
        Assert.Contains("Votre réponse ne sera plus affichée", Dialogs.Markup);
        await Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Annuler").ClickAsync(new MouseEventArgs());
        await clicked;
        Assert.False((await Network.RequestAsync(request)).Answers.Single(a => a.Id == answer).IsWithdrawn);

        clicked = page.Find("[data-action=withdraw-answer]").ClickAsync(new MouseEventArgs());
        Dialogs.WaitForElement(".confirm-button");
        await Dialogs.Find(".confirm-button").ClickAsync(new MouseEventArgs());
        await clicked;
        Assert.True((await Network.RequestAsync(request)).Answers.Single(a => a.Id == answer).IsWithdrawn);
    }

    private async Task<(long Request, Guid Coordinatrice)> RequestAndItsCoordinatriceAsync() =>
        (await Network.PostAsync(Asker, Visibility.Coordination), await Network.AddMemberAsync(Rennes, "Claire Coordinatrice", coordinates: Rennes));
}
