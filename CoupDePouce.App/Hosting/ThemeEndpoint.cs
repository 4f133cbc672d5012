using CoupDePouce.App.Components.Layout;
using Microsoft.Net.Http.Headers;

namespace CoupDePouce.App.Hosting;

/// <summary>Serves the network's theme (decision 031): written once at start-up, cached by browsers for a year
/// under an address that changes with its text.</summary>
public static class ThemeEndpoint
{
    public static IServiceCollection AddNetworkTheme(this IServiceCollection services) =>
        services.AddSingleton<ThemeStylesheet>();

    public static WebApplication MapNetworkTheme(this WebApplication app)
    {
        var theme = app.Services.GetRequiredService<ThemeStylesheet>();
        app.MapGet(ThemeStylesheet.Path, (HttpContext context, string? v) =>
        {
            context.Response.Headers[HeaderNames.CacheControl] = v == theme.Version ? "public, max-age=31536000, immutable" : "no-cache";
            context.Response.Headers[HeaderNames.ETag] = $"\"{theme.Version}\"";
            return Results.Text(theme.Css, "text/css; charset=utf-8");
        });
        return app;
    }
}
