using Bunit;
using CoupDePouce.App.Components.Pages.HelpRequests;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>The request page's forms on MudForm: the Domain's rules under each field while she types, its refusals
/// under the field or above the button, her text kept, nothing stored, and one thing stored per double click.</summary>
public sealed class RequestPageFormsTests : RequestPageTest
{
    /// <summary>The Domain's message under the field of <paramref name="input"/>, if any.</summary>
    private static string? ErrorUnder(IRenderedComponent<HelpRequestPage> page, string input) =>
        page.Find(input).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    private Task<int> AnswersAsync(long request) => Network.QueryAsync(db => db.Answers.CountAsync(a => a.HelpRequestId == request));

    private Task<int> ReportsAsync(long request) => Network.QueryAsync(db => db.Set<Report>().CountAsync(r => r.HelpRequestId == request));

    [Fact]
    public async Task ATooShortAnswerIsSaidUnderTheFieldOnceSheSendsAndNothingIsSent()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var page = Open(Helper, request, "Sophie Bernard");

        await page.Find("textarea[name=AnswerBody]").InputAsync(new ChangeEventArgs { Value = "x" });
        Assert.Null(ErrorUnder(page, "textarea[name=AnswerBody]"));
        await page.Find("[data-submit=answer]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("La réponse doit faire au moins 2 caractères.", ErrorUnder(page, "textarea[name=AnswerBody]")));
        Assert.Equal(0, await AnswersAsync(request));
        Assert.Equal("x", page.Find("textarea[name=AnswerBody]").GetAttribute("value"));

        await page.Find("textarea[name=AnswerBody]").InputAsync(new ChangeEventArgs { Value = "xy" });

        page.WaitForAssertion(() => Assert.Null(ErrorUnder(page, "textarea[name=AnswerBody]")));
    }

    [Fact]
    public async Task RewritingHerAnswerTooShortIsSaidUnderTheFieldAndNothingChanges()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(Helper, request, "Regarde du côté de la chambre de commerce.");
        var page = Open(Helper, request, "Sophie Bernard");

        await page.Find($".thread-message[data-answer-id='{answer}'] [data-action=edit-answer]").ClickAsync(new MouseEventArgs());
        await page.Find("textarea[name=EditAnswerBody]").InputAsync(new ChangeEventArgs { Value = "x" });
        await page.Find("[data-submit=edit-answer]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("La réponse doit faire au moins 2 caractères.", ErrorUnder(page, "textarea[name=EditAnswerBody]")));
        Assert.Equal("Regarde du côté de la chambre de commerce.", (await Network.RequestAsync(request)).Answers.Single().Body);
        Assert.Equal("x", page.Find("textarea[name=EditAnswerBody]").GetAttribute("value"));
    }

    [Fact]
    public async Task RewritingHerTitleTooShortIsSaidUnderItAndNothingChanges()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination, "Besoin d'un conseil sur mon statut juridique");
        var page = Open(Asker, request);

        await page.Find("[data-action=edit]").ClickAsync(new MouseEventArgs());
        await page.Find("input[name=EditTitle]").InputAsync(new ChangeEventArgs { Value = "Statut" });
        await page.Find("[data-submit=edit-request]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Le titre doit faire au moins 10 caractères : décrivez votre besoin en une phrase.", ErrorUnder(page, "input[name=EditTitle]")));
        Assert.Equal("Besoin d'un conseil sur mon statut juridique", (await Network.RequestAsync(request)).Title);
        Assert.Equal("Statut", page.Find("input[name=EditTitle]").GetAttribute("value"));
        Assert.Null(ErrorUnder(page, "textarea[name=EditDetails]"));
    }

    [Fact]
    public async Task AReportWithoutAReasonIsRefusedUnderTheChoicesAndNothingIsStored()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var page = Open(Helper, request, "Sophie Bernard");

        await page.Find(".request-actions .report-button").ClickAsync(new MouseEventArgs());
        await page.Find("[data-submit=report]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Choisissez la raison du signalement.", page.Find("form.report-form fieldset .mud-input-helper-text.mud-input-error").TextContent.Trim()));
        Assert.Equal(0, await ReportsAsync(request));
    }

    [Fact]
    public async Task AnOtherReasonWithTooFewWordsIsSaidUnderTheTextOnceSheSends()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var page = Open(Helper, request, "Sophie Bernard");
        await page.Find(".request-actions .report-button").ClickAsync(new MouseEventArgs());

        await page.InvokeAsync(() => page.FindComponent<MudRadioGroup<ReportReason?>>().Instance.ValueChanged.InvokeAsync(ReportReason.Other));
        await page.Find("textarea[name=ReportText]").InputAsync(new ChangeEventArgs { Value = "Bof" });
        await page.Find("[data-submit=report]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Dites en 5 à 500 caractères ce qui ne va pas : seules les coordinatrices le liront.", ErrorUnder(page, "textarea[name=ReportText]")));
        Assert.Equal(0, await ReportsAsync(request));
        Assert.Equal("Bof", page.Find("textarea[name=ReportText]").GetAttribute("value"));
    }

    [Fact]
    public async Task AReportSentFromAnotherPageMeanwhileIsSaidAboveTheButton()
    {
        var request = await Network.PostAsync(Asker, Visibility.Coordination);
        var page = Open(Helper, request, "Sophie Bernard");
        await page.Find(".request-actions .report-button").ClickAsync(new MouseEventArgs());
        await page.InvokeAsync(() => page.FindComponent<MudRadioGroup<ReportReason?>>().Instance.ValueChanged.InvokeAsync(ReportReason.Spam));
        await Network.Get<ReportContentHandler>().HandleAsync(new ReportContent(Helper, request, null, ReportReason.Spam));

        await page.Find("[data-submit=report]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Vous avez déjà signalé ce message : les coordinatrices sont prévenues.", page.Find("form.report-form .form-alert").TextContent.Trim()));
        Assert.Equal(1, await ReportsAsync(request));
    }
}
