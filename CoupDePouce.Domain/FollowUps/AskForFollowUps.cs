using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.FollowUps;

/// <summary>Seven days after a request was resolved, its asker is asked once « est-ce que ça a marché ? » (in her
/// notifications; she answers on the request). Like the escalation, it reads what is due from the database on every
/// run and records the question in the same commit as the notification, which changes the request's version: a restart
/// misses nothing, two instances never both ask. Requests resolved more than <see cref="LooksBack"/> before they became
/// due are left alone.</summary>
public sealed class AskForFollowUpsHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan LooksBack = TimeSpan.FromDays(14);

    public const int Batch = 200;

    /// <summary>How many askers were asked.</summary>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dueBefore = now - HelpRequest.FollowUpAfter;
        var after = dueBefore - LooksBack;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.HelpRequests.AsNoTracking()
                .Where(r => r.Status == HelpRequestStatus.Resolved && r.ResolvedAt <= dueBefore && r.ResolvedAt > after
                    && r.FollowUpAskedAt == null && !r.IsHidden && !r.IsWithdrawn)
                .OrderBy(r => r.ResolvedAt)
                .Select(r => r.Id)
                .Take(Batch)
                .ToListAsync(ct);
        }

        var asked = 0;
        foreach (var requestId in due)
        {
            asked += await AskAsync(requestId, now, ct) ? 1 : 0;
        }

        return asked;
    }

    private async Task<bool> AskAsync(long requestId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.HelpRequests.SingleAsync(r => r.Id == requestId, ct);
        if (!request.AwaitsFollowUp(now))
        {
            return false;
        }

        request.AskFollowUp(now);
        // False when another instance asked, or a member changed the request meanwhile: the next run reads it again.
        return await SystemChange.CommitAsync(db, request, now, ct);
    }
}
