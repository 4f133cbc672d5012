namespace CoupDePouce.App.Components.Pages.Admin;

/// <summary>What the admin types for a coordination (its name, region, country; an e-mail to name a coordinatrice),
/// named as the commands' properties so that the Domain's messages land next to the right field.</summary>
public sealed class CoordinationEdit
{
    public string? Name { get; set; }

    public string? Region { get; set; }

    public string? Country { get; set; }

    public string? Email { get; set; }
}
