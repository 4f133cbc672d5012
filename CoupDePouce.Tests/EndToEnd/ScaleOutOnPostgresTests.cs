using CoupDePouce.Tests.EndToEnd.Pages;
using CoupDePouce.Tests.Support;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>Several instances for real (issue 21, point 4): two app instances on one PostgreSQL and one Redis, behind a
/// sticky reverse proxy. A request posted through one instance appears live on a screen served by the other; when an
/// instance is killed, its members come back through the proxy to the other, still signed in, and see everything that
/// happened, each request once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScaleOutOnPostgresTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly Dictionary<string, AppServer> _instances = [];
    private StickyProxy _proxy = default!;
    private string _database = default!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        var server = await TestDatabase.Server.Value;
        _database = $"scale_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var environment = new Dictionary<string, string>
        {
            ["Live__Redis"] = _redis.Configuration,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Board"] = server.ConnectionString(_database).Replace("Pooling=false", "Pooling=true", StringComparison.Ordinal),
        };
        // One after the other: the first migrates the empty database and seeds the demo network, the second finds it ready.
        foreach (var id in new[] { "a", "b" })
        {
            _instances[id] = new AppServer(environment: environment);
            await _instances[id].StartAsync();
        }

        _proxy = new StickyProxy([.. _instances.Select(i => (i.Key, i.Value.BaseUrl))]);
        await _proxy.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        foreach (var instance in _instances.Values)
        {
            await instance.DisposeAsync();
        }

        await _redis.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection((await TestDatabase.Server.Value).ConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task APostAppearsLiveAcrossInstancesAndAKilledInstancesMembersComeBackThroughTheOtherSeeingEverythingOnce()
    {
        var (sophie, sophiesInstance) = await SignedInThroughTheProxyAsync("sophie.bernard@coupdepouce.demo");
        var (isabelle, isabellesInstance) = await SignedInThroughTheProxyAsync("isabelle.thomas@coupdepouce.demo", notOn: sophiesInstance);
        await new BoardPage(sophie).OpenAsync();

        // Posted through Isabelle's instance, it arrives live on Sophie's screen, served by the other.
        var first = await PostAsync(isabelle, "Avant la panne");
        await Expect(sophie.Locator(".request-card.just-arrived .request-title").Filter(new LocatorFilterOptions { HasText = first })).ToHaveCountAsync(1);

        // Sophie's instance dies; meanwhile Isabelle posts again through hers.
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        sophie.Response += (_, r) => seen.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {r.Request.Method} {r.Url} {r.Status} {(r.Headers.TryGetValue("x-served-by", out var v) ? v : "-")}");
        sophie.Console += (_, m) => seen.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} console {m.Type}: {m.Text}");
        sophie.FrameNavigated += (_, f) => seen.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} navigated {f.Url}");
        await _instances[sophiesInstance].KillAsync();
        seen.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} killed {sophiesInstance}");
        var second = await PostAsync(isabelle, "Pendant la panne");

        // Her page comes back through the proxy to the instance still running, still signed in, with both requests, once each.
        try
        {
            await Expect(sophie.Locator(".request-card .request-title").Filter(new LocatorFilterOptions { HasText = second }))
                .ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        }
        catch (PlaywrightException e)
        {
            var body = await sophie.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5000 });
            throw new InvalidOperationException(e.Message + "\n" + string.Join("\n", seen) + "\nurl: " + sophie.Url + "\nbody: " + body[..Math.Min(600, body.Length)], e);
        }
        await Expect(sophie.Locator(".request-card .request-title").Filter(new LocatorFilterOptions { HasText = first })).ToHaveCountAsync(1);
        await Live.WaitAsync(sophie);
        var again = await sophie.GotoAsync("/");
        Assert.Equal(isabellesInstance, again!.Headers[StickyProxy.ServedBy.ToLowerInvariant()]);
        await Expect(sophie.Locator(".app-header .header-bell")).ToBeVisibleAsync();

        // And the survivor keeps the board live for her: a third request arrives on her screen.
        var third = await PostAsync(isabelle, "Après la panne");
        await Expect(sophie.Locator(".request-card.just-arrived .request-title").Filter(new LocatorFilterOptions { HasText = third })).ToHaveCountAsync(1);
    }

    /// <summary>A member signed in through the proxy, and the instance it keeps her on (a fresh browser each time, until
    /// the proxy's turn gives one that is not on <paramref name="notOn"/>).</summary>
    private async Task<(IPage Page, string Instance)> SignedInThroughTheProxyAsync(string email, string? notOn = null)
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var page = await browser.NewPageAsync(width: 1200, server: _proxy.BaseUrl);
            var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
            page.Response += (_, r) => seen.Enqueue($"{r.Request.Method} {r.Url} {r.Status} {(r.Headers.TryGetValue("x-served-by", out var v) ? v : "-")} {(r.Headers.TryGetValue("location", out var l) ? l : "")}");
            try
            {
                await new LoginPage(page).SignInAsync(email, "coupdepouce-demo");
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException(e.Message + "\n" + string.Join("\n", seen), e);
            }

            var response = await page.GotoAsync("/");
            var instance = response!.Headers[StickyProxy.ServedBy.ToLowerInvariant()];
            if (instance != notOn)
            {
                return (page, instance);
            }

            await page.Context.CloseAsync();
        }

        throw new InvalidOperationException("The proxy kept every new browser on one instance.");
    }

    private static async Task<string> PostAsync(IPage page, string when)
    {
        var title = $"{when} : {Guid.NewGuid():N}"[..40];
        var form = new PostRequestPage(page);
        await form.OpenAsync();
        await form.FillAsync(title, "Deux instances, une base PostgreSQL, un Redis et un proxy devant elles.", "Autre", wholeNetwork: true);
        await form.PublishAsync();
        return title;
    }
}
