using System.Net;
using CoupDePouce.App.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoupDePouce.Tests.App;

/// <summary>One address sending the sign-in or registration form too often is told to wait, in her language.</summary>
[Collection(HostCollection.Name)]
public sealed class AccountFormLimitsTests(HostFixture host)
{
    [Fact]
    public async Task AFourthSignInWithinTheMinuteFromOneAddressIsRefusedInFrenchAndChecksNoPassword()
    {
        await using var limited = host.WithWebHostBuilder(builder => builder.UseSetting("Limits:SignIn:PermitLimit", "3"));
        using var browser = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failuresBefore = await FailedSignInsOfIsabelleAsync();
        var wrong = new Dictionary<string, string> { ["Input.Email"] = "isabelle.thomas@coupdepouce.demo", ["Input.Password"] = "pas le bon mot de passe du tout" };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(browser, Accounts.LoginPath, "login", wrong)).StatusCode);
        }

        var fourth = await Forms.PostAsync(browser, Accounts.LoginPath, "login", wrong);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.NotNull(fourth.Headers.RetryAfter);
        var page = await Forms.ReadPageAsync(fourth);
        Assert.Contains("Beaucoup de tentatives sont venues de votre connexion en peu de temps : réessayez dans une minute.", page);
        Assert.Contains("<html lang=\"fr\">", page);
        // Refused before Identity saw it: the three wrong passwords counted, the fourth did not.
        Assert.Equal(failuresBefore + 3, await FailedSignInsOfIsabelleAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Accounts.LoginPath)).StatusCode);
    }

    [Fact]
    public async Task TooManyRegistrationsFromOneAddressAreRefusedInEnglishToAVisitorWhoChoseEnglish()
    {
        await using var limited = host.WithWebHostBuilder(builder => builder.UseSetting("Limits:Registration:PermitLimit", "1"));
        using var browser = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.GetAsync("/langue/en?returnUrl=%2F");
        var incomplete = new Dictionary<string, string> { ["Input.DisplayName"] = "X" };
        await Forms.PostAsync(browser, Accounts.RegisterPath, "register", incomplete);

        var second = await Forms.PostAsync(browser, Accounts.RegisterPath, "register", incomplete);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("Many attempts came from your connection in a short time: please try again in a minute.", await Forms.ReadPageAsync(second));
    }

    private Task<int> FailedSignInsOfIsabelleAsync() =>
        host.QueryAsync(db => Task.FromResult(db.Members.Single(m => m.Email == "isabelle.thomas@coupdepouce.demo").AccessFailedCount));
}
