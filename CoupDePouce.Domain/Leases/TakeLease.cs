using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Leases;

/// <summary>Takes or renews a lease, atomically in the database (one statement: whoever writes first wins, on SQLite
/// and PostgreSQL alike), or says that another holder has it; and gives it back.</summary>
public sealed class TakeLeaseHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>True when <paramref name="holder"/> holds <paramref name="name"/> for <paramref name="forHowLong"/> from
    /// now: it was free, ran out, or was already hers.</summary>
    public async Task<bool> TryTakeAsync(string name, string holder, TimeSpan forHowLong, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.Database.SqlQuery<string>($"""
            INSERT INTO "Leases" ("Name", "Holder", "Until") VALUES ({name}, {holder}, {now + forHowLong})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "Until" = excluded."Until"
            WHERE "Leases"."Until" <= {now} OR "Leases"."Holder" = excluded."Holder"
            RETURNING "Holder" AS "Value"
            """).ToListAsync(ct);
        return taken.Count == 1;
    }

    /// <summary>Gives the lease back at once (an instance shutting down): another need not wait for it to run out.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""UPDATE "Leases" SET "Until" = {now} WHERE "Name" = {name} AND "Holder" = {holder}""", ct);
    }
}
