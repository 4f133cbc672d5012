using CoupDePouce.Domain.Persistence;
using CoupDePouce.Tests.Support;

namespace CoupDePouce.Tests.Domain;

/// <summary>Base for Domain tests: a fresh network on its own database per test, messages in French. The rules hold on
/// both engines: a class that takes the engine runs on each through its nested <c>OnSqlite</c> and <c>OnPostgres</c>
/// classes (decision 033).</summary>
public abstract class NetworkTest(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    private readonly CultureScope _culture = CultureScope.French();

    protected TestNetwork Network { get; private set; } = default!;

    protected DatabaseProvider Provider => provider;

    public virtual async Task InitializeAsync() => Network = await TestNetwork.CreateAsync(provider: provider);

    public async Task DisposeAsync()
    {
        await Network.DisposeAsync();
        _culture.Dispose();
    }
}
