using CoupDePouce.App.Components.Shared;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CoupDePouce.App.Components.Pages.HelpRequests;

/// <summary>What the request page's pieces share: the request as she sees it (with what she is offered), who she
/// is, and one way to run an action the Domain may refuse. Its outcome goes to a snackbar in her language (or next to
/// a field), then the page shows what is now true.</summary>
public abstract class RequestPiece : ComponentBase
{
    [Parameter, EditorRequired]
    public HelpRequestView Request { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid MemberId { get; set; }

    /// <summary>Her action went through (or was refused on stale data): the page loads what is now true.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Texts { get; set; } = default!;

    [Inject]
    private ILogger<RequestPiece> Logger { get; set; } = default!;

    /// <summary>Runs <paramref name="action"/>; says <paramref name="done"/> when it went through, any refusal in a
    /// snackbar. Never a raw exception: an unexpected failure is logged and said in plain words. Returns whether it
    /// went through.</summary>
    protected Task<bool> RunAsync<T>(Func<Task<Result<T>>> action, string? done = null) =>
        RunAsync(action, done, show: null, clear: null);

    /// <summary>The same for a form: a refusal shows in it through <paramref name="rules"/> (about a field under it,
    /// her text kept; anything else above the form's button).</summary>
    protected Task<bool> RunAsync<T, TCommand>(Func<Task<Result<T>>> action, string? done, FormRules<TCommand> rules) =>
        RunAsync(action, done, rules.ShowAsync, rules.Clear);

    private async Task<bool> RunAsync<T>(Func<Task<Result<T>>> action, string? done, Func<IEnumerable<Problem>, Task>? show, Action? clear)
    {
        Result<T> result;
        try
        {
            result = await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "An action on request {RequestId} failed", Request.Id);
            Snackbar.Add(Failures.Say(e, Texts), Severity.Error);
            return false;
        }

        if (!result.Succeeded)
        {
            if (show is not null)
            {
                await show(result.Problems);
                if (result.Problems.Any(p => p.Field.Length > 0))
                {
                    // Her input was refused, not the request changed: nothing to read again.
                    return false;
                }
            }
            else
            {
                Snackbar.Add(string.Join(" ", result.Problems.Select(p => p.Message)), Severity.Warning);
            }
        }
        else
        {
            clear?.Invoke();
            if (done is not null)
            {
                Snackbar.Add(done, Severity.Success);
            }
        }

        // Refused or not, the page shows what is now true (a refusal often means someone acted first).
        await Changed.InvokeAsync();
        return result.Succeeded;
    }
}

/// <summary>A request page as prerendering read it (<see cref="HelpRequestPage.Prerendered"/>): the request (null when
/// she may not see it), for whom, and the mark of the live stream the read started at.</summary>
public sealed record RequestSnapshot(long Id, Guid ViewerId, HelpRequestView? Request, CoupDePouce.App.Live.LiveMark Mark);
