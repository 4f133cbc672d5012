using Bunit;
using CoupDePouce.App.Components.Pages.Dashboard;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.Dashboard;

/// <summary>« À relancer » as the coordinatrice uses it: what waits more than a day, oldest first; one click proposes
/// a request to the skilled members of her coordination, says to how many, and leaves nobody to propose it to twice.</summary>
public sealed class RelaunchListTests : ComponentTest
{
    private int _rennes;
    private Guid _claire;
    private Guid _asker;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rennes = await Network.AddCoordinationAsync("Rennes");
        _claire = await Network.AddMemberAsync(_rennes, "Claire Coordinatrice", coordinates: _rennes);
        _asker = await Network.AddMemberAsync(_rennes, "Camille Martin");
    }

    [Fact]
    public async Task SheSeesWhatWaitsOldestFirstAndProposesItInOneClick()
    {
        var helpers = new[] { await SkilledAsync("Julie Durand"), await SkilledAsync("Sophie Bernard") };
        var older = await Network.PostAsync(_asker, Visibility.Network, "Une première question qui attend");
        Network.Clock.Advance(TimeSpan.FromHours(3));
        var newer = await Network.PostAsync(_asker, Visibility.Network, "Une seconde question qui attend");
        Network.Clock.Advance(TimeSpan.FromHours(1));
        await Network.PostAsync(_asker, Visibility.Network, "Une question qui attend depuis 24 h tout juste");
        Network.Clock.Advance(TimeSpan.FromHours(24));

        var list = Render();

        Assert.Equal([older.ToString(), newer.ToString()], list.FindAll(".relaunch-line").Select(l => l.GetAttribute("data-request-id")!));
        Line(list, older).QuerySelector("[data-action=propose]")!.Click();

        list.WaitForAssertion(() => Assert.Contains("Plus personne à qui la proposer", Line(list, older).TextContent));
        Assert.Contains("Proposée à 2 membres", Line(list, older).TextContent);
        Assert.NotNull(Line(list, newer).QuerySelector("[data-action=propose]"));
        Assert.Contains("Demande proposée à 2 membres.", Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message));
        var told = await Network.QueryAsync(db => db.Notifications
            .Where(n => n.Kind == NotificationKind.ProposedToHelp && n.HelpRequestId == older).Select(n => n.RecipientId).ToListAsync());
        Assert.Equal(helpers.Order(), told.Order());
    }

    [Fact]
    public void NothingWaitingSaysSo()
    {
        var list = Render();

        Assert.Empty(list.FindAll(".relaunch-line"));
        Assert.Contains("Aucune demande n'attend depuis plus de 24 heures", list.Find("[role=status]").TextContent);
    }

    private IRenderedComponent<RelaunchList> Render()
    {
        SignIn(_claire, "Claire Coordinatrice", moderates: true);
        return RenderLive<RelaunchList>(p => p.Add(x => x.MemberId, _claire).Add(x => x.CoordinationId, _rennes));
    }

    private static AngleSharp.Dom.IElement Line(IRenderedComponent<RelaunchList> list, long request) =>
        list.Find($".relaunch-line[data-request-id='{request}']");

    private async Task<Guid> SkilledAsync(string name)
    {
        var member = await Network.AddMemberAsync(_rennes, name);
        Assert.True((await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(member, member, [1]))).Succeeded);
        return member;
    }
}
