using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Resources;
using FluentValidation;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The text rules of requests and answers, declared once for every command that carries them.</summary>
public static class HelpRequestRules
{
    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.TitleRequired)
            .Must(v => Text.Length(v) >= HelpRequest.TitleMinLength)
            .WithMessage(_ => Text.Format(Messages.TitleTooShort, HelpRequest.TitleMinLength))
            .Must(v => Text.Length(v) <= HelpRequest.TitleMaxLength)
            .WithMessage(_ => Text.Format(Messages.TitleTooLong, HelpRequest.TitleMaxLength));

    public static IRuleBuilderOptions<T, string?> ValidDetails<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.DetailsRequired)
            .Must(v => Text.Length(v) >= HelpRequest.DetailsMinLength)
            .WithMessage(_ => Text.Format(Messages.DetailsTooShort, HelpRequest.DetailsMinLength))
            .Must(v => Text.Length(v) <= HelpRequest.DetailsMaxLength)
            .WithMessage(_ => Text.Format(Messages.DetailsTooLong, HelpRequest.DetailsMaxLength));

    public static IRuleBuilderOptions<T, string?> ValidAnswerBody<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.AnswerRequired)
            .Must(v => Text.Length(v) >= Answer.BodyMinLength)
            .WithMessage(_ => Text.Format(Messages.AnswerTooShort, Answer.BodyMinLength))
            .Must(v => Text.Length(v) <= Answer.BodyMaxLength)
            .WithMessage(_ => Text.Format(Messages.AnswerTooLong, Answer.BodyMaxLength));
}
