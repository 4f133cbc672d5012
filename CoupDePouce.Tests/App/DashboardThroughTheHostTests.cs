using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.App;

/// <summary>The dashboards and their downloads, through the host on the demo network: who may read which scope,
/// and what the CSV files look like in a French spreadsheet.</summary>
[Collection(HostCollection.Name)]
public sealed class DashboardThroughTheHostTests(HostFixture host)
{
    private const string Admin = "admin@coupdepouce.demo";
    private const string RennesCoordinatrice = "coord.rennes@coupdepouce.demo";

    [Fact]
    public async Task TheAdminReadsTheNetworksFiguresAndEachCoordinationsRow()
    {
        using var client = await SignedInAsync(Admin);

        var html = await Forms.GetPageAsync(client, "/tableau-de-bord?periode=90");

        Assert.Contains("Tableau de bord du réseau", html);
        foreach (var figure in new[] { "Taux de réponse", "Délai médian de 1re réponse", "Sans réponse > 48 h", "Primo-demandeuses aidées", "Réseau (total)" })
        {
            Assert.Contains(figure, html);
        }

        Assert.Contains("Marseille", html);
        Assert.Contains("href=\"/tableau-de-bord/definitions#dependance\"", html);
    }

    [Fact]
    public async Task TheTableDownloadsAsAFrenchSpreadsheetNamedAfterItsScopeAndPeriod()
    {
        using var client = await SignedInAsync(Admin);

        var response = await client.GetAsync("/tableau-de-bord/export/coordinations.csv?du=2026-09-01&au=2026-11-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("coupdepouce-coordinations-reseau-2026-09-01_2026-11-30.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Coordination;Demandes;Taux de réponse (%);Taux de résolution (%);Délai médian de 1re réponse (h)", lines[0]);
        Assert.Equal(16, lines[0].Split(';').Length);
        Assert.EndsWith(";Efficacité (%)", lines[0]);
        // A header, one line per coordination, the network's total.
        Assert.Equal(await host.QueryAsync(db => db.Coordinations.CountAsync()) + 2, lines.Length);
        Assert.StartsWith("Réseau (total);", lines[^1]);
        // Shares and delays with a decimal comma, inside « ; »-separated fields.
        Assert.Matches(@";\d+,\d+;", lines[^1]);
    }

    [Fact]
    public async Task CommasOnRequestSeparateFieldsAndDecimalsTakeAPoint()
    {
        using var client = await SignedInAsync(Admin);

        var text = await client.GetStringAsync("/tableau-de-bord/export/semaines.csv?du=2026-09-01&au=2026-11-30&separateur=virgule");

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Semaine (lundi),Demandes,Réponses,Délai médian de 1re réponse (h),Délai de 1re réponse (90 %) (h)", lines[0]);
        Assert.StartsWith("2026-08-31,", lines[1]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @",\d+\.\d+"));
    }

    [Fact]
    public async Task ACoordinatriceReadsHerCoordinationAndNeverAnothersEvenThroughTheAddress()
    {
        var lyon = await CoordinationIdAsync("Lyon");
        using var client = await SignedInAsync(RennesCoordinatrice);

        var hers = await Forms.GetPageAsync(client, "/tableau-de-bord");
        Assert.Contains("Tableau de bord · Rennes", hers);
        Assert.DoesNotContain("Réseau (total)", hers);

        foreach (var address in new[] { $"/tableau-de-bord?coordination={lyon}", "/tableau-de-bord?coordination=abc" })
        {
            var html = await Forms.GetPageAsync(client, address);
            Assert.Contains("Ce tableau de bord n'est pas disponible.", html);
            Assert.DoesNotContain("Taux de réponse", html);
        }

        foreach (var export in new[] { $"/tableau-de-bord/export/coordinations.csv?coordination={lyon}", $"/tableau-de-bord/export/semaines.csv?coordination={lyon}&du=2026-12-10&au=2026-01-01" })
        {
            var response = await client.GetAsync(export);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("Ce tableau de bord n'est pas disponible.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AMemberGetsNotAvailableAndNoFigure()
    {
        using var client = await SignedInAsync("sophie.bernard@coupdepouce.demo");

        var html = await Forms.GetPageAsync(client, "/tableau-de-bord?periode=7");
        var export = await client.GetAsync("/tableau-de-bord/export/coordinations.csv");

        Assert.Contains("Ce tableau de bord n'est pas disponible.", html);
        Assert.DoesNotContain("Demandes", html);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.DoesNotContain(";", await export.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("du=2026-11-30&au=2026-09-01", "La date de fin doit venir après la date de début.")]
    [InlineData("du=2023-01-01&au=2026-11-30", "Une période ne peut pas dépasser deux ans.")]
    [InlineData("du=31/12/2025&au=2026-11-30", "La date « 31/12/2025 » est illisible : écrivez-la AAAA-MM-JJ (par exemple 2026-03-31).")]
    [InlineData("periode=12", "Choisissez une période de 7, 30 ou 90 jours, ou des dates.")]
    public async Task ABadPeriodIsExplainedInHerLanguageAndNothingIsComputed(string query, string message)
    {
        using var client = await SignedInAsync(Admin);

        var html = await Forms.GetPageAsync(client, "/tableau-de-bord?" + query);
        var export = await client.GetAsync("/tableau-de-bord/export/coordinations.csv?" + query);

        Assert.Contains(message, html);
        Assert.DoesNotContain("Réseau (total)", html);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Equal(message, await export.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = host.Browser();
        await BoardPageTests.SignInAsync(client, email);
        return client;
    }

    private Task<int> CoordinationIdAsync(string name) =>
        host.QueryAsync(db => db.Coordinations.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
}
