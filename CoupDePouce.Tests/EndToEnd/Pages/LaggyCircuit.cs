using System.Threading.Channels;
using Microsoft.Playwright;

namespace CoupDePouce.Tests.EndToEnd.Pages;

/// <summary>A slow network for a whole visit: every answer of the server reaches the browser <c>lag</c> late, in
/// its order, while what she types goes out at once. So the server renders a field from keystrokes she has already
/// typed past, as it does on a phone far from the server: an input that writes those renders back loses letters.
/// Applies to the circuits the page opens from now on (the next page load).</summary>
public sealed class LaggyCircuit
{
    private LaggyCircuit()
    {
    }

    public static async Task OnAsync(IPage page, TimeSpan lag)
    {
        await page.RouteWebSocketAsync("**/_blazor*", browser =>
        {
            var server = browser.ConnectToServer();
            var late = Channel.CreateUnbounded<(DateTime Due, IWebSocketFrame Frame)>();
            browser.OnMessage(frame => Send(frame, server));
            server.OnMessage(frame => late.Writer.TryWrite((DateTime.UtcNow + lag, frame)));
            _ = Task.Run(async () =>
            {
                await foreach (var (due, frame) in late.Reader.ReadAllAsync())
                {
                    var wait = due - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    Send(frame, browser);
                }
            });
        });
    }

    private static void Send(IWebSocketFrame frame, IWebSocketRoute to)
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
