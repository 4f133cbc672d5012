using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>What a host puts in front of several instances (issue 21): a reverse proxy (YARP, in this process) that
/// keeps each browser on its instance (an affinity cookie, so a page's circuit stays where it lives), probes each
/// instance's <c>/health</c> every half second, and sends a browser whose instance is gone to one that answers. Each
/// response says which instance served it (<c>X-Served-By</c>), for the tests only.</summary>
public sealed class StickyProxy(params (string Id, Uri Address)[] instances) : IAsyncDisposable
{
    public const string ServedBy = "X-Served-By";

    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = default!;

    public async Task StartAsync()
    {
        var port = AppServer.FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(BaseUrl.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "board", ClusterId = "instances", Match = new RouteMatch { Path = "{**all}" } }],
                [new ClusterConfig
                {
                    ClusterId = "instances",
                    LoadBalancingPolicy = "RoundRobin",
                    SessionAffinity = new SessionAffinityConfig
                    {
                        Enabled = true, Policy = "Cookie", FailurePolicy = "Redistribute", AffinityKeyName = ".CoupDePouce.Instance",
                    },
                    HealthCheck = new HealthCheckConfig
                    {
                        Active = new ActiveHealthCheckConfig
                        {
                            Enabled = true, Interval = TimeSpan.FromMilliseconds(500), Timeout = TimeSpan.FromSeconds(2), Policy = "ConsecutiveFailures", Path = "/health",
                        },
                    },
                    Destinations = instances.ToDictionary(i => i.Id, i => new DestinationConfig { Address = i.Address.ToString() }),
                }])
            .AddTransforms(context =>
            {
                // The instances see the address the browser asked for (their links and forms name it, as behind any proxy).
                context.AddOriginalHost(true);
                context.AddResponseTransform(transform =>
            {
                if (transform.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } destination)
                {
                    transform.HttpContext.Response.Headers[ServedBy] = destination.DestinationId;
                }

                return ValueTask.CompletedTask;
            });
            });
        _app = builder.Build();
        _app.UseWebSockets();
        _app.MapReverseProxy();
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
