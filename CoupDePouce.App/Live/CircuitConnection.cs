using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoupDePouce.App.Live;

/// <summary>Tells a circuit's live screens when their connection comes back after a loss, so they reload from
/// the database: whatever happened meanwhile shows, once (a reload replaces, it does not append).</summary>
public sealed class CircuitConnection : CircuitHandler
{
    private bool _wasDown;

    public event Func<Task>? Restored;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown)
        {
            return;
        }

        _wasDown = false;
        if (Restored is { } restored)
        {
            foreach (var handler in restored.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }
}
