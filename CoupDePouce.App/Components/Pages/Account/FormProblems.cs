using CoupDePouce.Domain.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace CoupDePouce.App.Components.Pages.Account;

/// <summary>Shows the Domain's problems in a server-rendered form (registration works before any circuit exists, so
/// it stays an EditForm; the live forms use <see cref="Shared.FormRules{TCommand}"/>): each next to its field (the form
/// model's property has the command property's name), the others above the form. The member's text is never touched.</summary>
public sealed class FormProblems
{
    private readonly EditContext _editContext;
    private readonly ValidationMessageStore _store;
    private readonly List<string> _general = [];

    public FormProblems(EditContext editContext)
    {
        _editContext = editContext;
        _store = new ValidationMessageStore(editContext);
        // Editing a field clears its message: she sees the problem go away as she fixes it.
        editContext.OnFieldChanged += (_, e) =>
        {
            _store.Clear(e.FieldIdentifier);
            _editContext.NotifyValidationStateChanged();
        };
    }

    public IReadOnlyList<string> General => _general;

    public void Clear()
    {
        _store.Clear();
        _general.Clear();
        _editContext.NotifyValidationStateChanged();
    }

    public void Show(IEnumerable<Problem> problems)
    {
        Clear();
        var model = _editContext.Model;
        foreach (var problem in problems)
        {
            if (problem.Field.Length > 0 && model.GetType().GetProperty(problem.Field) is not null)
            {
                _store.Add(new FieldIdentifier(model, problem.Field), problem.Message);
            }
            else
            {
                _general.Add(problem.Message);
            }
        }

        _editContext.NotifyValidationStateChanged();
    }
}
