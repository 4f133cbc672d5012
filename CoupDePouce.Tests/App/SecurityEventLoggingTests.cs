using CoupDePouce.App.Hosting;
using CoupDePouce.Domain.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App;

/// <summary>Failed sign-ins and the lockout they lead to are security events in the logs: which member, what
/// happened, never the address or the password she typed.</summary>
[Collection(HostCollection.Name)]
public sealed class SecurityEventLoggingTests(HostFixture host)
{
    private const string WrongPassword = "pas-le-bon-mot-de-passe-42";

    [Fact]
    public async Task FiveWrongPasswordsAreLoggedWithHerIdThenHerLockoutAndNeitherHerAddressNorThePassword()
    {
        var email = $"journal.{Guid.NewGuid():N}@exemple.fr";
        var memberId = await host.CreateMemberAsync("Journal Témoin", email, "un-mot-de-passe-tres-long-2026");
        using var browser = host.Browser();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.SignInAsync(browser, email, WrongPassword);
        }

        var hers = host.Logs.Warnings.Where(l => l.Contains(memberId.ToString())).ToList();
        Assert.Equal(4, hers.Count(l => l.Contains("Sign-in refused") && l.Contains("wrong password")));
        Assert.Single(hers, l => l.Contains("Sign-in refused") && l.Contains("locked out"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains(WrongPassword));
    }

    [Fact]
    public async Task ASignInWithAnAddressThatIsNoMembersIsLoggedWithoutTheAddress()
    {
        var email = $"inconnue.{Guid.NewGuid():N}@exemple.fr";
        using var browser = host.Browser();
        var before = host.Logs.Warnings.Count(l => l.Contains("no member's"));

        await Forms.SignInAsync(browser, email, WrongPassword);

        Assert.Equal(before + 1, host.Logs.Warnings.Count(l => l.Contains("no member's")));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
    }


}
