using AngleSharp.Dom;
using Bunit;
using CoupDePouce.App.Components.Pages.HelpRequests;
using CoupDePouce.Domain.HelpRequests;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>The request page rendered by bunit for one viewer, with the providers MudBlazor's dialogs, selects and
/// snackbars need. Rennes and Lyon; Camille Martin asks and Sophie Bernard helps, both from Rennes.</summary>
public abstract class RequestPageTest : ComponentTest
{
    protected int Rennes { get; private set; }

    protected int Lyon { get; private set; }

    protected Guid Asker { get; private set; }

    protected Guid Helper { get; private set; }

    /// <summary>Where MudBlazor renders dialogs (the hide-reason form, confirmations).</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    /// <summary>Where MudBlazor renders popovers (a select's options, the duplicate picker's list).</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Rennes = await Network.AddCoordinationAsync("Rennes");
        Lyon = await Network.AddCoordinationAsync("Lyon");
        Asker = await Network.AddMemberAsync(Rennes, "Camille Martin");
        Helper = await Network.AddMemberAsync(Rennes, "Sophie Bernard");
    }

    /// <summary>She opens the request's page (signed in as herself) and it has shown the request.</summary>
    protected IRenderedComponent<HelpRequestPage> Open(Guid viewer, long requestId, string name = "Camille Martin", bool moderates = false, bool admin = false)
    {
        SignIn(viewer, name, moderates, admin);
        return Render(p => p.Add(x => x.Id, requestId));
    }

    /// <summary>Renders the page for whoever signed in, with the providers, once it has shown the request.</summary>
    protected IRenderedComponent<HelpRequestPage> Render(Action<ComponentParameterCollectionBuilder<HelpRequestPage>> parameters)
    {
        // A live page, as on her screen (the send button waits for it).
        Context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Popovers = Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        var page = Context.Render(parameters);
        try
        {
            page.WaitForElement("#request-title", TimeSpan.FromSeconds(5));
        }
        catch (Bunit.Extensions.WaitForHelpers.WaitForFailedException e)
        {
            throw new InvalidOperationException($"The page did not show the request; it showed: {page.Markup}", e);
        }

        return page;
    }

    protected Task<HelpRequestView> ViewAsync(Guid viewer, long requestId) =>
        Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(requestId, viewer))!;

    protected IEnumerable<string> Snackbars => Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? string.Empty);

    /// <summary>The request's buttons as the page shows them (actions bar and moderation panel).</summary>
    protected static IReadOnlySet<string> RequestButtons(IRenderedComponent<HelpRequestPage> page) =>
        Buttons(page.FindAll(".request-page > .request-actions, .request-page > .moderation-panel"));

    /// <summary>One message's buttons.</summary>
    protected static IReadOnlySet<string> MessageButtons(IRenderedComponent<HelpRequestPage> page, long answerId) =>
        Buttons(page.FindAll($".thread-message[data-answer-id='{answerId}'] .message-actions"));

    private static SortedSet<string> Buttons(IEnumerable<IElement> within)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scope in within)
        {
            foreach (var button in scope.QuerySelectorAll("[data-action], [data-moderation]"))
            {
                names.Add(button.GetAttribute("data-action") ?? button.GetAttribute("data-moderation")!);
            }

            foreach (var (css, name) in new[] { (".report-button", "report"), (".thanks-button", "thanks"), (".helpful-button", "helpful") })
            {
                if (scope.QuerySelector(css) is not null)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>What the Domain offers, named as the page's buttons: the page must show exactly these.</summary>
    protected static SortedSet<string> Offered(RequestActions a)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void When(bool offered, string name)
        {
            if (offered)
            {
                names.Add(name);
            }
        }

        When(a.CanFollow, "follow");
        When(a.CanReopen, "reopen");
        When(a.CanEdit, "edit");
        When(a.CanWithdraw, "withdraw");
        When(a.CanClose, "close");
        When(a.CanReport, "report");
        When(a.CanModerate && a.CanRestore, "restore");
        When(a.CanModerate && a.CanHide, "hide");
        When(a.CanModerate && a.CanLock, "lock");
        When(a.CanModerate && a.CanUnlock, "unlock");
        When(a.CanModerate && a.CanPin, "pin");
        When(a.CanModerate && a.CanUnpin, "unpin");
        When(a.CanModerate && a.CanChangeTheme, "theme");
        When(a.CanModerate && a.CanCloseAsDuplicate, "duplicate");
        return names;
    }

    protected static SortedSet<string> Offered(AnswerActions a)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (offered, name) in new[]
                 {
                     (a.CanEdit, "edit-answer"), (a.CanWithdraw, "withdraw-answer"), (a.CanThank, "thanks"), (a.CanMarkHelpful, "helpful"),
                     (a.CanReport, "report"), (a.CanHide, "hide-answer"), (a.CanRestore, "restore-answer"),
                 })
        {
            if (offered)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The page shows, on the request and on each message, exactly the buttons the Domain offers her.</summary>
    protected async Task AssertShowsExactlyWhatSheIsOfferedAsync(IRenderedComponent<HelpRequestPage> page, Guid viewer, long requestId)
    {
        var view = await ViewAsync(viewer, requestId);
        Assert.Equal(Offered(view.Actions), RequestButtons(page));
        foreach (var message in view.Thread)
        {
            Assert.Equal(Offered(message.Actions), MessageButtons(page, message.Id));
        }
    }
}
