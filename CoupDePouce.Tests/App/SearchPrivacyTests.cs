using CoupDePouce.Domain.DemoData;

namespace CoupDePouce.Tests.App;

/// <summary>What a member looks for is hers: the host never writes her search to its logs (issue 18, bad input).</summary>
[Collection(HostCollection.Name)]
public sealed class SearchPrivacyTests(HostFixture host)
{
    [Fact]
    public async Task HerSearchIsNeverWrittenToTheLogs()
    {
        using var client = host.Browser();
        await BoardPageTests.SignInAsync(client, "sophie.bernard@" + DemoNetworkSeeder.EmailDomain);

        var page = await Forms.GetPageAsync(client, "/?q=Divorcée+endettement+Zanzibar");
        var filtered = await Forms.GetPageAsync(client, "/?q=Zanzibar&theme=4&statut=sans-reponse");

        Assert.Contains("Zanzibar", page);
        Assert.Contains("Zanzibar", filtered);
        // The host does log (its start, the demo network, …): what it writes is read, and her words are not in it.
        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, line =>
            line.Contains("zanzibar", StringComparison.OrdinalIgnoreCase) || line.Contains("endettement", StringComparison.OrdinalIgnoreCase));
    }
}
