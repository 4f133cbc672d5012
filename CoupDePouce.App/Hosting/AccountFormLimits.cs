using System.Net;
using System.Threading.RateLimiting;
using CoupDePouce.Domain.Limits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CoupDePouce.App.Hosting;

/// <summary>How often one address may send the sign-in and the registration forms (<c>Limits:SignIn</c>,
/// <c>Limits:Registration</c>). Generous enough for a meeting where everyone shares the venue's Wi-Fi; the
/// lockout after five wrong passwords still protects each account.</summary>
public sealed class AccountFormLimitOptions
{
    public ActionLimit SignIn { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    public ActionLimit Registration { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromHours(1) };
}

/// <summary>ASP.NET's rate limiter on the two forms a visitor can send before she is signed in, per address; what
/// she does once signed in, inside her page's circuit, is limited by the Domain's <see cref="MemberLimits"/>.</summary>
public static class AccountFormLimits
{
    public static IServiceCollection AddAccountFormLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountFormLimitOptions>(configuration.GetSection(LimitOptions.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method) || LimitOf(http) is not { } limit)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{http.Request.Path}|{address}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = RefuseAsync;
        });
        return services;
    }

    private static ActionLimit? LimitOf(HttpContext http)
    {
        var limits = http.RequestServices.GetRequiredService<IOptions<AccountFormLimitOptions>>().Value;
        return http.Request.Path.Equals(Accounts.LoginPath, StringComparison.OrdinalIgnoreCase) ? limits.SignIn
            : http.Request.Path.Equals(Accounts.RegisterPath, StringComparison.OrdinalIgnoreCase) ? limits.Registration
            : null;
    }

    /// <summary>A short page in her language, with the way back to the form (nothing she sent was used).</summary>
    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        http.RequestServices.GetRequiredService<ILogger<AccountFormLimitOptions>>()
            .LogWarning("Too many {Form} forms from one address", http.Request.Path.Value);
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        var message = WebUtility.HtmlEncode(L["Limits.AccountForms"]);
        var back = WebUtility.HtmlEncode(L["Limits.AccountFormsBack"]);
        var path = WebUtility.HtmlEncode(http.Request.Path.Value);
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{message}</title></head>"
            + $"<body><main><h1>{message}</h1><p><a href=\"{path}\">{back}</a></p></main></body></html>", ct);
    }
}
