using System.Net;
using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.HelpRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        // The .NET 10 script, under its fingerprinted name.
        Assert.Matches("<script src=\"_framework/blazor\\.web\\.[a-z0-9]+\\.js\"></script>", html);
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

    [Fact]
    public async Task ShowsAMembersTitleAsTextNeverAsMarkup()
    {
        // Board lines are written as shared HTML strings (decision 010): what a member typed must be encoded there.
        var sophie = await host.QueryAsync(db => db.Members.Where(m => m.Email == "sophie.bernard@" + DemoNetworkSeeder.EmailDomain).Select(m => m.Id).SingleAsync());
        using (var scope = host.Services.CreateScope())
        {
            var posted = await scope.ServiceProvider.GetRequiredService<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
                sophie, "Devis <img src=x onerror=alert(1)> & \"tarifs\"", "Une question sur mes devis, avec du texte qui ressemble à du HTML.", 1, Visibility.Network));
            Assert.True(posted.Succeeded);
        }

        using var client = host.Browser();
        await SignInAsync(client, "sophie.bernard@" + DemoNetworkSeeder.EmailDomain);
        // The page as the browser receives it (not decoded, unlike Forms.GetPageAsync).
        var html = await client.GetStringAsync("/");

        Assert.Contains("Devis &lt;img src=x onerror=alert(1)&gt; &amp; &quot;tarifs&quot;</a>", html);
        Assert.DoesNotContain("<img src=x", html);
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
