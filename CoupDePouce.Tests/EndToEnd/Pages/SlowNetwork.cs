using System.Threading.Channels;
using Microsoft.Playwright;

namespace CoupDePouce.Tests.EndToEnd.Pages;

/// <summary>A phone's network for the live circuit: every answer of the server reaches the browser a fixed time after
/// it was sent, in order. While she types faster than that, the renders of her earlier keystrokes arrive after her
/// later ones: an input that wrote its value back from them would lose letters.</summary>
public sealed class SlowNetwork
{
    private readonly TimeSpan _latency;

    private SlowNetwork(TimeSpan latency)
    {
        _latency = latency;
    }

    public static async Task OnAsync(IPage page, TimeSpan latency) =>
        await page.RouteWebSocketAsync("**/_blazor*", new SlowNetwork(latency).Route);

    private void Route(IWebSocketRoute browser)
    {
        var server = browser.ConnectToServer();
        var late = Channel.CreateUnbounded<(DateTime Due, IWebSocketFrame Frame)>(new UnboundedChannelOptions { SingleReader = true });
        browser.OnMessage(frame => Forward(frame, server));
        server.OnMessage(frame => late.Writer.TryWrite((DateTime.UtcNow + _latency, frame)));
        _ = Task.Run(async () =>
        {
            await foreach (var (due, frame) in late.Reader.ReadAllAsync())
            {
                var wait = due - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                Forward(frame, browser);
            }
        });
    }

    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
    {
        if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
        else
        {
            to.Send(frame.Text!);
        }
    }
}
