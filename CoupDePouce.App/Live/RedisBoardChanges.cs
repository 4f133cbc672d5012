using System.Text.Json;
using CoupDePouce.Domain.Live;
using StackExchange.Redis;

namespace CoupDePouce.App.Live;

/// <summary>The scale-out publisher: committed changes are published on a Redis channel; every instance (this one
/// included) receives them and hands them to its own <see cref="LiveBoard"/>, which decides per screen who may
/// hear of them. Only ids and audience facts travel, never a member's text.</summary>
public sealed class RedisBoardChanges(RedisBoardChanges.Options options, LiveBoard local, ILogger<RedisBoardChanges> logger)
    : IBoardChangePublisher, IHostedService, IAsyncDisposable
{
    public sealed record Options(string Configuration);

    public static readonly RedisChannel Channel = RedisChannel.Literal("coupdepouce:board-changes");

    private ConnectionMultiplexer? _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        await _redis.GetSubscriber().SubscribeAsync(Channel, (channel, message) =>
        {
            var changes = message.HasValue ? JsonSerializer.Deserialize<List<BoardChange>>(message.ToString()) : null;
            if (changes is { Count: > 0 })
            {
                _ = local.PublishAsync(changes);
            }
        });
        logger.LogInformation("Live updates go through Redis ({Endpoints})", string.Join(", ", configuration.EndPoints));
    }

    public async Task PublishAsync(IReadOnlyList<BoardChange> changes, CancellationToken ct = default)
    {
        var redis = _redis ?? throw new InvalidOperationException("Redis live updates are not started.");
        await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(changes));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_redis is not null)
        {
            await _redis.GetSubscriber().UnsubscribeAllAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
