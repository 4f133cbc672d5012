using Bunit;
using CoupDePouce.App.Components.Pages.Matching;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App.Components.Matching;

/// <summary>« Je peux aider » shows the requests in her themes the Domain lists, says how many, pages with plain
/// links, and asks for her themes when she named none.</summary>
public sealed class CanHelpPageTests : ComponentTest
{
    private int _rennes;
    private Guid _helper;
    private Guid _asker;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rennes = await Network.AddCoordinationAsync("Rennes");
        _helper = await Network.AddMemberAsync(_rennes, "Camille Martin");
        _asker = await Network.AddMemberAsync(_rennes, "Inès Leroy");
    }

    private Task ChooseSkillsAsync(params int[] themes) =>
        Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(_helper, _helper, themes));

    private async Task<long> PostAsync(string title)
    {
        Network.Clock.Advance(TimeSpan.FromMinutes(13));
        return await Network.PostAsync(_asker, Visibility.Network, title);
    }

    [Fact]
    public async Task ShowsTheRequestsInHerThemesAndHowManyWaitForAFirstAnswer()
    {
        await ChooseSkillsAsync(1);
        var answered = await PostAsync("Un avocat pour relire mes conditions de vente ?");
        await Network.AnswerAsync(await Network.AddMemberAsync(_rennes, "Léa Roux"), answered);
        var waiting = await PostAsync("Statut de SAS ou de SARL pour démarrer ?");
        SignIn(_helper);

        var page = RenderLive<CanHelpPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.request-card").Count));
        Assert.Equal([waiting.ToString(), answered.ToString()], page.FindAll("li.request-card").Select(l => l.GetAttribute("data-request-id")));
        Assert.Equal("2 demandes ouvertes · 1 sans réponse", page.Find(".can-help-count").TextContent);
        Assert.Empty(page.FindAll(".pager"));
    }

    [Fact]
    public async Task AsksForHerThemesWhenSheNamedNone()
    {
        await PostAsync("Statut de SAS ou de SARL pour démarrer ?");
        SignIn(_helper);

        var page = RenderLive<CanHelpPage>();

        page.WaitForAssertion(() => Assert.Contains("Dites sur quels thèmes vous pouvez aider", page.Find(".empty-state").TextContent));
        Assert.Equal("/parametres#skills-settings", page.Find(".empty-state a").GetAttribute("href"));
        Assert.Empty(page.FindAll("li.request-card"));
    }

    [Fact]
    public async Task ThanksHerWhenNothingInHerThemesIsOpen()
    {
        await ChooseSkillsAsync(4);
        await PostAsync("Statut de SAS ou de SARL pour démarrer ?");
        SignIn(_helper);

        var page = RenderLive<CanHelpPage>();

        page.WaitForAssertion(() => Assert.Contains("Aucune demande ouverte dans vos thèmes", page.Find(".empty-state").TextContent));
    }

    [Fact]
    public async Task PagesThroughPlainLinksThatWorkBeforeThePageIsLive()
    {
        await ChooseSkillsAsync(1);
        for (var i = 0; i < 21; i++)
        {
            await PostAsync($"Une question de droit des contrats, la {i + 1}e");
        }

        SignIn(_helper);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/je-peux-aider?page=2");

        var page = RenderLive<CanHelpPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("li.request-card")));
        Assert.Equal("/je-peux-aider", page.Find(".pager a[rel=prev]").GetAttribute("href"));
        Assert.Empty(page.FindAll(".pager a[rel=next]"));
        Assert.Equal("21 demandes ouvertes · 21 sans réponse", page.Find(".can-help-count").TextContent);
    }

    [Fact]
    public async Task ANewRequestInHerThemesAppearsWhileSheLooks()
    {
        await ChooseSkillsAsync(1);
        await PostAsync("Statut de SAS ou de SARL pour démarrer ?");
        SignIn(_helper);
        var page = RenderLive<CanHelpPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("li.request-card")));

        var posted = await PostAsync("Qui peut relire mon contrat de prestation ?");

        page.WaitForAssertion(() => Assert.Equal(posted.ToString(), page.FindAll("li.request-card")[0].GetAttribute("data-request-id")));
        Assert.Equal("2 demandes ouvertes · 2 sans réponse", page.Find(".can-help-count").TextContent);
    }
}
