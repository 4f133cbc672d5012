using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.Moderation;

/// <summary>A coordinatrice's or admin's page, live (its buttons enabled), with MudBlazor's dialog and popover
/// providers rendered beside it as the layout renders them: a dialog the page opens is found in <see cref="Dialogs"/>,
/// an outcome in <see cref="Snackbars"/>.</summary>
public abstract class ModerationTest : ComponentTest
{
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    /// <summary>The outcomes shown to her, in the order they came.</summary>
    protected IEnumerable<string> Snackbars =>
        Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? string.Empty);

    /// <summary>Renders the page with the providers beside it; call it once she is signed in (bunit takes no new
    /// service once one was resolved, and its renderer resolves some).</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>()
        where TPage : IComponent
    {
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        return Context.Render<TPage>();
    }

    /// <summary>Types in the open dialog's field (as she types: MudTextField is immediate there).</summary>
    protected void TypeInDialog(string text) => Dialogs.Find(".mud-dialog textarea, .mud-dialog input").Input(text);

    protected void ConfirmDialog() => Dialogs.Find(".mud-dialog [data-dialog=confirm]").Click();

    protected void CancelDialog() => Dialogs.Find(".mud-dialog [data-dialog=cancel]").Click();
}
