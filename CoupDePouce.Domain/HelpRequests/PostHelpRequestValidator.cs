using CoupDePouce.Domain.Resources;
using FluentValidation;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The rules of a well-formed request; the form shows these messages next to each field.</summary>
public sealed class PostHelpRequestValidator : AbstractValidator<PostHelpRequest>
{
    public PostHelpRequestValidator()
    {
        RuleFor(c => c.Title).ValidTitle();
        RuleFor(c => c.Details).ValidDetails();
        RuleFor(c => c.ThemeId).GreaterThan(0).WithMessage(_ => Messages.ThemeRequired);
        RuleFor(c => c.Visibility).IsInEnum().WithMessage(_ => Messages.VisibilityUnknown);
    }
}
