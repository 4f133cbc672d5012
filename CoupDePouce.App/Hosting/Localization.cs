using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CoupDePouce.App.Hosting;

/// <summary>French first, English available. The choice is kept in the culture cookie for a year; a Blazor
/// circuit takes its culture from the request that opened it, so switching reloads the page.</summary>
public static class Localization
{
    public static readonly string[] Cultures = ["fr", "en"];

    public static IServiceCollection AddCoupDePouceLocalization(this IServiceCollection services) =>
        services.AddLocalization(options => options.ResourcesPath = "Resources");

    public static IApplicationBuilder UseCoupDePouceLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            // French by default whatever the browser says: only an explicit choice switches to English.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/langue/{culture}", (string culture, [FromQuery] string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.Contains(culture))
            {
                return Results.BadRequest();
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(new CultureInfo(culture))),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        });
        return endpoints;
    }

    /// <summary>Only a path on this site, never an absolute URL elsewhere (no open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
