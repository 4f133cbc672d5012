using CoupDePouce.Domain.Common;

namespace CoupDePouce.App.Components.Pages.Admin;

/// <summary>What the admin types for a coordination (its name, region, country; an e-mail to name a coordinatrice),
/// and what the Domain said of it: each problem next to its field (the command property's name), the others above.</summary>
public sealed class CoordinationEdit
{
    public string? Name { get; set; }

    public string? Region { get; set; }

    public string? Country { get; set; }

    public string? Email { get; set; }

    public IReadOnlyList<Problem> Problems { get; set; } = [];

    public string? ProblemWith(string field) =>
        Problems.Where(p => p.Field == field).Select(p => p.Message).FirstOrDefault();

    /// <summary>The problems that belong to no field of the form (she may not, it is unknown…).</summary>
    public string? General(params string[] fields) =>
        Problems.Where(p => !fields.Contains(p.Field)) is var general && general.Any() ? string.Join(" ", general.Select(p => p.Message)) : null;
}
