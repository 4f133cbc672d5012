using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;

namespace CoupDePouce.Domain.FollowUps;

/// <summary>« Est-ce que ça a marché ? » — oui, en partie, non: the asker says it once, after she was asked. It feeds
/// the dashboards' « Efficacité ».</summary>
public sealed record AnswerFollowUp(Guid MemberId, long RequestId, FollowUpAnswer Answer);

public sealed class AnswerFollowUpHandler(HelpRequestActions actions)
{
    public Task<Result<FollowUpAnswer>> HandleAsync(AnswerFollowUp command, CancellationToken ct = default) =>
        actions.RunAsync(command.MemberId, command.RequestId, context =>
        {
            context.Request.AnswerFollowUp(context.MemberId, command.Answer, context.Now);
            return command.Answer;
        }, ct);
}
