using Bunit;
using CoupDePouce.App.Components.Shared;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Moderation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.Shared;

/// <summary>The dialog that asks for a moderator's words: the Domain's rule for them under the field while she types,
/// the Domain's refusal too, her words kept; it closes once the Domain took them.</summary>
public sealed class ReasonDialogTests : ComponentTest
{
    private const string TooShort = "Expliquez la raison en 5 à 500 caractères : l'autrice la lira.";

    private IRenderedComponent<MudDialogProvider> _provider = default!;
    private int _submitted;

    private Task<bool> Ask(Func<HideHelpRequest, Task<Result<bool>>> submit)
    {
        _provider = Context.Render<MudDialogProvider>();
        var dialogs = (IDialogService)Context.Services.GetService(typeof(IDialogService))!;
        var asked = _provider.InvokeAsync(() => ReasonDialog.AskAsync(dialogs, "Masquer", "Raison", "Masquer",
            reason => new HideHelpRequest(Guid.Empty, 1, reason), command =>
            {
                _submitted++;
                return submit(command);
            }, inputName: "HideReason", formClass: "hide-form"));
        _provider.WaitForElement("form.hide-form");
        return asked;
    }

    private Task TypeAsync(string reason) => _provider.Find("textarea[name=HideReason]").InputAsync(new ChangeEventArgs { Value = reason });

    private Task ConfirmAsync() => _provider.Find(".reason-dialog [data-dialog=confirm]").ClickAsync(new());

    private string? ErrorUnderTheField() =>
        _provider.Find("textarea[name=HideReason]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    [Fact]
    public async Task TheDomainsRuleShowsUnderTheFieldOnceSheConfirmsAndNothingIsSent()
    {
        var asked = Ask(_ => Task.FromResult(Result<bool>.Success(true)));

        await TypeAsync("Non");
        Assert.Null(ErrorUnderTheField());
        await ConfirmAsync();

        _provider.WaitForAssertion(() => Assert.Equal(TooShort, ErrorUnderTheField()));
        Assert.Equal(0, _submitted);
        Assert.False(asked.IsCompleted);
        Assert.Equal("Non", _provider.Find("textarea[name=HideReason]").GetAttribute("value"));
    }

    [Fact]
    public async Task ARefusalOfHerWordsStaysUnderTheFieldUntilSheChangesThem()
    {
        var asked = Ask(_ => Task.FromResult(Result<bool>.Invalid(new Problem(nameof(HideHelpRequest.Reason), "Ces mots ne conviennent pas."))));
        await TypeAsync("Hors charte");

        await ConfirmAsync();

        _provider.WaitForAssertion(() => Assert.Equal("Ces mots ne conviennent pas.", ErrorUnderTheField()));
        Assert.Equal("Hors charte", _provider.Find("textarea[name=HideReason]").GetAttribute("value"));
        await _provider.Find("textarea[name=HideReason]").BlurAsync(new());
        Assert.Equal("Ces mots ne conviennent pas.", ErrorUnderTheField());

        await TypeAsync("Hors charte du réseau");

        _provider.WaitForAssertion(() => Assert.Null(ErrorUnderTheField()));
        Assert.False(asked.IsCompleted);
    }

    [Fact]
    public async Task AFailureIsSaidInPlainWordsNeverAsARawExceptionAndHerReasonStays()
    {
        var asked = Ask(_ => throw new InvalidOperationException("SQLite Error 5: 'database is locked'."));
        await TypeAsync("Hors charte");

        await ConfirmAsync();

        _provider.WaitForAssertion(() => Assert.Contains("Un problème est survenu.", _provider.Find("form.hide-form .form-alert").TextContent));
        Assert.DoesNotContain("SQLite", _provider.Markup);
        Assert.Equal("Hors charte", _provider.Find("textarea[name=HideReason]").GetAttribute("value"));
        Assert.False(asked.IsCompleted);
    }

    [Fact]
    public async Task ItClosesOnceTheDomainAcceptedTheReasonAndADoubleClickSendsItOnce()
    {
        var gate = new TaskCompletionSource<Result<bool>>();
        string? given = null;
        var asked = Ask(command =>
        {
            given = command.Reason;
            return gate.Task;
        });
        await TypeAsync("Hors charte");

        var first = ConfirmAsync();
        await ConfirmAsync();
        gate.SetResult(Result<bool>.Success(true));
        await first;

        Assert.True(await asked);
        Assert.Equal(1, _submitted);
        Assert.Equal("Hors charte", given);
        _provider.WaitForAssertion(() => Assert.Empty(_provider.FindAll("form.hide-form")));
    }
}
