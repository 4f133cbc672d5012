using CoupDePouce.Domain.Common;
using FluentValidation;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The author changes her request's title and details; the previous version is kept.</summary>
public sealed record EditHelpRequest(Guid MemberId, long RequestId, string? Title, string? Details);

public sealed class EditHelpRequestValidator : AbstractValidator<EditHelpRequest>
{
    public EditHelpRequestValidator()
    {
        RuleFor(c => c.Title).ValidTitle();
        RuleFor(c => c.Details).ValidDetails();
    }
}

public sealed class EditHelpRequestHandler(HelpRequestActions actions, IValidator<EditHelpRequest> validator)
{
    public async Task<Result<bool>> HandleAsync(EditHelpRequest command, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return Result<bool>.Invalid(validation);
        }

        return await actions.RunAsync(command.MemberId, command.RequestId, context =>
        {
            context.Request.Edit(context.MemberId, command.Title!, command.Details!, context.Now);
            return true;
        }, ct);
    }
}
