using CoupDePouce.Domain.Common;
using FluentValidation;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The author changes her answer; the previous version is kept and an "edited" mark shows.</summary>
public sealed record EditAnswer(Guid MemberId, long RequestId, long AnswerId, string? Body);

public sealed class EditAnswerValidator : AbstractValidator<EditAnswer>
{
    public EditAnswerValidator() => RuleFor(c => c.Body).ValidAnswerBody();
}

public sealed class EditAnswerHandler(HelpRequestActions actions, IValidator<EditAnswer> validator)
{
    public async Task<Result<bool>> HandleAsync(EditAnswer command, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return Result<bool>.Invalid(validation);
        }

        return await actions.RunAsync(command.MemberId, command.RequestId, context =>
        {
            context.Request.EditAnswer(context.MemberId, command.AnswerId, command.Body!, context.Now);
            return true;
        }, ct);
    }
}
