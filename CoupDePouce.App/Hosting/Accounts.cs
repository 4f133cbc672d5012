using System.Security.Claims;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupDePouce.App.Hosting;

/// <summary>ASP.NET Core Identity on the board's database: cookie sign-in, roles, lockout, our password rule.</summary>
public static class Accounts
{
    public const string LoginPath = "/compte/connexion";
    public const string RegisterPath = "/compte/inscription";
    public const string LogoutPath = "/compte/deconnexion";

    public static IServiceCollection AddCoupDePouceAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.Configure<SessionChecks>(configuration.GetSection(SessionChecks.Section));
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        // The sign-in cookie is checked against her account as often as open pages are: a session ended on the
        // server (sign-out, a role taken away) stops working within that time, and her claims are refreshed.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SessionChecks>>((validator, sessions) => validator.ValidationInterval = sessions.Value.RevalidateEvery);
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<Member>(options =>
            {
                // At least 12 characters, no composition rules (NIST SP 800-63B): a sentence is a good password.
                options.Password.RequiredLength = Member.PasswordMinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = string.Empty;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<BoardDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<MemberClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = LoginPath;
            options.ExpireTimeSpan = TimeSpan.FromDays(30);
            options.SlidingExpiration = true;
            options.Cookie.Name = "CoupDePouce.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        return services;
    }

    /// <summary>Why a password check said no, in the words of the security log (never what she typed).</summary>
    public static string Outcome(Microsoft.AspNetCore.Identity.SignInResult refused) =>
        refused.IsLockedOut ? "locked out" : refused.IsNotAllowed ? "not allowed" : "wrong password";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post (with its antiforgery token): signing out is never a link a third party can trigger.
        // Signing out ends her sessions on the server, not only in this browser: a copy of the cookie stops
        // working at its next check (see SessionChecks), and her other open pages are signed out too.
        endpoints.MapPost(LogoutPath, async (SignInManager<Member> signIn, HttpContext http, ILogger<SessionChecks> logger, [FromForm] string? returnUrl) =>
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is { } member)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(member);
                logger.LogInformation("Member {MemberId} signed out; her sessions are ended", member.Id);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(Localization.SafeReturnUrl(returnUrl));
        });
        return endpoints;
    }
}

/// <summary>Puts her display name in the sign-in cookie so the header does not query the database, and whether
/// she moderates (to show the moderation menu: the Domain still checks her rights on every use).</summary>
public sealed class MemberClaimsPrincipalFactory(
    UserManager<Member> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    IDbContextFactory<BoardDbContext> dbFactory)
    : UserClaimsPrincipalFactory<Member, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayNameClaim = "cdp:display_name";
    public const string ModeratesClaim = "cdp:moderates";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Member user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        await using var db = await dbFactory.CreateDbContextAsync();
        var viewer = await Viewer.LoadAsync(db, user.Id);
        if (viewer.IsAdmin || viewer.CoordinatedCoordinationIds.Count > 0)
        {
            identity.AddClaim(new Claim(ModeratesClaim, "true"));
        }

        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in member's id, or null for a visitor. Every use case re-reads her rights from the
    /// database; this id is all the UI passes.</summary>
    public static Guid? MemberId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : null;

    /// <summary>Whether to show her the moderation menu (her rights are checked by the Domain, not by this).</summary>
    public static bool Moderates(this ClaimsPrincipal user) => user.HasClaim(MemberClaimsPrincipalFactory.ModeratesClaim, "true");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(MemberClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? string.Empty;
}
