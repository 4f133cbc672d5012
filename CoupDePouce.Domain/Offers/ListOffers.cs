using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Offers;

/// <summary>« Propositions »: the offers she may see that still stand, newest first, optionally of one theme.</summary>
public sealed record ListOffers(Guid ViewerId, int? ThemeId = null)
{
    public const int Shown = 100;
}

/// <summary>One offer as a list shows it. <see cref="IsMine"/>: hers (she manages it from « Je peux aider »).</summary>
public sealed record OfferLine(
    long Id, OfferKind Kind, string Title, string Details, int ThemeId, string ThemeSlug, Visibility Visibility, DateOnly EndsOn,
    Guid AuthorId, string AuthorName, string CoordinationName, bool IsMine, bool IsWithdrawn = false);

public sealed class ListOffersHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, Engagement.NetworkTimeZone zone)
{
    public async Task<IReadOnlyList<OfferLine>> HandleAsync(ListOffers query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (!viewer.IsSignedIn)
        {
            return [];
        }

        var today = zone.Today(clock.GetUtcNow().UtcDateTime);
        var offers = VisibleTo(db, viewer, today).Where(o => query.ThemeId == null || o.ThemeId == query.ThemeId);
        return await Lines(db, offers.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(ListOffers.Shown), query.ViewerId)
            .ToListAsync(ct);
    }

    /// <summary>Hers that still stand (the last 50), for « Je peux aider »: what she offers and until when.</summary>
    public async Task<IReadOnlyList<OfferLine>> MineAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = zone.Today(clock.GetUtcNow().UtcDateTime);
        var mine = db.HelpOffers.AsNoTracking()
            .Where(o => o.AuthorId == memberId && o.WithdrawnAt == null && o.EndsOn >= today)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(50);
        return await Lines(db, mine, memberId).ToListAsync(ct);
    }

    /// <summary>The standing offers a viewer may see: the requests' own confidentiality rule (a coordination-only offer
    /// never leaves its coordination), and never from a departed member.</summary>
    internal static IQueryable<HelpOffer> VisibleTo(BoardDbContext db, Viewer viewer, DateOnly today)
    {
        var isAdmin = viewer.IsAdmin;
        var home = viewer.HomeCoordinationId;
        var coordinated = viewer.CoordinatedCoordinationIds.ToList();
        return db.HelpOffers.AsNoTracking()
            .Where(o => o.WithdrawnAt == null && o.EndsOn >= today
                && (o.Visibility == Visibility.Network || isAdmin || o.CoordinationId == home || coordinated.Contains(o.CoordinationId))
                && db.Members.StillMembers().Any(m => m.Id == o.AuthorId));
    }

    internal static IQueryable<OfferLine> Lines(BoardDbContext db, IQueryable<HelpOffer> offers, Guid viewerId) =>
        from o in offers
        join t in db.Themes on o.ThemeId equals t.Id
        join m in db.Members on o.AuthorId equals m.Id
        join c in db.Coordinations on o.CoordinationId equals c.Id
        select new OfferLine(o.Id, o.Kind, o.Title, o.Details, o.ThemeId, t.Slug, o.Visibility, o.EndsOn, o.AuthorId, m.DisplayName, c.Name,
            o.AuthorId == viewerId, o.WithdrawnAt != null);
}
