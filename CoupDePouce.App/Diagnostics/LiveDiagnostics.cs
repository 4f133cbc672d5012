using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CoupDePouce.App.Live;
using CoupDePouce.Domain.Live;

namespace CoupDePouce.App.Diagnostics;

/// <summary>Opt-in measurement for the browser tests and the live fan-out benchmark (`Diagnostics:Live=true`), off
/// unless asked for, never part of what members use. It reads the live board's own counters
/// (System.Diagnostics.Metrics) through a <see cref="MeterListener"/> and adds, when on:
/// `GET /dev/live` — how many screens listen, the delivery durations recorded since the last call, when each recent
/// change was published (server clock), the totals of the board's counters as dotnet-counters would read them, and
/// with `?gc=true` the managed heap after a full collection;
/// `POST /dev/live/drop` — cuts every open Blazor connection at once, as a lost network would.</summary>
public static class LiveDiagnostics
{
    public const string Switch = "Diagnostics:Live";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(Switch);

    /// <summary>After <see cref="LiveServices.AddCoupDePouceLive"/>: the publisher it registered is wrapped so that
    /// each published change is noted with its time.</summary>
    public static IServiceCollection AddLiveDiagnostics(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryRecorder>();
        services.AddSingleton<CounterTotals>();
        services.AddSingleton<PublishedChanges>();
        var publisher = services.Last(d => d.ServiceType == typeof(IBoardChangePublisher));
        services.Remove(publisher);
        services.AddSingleton<IBoardChangePublisher>(provider =>
            new NotingPublisher(Resolve(publisher, provider), provider.GetRequiredService<PublishedChanges>()));
        return services;
    }

    public static WebApplication MapLiveDiagnostics(this WebApplication app)
    {
        var deliveries = app.Services.GetRequiredService<DeliveryRecorder>();
        var published = app.Services.GetRequiredService<PublishedChanges>();
        var counters = app.Services.GetRequiredService<CounterTotals>();
        app.MapGet("/dev/live", (LiveBoard live, bool? gc) =>
        {
            long? managedBytes = null;
            if (gc == true)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                managedBytes = GC.GetTotalMemory(forceFullCollection: true);
            }

            return Results.Ok(new
            {
                subscribers = live.SubscriberCount, managedBytes, deliveries = deliveries.Take(), published = published.Recent(),
                counters = counters.Totals(),
            });
        });

        var open = new ConcurrentDictionary<HttpContext, byte>();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_blazor") || !string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
            {
                await next();
                return;
            }

            open[context] = 0;
            try
            {
                await next();
            }
            finally
            {
                open.TryRemove(context, out _);
            }
        });
        app.MapPost("/dev/live/drop", () =>
        {
            var dropped = 0;
            foreach (var connection in open.Keys)
            {
                connection.Abort();
                dropped++;
            }

            return Results.Ok(new { dropped });
        });
        return app;
    }

    private static IBoardChangePublisher Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IBoardChangePublisher)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    /// <summary>The live board's delivery durations (ms), as its histogram records them.</summary>
    private sealed class DeliveryRecorder : IDisposable
    {
        private const int Kept = 10_000;
        private readonly ConcurrentQueue<double> _milliseconds = new();
        private readonly MeterListener _listener = new();

        public DeliveryRecorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LiveBoard.MeterName && instrument.Name == LiveBoard.DeliveryInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
            {
                _milliseconds.Enqueue(value);
                while (_milliseconds.Count > Kept && _milliseconds.TryDequeue(out _))
                {
                }
            });
            _listener.Start();
        }

        /// <summary>What was recorded since the last call.</summary>
        public double[] Take()
        {
            var taken = new List<double>();
            while (_milliseconds.TryDequeue(out var value))
            {
                taken.Add(value);
            }

            return [.. taken];
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>The running total of every counter on the board's and the live board's meters, by instrument and tags
    /// (« coupdepouce.posts{kind=request} »), as a MeterListener such as dotnet-counters sees them.</summary>
    private sealed class CounterTotals : IDisposable
    {
        private readonly ConcurrentDictionary<string, long> _totals = new();
        private readonly MeterListener _listener = new();

        public CounterTotals()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name is LiveBoard.MeterName or Domain.Diagnostics.BoardMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var name = instrument.Name;
                if (tags.Length > 0)
                {
                    var labels = new List<string>();
                    foreach (var tag in tags)
                    {
                        labels.Add($"{tag.Key}={tag.Value}");
                    }

                    name += "{" + string.Join(",", labels) + "}";
                }

                _totals.AddOrUpdate(name, value, (_, total) => total + value);
            });
            _listener.Start();
        }

        public SortedDictionary<string, long> Totals() => new(_totals, StringComparer.Ordinal);

        public void Dispose() => _listener.Dispose();
    }

    private sealed record Published(long RequestId, string Kind, long AtMs);

    /// <summary>The last changes published, with the server's time of each (Unix ms, taken just before its commit).</summary>
    private sealed class PublishedChanges
    {
        private const int Kept = 1_000;
        private readonly ConcurrentQueue<Published> _changes = new();

        public void Note(BoardChange change)
        {
            _changes.Enqueue(new Published(change.RequestId, change.Kind.ToString(), new DateTimeOffset(change.OccurredAt, TimeSpan.Zero).ToUnixTimeMilliseconds()));
            while (_changes.Count > Kept && _changes.TryDequeue(out _))
            {
            }
        }

        public Published[] Recent() => [.. _changes];
    }

    private sealed class NotingPublisher(IBoardChangePublisher inner, PublishedChanges published) : IBoardChangePublisher
    {
        public Task PublishAsync(IReadOnlyList<BoardChange> changes, CancellationToken ct = default)
        {
            foreach (var change in changes)
            {
                published.Note(change);
            }

            return inner.PublishAsync(changes, ct);
        }
    }
}
