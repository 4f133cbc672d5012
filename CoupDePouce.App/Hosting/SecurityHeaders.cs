namespace CoupDePouce.App.Hosting;

/// <summary>The headers every response carries (issue 20, point 3): a Content-Security-Policy the board works under —
/// scripts from the app only, no <c>eval</c>, no framing, nothing posted or connected elsewhere; styles may be inline
/// (MudBlazor writes its theme and its components' positions as inline styles; no script can come in that way),
/// images from any https address (members' Markdown may show one: decision 021) —
/// and the usual companions. HSTS is added outside Development, where the app is served over HTTPS.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Set as the response starts, so that an error page re-executed after a failure carries them too.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // A request's address (its number, her search) never leaves the board in a Referer header.
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
