using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using CoupDePouce.Domain.Live;

namespace CoupDePouce.App.Live;

/// <summary>The in-process live notifier: committed changes come in (from the Domain, after commit) and go out to
/// the screens that subscribed, each change only to the members allowed to see its request (decided here, on the
/// server, per recipient). Fan-out runs on one background loop, in order, so a member's action never waits for
/// other people's screens. Components subscribe once live and dispose their subscription with themselves.</summary>
public sealed class LiveBoard(LiveAudience audience, TimeProvider clock, ILogger<LiveBoard> logger, IMeterFactory meters)
    : IBoardChangePublisher, IHostedService
{
    /// <summary>The live board's counters (System.Diagnostics.Metrics: dotnet-counters, or the benchmark through the
    /// opt-in diagnostics switch): how long each delivery took on this server, from the change (just before its
    /// commit) to the screen having rendered it and handed it to its connection, and how many screens listen.</summary>
    public const string MeterName = "CoupDePouce.Live";

    public const string DeliveryInstrument = "coupdepouce.live.delivery.duration";

    private readonly Histogram<double> _deliveries = meters.Create(MeterName).CreateHistogram<double>(
        DeliveryInstrument, unit: "ms", description: "From a committed change to a screen that rendered it");

    private readonly Counter<long> _publishedChanges = meters.Create(MeterName).CreateCounter<long>(
        "coupdepouce.live.published", unit: "{change}", description: "Committed changes that reached this server's live screens' fan-out");

    private readonly Counter<long> _deliveredChanges = meters.Create(MeterName).CreateCounter<long>(
        "coupdepouce.live.delivered", unit: "{change}", description: "Changes a live screen rendered (one per screen that may hear of it)");

    private readonly ConcurrentDictionary<long, Subscription> _subscriptions = new();
    private readonly Channel<IReadOnlyList<BoardChange>> _queue = Channel.CreateUnbounded<IReadOnlyList<BoardChange>>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private long _lastId;

    private long _published;

    /// <summary>How many screens listen right now (a closed page releases its subscriptions).</summary>
    public int SubscriberCount => _subscriptions.Count;

    /// <summary>Where this server's stream of changes stands: a screen that read the database at one mark and
    /// subscribed at the same mark (on the same server) has missed nothing in between (a prerendered page that
    /// becomes live, for instance). Changes are published after their commit, so a read that started after a mark
    /// saw every change before it.</summary>
    public LiveMark Mark => new(_instance, Interlocked.Read(ref _published));

    private readonly Guid _instance = Guid.NewGuid();

    /// <param name="wants">Which changes this screen cares about (others are not even checked against her rights).</param>
    public IDisposable Subscribe(Guid memberId, Func<BoardChange, Task> onChange, Func<BoardChange, bool>? wants = null)
    {
        var subscription = new Subscription(this, Interlocked.Increment(ref _lastId), memberId, onChange, wants ?? (_ => true));
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public Task PublishAsync(IReadOnlyList<BoardChange> changes, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _published);
        _publishedChanges.Add(changes.Count);
        return _queue.Writer.WriteAsync(changes, ct).AsTask();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        meters.Create(MeterName).CreateObservableGauge("coupdepouce.live.subscribers", () => _subscriptions.Count, description: "Screens listening");
        _loop = Task.Run(() => FanOutAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await Task.WhenAny(_loop, Task.Delay(Timeout.Infinite, cancellationToken));
        }
    }

    private async Task FanOutAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var changes in _queue.Reader.ReadAllAsync(ct))
            {
                foreach (var change in changes)
                {
                    foreach (var subscription in _subscriptions.Values)
                    {
                        if (subscription.Wants(change) && await audience.MayHearOfAsync(subscription.MemberId, change, ct))
                        {
                            subscription.Deliver(change, this);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void Delivered(BoardChange change)
    {
        _deliveries.Record((clock.GetUtcNow().UtcDateTime - change.OccurredAt).TotalMilliseconds);
        _deliveredChanges.Add(1);
    }

    /// <summary>A screen that failed to update shows the change on its next load; the others carry on.</summary>
    private void Failed(BoardChange change, Exception exception) =>
        logger.LogWarning(exception, "A live screen could not take {Kind} of request {RequestId}", change.Kind, change.RequestId);

    private sealed class Subscription(LiveBoard board, long id, Guid memberId, Func<BoardChange, Task> onChange, Func<BoardChange, bool> wants)
        : IDisposable
    {
        public Func<BoardChange, bool> Wants { get; } = wants;

        public long Id { get; } = id;

        public Guid MemberId { get; } = memberId;

        public void Deliver(BoardChange change, LiveBoard board) =>
            _ = Task.Run(async () =>
            {
                try
                {
                    await onChange(change);
                    board.Delivered(change);
                }
                catch (Exception exception)
                {
                    board.Failed(change, exception);
                }
            });

        public void Dispose() => board._subscriptions.TryRemove(Id, out _);
    }
}

/// <summary>A point in one server's stream of live changes (<see cref="LiveBoard.Mark"/>).</summary>
public sealed record LiveMark(Guid Instance, long Published);

public static class LiveServices
{
    /// <summary>In process by default. With `Live:Redis` set (a StackExchange.Redis configuration string), committed
    /// changes go through Redis pub/sub so that every instance behind a sticky load balancer fans them out to its
    /// own screens (docs/decisions/006-live-updates.md).</summary>
    public static IServiceCollection AddCoupDePouceLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LiveBoard>();
        services.AddSingleton<RequestPresence>();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(provider => provider.GetRequiredService<CircuitConnection>());
        services.AddSingleton<Diagnostics.OpenCircuits>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Diagnostics.CircuitTelemetry>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveBoard>());
        var redis = configuration["Live:Redis"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IBoardChangePublisher>(provider => provider.GetRequiredService<LiveBoard>());
            return services;
        }

        services.AddSingleton(new RedisBoardChanges.Options(redis));
        services.AddSingleton<RedisBoardChanges>();
        services.AddSingleton<IBoardChangePublisher>(provider => provider.GetRequiredService<RedisBoardChanges>());
        services.AddHostedService(provider => provider.GetRequiredService<RedisBoardChanges>());
        return services;
    }
}
