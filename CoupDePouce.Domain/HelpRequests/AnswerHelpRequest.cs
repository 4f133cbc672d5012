using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Following;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A member who may see the request writes in its thread (the asker too; her replies are not answers).
/// She then follows the request.</summary>
public sealed record AnswerHelpRequest(Guid MemberId, long RequestId, string? Body);

public sealed class AnswerHelpRequestValidator : AbstractValidator<AnswerHelpRequest>
{
    public AnswerHelpRequestValidator() => RuleFor(c => c.Body).ValidAnswerBody();
}

public sealed class AnswerHelpRequestHandler(HelpRequestActions actions, IValidator<AnswerHelpRequest> validator, Limits.MemberLimits limits)
{
    public async Task<Result<long>> HandleAsync(AnswerHelpRequest command, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return Result<long>.Invalid(validation);
        }

        var result = await actions.RunAsync(command.MemberId, command.RequestId, async context =>
        {
            if (await Moderation.SuspendMemberHandler.RefusalForAsync(context.Db, context.MemberId, context.Now, ct) is { } suspended)
            {
                throw DomainRuleViolation.Forbidden(suspended);
            }

            var answer = context.Request.AddAnswer(context.MemberId, command.Body!, context.Now, context.Viewer.HomeCoordinationId);
            // Counted once the answer is one she may give (nothing is saved when this refuses).
            if (limits.Refusal(context.MemberId, Limits.LimitedAction.Answer) is { } limited)
            {
                throw DomainRuleViolation.Forbidden(limited);
            }
            await FollowHelpRequestHandler.EnsureFollowingAsync(context.Db, context.MemberId, context.Request.Id, context.Now, ct);
            return answer;
        }, ct);
        return result.Map(answer => answer.Id);
    }
}
