using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>A member whose skills include a request's theme finds it in « Je peux aider », counted in her menu.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CanHelpJourneyTests(BrowserFixture browser)
{
    private static readonly string[] DemoMembers =
    [
        "sophie.bernard", "julie.durand", "isabelle.thomas", "nathalie.dubois", "anne.michel", "sarah.bertrand", "emilie.robert",
    ];

    [Fact]
    public async Task AMemberWithTheMatchingSkillFindsANewNetworkRequestInJePeuxAider()
    {
        var (helper, asker) = await HelperAndAskerAsync(themeSlug: "juridique");
        var token = Guid.NewGuid().ToString("N")[..8];
        var askerPage = await browser.SignedInAsync($"{asker}@coupdepouce.demo");
        var form = new PostRequestPage(askerPage);
        await form.OpenAsync();
        await form.FillAsync($"Relire un contrat de prestation {token}", "Un client me propose un contrat : qui peut m'aider à le relire ?", "Juridique", wholeNetwork: true);
        var id = await form.PublishAsync();

        var page = await browser.SignedInAsync($"{helper}@coupdepouce.demo", width: 1280);
        await page.GotoAsync("/");
        var link = page.Locator(".nav-drawer a.nav-can-help");
        await Expect(link).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Je peux aider \(\d+\)"));
        await link.ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Je peux aider");
        await Expect(page.Locator(".can-help-count")).ToContainTextAsync("sans réponse");
        var line = page.Locator($"li.request-card[data-request-id='{id}']");
        await Expect(line).ToContainTextAsync($"Relire un contrat de prestation {token}");
        await Expect(line).ToContainTextAsync("Juridique");
        await Expect(link).ToHaveAttributeAsync("aria-current", "page");
    }

    /// <summary>A demo member who offers help on the theme, and another who does not ask for it from herself.</summary>
    private async Task<(string Helper, string Asker)> HelperAndAskerAsync(string themeSlug)
    {
        await using var connection = new SqliteConnection($"Data Source={browser.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT lower(u.Email) FROM MemberSkills s
            JOIN AspNetUsers u ON u.Id = s.MemberId
            JOIN Themes t ON t.Id = s.ThemeId
            WHERE t.Slug = $slug
            """;
        command.Parameters.AddWithValue("$slug", themeSlug);
        var skilled = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                skilled.Add(reader.GetString(0).Split('@')[0]);
            }
        }

        var helper = DemoMembers.First(skilled.Contains);
        return (helper, DemoMembers.First(m => m != helper));
    }
}
