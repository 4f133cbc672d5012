using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Moderation;

/// <summary>What waits for a coordinatrice: members to decide on, reported items to review; and whether she moderates
/// at all (or is an admin), read from her rights as they are now, so that a coordinatrice appointed a minute ago gets
/// her menu on her next page without signing in again.</summary>
/// <param name="Coordinates">She coordinates at least one coordination (an admin may not): she reads its members' balances.</param>
public sealed record WaitingForModerator(int PendingMembers, int ReportedItems, bool Moderates = false, bool IsAdmin = false, bool Coordinates = false)
{
    public static WaitingForModerator Nothing { get; } = new(0, 0);
}

/// <summary>The counts in a coordinatrice's menu, read again on every navigation: her rights once, both counts on
/// one connection.</summary>
public sealed class ModerationQueuesHandler(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<WaitingForModerator> CountAsync(Guid moderatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, moderatorId, ct);
        if (!viewer.IsAdmin && viewer.CoordinatedCoordinationIds.Count == 0)
        {
            return WaitingForModerator.Nothing;
        }

        return new WaitingForModerator(
            await DecideMembershipHandler.PendingFor(db, viewer).CountAsync(ct),
            await ReviewReportsHandler.CountOpenItemsAsync(db, viewer, ct),
            Moderates: true,
            IsAdmin: viewer.IsAdmin,
            Coordinates: viewer.CoordinatedCoordinationIds.Count > 0);
    }
}
