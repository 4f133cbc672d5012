using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoupDePouce.Tests.Domain.Persistence;

/// <summary>Requests answered before the wait was kept get it from the migration that adds it (decision 026).</summary>
public sealed class FirstAnswerWaitMigrationTests : NetworkTest
{
    private const string MigrationBefore = "20261204041738_MemberDeparture";

    [Fact]
    public async Task FillsTheWaitOfRequestsAnsweredBeforeItWasKept()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var asker = await Network.AddMemberAsync(rennes);
        var helper = await Network.AddMemberAsync(rennes);
        var answered = await Network.PostAsync(asker, Visibility.Network);
        Network.Clock.Advance(TimeSpan.FromHours(26) + TimeSpan.FromMilliseconds(250));
        await Network.AnswerAsync(helper, answered);
        var waiting = await Network.PostAsync(asker, Visibility.Network, "Qui connaît un bon expert-comptable ?");

        await MigrateAsync(MigrationBefore);
        await MigrateAsync(null);

        var waits = await Network.QueryAsync(db => db.HelpRequests.OrderBy(r => r.Id).Select(r => new { r.Id, r.FirstAnswerWaitMs }).ToListAsync());
        Assert.Equal(
            [(answered, (long?)(26 * 3_600_000 + 250)), (waiting, null)],
            waits.Select(w => (w.Id, w.FirstAnswerWaitMs)));
    }

    private Task MigrateAsync(string? target) =>
        Network.QueryAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(target);
            return true;
        });
}
