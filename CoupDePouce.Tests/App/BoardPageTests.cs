using System.Net;
using CoupDePouce.Domain.DemoData;

namespace CoupDePouce.Tests.App;

[Collection(HostCollection.Name)]
public sealed class BoardPageTests(HostFixture host)
{
    [Fact]
    public async Task RendersForAnAnonymousVisitorInFrench()
    {
        using var client = host.Browser();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.ReadPageAsync(response);
        Assert.Contains("<html lang=\"fr\"", html);
        Assert.Contains("Rejoindre le réseau", html);
        Assert.Contains("Se connecter", html);
        Assert.Contains("_framework/blazor.web.js", html);
    }

    [Fact]
    public async Task ShowsNoRequestToAnAnonymousVisitor()
    {
        using var client = host.Browser();

        var html = await Forms.GetPageAsync(client, "/");

        Assert.DoesNotContain("request-card", html);
        Assert.DoesNotContain("Quel statut choisir entre micro-entreprise et SASU ?", html);
    }

    [Fact]
    public async Task ListsRequestsForASignedInMember()
    {
        using var client = host.Browser();
        await SignInAsync(client, "sophie.bernard@" + DemoNetworkSeeder.EmailDomain);

        var html = await Forms.GetPageAsync(client, "/");

        Assert.Contains("request-card", html);
        Assert.Contains("Voir plus de demandes", html);
    }

    internal static async Task SignInAsync(HttpClient client, string email)
    {
        var response = await Forms.PostAsync(client, "/compte/connexion", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoNetworkSeeder.Password,
            ["Input.RememberMe"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
