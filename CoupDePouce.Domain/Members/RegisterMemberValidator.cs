using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Resources;
using FluentValidation;

namespace CoupDePouce.Domain.Members;

public sealed class RegisterMemberValidator : AbstractValidator<RegisterMember>
{
    public RegisterMemberValidator()
    {
        RuleFor(c => c.DisplayName).Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.DisplayNameRequired)
            .Must(v => Text.Length(v) >= Member.DisplayNameMinLength)
            .WithMessage(_ => Text.Format(Messages.DisplayNameTooShort, Member.DisplayNameMinLength))
            .Must(v => Text.Length(v) <= Member.DisplayNameMaxLength)
            .WithMessage(_ => Text.Format(Messages.DisplayNameTooLong, Member.DisplayNameMaxLength));

        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.EmailRequired)
            .Must(v => Text.Clean(v).Length <= Member.EmailMaxLength)
            .WithMessage(_ => Text.Format(Messages.EmailTooLong, Member.EmailMaxLength))
            .Must(BeAnEmailAddress).WithMessage(_ => Messages.EmailInvalid);

        RuleFor(c => c.Password).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrEmpty(v)).WithMessage(_ => Messages.PasswordRequired)
            .Must(v => v!.Length >= Member.PasswordMinLength)
            .WithMessage(_ => Text.Format(Messages.PasswordTooShort, Member.PasswordMinLength))
            .Must(v => v!.Length <= Member.PasswordMaxLength)
            .WithMessage(_ => Text.Format(Messages.PasswordTooLong, Member.PasswordMaxLength))
            .Must(v => !Passwords.CommonPasswords.IsCommon(v!)).WithMessage(_ => Messages.PasswordTooCommon);

        RuleFor(c => c.HomeCoordinationId)
            .Must(v => v is > 0).WithMessage(_ => Messages.CoordinationRequired);

        RuleFor(c => c.Activity).Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.ActivityRequired)
            .Must(v => Text.Length(v) <= Member.ActivityMaxLength)
            .WithMessage(_ => Text.Format(Messages.ActivityTooLong, Member.ActivityMaxLength));
    }

    /// <summary>One @, something on both sides, a dot in the domain, no spaces: strict enough to catch typos,
    /// loose enough not to refuse real addresses.</summary>
    private static bool BeAnEmailAddress(string? value)
    {
        var email = Text.Clean(value);
        var at = email.IndexOf('@');
        return at > 0
            && at == email.LastIndexOf('@')
            && at < email.Length - 1
            && email[(at + 1)..].Contains('.')
            && !email.EndsWith('.')
            && !email.Any(char.IsWhiteSpace);
    }
}
