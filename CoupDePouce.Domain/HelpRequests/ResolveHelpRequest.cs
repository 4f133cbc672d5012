using CoupDePouce.Domain.Common;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The asker marks an answer « ça m'a aidée »: the request is resolved (several answers can be credited).</summary>
public sealed record MarkAnswerHelpful(Guid MemberId, long RequestId, long AnswerId);

/// <summary>The asker reopens her resolved request.</summary>
public sealed record ReopenHelpRequest(Guid MemberId, long RequestId);

public sealed class ResolveHelpRequestHandler(HelpRequestActions actions)
{
    public Task<Result<bool>> HandleAsync(MarkAnswerHelpful command, CancellationToken ct = default) =>
        actions.RunAsync(command.MemberId, command.RequestId, context =>
        {
            context.Request.MarkHelpful(context.MemberId, command.AnswerId, context.Now);
            return true;
        }, ct);

    public Task<Result<bool>> HandleAsync(ReopenHelpRequest command, CancellationToken ct = default) =>
        actions.RunAsync(command.MemberId, command.RequestId, context =>
        {
            context.Request.Reopen(context.MemberId, context.Now);
            return true;
        }, ct);
}
