using Bunit;
using CoupDePouce.App.Components.Shared;
using CoupDePouce.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.Shared;

public sealed class ReasonDialogTests : ComponentTest
{
    [Fact]
    public async Task AFailureIsSaidInPlainWordsNeverAsARawExceptionAndHerReasonStays()
    {
        var provider = Context.Render<MudDialogProvider>();
        var dialogs = Context.Services.GetService(typeof(IDialogService)) as IDialogService;

        var asked = provider.InvokeAsync(() => ReasonDialog.AskAsync(dialogs!, "Masquer", "Raison", "Masquer",
            _ => throw new InvalidOperationException("SQLite Error 5: 'database is locked'."), inputName: "HideReason", formClass: "hide-form"));
        provider.WaitForElement("form.hide-form");
        await provider.Find("textarea[name=HideReason]").InputAsync(new ChangeEventArgs { Value = "Hors charte" });
        await provider.Find(".reason-dialog [data-dialog=confirm]").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Contains("Un problème est survenu.", provider.Find("form.hide-form").TextContent));
        Assert.DoesNotContain("SQLite", provider.Markup);
        Assert.Equal("Hors charte", provider.Find("textarea[name=HideReason]").GetAttribute("value"));
        Assert.False(asked.IsCompleted);
    }

    [Fact]
    public async Task ItClosesOnceTheDomainAcceptedTheReason()
    {
        var provider = Context.Render<MudDialogProvider>();
        var dialogs = Context.Services.GetService(typeof(IDialogService)) as IDialogService;
        string? given = null;

        var asked = provider.InvokeAsync(() => ReasonDialog.AskAsync(dialogs!, "Masquer", "Raison", "Masquer",
            reason =>
            {
                given = reason;
                return Task.FromResult(Result<bool>.Success(true));
            }, inputName: "HideReason", formClass: "hide-form"));
        provider.WaitForElement("form.hide-form");
        await provider.Find("textarea[name=HideReason]").InputAsync(new ChangeEventArgs { Value = "Hors charte" });
        await provider.Find(".reason-dialog [data-dialog=confirm]").ClickAsync(new());

        Assert.True(await asked);
        Assert.Equal("Hors charte", given);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("form.hide-form")));
    }
}
