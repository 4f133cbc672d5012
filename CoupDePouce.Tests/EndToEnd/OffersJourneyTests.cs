using CoupDePouce.Tests.EndToEnd.Pages;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>A member offers help; another of her coordination posts a request of that theme, finds the offer beside
/// it and asks for it in one click; the offerer's bell changes live, on a page she already had open.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OffersJourneyTests(BrowserFixture browser)
{
    private const string Theme = "Développement personnel";

    [Fact]
    public async Task AnAskerFindsAnOfferBesideHerRequestAndTheOffererHearsOfItLive()
    {
        var (offererEmail, offererName, askerEmail) = await TwoMembersOfOneCoordinationAsync();
        var token = Guid.NewGuid().ToString("N")[..8];

        // She offers help, from « Propositions ».
        var offerer = await browser.SignedInAsync(offererEmail, width: 1280);
        await offerer.GotoAsync("/propositions");
        await offerer.Locator("a[href='/propositions/nouvelle']").First.ClickAsync();
        await Expect(offerer.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);
        await offerer.Locator("input[name=Kind][data-kind=TimeSlot]").CheckAsync();
        await offerer.Locator("input[name=Title]").FillAsync($"Une heure pour parler organisation {token}");
        await offerer.Locator("textarea[name=Details]").FillAsync("Je donne une heure par semaine pour parler organisation et priorités.");
        await new PostRequestPage(offerer).ChooseThemeAsync(Theme);
        await offerer.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publier ma proposition" }).ClickAsync();
        await offerer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/je-peux-aider"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Expect(offerer.Locator("#my-offers .offer-card").Filter(new() { HasText = token })).ToHaveCountAsync(1);
        await Expect(offerer.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);
        var bellBefore = await offerer.Locator(".bell a").GetAttributeAsync("aria-label");

        // Another member asks for help on that theme and finds the offer beside her request.
        var asker = await browser.SignedInAsync(askerEmail);
        var form = new PostRequestPage(asker);
        await form.OpenAsync();
        await form.FillAsync($"Comment mieux organiser mes semaines {token} ?", "Je m'éparpille entre clientes, administratif et prospection : des conseils ?", Theme, wholeNetwork: false);
        await form.PublishAsync();
        var offer = asker.Locator(".matching-offers .offer-card").Filter(new() { HasText = token });
        await Expect(offer).ToContainTextAsync($"Proposée par {offererName}");
        await offer.Locator("[data-action=ask-offerer]").ClickAsync();
        await Expect(offer.Locator(".offer-asked")).ToHaveTextAsync("Déjà sollicitée pour cette demande.");

        await Expect(offerer.Locator(".bell a")).Not.ToHaveAttributeAsync("aria-label", bellBefore ?? string.Empty);
        await offerer.Locator(".bell a").ClickAsync();
        await Expect(offerer.Locator("li[data-notification-id]").First).ToContainTextAsync($"vous sollicite pour le coup de pouce que vous proposez, sur sa demande « Comment mieux organiser mes semaines {token} ? »");
    }

    /// <summary>Two approved, unsuspended demo members (not coordinatrices) of the same coordination: an offerer and an asker.</summary>
    private async Task<(string OffererEmail, string OffererName, string AskerEmail)> TwoMembersOfOneCoordinationAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={browser.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.HomeCoordinationId, lower(u.Email), u.DisplayName FROM AspNetUsers u
            WHERE u.Membership = 0 AND u.SuspendedUntil IS NULL AND u.DepartedAt IS NULL
                AND lower(u.Email) LIKE '%@coupdepouce.demo' AND lower(u.Email) NOT LIKE 'coord.%' AND lower(u.Email) NOT LIKE 'admin%'
                AND NOT EXISTS (SELECT 1 FROM CoordinatorAssignments a WHERE a.MemberId = u.Id)
                AND NOT EXISTS (SELECT 1 FROM NotificationSettings n WHERE n.MemberId = u.Id AND n.DisabledKinds <> 0)
            ORDER BY u.HomeCoordinationId, u.Email
            """;
        var members = new List<(long Coordination, string Email, string Name)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                members.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var pair = members.GroupBy(m => m.Coordination).First(g => g.Count() >= 2).ToList();
        return (pair[^1].Email, pair[^1].Name, pair[^2].Email);
    }
}
