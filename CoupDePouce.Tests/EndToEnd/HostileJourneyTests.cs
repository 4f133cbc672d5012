using CoupDePouce.Domain;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Limits;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Tests.Support.Hostile;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using BoardPage = CoupDePouce.Tests.EndToEnd.Pages.BoardPage;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>The hostile corpus on real pages in Chromium: requests whose titles and Markdown carry every XSS and
/// Markdown trick, answered with more of them, on the board, their pages, a search and the notifications. No script
/// runs (the payloads set <c>window.__hostile</c>, a dialog would fail the test), the page stays live, no error.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task HostileRequestsAndAnswersShowInertOnTheBoardTheirPagesASearchAndTheNotifications()
    {
        var payloads = HostileCorpus.All.Where(e => e.Family is "xss" or "markdown" or "unicode" && e.Text.Length <= 400).Select(e => e.Text).ToList();
        var ids = await PostThroughTheDomainAsync(payloads);

        var author = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo");
        var dialogs = new List<string>();
        author.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await author.AddInitScriptAsync("window.__errors = []; window.addEventListener('error', e => window.__errors.push(e.message));");

        await new BoardPage(author).OpenAsync();
        await ExpectInertAsync(author, dialogs);
        foreach (var id in ids)
        {
            Assert.Equal(200, (await author.GotoAsync($"/demandes/{id}"))!.Status);
            await Expect(author.Locator(".thread-message").First).ToBeVisibleAsync();
            await ExpectInertAsync(author, dialogs);
        }

        Assert.Equal(200, (await author.GotoAsync("/?q=" + Uri.EscapeDataString("<script>window.__hostile=1</script> javascript")))!.Status);
        await ExpectInertAsync(author, dialogs);
        Assert.Equal(200, (await author.GotoAsync("/notifications"))!.Status);
        await ExpectInertAsync(author, dialogs);
    }

    private static async Task ExpectInertAsync(IPage page, List<string> dialogs)
    {
        await Expect(page.Locator(".app-shell[data-live='true']")).ToHaveCountAsync(1);
        Assert.Empty(dialogs);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__hostile === undefined"), $"a hostile script ran on {page.Url}");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__errors ?? []"));
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    /// <summary>Sophie's requests, ten payloads each (the first in the title, all in the details), each answered by
    /// Sarah with the same payloads: written straight into the app's database through the Domain, as the app would.</summary>
    private async Task<List<long>> PostThroughTheDomainAsync(IReadOnlyList<string> payloads)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddCoupDePouceDomain($"Data Source={browser.Server.DatabasePath}")
            .Configure<LimitOptions>(LimitOptions.Lift)
            .BuildServiceProvider();
        Guid sophie, sarah;
        await using (var db = await services.GetRequiredService<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync())
        {
            sophie = await db.Members.Where(m => m.Email == "sophie.bernard@coupdepouce.demo").Select(m => m.Id).SingleAsync();
            sarah = await db.Members.Where(m => m.Email == "sarah.bertrand@coupdepouce.demo").Select(m => m.Id).SingleAsync();
        }

        await using var scope = services.CreateAsyncScope();
        var post = scope.ServiceProvider.GetRequiredService<PostHelpRequestHandler>();
        var answer = scope.ServiceProvider.GetRequiredService<AnswerHelpRequestHandler>();
        var ids = new List<long>();
        foreach (var chunk in payloads.Chunk(10))
        {
            var title = $"Hostile {ids.Count} {chunk[0]}";
            var details = string.Join("\n\n", chunk);
            var posted = await post.HandleAsync(new PostHelpRequest(sophie, Cut(title, 120), Cut($"Dix chaînes hostiles :\n\n{details}", 5000), 1, Visibility.Network));
            Assert.True(posted.Succeeded, string.Join(" ", posted.Problems.Select(p => p.Message)));
            var answered = await answer.HandleAsync(new AnswerHelpRequest(sarah, posted.Value, Cut($"Réponse hostile :\n\n{details}", 5000)));
            Assert.True(answered.Succeeded, string.Join(" ", answered.Problems.Select(p => p.Message)));
            ids.Add(posted.Value);
        }

        return ids;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
