using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Matching;

/// <summary>Tells the members whose quiet hours have ended about the invitations held for them, or drops those no
/// longer worth telling (the request was resolved, closed, locked, withdrawn or hidden meanwhile). Reads what is due
/// from the database each time, so it keeps nothing in memory: after a restart it tells what is still held, and a
/// delivery is one commit per request that changes the request's version, so two instances running it at once never
/// tell a member twice (the later one's commit is refused and it moves on).</summary>
public sealed class DeliverHeldInvitationsHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public const int Batch = 200;

    /// <summary>How many members were told.</summary>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> requests;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            requests = await db.HelpInvitations.AsNoTracking()
                .Where(i => i.DeliveredAt == null && !i.Dropped && i.DeliverAt <= now)
                .OrderBy(i => i.DeliverAt)
                .Select(i => i.HelpRequestId)
                .Take(Batch)
                .Distinct()
                .ToListAsync(ct);
        }

        var told = 0;
        foreach (var requestId in requests)
        {
            told += await DeliverAsync(requestId, now, ct);
        }

        return told;
    }

    private async Task<int> DeliverAsync(long requestId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.HelpRequests.SingleAsync(r => r.Id == requestId, ct);
        var due = await db.HelpInvitations
            .Where(i => i.HelpRequestId == requestId && i.DeliveredAt == null && !i.Dropped && i.DeliverAt <= now)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            // Another instance told them between the two reads.
            return 0;
        }

        var worthTelling = request.Status is HelpRequestStatus.Open or HelpRequestStatus.Answered
            && !request.IsHidden && !request.IsWithdrawn && !request.IsLocked;
        foreach (var invitation in due)
        {
            invitation.Settle(worthTelling, now);
        }

        if (worthTelling)
        {
            request.Invite([.. due.Select(i => i.MemberId)], now);
        }

        // Nothing when changed meanwhile (another instance delivered them, or a member acted on it): the next run reads again.
        return await SystemChange.CommitAsync(db, request, now, ct) && worthTelling ? due.Count : 0;
    }
}
