using System.Net;

namespace CoupDePouce.Tests.App;

[Collection(HostCollection.Name)]
public sealed class AccessTests(HostFixture host)
{
    [Theory]
    [InlineData("/demandes/nouvelle")]
    [InlineData("/mes-demandes")]
    [InlineData("/demandes/1")]
    public async Task SendsAVisitorWhoIsNotSignedInToTheSignInPage(string path)
    {
        using var client = host.Browser();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/compte/connexion", location);
        Assert.Contains(Uri.EscapeDataString(path), location);
    }

    [Fact]
    public async Task LetsASignedInMemberOpenThePostingForm()
    {
        using var client = host.Browser();
        await BoardPageTests.SignInAsync(client, "sophie.bernard@coupdepouce.demo");

        var response = await client.GetAsync("/demandes/nouvelle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.ReadPageAsync(response);
        Assert.Contains("Votre besoin en une phrase", html);
        Assert.Contains("Ma coordination uniquement (Rennes)", html);
    }

    [Fact]
    public async Task RefusesAWrongPasswordWithAFrenchMessage()
    {
        using var client = host.Browser();

        var response = await Forms.PostAsync(client, "/compte/connexion", "login", new()
        {
            ["Input.Email"] = "sophie.bernard@coupdepouce.demo",
            ["Input.Password"] = "ce n'est pas le bon mot de passe",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await Forms.ReadPageAsync(response));
    }

    [Fact]
    public async Task LocksAnAccountAfterFiveWrongPasswords()
    {
        using var client = host.Browser();
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = "nathalie.dubois@coupdepouce.demo",
            ["Input.Password"] = "ce n'est pas le bon mot de passe",
        };
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.PostAsync(client, "/compte/connexion", "login", fields);
        }

        fields["Input.Password"] = CoupDePouce.Domain.DemoData.DemoNetworkSeeder.Password;
        var response = await Forms.PostAsync(client, "/compte/connexion", "login", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("votre compte est verrouillé pendant 15 minutes", await Forms.ReadPageAsync(response));
    }
}
