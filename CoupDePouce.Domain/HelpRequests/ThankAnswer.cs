using CoupDePouce.Domain.Common;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>« merci » on an answer: once per member; asking again takes it back. Returns whether she now thanks it.</summary>
public sealed record ThankAnswer(Guid MemberId, long RequestId, long AnswerId);

public sealed class ThankAnswerHandler(HelpRequestActions actions, Limits.MemberLimits limits)
{
    public Task<Result<bool>> HandleAsync(ThankAnswer command, CancellationToken ct = default) =>
        actions.RunAsync(command.MemberId, command.RequestId, context =>
        {
            var thanks = context.Request.ToggleThanks(context.MemberId, command.AnswerId, context.Now).Thanks.Any(t => t.MemberId == context.MemberId);
            // Counted once the thanks is one she may give (nothing is saved when this refuses).
            if (limits.Refusal(context.MemberId, Limits.LimitedAction.Thank) is { } limited)
            {
                throw DomainRuleViolation.Forbidden(limited);
            }

            return thanks;
        }, ct);
}
