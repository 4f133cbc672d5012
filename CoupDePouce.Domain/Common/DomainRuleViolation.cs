namespace CoupDePouce.Domain.Common;

/// <summary>Thrown by an aggregate asked to break one of its rules; the message is for the member, in her
/// language. Use cases turn it into a refused <see cref="Result{T}"/> before anything is saved.</summary>
public sealed class DomainRuleViolation(string message, FailureKind kind = FailureKind.Invalid) : InvalidOperationException(message)
{
    public FailureKind Kind { get; } = kind;

    public static DomainRuleViolation Forbidden(string message) => new(message, FailureKind.Forbidden);

    public static DomainRuleViolation NotFound(string message) => new(message, FailureKind.NotFound);
}
