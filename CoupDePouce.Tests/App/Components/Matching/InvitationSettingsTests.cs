using Bunit;
using CoupDePouce.App.Components.Pages.Matching;
using CoupDePouce.Domain.Matching;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.Matching;

/// <summary>Her invitations to help in her settings: what is stored shows, a choice is saved and said, and a refusal
/// shows under its field in her language with nothing changed.</summary>
public sealed class InvitationSettingsTests : ComponentTest
{
    private Guid _member;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _member = await Network.AddMemberAsync(await Network.AddCoordinationAsync("Rennes"), "Camille Martin");
        SignIn(_member);
    }

    private IRenderedComponent<InvitationSettings> Render()
    {
        var settings = RenderLive<InvitationSettings>(p => p.Add(x => x.MemberId, _member));
        Context.Render<MudPopoverProvider>();
        return settings;
    }

    private IEnumerable<string> Snackbars => Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? string.Empty);

    private Task<InvitationChoices> StoredAsync() => Network.Get<ChooseInvitationPreferencesHandler>().ReadAsync(_member);

    [Fact]
    public void ShowsThreeAWeekAndNoQuietHoursUntilSheChooses()
    {
        var settings = Render();

        settings.WaitForAssertion(() => Assert.Equal("3", settings.Find(".invitations-per-week input").GetAttribute("value")));
        Assert.Equal("Aucune", settings.Find(".quiet-from input").GetAttribute("value"));
        Assert.Equal("Aucune", settings.Find(".quiet-until input").GetAttribute("value"));
    }

    [Fact]
    public async Task SavesWhatSheChoseAndSaysSo()
    {
        var settings = Render();
        settings.WaitForElement("[data-action=save-invitations]");
        var (from, until) = (settings.FindComponents<MudSelect<TimeOnly?>>()[0], settings.FindComponents<MudSelect<TimeOnly?>>()[1]);

        await settings.InvokeAsync(() => settings.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(1));
        await settings.InvokeAsync(() => from.Instance.ValueChanged.InvokeAsync(new TimeOnly(21, 0)));
        await settings.InvokeAsync(() => until.Instance.ValueChanged.InvokeAsync(new TimeOnly(8, 0)));
        await settings.Find("[data-action=save-invitations]").ClickAsync(new());

        settings.WaitForAssertion(() => Assert.Contains("Enregistré.", Snackbars));
        Assert.Equal(new InvitationChoices(1, new TimeOnly(21, 0), new TimeOnly(8, 0)), await StoredAsync());
    }

    [Fact]
    public async Task QuietHoursWithoutAnEndAreRefusedUnderTheFieldAndNothingChanges()
    {
        var settings = Render();
        settings.WaitForElement("[data-action=save-invitations]");

        await settings.InvokeAsync(() => settings.FindComponents<MudSelect<TimeOnly?>>()[0].Instance.ValueChanged.InvokeAsync(new TimeOnly(22, 0)));
        await settings.Find("[data-action=save-invitations]").ClickAsync(new());

        settings.WaitForAssertion(() => Assert.Equal(
            "Indiquez le début et la fin de vos heures calmes, ou aucune des deux.",
            settings.Find(".quiet-until .mud-input-helper-text").TextContent.Trim()));
        Assert.Equal(new InvitationChoices(3, null, null), await StoredAsync());
        Assert.Equal("22:00", settings.Find(".quiet-from input").GetAttribute("value"));
    }
}
