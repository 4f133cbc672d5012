using CoupDePouce.App.Hosting;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Tests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoupDePouce.Tests.App;

/// <summary>The server's timed checks run on the app's clock: moving a fake clock past a day makes its timer alert the
/// coordinatrice, and a server started again later tells what was missed meanwhile, once.</summary>
public sealed class TimedChecksTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestNetwork _network = default!;

    public async Task InitializeAsync() => _network = await TestNetwork.CreateAsync(services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task ItsTimerFollowsTheAppsClockAndAStartedAgainServerTellsWhatWasMissedOnce()
    {
        var rennes = await _network.AddCoordinationAsync("Rennes");
        var asker = await _network.AddMemberAsync(rennes, "Inès");
        var coordinatrice = await _network.AddMemberAsync(rennes, "Coordinatrice", coordinates: rennes);
        var request = await _network.PostAsync(asker, Visibility.Coordination);

        var first = Start();
        _clock.Advance(TimeSpan.FromHours(23));
        await Task.Delay(200);
        Assert.Equal(0, await CountAsync(coordinatrice, NotificationKind.AwaitsFirstAnswer));
        _clock.Advance(TimeSpan.FromHours(1));
        await EventuallyAsync(async () => await CountAsync(coordinatrice, NotificationKind.AwaitsFirstAnswer) == 1, tick: true);
        await first.StopAsync(CancellationToken.None);

        // Stopped over the 48th hour: the next server tells the asker, and nobody twice.
        _clock.Advance(TimeSpan.FromHours(30));
        var second = Start();
        await EventuallyAsync(async () => await CountAsync(asker, NotificationKind.MayOpenToNetwork) == 1, tick: true);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(200);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(1, await CountAsync(coordinatrice, NotificationKind.AwaitsFirstAnswer));
        Assert.Equal(1, await CountAsync(asker, NotificationKind.MayOpenToNetwork));
        Assert.Equal(Visibility.Coordination, (await _network.RequestAsync(request)).Visibility);
    }

    private TimedChecks Start()
    {
        var checks = new TimedChecks(_network.Services, _clock, Options.Create(new TimedChecksOptions()), NullLogger<TimedChecks>.Instance);
        checks.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return checks;
    }

    private Task<int> CountAsync(Guid member, NotificationKind kind) =>
        _network.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == member && n.Kind == kind));

    /// <summary>Waits for <paramref name="condition"/>; with <paramref name="tick"/>, moves the clock a minute at a time
    /// meanwhile (the service starts its timer on its own thread, maybe after the test's first move).</summary>
    private async Task EventuallyAsync(Func<Task<bool>> condition, bool tick = false)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            if (tick)
            {
                _clock.Advance(TimeSpan.FromMinutes(1));
            }

            await Task.Delay(50);
        }

        Assert.True(await condition());
    }
}
