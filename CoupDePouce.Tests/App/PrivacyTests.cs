using System.Net;
using System.Text.Json;
using CoupDePouce.App.Hosting;
using CoupDePouce.Domain.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App;

/// <summary>« Paramètres » › « Mes données », through the host: the download and the deletion of her account.</summary>
[Collection(HostCollection.Name)]
public sealed class PrivacyTests(HostFixture host)
{
    private const string Password = "un-mot-de-passe-tres-long-2026";

    [Fact]
    public async Task HerDataIsAJsonFileForHerOnlyAndNeverCached()
    {
        using var anonymous = host.Browser();
        var refused = await anonymous.GetAsync(PrivacyEndpoints.ExportPath);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains(Accounts.LoginPath, refused.Headers.Location!.ToString());

        var (email, memberId) = await NewMemberAsync("Clémence Export");
        using var browser = host.Browser();
        await Forms.SignInAsync(browser, email, Password);
        var download = await browser.GetAsync(PrivacyEndpoints.ExportPath);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("coupdepouce-mes-donnees-", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString());
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var profile = json.RootElement.GetProperty("Profile");
        Assert.Equal((memberId.ToString(), email, "Clémence Export"),
            (profile.GetProperty("Id").GetString(), profile.GetProperty("Email").GetString(), profile.GetProperty("DisplayName").GetString()));
    }

    [Fact]
    public async Task AWrongPasswordOrAnUntickedBoxDeletesNothingAndSaysWhy()
    {
        var (email, memberId) = await NewMemberAsync("Clémence Prudente");
        using var browser = host.Browser();
        await Forms.SignInAsync(browser, email, Password);

        var wrong = await DeleteAsync(browser, "pas-le-bon-mot-de-passe", understood: true);
        var unticked = await DeleteAsync(browser, Password, understood: false);

        Assert.Contains("Mot de passe incorrect : rien n'a été supprimé.", await Forms.ReadPageAsync(wrong));
        Assert.Contains("Saisissez votre mot de passe et cochez la case pour confirmer.", await Forms.ReadPageAsync(unticked));
        Assert.Null(await host.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.DepartedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/parametres")).StatusCode);
    }

    [Fact]
    public async Task OnceDeletedSheIsSignedOutCannotSignInAgainAndTheDeletionIsLogged()
    {
        var (email, memberId) = await NewMemberAsync("Clémence Partante");
        using var browser = host.Browser();
        await Forms.SignInAsync(browser, email, Password);

        var deleted = await DeleteAsync(browser, Password, understood: true);

        Assert.Contains("Votre compte est supprimé", await Forms.ReadPageAsync(deleted));
        var settings = await browser.GetAsync("/parametres");
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var again = await Forms.SignInAsync(browser, email, Password);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await Forms.ReadPageAsync(again));
        Assert.Equal(Member.DepartedName, await host.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.DisplayName).SingleAsync()));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Member {memberId} deleted her account"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient browser, string password, bool understood)
    {
        var fields = new Dictionary<string, string> { ["Input.Password"] = password };
        if (understood)
        {
            fields["Input.Understood"] = "true";
        }

        return Forms.PostAsync(browser, PrivacyEndpoints.DeletePath, "delete-account", fields);
    }



    private async Task<(string Email, Guid Id)> NewMemberAsync(string name)
    {
        var email = $"rgpd.{Guid.NewGuid():N}@exemple.fr";
        return (email, await host.CreateMemberAsync(name, email, Password));
    }
}
