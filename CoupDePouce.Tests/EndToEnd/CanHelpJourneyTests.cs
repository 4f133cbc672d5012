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

    [Fact]
    public async Task TheSkilledMembersOfHerCoordinationGetTheInvitationAndTheRequestLive()
    {
        var (skilled, asker, theme) = await FewHelpersOfACoordinationAsync();
        // Each of them has « Je peux aider » open and live before anything is posted: what follows reaches these pages.
        var pages = new Dictionary<string, (IPage Page, string? Bell)>();
        foreach (var helper in skilled)
        {
            var page = await browser.SignedInAsync(helper, width: 1280);
            await page.GotoAsync(CoupDePouce.App.Components.Pages.Matching.CanHelpPage.Path);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Je peux aider");
            await Expect(page.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);
            pages[helper] = (page, await page.Locator(".bell a").GetAttributeAsync("aria-label"));
        }

        var token = Guid.NewGuid().ToString("N")[..8];
        var askerPage = await browser.SignedInAsync(asker);
        var form = new PostRequestPage(askerPage);
        await form.OpenAsync();
        await form.FillAsync($"Une question pour ma coordination {token}", "J'aurais besoin d'un avis de quelqu'un qui s'y connaît.", theme, wholeNetwork: false);
        var id = await form.PublishAsync();

        // Who was invited (another browser test may have spent a member's weekly invitations or turned them off).
        var invited = await InvitedAsync(id);
        Assert.NotEmpty(invited);
        Assert.Subset(skilled.ToHashSet(), invited.ToHashSet());
        await Expect(askerPage.Locator(".invited-note")).ToHaveTextAsync(
            invited.Count == 1 ? "1 membre compétente a été prévenue." : $"{invited.Count} membres compétentes ont été prévenues.");
        foreach (var helper in invited)
        {
            var (page, before) = pages[helper];
            await Expect(page.Locator($"li.request-card[data-request-id='{id}']")).ToContainTextAsync($"Une question pour ma coordination {token}");
            await Expect(page.Locator(".bell a")).Not.ToHaveAttributeAsync("aria-label", before ?? string.Empty);
            await page.Locator(".bell a").ClickAsync();
            await Expect(page.Locator("li[data-notification-id]").First)
                .ToContainTextAsync($"Nouvelle demande sur vos compétences : « Une question pour ma coordination {token} »");
        }
    }

    private async Task<List<string>> InvitedAsync(long requestId)
    {
        await using var connection = new SqliteConnection($"Data Source={browser.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT lower(u.Email) FROM HelpInvitations i JOIN AspNetUsers u ON u.Id = i.MemberId WHERE i.HelpRequestId = $id";
        command.Parameters.AddWithValue("$id", requestId);
        var emails = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        return emails;
    }

    /// <summary>A coordination where at most three approved, unsuspended members offer help on a theme no other
    /// browser test posts in, and another of its members to ask: the matching invites each of them.</summary>
    private async Task<(List<string> Skilled, string Asker, string Theme)> FewHelpersOfACoordinationAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={browser.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.Slug, u.HomeCoordinationId, lower(u.Email) FROM MemberSkills s
            JOIN AspNetUsers u ON u.Id = s.MemberId
            JOIN Themes t ON t.Id = s.ThemeId
            WHERE t.Slug IN ('numerique', 'commercial', 'comptabilite') AND u.Membership = 0 AND u.SuspendedUntil IS NULL
                AND u.DepartedAt IS NULL AND lower(u.Email) NOT LIKE 'admin%'
            """;
        var skilled = new List<(string Theme, long Coordination, string Email)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                skilled.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        var few = skilled.GroupBy(s => (s.Theme, s.Coordination)).Where(g => g.Count() <= 3).OrderBy(g => g.Count()).First();
        var (theme, coordination, _) = few.First();
        command.CommandText = """
            SELECT lower(u.Email) FROM AspNetUsers u
            WHERE u.HomeCoordinationId = $coordination AND u.Membership = 0 AND u.SuspendedUntil IS NULL AND u.DepartedAt IS NULL
                AND lower(u.Email) NOT LIKE 'coord.%' AND lower(u.Email) NOT LIKE 'admin%'
                AND u.Id NOT IN (SELECT s.MemberId FROM MemberSkills s JOIN Themes t ON t.Id = s.ThemeId WHERE t.Slug = $theme)
            """;
        command.Parameters.AddWithValue("$coordination", coordination);
        command.Parameters.AddWithValue("$theme", theme);
        var asker = (string)(await command.ExecuteScalarAsync())!;
        var label = theme switch { "numerique" => "Numérique & outils", "commercial" => "Commercial & prospection", _ => "Comptabilité & gestion" };
        return ([.. few.Select(s => s.Email)], asker, label);
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
