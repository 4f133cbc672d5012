using FluentValidation.Results;

namespace CoupDePouce.Domain.Common;

/// <summary>Why a use case refused to act. Pages map these to a message, a "not available" page or a sign-in.</summary>
public enum FailureKind
{
    None,
    Invalid,
    Forbidden,
    NotFound,
}

/// <summary>One thing wrong with the input, already in the member's language. <see cref="Field"/> names the
/// command property it belongs to, or is empty when it concerns the whole request.</summary>
public sealed record Problem(string Field, string Message);

/// <summary>The outcome of a use case: a value, or the problems that stopped it (and nothing was changed).</summary>
public sealed class Result<T>
{
    internal Result(T? value, FailureKind failure, IReadOnlyList<Problem> problems, bool alreadyCounted = false)
    {
        if (failure != FailureKind.None && !alreadyCounted)
        {
            // Every refusal a use case gives passes here, once (a refusal carried on by Map is not counted again).
            Diagnostics.BoardMetrics.Refused(failure);
        }

        Value = value;
        Failure = failure;
        Problems = problems;
    }

    public T? Value { get; }

    public FailureKind Failure { get; }

    public IReadOnlyList<Problem> Problems { get; }

    public bool Succeeded => Failure == FailureKind.None;

    public static Result<T> Success(T value) => new(value, FailureKind.None, []);

    public static Result<T> Invalid(params Problem[] problems) => new(default, FailureKind.Invalid, problems);

    public static Result<T> Invalid(ValidationResult validation) =>
        new(default, FailureKind.Invalid, validation.Errors.Select(e => new Problem(e.PropertyName, e.ErrorMessage)).ToList());

    public static Result<T> Forbidden(string message) => new(default, FailureKind.Forbidden, [new Problem(string.Empty, message)]);

    public static Result<T> NotFound(string message) => new(default, FailureKind.NotFound, [new Problem(string.Empty, message)]);

    public static Result<T> Refused(DomainRuleViolation violation) =>
        new(default, violation.Kind, [new Problem(string.Empty, violation.Message)]);

    /// <summary>The same outcome with the value turned into another (an entity into its id).</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) =>
        Succeeded ? Result<TOut>.Success(map(Value!)) : new Result<TOut>(default, Failure, Problems, alreadyCounted: true);

    /// <summary>The messages for one field, for showing next to it.</summary>
    public IEnumerable<string> MessagesFor(string field) =>
        Problems.Where(p => p.Field == field).Select(p => p.Message);
}
