using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Resources;
using FluentValidation;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The rules of a well-formed request, declared once; the form shows these messages next to each field.</summary>
public sealed class PostHelpRequestValidator : AbstractValidator<PostHelpRequest>
{
    public PostHelpRequestValidator()
    {
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.TitleRequired)
            .Must(v => Text.Length(v) >= HelpRequest.TitleMinLength)
            .WithMessage(_ => Text.Format(Messages.TitleTooShort, HelpRequest.TitleMinLength))
            .Must(v => Text.Length(v) <= HelpRequest.TitleMaxLength)
            .WithMessage(_ => Text.Format(Messages.TitleTooLong, HelpRequest.TitleMaxLength));

        RuleFor(c => c.Details).Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.DetailsRequired)
            .Must(v => Text.Length(v) >= HelpRequest.DetailsMinLength)
            .WithMessage(_ => Text.Format(Messages.DetailsTooShort, HelpRequest.DetailsMinLength))
            .Must(v => Text.Length(v) <= HelpRequest.DetailsMaxLength)
            .WithMessage(_ => Text.Format(Messages.DetailsTooLong, HelpRequest.DetailsMaxLength));

        RuleFor(c => c.ThemeId)
            .GreaterThan(0).WithMessage(_ => Messages.ThemeRequired);

        RuleFor(c => c.Visibility)
            .IsInEnum().WithMessage(_ => Messages.VisibilityUnknown);
    }
}
