using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A change the server makes to a request on its own (the timed checks: held invitations, escalation,
/// follow-ups): its notifications and the change are one commit under the request's version, so that two instances
/// doing it at once never both do it — the later one's update matches no row and rolls back whole (decision 029).</summary>
internal static class SystemChange
{
    /// <summary>Whether it was stored (false: someone changed the request meanwhile; the next run reads it again).</summary>
    public static async Task<bool> CommitAsync(BoardDbContext db, HelpRequest request, DateTime now, CancellationToken ct)
    {
        db.Entry(request).Property<int>("Version").CurrentValue++;
        await Notifier.NotifyAsync(db, request.DomainEvents, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
