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

        var asked = provider.InvokeAsync(() => ReasonDialog.AskAsync(dialogs!, "Masquer", "Raison", "Masquer", "HideReason", "hide-form",
            _ => throw new InvalidOperationException("SQLite Error 5: 'database is locked'.")));
        provider.WaitForElement("form.hide-form");
        await provider.Find("textarea[name=HideReason]").InputAsync(new ChangeEventArgs { Value = "Hors charte" });
        await provider.Find("form.hide-form").SubmitAsync();

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

        var asked = provider.InvokeAsync(() => ReasonDialog.AskAsync(dialogs!, "Masquer", "Raison", "Masquer", "HideReason", "hide-form",
            reason =>
            {
                given = reason;
                return Task.FromResult(Result<bool>.Success(true));
            }));
        provider.WaitForElement("form.hide-form");
        await provider.Find("textarea[name=HideReason]").InputAsync(new ChangeEventArgs { Value = "Hors charte" });
        await provider.Find("form.hide-form").SubmitAsync();

        Assert.True(await asked);
        Assert.Equal("Hors charte", given);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("form.hide-form")));
    }
}
