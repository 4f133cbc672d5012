using CoupDePouce.Tests.Support;

namespace CoupDePouce.Tests.Domain;

/// <summary>Base for Domain tests: a fresh network on its own SQLite file per test, messages in French.</summary>
public abstract class NetworkTest : IAsyncLifetime
{
    private readonly CultureScope _culture = CultureScope.French();

    protected TestNetwork Network { get; private set; } = default!;

    public virtual async Task InitializeAsync() => Network = await TestNetwork.CreateAsync();

    public async Task DisposeAsync()
    {
        await Network.DisposeAsync();
        _culture.Dispose();
    }
}
