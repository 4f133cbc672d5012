using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain;

/// <summary>Base for Domain tests that need the usual two coordinations, Rennes and Lyon, before their own members.</summary>
public abstract class RennesAndLyonTest(DatabaseProvider provider = DatabaseProvider.Sqlite) : NetworkTest(provider)
{
    protected int Rennes { get; private set; }

    protected int Lyon { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Rennes = await Network.AddCoordinationAsync("Rennes");
        Lyon = await Network.AddCoordinationAsync("Lyon");
    }
}
