namespace CoupDePouce.Domain.Coordinations;

/// <summary>A local chapter of the network: a town and its economic area, run by volunteer coordinatrices.</summary>
public sealed class Coordination
{
    public const int MaxNameLength = 80;
    public const int MaxRegionLength = 80;
    public const int MaxCountryLength = 60;

    private Coordination()
    {
        Name = string.Empty;
        Region = string.Empty;
        Country = string.Empty;
    }

    public Coordination(string name, string region, string country)
    {
        Name = name.Trim();
        Region = region.Trim();
        Country = country.Trim();
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Region { get; private set; }

    public string Country { get; private set; }

    /// <summary>Archived: closed to new members and moves; its members, requests and log stay readable.</summary>
    public bool IsArchived { get; private set; }

    internal void Rename(string name, string region, string country)
    {
        Name = name.Trim();
        Region = region.Trim();
        Country = country.Trim();
    }

    internal void SetArchived(bool archived) => IsArchived = archived;
}
