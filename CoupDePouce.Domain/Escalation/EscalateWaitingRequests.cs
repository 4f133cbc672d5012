using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Escalation;

/// <summary>What one run of the escalation did.</summary>
public sealed record EscalationRun(int CoordinationsAlerted, int AskersOffered);

/// <summary>The escalation of a first answer: a request kept to its coordination that nobody answered after
/// <see cref="HelpRequest.AlertCoordinatricesAfter"/> alerts its coordinatrices; after
/// <see cref="HelpRequest.OfferNetworkAfter"/> its asker is offered to open it to the whole network. Each is done
/// once, recorded on the request itself in the same commit as the notifications, and what is due is read from the
/// database on every run: it keeps no state in memory, so a restart misses nothing and tells nobody twice, and two
/// instances running it at once cannot both tell (each commit changes the request's version; the later is refused).
/// Requests posted more than <see cref="LooksBack"/> ago are left alone (an installation that starts using it does not
/// alert about its whole past).</summary>
public sealed class EscalateWaitingRequestsHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan LooksBack = TimeSpan.FromDays(14);

    public const int Batch = 200;

    public async Task<EscalationRun> HandleAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var alertBefore = now - HelpRequest.AlertCoordinatricesAfter;
        var offerBefore = now - HelpRequest.OfferNetworkAfter;
        var after = now - LooksBack;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.HelpRequests.AsNoTracking()
                .Where(r => r.CreatedAt > after && r.CreatedAt <= alertBefore
                    && r.Visibility == Visibility.Coordination && r.Status == HelpRequestStatus.Open && r.FirstAnsweredAt == null
                    && !r.IsHidden && !r.IsWithdrawn && !r.IsLocked && r.NetworkOfferedAt == null
                    && (r.CoordinatricesAlertedAt == null || r.CreatedAt <= offerBefore))
                .OrderBy(r => r.CreatedAt)
                .Select(r => r.Id)
                .Take(Batch)
                .ToListAsync(ct);
        }

        var (alerted, offered) = (0, 0);
        foreach (var requestId in due)
        {
            var (alert, offer) = await EscalateAsync(requestId, now, ct);
            alerted += alert ? 1 : 0;
            offered += offer ? 1 : 0;
        }

        return new EscalationRun(alerted, offered);
    }

    private async Task<(bool Alerted, bool Offered)> EscalateAsync(long requestId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.HelpRequests.SingleAsync(r => r.Id == requestId, ct);
        var alert = request.CoordinatricesAlertedAt is null && request.WaitsInItsCoordination(now, HelpRequest.AlertCoordinatricesAfter);
        var offer = request.NetworkOfferedAt is null && request.WaitsInItsCoordination(now, HelpRequest.OfferNetworkAfter);
        if (!alert && !offer)
        {
            return (false, false);
        }

        if (alert)
        {
            var coordinatrices = await db.CoordinatorAssignments
                .Where(a => a.CoordinationId == request.CoordinationId)
                .Join(db.Members.StillMembers(), a => a.MemberId, m => m.Id, (a, m) => m.Id)
                .ToListAsync(ct);
            request.AlertCoordinatrices(coordinatrices, now);
        }

        if (offer)
        {
            request.OfferNetwork(now);
        }

        // Another instance did it, or a member changed the request meanwhile: the next run reads it again.
        return await SystemChange.CommitAsync(db, request, now, ct) ? (alert, offer) : (false, false);
    }
}
