using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.App;

[Collection(HostCollection.Name)]
public sealed class RegistrationTests(HostFixture host)
{
    private async Task<int> RennesAsync() => await host.QueryAsync(db => db.Coordinations.Where(c => c.Name == "Rennes").Select(c => c.Id).SingleAsync());

    private async Task<Dictionary<string, string>> FormAsync(string email) => new()
    {
        ["Input.DisplayName"] = "Léa Nouvelle",
        ["Input.Email"] = email,
        ["Input.Password"] = "une longue phrase secrète",
        ["Input.HomeCoordinationId"] = (await RennesAsync()).ToString(),
        ["Input.Activity"] = "Céramiste",
    };

    [Fact]
    public async Task CreatesTheAccountSignsHerInAndSendsHerToTheBoard()
    {
        using var client = host.Browser();
        var email = $"lea.{Guid.NewGuid():N}@exemple.test";

        var response = await Forms.PostAsync(client, "/compte/inscription", "register", await FormAsync(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        Assert.True(await host.QueryAsync(db => db.Members.AnyAsync(m => m.Email == email)));
        var board = await Forms.GetPageAsync(client, "/");
        Assert.Contains("Léa Nouvelle", board);
        Assert.Contains("Se déconnecter", board);
    }

    [Fact]
    public async Task RejectsAShortPasswordKeepsWhatSheTypedAndStoresNothing()
    {
        using var client = host.Browser();
        var email = $"lea.{Guid.NewGuid():N}@exemple.test";
        var form = await FormAsync(email);
        form["Input.Password"] = "court";

        var response = await Forms.PostAsync(client, "/compte/inscription", "register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.ReadPageAsync(response);
        Assert.Contains("Le mot de passe doit faire au moins 12 caractères", html);
        Assert.Contains("value=\"Léa Nouvelle\"", html);
        Assert.Contains($"value=\"{email}\"", html);
        Assert.False(await host.QueryAsync(db => db.Members.AnyAsync(m => m.Email == email)));
    }

    [Fact]
    public async Task RejectsAnUnknownCoordinationAndStoresNothing()
    {
        using var client = host.Browser();
        var email = $"lea.{Guid.NewGuid():N}@exemple.test";
        var form = await FormAsync(email);
        form["Input.HomeCoordinationId"] = "9999";

        var response = await Forms.PostAsync(client, "/compte/inscription", "register", form);

        Assert.Contains("Cette coordination n'existe pas.", await Forms.ReadPageAsync(response));
        Assert.False(await host.QueryAsync(db => db.Members.AnyAsync(m => m.Email == email)));
    }

    [Fact]
    public async Task RefusesAFormPostedWithoutItsAntiforgeryToken()
    {
        using var client = host.Browser();
        var form = await FormAsync($"lea.{Guid.NewGuid():N}@exemple.test");
        form["_handler"] = "register";

        var response = await client.PostAsync("/compte/inscription", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
