using CoupDePouce.Domain.Common;
using MudBlazor;

namespace CoupDePouce.App.Components.Shared;

/// <summary>Opens a <see cref="ReasonDialog{TCommand}"/>.</summary>
public static class ReasonDialog
{
    /// <summary>Asks for her words, puts them in the command <paramref name="command"/> builds and runs
    /// <paramref name="submit"/> with it; true once it went through, false when she cancelled.</summary>
    public static async Task<bool> AskAsync<TCommand>(IDialogService dialogs, string title, string label, string confirmText,
        Func<string, TCommand> command, Func<TCommand, Task<Result<bool>>> submit, string field = "Reason", string inputName = "Reason",
        Color color = Color.Error, string? intro = null, string? formClass = null)
    {
        var dialog = await dialogs.ShowAsync<ReasonDialog<TCommand>>(title, new DialogParameters<ReasonDialog<TCommand>>
        {
            { d => d.Label, label },
            { d => d.ConfirmText, confirmText },
            { d => d.Command, command },
            { d => d.Submit, submit },
            { d => d.Field, field },
            { d => d.InputName, inputName },
            { d => d.Color, color },
            { d => d.Intro, intro },
            { d => d.FormClass, formClass },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }
}
