using System.Security.Claims;
using CoupDePouce.Domain.Members;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoupDePouce.App.Hosting;

/// <summary>How often a session is checked against her account (<c>Accounts:RevalidateEvery</c>, two minutes by
/// default): both the sign-in cookie on each page load and every open page's circuit.</summary>
public sealed class SessionChecks
{
    public const string Section = "Accounts";

    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Every open page re-checks her account every few minutes, without a reload: when her sessions were
/// ended (she signed out on another screen, a coordinatrice lost her role, her account is gone) the page's
/// circuit becomes a visitor's, and the pages that need her signed in send her to the sign-in page.</summary>
public sealed class SessionRevalidation(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<SessionChecks> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<SessionRevalidation>();

    /// <summary>Never under a second: the base class loops on this delay for as long as the page lives.</summary>
    protected override TimeSpan RevalidationInterval =>
        options.Value.RevalidateEvery < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.Value.RevalidateEvery;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var valid = await IsStillValidAsync(users, authenticationState.User, identity.Value);
        if (!valid)
        {
            _logger.LogInformation("The session of member {MemberId} ended in an open page", authenticationState.User.MemberId());
        }

        return valid;
    }

    /// <summary>Her account still exists and her session was not ended since it began (same security stamp).</summary>
    public static async Task<bool> IsStillValidAsync(UserManager<Member> users, ClaimsPrincipal principal, IdentityOptions identity)
    {
        if (principal.MemberId() is null)
        {
            return true;
        }

        var member = await users.GetUserAsync(principal);
        if (member is null)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await users.GetSecurityStampAsync(member);
    }
}
