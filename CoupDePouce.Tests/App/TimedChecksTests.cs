using CoupDePouce.App.Hosting;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Tests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoupDePouce.Tests.App;

/// <summary>The server's timed checks run on the app's clock: moving a fake clock past a day makes its timer alert the
/// coordinatrice, and a server started again later tells what was missed meanwhile, once. Several instances take turns
/// through the database's lease (decision 033), on SQLite and on PostgreSQL.</summary>
public abstract class TimedChecksTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : TimedChecksTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TimedChecksTests(DatabaseProvider.Postgres);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestNetwork _network = default!;

    public async Task InitializeAsync() => _network = await TestNetwork.CreateAsync(services => services.AddSingleton<TimeProvider>(_clock), provider);

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

    [Fact]
    public async Task TwoInstancesOnOneDatabaseTakeTurnsAndTheHolderKeepsItsTurnWhileItRuns()
    {
        var first = Instance();
        var second = Instance();

        Assert.True(await first.RunOnceAsync(CancellationToken.None));
        Assert.False(await second.RunOnceAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await first.RunOnceAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await second.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WhenTheInstanceHoldingTheTurnDiesAnotherTakesItOverOnceItRunsOut()
    {
        var dead = Instance();
        var other = Instance();
        Assert.True(await dead.RunOnceAsync(CancellationToken.None));

        // It stops running (no word from it): three of its runs later, the turn is free.
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await other.RunOnceAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await other.RunOnceAsync(CancellationToken.None));
        Assert.False(await dead.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnInstanceThatStopsGivesItsTurnBackAtOnce()
    {
        var stopping = Start();
        var other = Instance();
        Assert.True(await stopping.RunOnceAsync(CancellationToken.None));
        Assert.False(await other.RunOnceAsync(CancellationToken.None));

        await stopping.StopAsync(CancellationToken.None);

        Assert.True(await other.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TwoInstancesTickingOnTheSameClockTellACoordinatriceOnce()
    {
        var rennes = await _network.AddCoordinationAsync("Rennes");
        var asker = await _network.AddMemberAsync(rennes, "Inès");
        var coordinatrice = await _network.AddMemberAsync(rennes, "Coordinatrice", coordinates: rennes);
        await _network.PostAsync(asker, Visibility.Coordination);
        var first = Start();
        var second = Start();

        _clock.Advance(TimeSpan.FromHours(24));
        await EventuallyAsync(async () => await CountAsync(coordinatrice, NotificationKind.AwaitsFirstAnswer) == 1, tick: true);
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(50);
        }

        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);
        Assert.Equal(1, await CountAsync(coordinatrice, NotificationKind.AwaitsFirstAnswer));
    }

    private TimedChecks Instance() =>
        new(_network.Services, _clock, Options.Create(new TimedChecksOptions()), NullLogger<TimedChecks>.Instance);

    private TimedChecks Start()
    {
        var checks = Instance();
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
