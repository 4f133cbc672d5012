using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain.Persistence;

/// <summary>What the database itself guarantees, on both engines (issue 21, decision 033): a change made from stale
/// data is refused, what may be stored once is stored once however close together the writes come.</summary>
public abstract class DatabaseGuardsTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : DatabaseGuardsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DatabaseGuardsTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task AChangeMadeFromWhatAnotherChangeAlreadyReplacedIsRefused()
    {
        var asker = await Network.AddMemberAsync(Rennes);
        var request = await Network.PostAsync(asker, Visibility.Network);
        await using var first = await ContextAsync();
        await using var second = await ContextAsync();
        var seenFirst = await first.HelpRequests.SingleAsync(r => r.Id == request);
        var seenSecond = await second.HelpRequests.SingleAsync(r => r.Id == request);

        first.Entry(seenFirst).Property("Version").CurrentValue = (int)first.Entry(seenFirst).Property("Version").CurrentValue! + 1;
        first.Entry(seenFirst).Property(r => r.Title).CurrentValue = "Le titre de la première";
        await first.SaveChangesAsync();
        second.Entry(seenSecond).Property("Version").CurrentValue = (int)second.Entry(seenSecond).Property("Version").CurrentValue! + 1;
        second.Entry(seenSecond).Property(r => r.Title).CurrentValue = "Le titre de la seconde";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("Le titre de la première", (await Network.RequestAsync(request)).Title);
    }

    [Fact]
    public async Task TheSameReportSentTwiceAtTheSameInstantIsStoredOnceAndTheOtherIsToldItIsAlreadySent()
    {
        var asker = await Network.AddMemberAsync(Rennes);
        var reporter = await Network.AddMemberAsync(Rennes);
        var request = await Network.PostAsync(asker, Visibility.Network);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Network.Get<ReportContentHandler>().HandleAsync(new ReportContent(reporter, request, null, ReportReason.Spam))));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Contains("déjà signalé", o.Problems.Single().Message));
        Assert.Equal(1, await Network.QueryAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task AThanksWrittenTwiceForOneAnswerByOneMemberIsRefusedByTheDatabase()
    {
        var asker = await Network.AddMemberAsync(Rennes);
        var helper = await Network.AddMemberAsync(Lyon);
        var request = await Network.PostAsync(asker, Visibility.Network);
        var answer = await Network.AnswerAsync(helper, request);
        await Network.Get<ThankAnswerHandler>().HandleAsync(new ThankAnswer(asker, request, answer));
        var at = DateTime.UtcNow;

        // Around the Domain, as a script would: the primary key (answer, member) keeps one.
        var twice = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Network.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"INSERT INTO \"AnswerThanks\" (\"AnswerId\", \"MemberId\", \"At\") VALUES ({answer}, {asker}, {at})")));
        Assert.NotNull(twice);
        Assert.Equal(1, await Network.QueryAsync(db => db.AnswerThanks.CountAsync(t => t.AnswerId == answer)));
    }

    private async Task<BoardDbContext> ContextAsync() =>
        await Network.Services.GetRequiredService<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync();
}
