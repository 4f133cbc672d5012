using System.Collections.Concurrent;

namespace CoupDePouce.App.Live;

/// <summary>Development only, for the reconnection test: knows the open Blazor connections (WebSockets on
/// `/_blazor`) and can cut them all at once, as a lost network would. The circuits stay on the server and the
/// pages reconnect to them.</summary>
public static class DevelopmentConnections
{
    public static WebApplication MapConnectionDropping(this WebApplication app)
    {
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
}
