using Bunit;
using CoupDePouce.App.Components.Pages.Members;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.Members;

/// <summary>A member's profile: « Mes demandes » on her own, her suspension told to her, and a coordinatrice's
/// suspend and lift, each confirmed in a dialog first.</summary>
public sealed class ProfilePageTests : ComponentTest
{
    private int _rennes;
    private Guid _coordinatrice;
    private Guid _member;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rennes = await Network.AddCoordinationAsync("Rennes");
        _coordinatrice = await Network.AddMemberAsync(_rennes, "Claire Moreau", coordinates: _rennes);
        _member = await Network.AddMemberAsync(_rennes, "Nina Petit");
    }

    /// <summary>The profile with the layout's dialog provider, as the app renders it.</summary>
    private IRenderedComponent<IComponent> RenderProfile(Guid id)
    {
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var rendered = Context.Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ProfilePage>(1);
            builder.AddAttribute(2, nameof(ProfilePage.Id), id);
            builder.CloseComponent();
        });
        rendered.WaitForElement(".profile-header");
        return (IRenderedComponent<IComponent>)rendered;
    }

    private Task SuspendAsync(int days = 7) =>
        Network.Get<SuspendMemberHandler>().HandleAsync(new SuspendMember(_coordinatrice, _member, days, "Messages publicitaires répétés"));

    [Fact]
    public async Task OnHerOwnProfileSheReadsMyRequestsAndMyAnswers()
    {
        await Network.PostAsync(_member, Visibility.Network);
        SignIn(_member, "Nina Petit");

        var profile = RenderProfile(_member);

        Assert.Equal("Mes demandes", profile.Find("#profile-requests").TextContent.Trim());
        Assert.Equal("Mes réponses", profile.Find("#profile-answers").TextContent.Trim());
    }

    [Fact]
    public async Task SheWhoReceivedMoreThanSheGaveIsKindlyPointedToRequestsInHerThemes()
    {
        var request = await Network.PostAsync(_member, Visibility.Network);
        await Network.AnswerAsync(_coordinatrice, request);
        SignIn(_member, "Nina Petit");

        var profile = RenderProfile(_member);

        Assert.Contains("0 coup de pouce donné, 1 reçu", System.Text.RegularExpressions.Regex.Replace(profile.Find(".balance").TextContent, @"\s+", " "));
        Assert.Contains("Vous avez reçu plus de coups de pouce que vous n'en avez donné", profile.Find(".balance-suggestion").TextContent);
        Assert.Equal("/je-peux-aider", profile.Find(".balance-suggestion a").GetAttribute("href"));
    }

    [Fact]
    public async Task HerCoordinatriceReadsHerBalanceWithoutTheSuggestionMeantForHer()
    {
        var request = await Network.PostAsync(_member, Visibility.Network);
        await Network.AnswerAsync(_coordinatrice, request);
        SignIn(_coordinatrice, "Claire Moreau", moderates: true);

        var profile = RenderProfile(_member);

        Assert.Contains("0 coup de pouce donné, 1 reçu", System.Text.RegularExpressions.Regex.Replace(profile.Find(".balance").TextContent, @"\s+", " "));
        Assert.Empty(profile.FindAll(".balance-suggestion"));
    }

    [Fact]
    public void OnAnotherMembersProfileSheReadsHerRequests()
    {
        SignIn(_coordinatrice, "Claire Moreau", moderates: true);

        var profile = RenderProfile(_member);

        Assert.Equal("Ses demandes", profile.Find("#profile-requests").TextContent.Trim());
    }

    [Fact]
    public async Task ASuspendedMemberReadsWhyAndUntilWhenOnHerProfile()
    {
        await SuspendAsync();
        SignIn(_member, "Nina Petit");

        var profile = RenderProfile(_member);

        var banner = profile.WaitForElement(".suspension-banner");
        Assert.Contains("« Messages publicitaires répétés »", banner.TextContent);
        Assert.Contains("Vos publications sont suspendues jusqu'au", banner.TextContent);
    }

    [Fact]
    public async Task ACoordinatriceLiftsASuspensionOnceSheConfirms()
    {
        await SuspendAsync();
        SignIn(_coordinatrice, "Claire Moreau", moderates: true);
        var profile = RenderProfile(_member);

        profile.Find("[data-moderation=lift]").Click(); // not awaited: it waits for her answer in the dialog
        var confirm = profile.WaitForElement("[data-dialog=confirm]");
        Assert.Contains("Nina Petit pourra de nouveau publier", profile.Find(".confirm-dialog").TextContent);
        await confirm.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        profile.WaitForAssertion(() => Assert.Empty(profile.FindAll("[data-moderation=lift]")));
        Assert.Null(await Network.Get<SuspendMemberHandler>().OfAsync(_member));
        var logged = await Network.QueryAsync(db => db.ModerationLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([ModerationAction.SuspendMember, ModerationAction.LiftSuspension], logged);
    }

    [Fact]
    public async Task ASuspensionWaitsForTheCoordinatricesConfirmation()
    {
        SignIn(_coordinatrice, "Claire Moreau", moderates: true);
        var profile = RenderProfile(_member);
        profile.Find("input[name=SuspensionReason]").Input(new ChangeEventArgs { Value = "Ton agressif envers une membre" });

        profile.Find("[data-moderation=suspend]").Click(); // not awaited: it waits for her answer in the dialog
        await profile.WaitForElement("[data-dialog=cancel]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        Assert.Null(await Network.Get<SuspendMemberHandler>().OfAsync(_member));

        profile.Find("[data-moderation=suspend]").Click(); // not awaited: it waits for her answer in the dialog
        await profile.WaitForElement("[data-dialog=confirm]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        profile.WaitForAssertion(() => Assert.NotEmpty(profile.FindAll("[data-moderation=lift]")));
        var suspension = await Network.Get<SuspendMemberHandler>().OfAsync(_member);
        Assert.Equal("Ton agressif envers une membre", suspension!.Reason);
    }

    [Fact]
    public async Task ATooShortReasonIsSaidUnderItAndNoConfirmationIsAsked()
    {
        SignIn(_coordinatrice, "Claire Moreau", moderates: true);
        var profile = RenderProfile(_member);

        await profile.Find("input[name=SuspensionReason]").InputAsync(new ChangeEventArgs { Value = "Non" });
        await profile.Find("[data-moderation=suspend]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        profile.WaitForAssertion(() => Assert.Equal("Expliquez la raison en 5 à 500 caractères : l'autrice la lira.",
            profile.Find("input[name=SuspensionReason]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim()));
        Assert.Empty(profile.FindAll("[data-dialog=confirm]"));
        Assert.Null(await Network.Get<SuspendMemberHandler>().OfAsync(_member));
        Assert.Equal("Non", profile.Find("input[name=SuspensionReason]").GetAttribute("value"));
    }
}
