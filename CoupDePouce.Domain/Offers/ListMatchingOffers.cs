using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Offers;

/// <summary>The offers beside a request: those of its theme that she may see, that still stand, not hers, and whose
/// author may see the request (she could not help on what she cannot read). <see cref="CanAsk"/>: the asker may ask
/// for one in one click (once per offer).</summary>
public sealed record ListMatchingOffers(Guid ViewerId, long RequestId)
{
    public const int Shown = 5;
}

public sealed record MatchingOffer(OfferLine Offer, bool Asked);

public sealed record MatchingOffers(IReadOnlyList<MatchingOffer> Offers, bool CanAsk)
{
    public static MatchingOffers None { get; } = new([], false);
}

public sealed class ListMatchingOffersHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, Engagement.NetworkTimeZone zone)
{
    public async Task<MatchingOffers> HandleAsync(ListMatchingOffers query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        var request = await db.HelpRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RequestId, ct);
        if (request is null || !viewer.CanSee(request) || request.Status is HelpRequestStatus.Resolved or HelpRequestStatus.Closed)
        {
            return MatchingOffers.None;
        }

        var today = zone.Today(clock.GetUtcNow().UtcDateTime);
        var candidates = await ListOffersHandler.Lines(
                db,
                ListOffersHandler.VisibleTo(db, viewer, today)
                    .Where(o => o.ThemeId == request.ThemeId && o.AuthorId != query.ViewerId && o.AuthorId != request.AuthorId)
                    // A coordination-only request: only offerers who can read it (its coordination's members).
                    .Where(o => request.Visibility == Visibility.Network
                        || db.Members.Any(m => m.Id == o.AuthorId && ((m.HomeCoordinationId == request.CoordinationId && m.Membership == MembershipStatus.Approved)
                            || db.CoordinatorAssignments.Any(a => a.MemberId == m.Id && a.CoordinationId == request.CoordinationId))))
                    .OrderBy(o => o.CoordinationId == request.CoordinationId ? 0 : 1).ThenBy(o => o.EndsOn).ThenBy(o => o.Id)
                    .Take(ListMatchingOffers.Shown),
                query.ViewerId)
            .ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var asked = (await db.OfferAsks.Where(a => a.HelpRequestId == request.Id && ids.Contains(a.OfferId)).Select(a => a.OfferId).ToListAsync(ct)).ToHashSet();
        return new MatchingOffers([.. candidates.Select(c => new MatchingOffer(c, asked.Contains(c.Id)))], request.AuthorId == query.ViewerId && !request.IsLocked);
    }
}
