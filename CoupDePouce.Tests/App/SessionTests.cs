using System.Net;
using CoupDePouce.App.Hosting;
using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace CoupDePouce.Tests.App;

/// <summary>Sessions end on the server: at sign-out, and when her rights change, on every screen she has open.</summary>
[Collection(HostCollection.Name)]
public sealed class SessionTests(HostFixture host)
{
    private const string Posting = "/demandes/nouvelle";

    [Fact]
    public async Task ACopyOfHerCookieTakenBeforeSheSignedOutOpensNothing()
    {
        await using var checkingEveryRequest = EveryRequestChecked();
        using var browser = checkingEveryRequest.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var cookie = SessionCookie(await SignInAsync(browser, "sarah.bertrand@" + DemoNetworkSeeder.EmailDomain));
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(checkingEveryRequest, cookie).GetAsync(Posting)).StatusCode);

        var signedOut = await browser.PostAsync(Accounts.LogoutPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Forms.AntiforgeryTokenAsync(browser, Posting),
            ["returnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var replayed = await WithCookie(checkingEveryRequest, cookie).GetAsync(Posting);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains(Accounts.LoginPath, replayed.Headers.Location!.ToString());
    }

    [Fact]
    public async Task HerPagesKeepOpeningWhileHerSessionIsCheckedOnEachOne()
    {
        await using var checkingEveryRequest = EveryRequestChecked();
        using var browser = checkingEveryRequest.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        SessionCookie(await SignInAsync(browser, "emilie.robert@" + DemoNetworkSeeder.EmailDomain));

        foreach (var path in new[] { Posting, "/mes-demandes", Posting })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task AnOpenPageOfACoordinatriceWhoLostHerRoleIsNoLongerValid()
    {
        var (principal, memberId) = await PrincipalOfAsync("coord.lyon@" + DemoNetworkSeeder.EmailDomain);
        Assert.True(await IsStillValidAsync(principal));
        var admin = await host.QueryAsync(db => db.Members.Where(m => m.Email == DemoNetworkSeeder.AdminEmail).Select(m => m.Id).SingleAsync());
        var lyon = await host.QueryAsync(db => db.CoordinatorAssignments.Where(a => a.MemberId == memberId).Select(a => a.CoordinationId).FirstAsync());
        using (var scope = host.Services.CreateScope())
        {
            var manage = scope.ServiceProvider.GetRequiredService<ManageCoordinationsHandler>();
            Assert.True((await manage.HandleAsync(new RemoveCoordinatrice(admin, lyon, memberId))).Succeeded);
            Assert.True((await manage.HandleAsync(new AssignCoordinatrice(admin, lyon, "coord.lyon@" + DemoNetworkSeeder.EmailDomain))).Succeeded);
        }

        Assert.False(await IsStillValidAsync(principal));
        Assert.True(await IsStillValidAsync((await PrincipalOfAsync("coord.lyon@" + DemoNetworkSeeder.EmailDomain)).Principal));
    }

    [Fact]
    public async Task AnOpenPageOfAnAccountThatNoLongerExistsIsNoLongerValid()
    {
        var (principal, _) = await PrincipalOfAsync("sophie.bernard@" + DemoNetworkSeeder.EmailDomain);
        var stranger = new ClaimsPrincipal(new ClaimsIdentity(
            principal.Claims.Select(c => c.Type == ClaimTypes.NameIdentifier
                ? new Claim(c.Type, Guid.NewGuid().ToString())
                : c),
            principal.Identity!.AuthenticationType));

        Assert.True(await IsStillValidAsync(principal));
        Assert.False(await IsStillValidAsync(stranger));
        Assert.True(await IsStillValidAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private WebApplicationFactory<Program> EveryRequestChecked() =>
        host.WithWebHostBuilder(builder => builder.UseSetting("Accounts:RevalidateEvery", "00:00:00"));

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email) =>
        Forms.PostAsync(browser, Accounts.LoginPath, "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoNetworkSeeder.Password,
            ["Input.RememberMe"] = "false",
        });

    /// <summary>The sign-in cookie a response set, as a browser would send it back.</summary>
    private static string SessionCookie(HttpResponseMessage signedIn)
    {
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("CoupDePouce.Session", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
    }

    private static HttpClient WithCookie(WebApplicationFactory<Program> factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<(ClaimsPrincipal Principal, Guid MemberId)> PrincipalOfAsync(string email)
    {
        using var scope = host.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Member>>();
        var member = await signIn.UserManager.FindByEmailAsync(email);
        return (await signIn.CreateUserPrincipalAsync(member!), member!.Id);
    }

    private async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        using var scope = host.Services.CreateScope();
        return await SessionRevalidation.IsStillValidAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<Member>>(), principal,
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value);
    }
}
