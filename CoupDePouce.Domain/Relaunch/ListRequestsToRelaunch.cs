using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Relaunch;

/// <summary>« À relancer »: the open requests of a coordination still without an answer more than 24 h after
/// posting, oldest first, for its coordinatrices (and admins), with how many members each was already proposed to and
/// how many skilled members it can still be proposed to.</summary>
public sealed record ListRequestsToRelaunch(Guid ViewerId, int CoordinationId)
{
    public const int Shown = 50;
}

public sealed record RelaunchLine(long Id, string Title, string ThemeSlug, DateTime CreatedAt, int ProposedTo, int CanStillReach);

public sealed class ListRequestsToRelaunchHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<RelaunchLine>>> HandleAsync(ListRequestsToRelaunch query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (!viewer.Moderates(query.CoordinationId))
        {
            return Result<IReadOnlyList<RelaunchLine>>.Forbidden(Messages.DashboardNotAvailable);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var postedBefore = now - HelpRequest.RelaunchAfter;
        var waiting = await db.HelpRequests.AsNoTracking()
            .Where(r => r.CoordinationId == query.CoordinationId && r.Status == HelpRequestStatus.Open && r.FirstAnsweredAt == null
                && !r.IsHidden && !r.IsWithdrawn && r.CreatedAt < postedBefore)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(ListRequestsToRelaunch.Shown)
            .ToListAsync(ct);
        var skilled = await SkilledMembers.ForAsync(db, query.CoordinationId, waiting, now, ct);
        var slugs = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Slug, ct);
        var lines = waiting
            .Select(r => new RelaunchLine(r.Id, r.Title, slugs[r.ThemeId], r.CreatedAt, skilled.ProposedTo(r), skilled.AvailableFor(r).Count))
            .ToList();
        return Result<IReadOnlyList<RelaunchLine>>.Success(lines);
    }
}
