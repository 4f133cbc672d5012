using CoupDePouce.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CoupDePouce.App.Components.Shared;

/// <summary>A <see cref="MudForm"/>'s rules, from the Domain: its validator says each field's problem (one source of
/// truth for the rule and its message, in her language), and what the handler refused shows too: under its field while
/// the field still holds the value refused, the rest in <see cref="General"/>. The rules speak once she has tried to
/// send, then follow her typing until it went through: never « au moins 10 caractères » under her first letters, nor a
/// field jumping down and up as she starts (decision 032). The form model's property names are the command's. Her
/// text is never touched.</summary>
public sealed class FormRules<TCommand>
{
    private readonly IValidator<TCommand> _validator;
    private readonly Func<TCommand> _command;
    private readonly HashSet<string> _fields = [];
    private readonly List<Refusal> _refusals = [];
    private readonly List<string> _general = [];
    private bool _speaking;

    /// <param name="command">The command as she has filled the form in now.</param>
    public FormRules(IValidator<TCommand> validator, Func<TCommand> command)
    {
        _validator = validator;
        _command = command;
        Validation = ValidateAsync;
    }

    /// <summary>For <c>&lt;MudForm Validation=…&gt;</c>: MudForm asks it for one field at a time (the path of its
    /// <c>For</c>, which is the command's property name).</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validation { get; }

    /// <summary>The command as she has filled the form in now.</summary>
    public TCommand Command => _command();

    /// <summary>The form the refusals are shown in (<c>@ref</c>).</summary>
    public MudForm? Form { get; set; }

    /// <summary>What the handler said that belongs to no field of the form (she may not, a limit, a suspension…).</summary>
    public IReadOnlyList<string> General => _general;

    /// <summary>Checks every field, as she will see it; true when the form may go to the handler. (MudForm has no
    /// submit of its own: its buttons call this first.)</summary>
    public async Task<bool> ReadyAsync()
    {
        if (Form is null)
        {
            return false;
        }

        _speaking = true;
        await Form.ValidateAsync();
        return Form.IsValid;
    }

    /// <summary>Shows what the handler refused, and has the form's fields say their part.</summary>
    public async Task ShowAsync(IEnumerable<Problem> problems)
    {
        Clear();
        _speaking = true;
        var command = _command();
        foreach (var problem in problems)
        {
            // A field the form has (MudForm asked about it before she could send): under it; anything else above.
            if (_fields.Contains(problem.Field))
            {
                _refusals.Add(new Refusal(problem.Field, problem.Message, ValueOf(command, problem.Field)));
            }
            else
            {
                _general.Add(problem.Message);
            }
        }

        if (Form is not null)
        {
            await Form.ValidateAsync();
        }
    }

    /// <summary>Hands the command to its handler; a refusal shows in the form (<see cref="ShowAsync"/>), and so does a
    /// failure of the server's, in plain words, never as a raw exception (the database not answering: « réessayez dans
    /// un instant »). Her text stays either way. Null when it failed.</summary>
    public async Task<Result<T>?> SendAsync<T>(Func<TCommand, Task<Result<T>>> handle, IStringLocalizer texts, ILogger logger)
    {
        Result<T> result;
        try
        {
            result = await handle(_command());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "A form's {Command} failed", typeof(TCommand).Name);
            await ShowAsync([new Problem(string.Empty, Failures.Say(e, texts))]);
            return null;
        }

        if (result.Succeeded)
        {
            Clear();
        }
        else
        {
            await ShowAsync(result.Problems);
        }

        return result;
    }

    /// <summary>It went through: nothing the handler said before stays, and the rules wait for her next try.</summary>
    public void Clear()
    {
        _speaking = false;
        _refusals.Clear();
        _general.Clear();
    }

    private async Task<IEnumerable<string>> ValidateAsync(object model, string property)
    {
        _fields.Add(property);
        var command = _command();
        var result = await _validator.ValidateAsync(ValidationContext<TCommand>.CreateWithOptions(command, o => o.IncludeProperties(property)));
        // A refusal stays while the field holds what was refused; once she changes it, it goes.
        var value = ValueOf(command, property);
        _refusals.RemoveAll(r => r.Field == property && !Equals(r.Value, value));
        return result.Errors.Where(_ => _speaking).Select(e => e.ErrorMessage)
            .Concat(_refusals.Where(r => r.Field == property).Select(r => r.Message))
            .Distinct()
            .ToList();
    }

    private static object? ValueOf(TCommand command, string property) =>
        typeof(TCommand).GetProperty(property)?.GetValue(command);

    private sealed record Refusal(string Field, string Message, object? Value);
}
