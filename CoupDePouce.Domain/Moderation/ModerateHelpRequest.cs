using System.Globalization;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Resources;

namespace CoupDePouce.Domain.Moderation;

/// <summary>A coordinatrice of the request's coordination, or an admin, takes it off the board, saying why (its
/// author is told and still sees it, marked hidden).</summary>
public sealed record HideHelpRequest(Guid ModeratorId, long RequestId, string Reason);

public sealed record RestoreHelpRequest(Guid ModeratorId, long RequestId);

/// <summary>Locked: it stays readable, nobody can answer any more (unlocking opens it again).</summary>
public sealed record LockHelpRequest(Guid ModeratorId, long RequestId, bool Locked = true);

/// <summary>Moderation of a request. Who may do it is the aggregate's rule; every decision is logged with it.</summary>
public sealed class ModerateHelpRequestHandler(HelpRequestActions actions)
{
    public const int MinReasonLength = 5;

    public Task<Result<bool>> HandleAsync(HideHelpRequest command, CancellationToken ct = default)
    {
        var reason = Text.Clean(command.Reason ?? string.Empty);
        if (reason.Length is < MinReasonLength or > ModerationEntry.MaxReasonLength)
        {
            return Task.FromResult(Result<bool>.Invalid(new Problem(
                nameof(HideHelpRequest.Reason),
                string.Format(CultureInfo.CurrentCulture, Messages.ModerationReasonLength, MinReasonLength, ModerationEntry.MaxReasonLength))));
        }

        return actions.RunAsync(command.ModeratorId, command.RequestId, context =>
        {
            context.Request.Hide(context.Viewer, reason, context.Now);
            return true;
        }, ct);
    }

    public Task<Result<bool>> HandleAsync(RestoreHelpRequest command, CancellationToken ct = default) =>
        actions.RunAsync(command.ModeratorId, command.RequestId, context =>
        {
            context.Request.Restore(context.Viewer, context.Now);
            return true;
        }, ct);

    public Task<Result<bool>> HandleAsync(LockHelpRequest command, CancellationToken ct = default) =>
        actions.RunAsync(command.ModeratorId, command.RequestId, context =>
        {
            context.Request.SetLocked(context.Viewer, command.Locked, context.Now);
            return true;
        }, ct);
}
