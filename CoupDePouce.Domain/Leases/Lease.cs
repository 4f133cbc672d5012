namespace CoupDePouce.Domain.Leases;

/// <summary>Who may do a piece of shared work until when (decision 033): several instances of the app run the same
/// timed checks; the one holding the lease does, the others wait their turn. Held a short while and renewed each run,
/// so that an instance that stops (or dies) is replaced once its lease runs out.</summary>
public sealed class Lease
{
    public const int MaxNameLength = 64;
    public const int MaxHolderLength = 200;

    private Lease()
    {
        Name = string.Empty;
        Holder = string.Empty;
    }

    public string Name { get; private set; }

    public string Holder { get; private set; }

    public DateTime Until { get; private set; }
}
