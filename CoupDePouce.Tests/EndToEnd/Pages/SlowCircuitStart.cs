using System.Text;
using Microsoft.Playwright;

namespace CoupDePouce.Tests.EndToEnd.Pages;

/// <summary>A slow network while a page comes alive: once the browser has asked for its circuit (telling the server
/// the address it shows), the server's answers are held back until <see cref="Release"/>. What she does meanwhile
/// happens before the circuit listens to the browser.</summary>
public sealed class SlowCircuitStart
{
    private readonly object _gate = new();
    private readonly List<IWebSocketFrame> _held = [];
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IWebSocketRoute? _browser;
    private bool _released;

    /// <summary>Done once the browser has asked for the circuit.</summary>
    public Task Asked => _asked.Task;

    public static async Task<SlowCircuitStart> OnAsync(IPage page)
    {
        var start = new SlowCircuitStart();
        await page.RouteWebSocketAsync("**/_blazor*", start.Route);
        return start;
    }

    private void Route(IWebSocketRoute browser)
    {
        var server = browser.ConnectToServer();
        browser.OnMessage(frame =>
        {
            Forward(frame, server);
            if (Says(frame, "StartCircuit"))
            {
                lock (_gate)
                {
                    _browser = browser;
                }

                _asked.TrySetResult();
            }
        });
        server.OnMessage(frame =>
        {
            lock (_gate)
            {
                // Held from the browser's request for the circuit until released.
                if (!_released && browser == _browser)
                {
                    _held.Add(frame);
                    return;
                }
            }

            Forward(frame, browser);
        });
    }

    /// <summary>The server's answers reach the browser, in their order, and from now on at once.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _released = true;
            foreach (var frame in _held)
            {
                Forward(frame, _browser!);
            }

            _held.Clear();
        }
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

    private static bool Says(IWebSocketFrame frame, string what) =>
        frame.Text?.Contains(what, StringComparison.Ordinal)
        ?? Encoding.UTF8.GetString(frame.Binary!).Contains(what, StringComparison.Ordinal);
}
