namespace CoupDePouce.Domain.Common;

/// <summary>Thrown by an aggregate when asked to break one of its rules. Use cases check the rules first and
/// answer with a <see cref="Result{T}"/>; reaching this exception means a caller skipped that check.</summary>
public sealed class DomainRuleViolation(string message) : InvalidOperationException(message);
