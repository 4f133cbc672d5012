using Bunit;
using CoupDePouce.App.Components.Pages.Members;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Themes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.Members;

/// <summary>Her settings: switches and skills both save as soon as she changes them, and say so.</summary>
public sealed class SettingsPageTests : ComponentTest
{
    private Guid _member;

    private async Task<IRenderedComponent<SettingsPage>> RenderAsync()
    {
        _member = await Network.AddMemberAsync(await Network.AddCoordinationAsync("Rennes"));
        SignIn(_member);
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Context.Render<SettingsPage>();
        page.WaitForElement(".settings-cards");
        return page;
    }

    private IEnumerable<string?> Said() =>
        Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message);

    [Fact]
    public async Task TurningASwitchOffSavesItAtOnceAndSaysSo()
    {
        var page = await RenderAsync();

        await page.Find("input[name=notify-AnswerThanked]").ChangeAsync(new ChangeEventArgs { Value = false });

        var settings = await Network.Get<NotificationInboxHandler>().SettingsAsync(_member);
        Assert.False(settings[NotificationKind.AnswerThanked]);
        Assert.True(settings[NotificationKind.NewAnswer]);
        Assert.Equal(["Enregistré."], Said());
        Assert.False(page.Find("input[name=notify-AnswerThanked]").HasAttribute("checked"));
    }

    [Fact]
    public async Task TickingASkillSavesItAtOnceLikeTheSwitches()
    {
        var page = await RenderAsync();
        var theme = (await Network.Get<ListThemesHandler>().HandleAsync())[1];

        await page.Find($"input[name=skill-{theme.Slug}]").ChangeAsync(new ChangeEventArgs { Value = true });

        var profile = await Network.Get<ViewMemberProfileHandler>().HandleAsync(new ViewMemberProfile(_member, _member));
        Assert.Equal([theme.Slug], profile!.SkillSlugs);
        Assert.Equal(["Enregistré."], Said());
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Enregistrer");
    }

    [Fact]
    public async Task SheCanLeaveTheHelpersListAndItIsSavedAtOnce()
    {
        var page = await RenderAsync();
        Assert.Equal("true", page.Find("input[name=helper-listing]").GetAttribute("aria-checked"));

        await page.Find("input[name=helper-listing]").ChangeAsync(new ChangeEventArgs { Value = false });

        Assert.True(await Network.Get<ChooseHelperListingHandler>().IsHiddenAsync(_member));
        Assert.Equal(["Enregistré."], Said());
    }

    [Fact]
    public async Task TheCardsStandApartAndTheCoordinationMoveIsOffered()
    {
        var page = await RenderAsync();

        Assert.Equal(6, page.FindAll(".settings-cards > section.form-card").Count);
        Assert.NotNull(page.Find(".settings-cards #invitation-settings"));
        Assert.Contains("Vous êtes membre de Rennes.", page.Find(".move-settings").TextContent);
        Assert.NotNull(page.Find(".move-settings [data-move=ask]"));
    }

    [Fact]
    public async Task HerDataCardOffersTheDownloadAsAFileAndTheDeletionOnItsOwnPage()
    {
        var page = await RenderAsync();

        var card = page.Find("section[aria-labelledby=my-data]");
        var download = card.QuerySelector($"a[href='{CoupDePouce.App.Hosting.PrivacyEndpoints.ExportPath}']")!;
        Assert.True(download.HasAttribute("download"));
        Assert.Equal("Télécharger mes données (JSON)", download.TextContent.Trim());
        Assert.NotNull(card.QuerySelector($"a[href='{CoupDePouce.App.Hosting.PrivacyEndpoints.DeletePath}']"));
    }
}
