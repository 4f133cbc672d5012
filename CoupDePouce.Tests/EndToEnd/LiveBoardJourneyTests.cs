using System.Net.Http.Json;
using CoupDePouce.Domain;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CoupDePouce.Tests.EndToEnd.Pages;
using BoardPage = CoupDePouce.Tests.EndToEnd.Pages.BoardPage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>Three members on three screens: what one does reaches, without a reload, exactly those allowed to see it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveBoardJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ACoordinationOnlyRequestAppearsLiveForItsCoordinationAndNeverForAnother()
    {
        // A and C watch their boards; B, in A's coordination, posts for Rennes only.
        var a = await browser.SignedInAsync("sophie.bernard@coupdepouce.demo");
        await new BoardPage(a).OpenAsync();
        var c = await browser.SignedInAsync("julie.durand@coupdepouce.demo");
        await new BoardPage(c).OpenAsync();

        var b = await browser.SignedInAsync("isabelle.thomas@coupdepouce.demo");
        var form = new PostRequestPage(b);
        await form.OpenAsync();
        var title = $"Réservé à Rennes {Guid.NewGuid():N}"[..40];
        await form.FillAsync(title, "Une question que je ne pose qu'aux membres de ma coordination.", "Autre", wholeNetwork: false);
        await form.PublishAsync();

        var arrived = a.Locator(".request-card.just-arrived .request-title");
        await Expect(arrived).ToHaveTextAsync(title, new LocatorAssertionsToHaveTextOptions { Timeout = 2_000 });
        // The highlight is brief: the line looks like the others a few seconds later.
        var line = a.Locator(".request-card.just-arrived");
        await Expect(line).ToHaveCSSAsync("background-color", "rgb(255, 244, 209)");
        await Expect(line).ToHaveCSSAsync("background-color", "rgb(255, 255, 255)", new LocatorAssertionsToHaveCSSOptions { Timeout = 8_000 });
        Assert.DoesNotContain(title, await c.ContentAsync());
        await Expect(c.Locator(".request-card.just-arrived")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnEarlierArrivalLosesItsHighlightWhenTheNextOneArrivesAfterAFewSeconds()
    {
        var a = await browser.SignedInAsync("emilie.robert@coupdepouce.demo");
        await new BoardPage(a).OpenAsync();
        var b = await browser.SignedInAsync("nathalie.dubois@coupdepouce.demo");
        var form = new PostRequestPage(b);

        var first = await PostAsync(form, "Première arrivée");
        var firstLine = a.Locator($".request-card[data-request-id='{first}']");
        await Expect(firstLine).ToHaveClassAsync(JustArrived);
        await Task.Delay(TimeSpan.FromSeconds(3.2));
        var second = await PostAsync(form, "Seconde arrivée");

        // The second line is highlighted; the first, older than 3 s, is not any more (and not by the stylesheet's
        // own 6 s: the class itself is gone, taken off with the second line).
        await Expect(a.Locator($".request-card[data-request-id='{second}']")).ToHaveClassAsync(JustArrived);
        await Expect(firstLine).Not.ToHaveClassAsync(JustArrived, new LocatorAssertionsToHaveClassOptions { Timeout = 1_000 });
    }

    private static readonly System.Text.RegularExpressions.Regex JustArrived = new("just-arrived");

    private static async Task<long> PostAsync(PostRequestPage form, string title)
    {
        await form.OpenAsync();
        await form.FillAsync($"{title} {Guid.NewGuid():N}"[..36], "Deux demandes de la même coordination, l'une après l'autre.", "Autre", wholeNetwork: false);
        return await form.PublishAsync();
    }

    [Fact]
    public async Task AnAnswerAppearsOnTheOpenRequestPageAndTheAskersBellRises()
    {
        var asker = await browser.NewPageAsync(width: 1200);
        await new RegisterPage(asker).RegisterAsync("Noémie Demandeuse", "Lille");
        var form = new PostRequestPage(asker);
        await form.OpenAsync();
        await form.FillAsync($"Conseil pour un premier devis {Guid.NewGuid():N}"[..44], "Comment chiffrer ma première prestation de conseil ?", "Commercial & prospection", wholeNetwork: true);
        var id = await form.PublishAsync();
        var askerView = new RequestPage(asker);
        await askerView.ArrivedAsync(id);
        await Expect(asker.Locator(".header-bell .bell-count")).ToHaveCountAsync(0);

        var helper = await browser.SignedInAsync("sarah.bertrand@coupdepouce.demo");
        var helperView = new RequestPage(helper);
        await helperView.OpenAsync(id);

        // While Sarah writes, Noémie sees it, and both see that two members are on the page.
        await Expect(asker.Locator(".presence-viewers")).ToContainTextAsync("2 membres consultent cette demande");
        await Expect(helper.Locator(".presence-viewers")).ToContainTextAsync("2 membres consultent cette demande");
        await helperView.AnswerBox.PressSequentiallyAsync("Compte ton temps");
        await Expect(asker.Locator(".presence-typing")).ToHaveTextAsync("Sarah est en train de répondre…");
        await Expect(helper.Locator(".presence-typing")).ToHaveTextAsync(string.Empty);
        await helperView.AnswerAsync("Compte ton temps passé, ajoute tes frais et compare avec le marché.");
        await Expect(asker.Locator(".presence-typing")).ToHaveTextAsync(string.Empty);

        await Expect(askerView.Message("Compte ton temps passé")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 2_000 });
        await Expect(askerView.Status).ToHaveTextAsync("Répondue");
        await Expect(asker.Locator(".header-bell .bell-count")).ToHaveTextAsync("1");

        // When Sarah leaves, Noémie is alone on the page again.
        await helper.CloseAsync(new Microsoft.Playwright.PageCloseOptions { RunBeforeUnload = true });
        await Expect(asker.Locator(".presence-viewers")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ClosingAPageReleasesItsLiveSubscriptions()
    {
        using var http = new HttpClient { BaseAddress = browser.Server.BaseUrl };
        async Task<int> SubscribersAsync() => (await http.GetFromJsonAsync<LiveCount>("/dev/live"))!.Subscribers;
        var before = await SubscribersAsync();

        var page = await browser.SignedInAsync("anne.michel@coupdepouce.demo");
        await new BoardPage(page).OpenAsync();
        await WaitForAsync(async () => await SubscribersAsync() > before);

        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await WaitForAsync(async () => await SubscribersAsync() <= before);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The live subscriber count did not change in time.");
            await Task.Delay(200);
        }
    }

    private sealed record LiveCount(int Subscribers);

    [Fact]
    public async Task AfterALostConnectionTheBoardShowsWhatItMissedOnceAndTheBannerSaidSo()
    {
        var member = await browser.SignedInAsync("emilie.robert@coupdepouce.demo");
        await new BoardPage(member).OpenAsync();
        await member.EvaluateAsync("""
            () => {
                window.__reconnectShown = false;
                const banner = document.getElementById('components-reconnect-modal');
                new MutationObserver(() => { if (banner.className.includes('components-reconnect-show')) window.__reconnectShown = true; })
                    .observe(banner, { attributes: true });
            }
            """);

        // A request stored behind the app's back: no live event will ever announce it, only a reload can show it.
        var title = $"Posée pendant la coupure {Guid.NewGuid():N}"[..40];
        await using (var domain = new ServiceCollection().AddLogging().AddCoupDePouceDomain($"Data Source={browser.Server.DatabasePath}").BuildServiceProvider())
        {
            var db = await domain.GetRequiredService<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync();
            await using (db)
            {
                var author = await db.Members.SingleAsync(m => m.Email == "isabelle.thomas@coupdepouce.demo");
                var theme = await db.Themes.Select(t => t.Id).FirstAsync();
                var posted = await domain.GetRequiredService<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
                    author.Id, title, "Une demande enregistrée pendant que la connexion était coupée.", theme, Visibility.Network));
                Assert.True(posted.Succeeded);
            }
        }

        await Expect(member.Locator(".request-card .request-title", new() { HasText = title })).ToHaveCountAsync(0);
        using var http = new HttpClient { BaseAddress = browser.Server.BaseUrl };
        var dropped = await (await http.PostAsync("/dev/live/drop", null)).Content.ReadFromJsonAsync<Dropped>();
        Assert.True(dropped!.Count > 0);

        await Expect(member.Locator(".request-card .request-title", new() { HasText = title })).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        Assert.True(await member.EvaluateAsync<bool>("() => window.__reconnectShown"));
        await member.WaitForTimeoutAsync(1_000);
        await Expect(member.Locator(".request-card .request-title", new() { HasText = title })).ToHaveCountAsync(1);
    }

    private sealed record Dropped([property: System.Text.Json.Serialization.JsonPropertyName("dropped")] int Count);
}

