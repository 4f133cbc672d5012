using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Moderation;

/// <summary>A coordinatrice of the request's coordination, or an admin, takes it off the board, saying why (its
/// author is told and still sees it, marked hidden).</summary>
public sealed record HideHelpRequest(Guid ModeratorId, long RequestId, string Reason);

public sealed record RestoreHelpRequest(Guid ModeratorId, long RequestId);

/// <summary>Locked: it stays readable, nobody can answer any more (unlocking opens it again).</summary>
public sealed record LockHelpRequest(Guid ModeratorId, long RequestId, bool Locked = true);

public sealed record PinHelpRequest(Guid ModeratorId, long RequestId, bool Pinned = true);

public sealed record ChangeHelpRequestTheme(Guid ModeratorId, long RequestId, int ThemeId);

/// <summary>Closed as a duplicate: the thread points to the original, which must be visible to everyone who sees
/// the duplicate.</summary>
public sealed record CloseAsDuplicate(Guid ModeratorId, long RequestId, long OriginalId);

/// <summary>An answer off the thread, with a reason its author reads: by a coordinatrice of the request's
/// coordination or of the coordination its author belongs to, or an admin.</summary>
public sealed record HideAnswer(Guid ModeratorId, long RequestId, long AnswerId, string Reason);

public sealed record RestoreAnswer(Guid ModeratorId, long RequestId, long AnswerId);

/// <summary>Moderation of a request. Who may do it is the aggregate's rule; every decision is logged with it.</summary>
public sealed class ModerateHelpRequestHandler(HelpRequestActions actions)
{
    public Task<Result<bool>> HandleAsync(HideHelpRequest command, CancellationToken ct = default)
    {
        if (ModerationReason.Check(command.Reason, nameof(HideHelpRequest.Reason), Messages.ModerationReasonLength, out var reason) is { } problem)
        {
            return Task.FromResult(Result<bool>.Invalid(problem));
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

    public Task<Result<bool>> HandleAsync(HideAnswer command, CancellationToken ct = default)
    {
        if (ModerationReason.Check(command.Reason, nameof(HideAnswer.Reason), Messages.ModerationReasonLength, out var reason) is { } problem)
        {
            return Task.FromResult(Result<bool>.Invalid(problem));
        }

        return actions.RunAsync(command.ModeratorId, command.RequestId, async context =>
        {
            context.Request.HideAnswer(context.Viewer, command.AnswerId, await AuthorCoordinationAsync(context, command.AnswerId, ct), reason, context.Now);
            return true;
        }, ct);
    }

    public Task<Result<bool>> HandleAsync(RestoreAnswer command, CancellationToken ct = default) =>
        actions.RunAsync(command.ModeratorId, command.RequestId, async context =>
        {
            context.Request.RestoreAnswer(context.Viewer, command.AnswerId, await AuthorCoordinationAsync(context, command.AnswerId, ct), context.Now);
            return true;
        }, ct);

    /// <summary>The home coordination of the answer's author (an answer not in this request: not found).</summary>
    private static Task<int> AuthorCoordinationAsync(HelpRequestActions.Context context, long answerId, CancellationToken ct) =>
        context.HomeCoordinationOfAsync(context.Request.FindAnswer(answerId).AuthorId, ct);

    public Task<Result<bool>> HandleAsync(LockHelpRequest command, CancellationToken ct = default) =>
        actions.RunAsync(command.ModeratorId, command.RequestId, context =>
        {
            context.Request.SetLocked(context.Viewer, command.Locked, context.Now);
            return true;
        }, ct);

    public Task<Result<bool>> HandleAsync(PinHelpRequest command, CancellationToken ct = default) =>
        actions.RunAsync(command.ModeratorId, command.RequestId, context =>
        {
            context.Request.SetPinned(context.Viewer, command.Pinned, context.Now);
            return true;
        }, ct);

    public Task<Result<bool>> HandleAsync(ChangeHelpRequestTheme command, CancellationToken ct = default) =>
        actions.RunAsync(command.ModeratorId, command.RequestId, async context =>
        {
            if (!await context.Db.Themes.AnyAsync(t => t.Id == command.ThemeId, ct))
            {
                throw new DomainRuleViolation(Messages.ThemeUnknown);
            }

            context.Request.ChangeTheme(context.Viewer, command.ThemeId, context.Now);
            return true;
        }, ct);

    public Task<Result<bool>> HandleAsync(CloseAsDuplicate command, CancellationToken ct = default) =>
        actions.RunAsync(command.ModeratorId, command.RequestId, async context =>
        {
            var original = await context.Db.HelpRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.OriginalId, ct);
            if (original is null || !context.Viewer.CanSee(original))
            {
                throw new DomainRuleViolation(Messages.NotASuitableOriginal);
            }

            context.Request.CloseAsDuplicate(context.Viewer, original, context.Now);
            return true;
        }, ct);
}

/// <summary>The reason's rule, for the form that asks for it (the handler checks it the same way).</summary>
public sealed class HideHelpRequestValidator : AbstractValidator<HideHelpRequest>
{
    public HideHelpRequestValidator() => RuleFor(c => c.Reason).ValidReason(() => Messages.ModerationReasonLength);
}

public sealed class HideAnswerValidator : AbstractValidator<HideAnswer>
{
    public HideAnswerValidator() => RuleFor(c => c.Reason).ValidReason(() => Messages.ModerationReasonLength);
}
