using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoupDePouce.App.Diagnostics;

/// <summary>How many circuits (open pages) this server holds, on the « CoupDePouce.Live » meter.</summary>
public sealed class OpenCircuits
{
    public const string Instrument = "coupdepouce.circuits.open";

    private readonly UpDownCounter<long> _open;

    public OpenCircuits(IMeterFactory meters) =>
        _open = meters.Create(Live.LiveBoard.MeterName).CreateUpDownCounter<long>(
            Instrument, unit: "{circuit}", description: "Circuits open on this server (connected or waiting for their page to come back)");

    public void Opened() => _open.Add(1);

    public void Closed() => _open.Add(-1);
}

/// <summary>Counts each circuit while it is open, and puts its id in the scope of every log written while it handles
/// something from her page (a click, a form, a navigation, a script's answer), next to the request ids ASP.NET gives HTTP
/// logs: a security event inside a page then says which page it came from.</summary>
public sealed class CircuitTelemetry(OpenCircuits open, ILogger<CircuitTelemetry> logger) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        open.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        open.Closed();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            // A message-template scope: the JSON formatter writes CircuitId as a property, the simple one as text.
            using (logger.BeginScope("Circuit {CircuitId}", context.Circuit.Id))
            {
                await next(context);
            }
        };
}
