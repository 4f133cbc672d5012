using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Members;

/// <summary>Who is looking, as the database says (never as the browser claims): the base of every
/// visibility and permission decision.</summary>
public sealed record Viewer(Guid? MemberId, int? HomeCoordinationId, bool IsAdmin, IReadOnlySet<int> CoordinatedCoordinationIds)
{
    public static Viewer Anonymous { get; } = new(null, null, false, new HashSet<int>());

    public bool IsSignedIn => MemberId is not null;

    /// <summary>Whether she may read coordination-only content of this coordination.</summary>
    public bool BelongsTo(int coordinationId) =>
        IsAdmin || HomeCoordinationId == coordinationId || CoordinatedCoordinationIds.Contains(coordinationId);

    /// <summary>A member a coordinatrice has approved (or who moderates): trusted with what can take content off the
    /// board, such as reports.</summary>
    public bool IsApproved => HomeCoordinationId is not null || IsAdmin || CoordinatedCoordinationIds.Count > 0;

    /// <summary>Whether she may moderate this coordination's board (its coordinatrices, and admins everywhere).</summary>
    public bool Moderates(int coordinationId) => IsAdmin || CoordinatedCoordinationIds.Contains(coordinationId);

    /// <summary>Loads the viewer for a member id; an unknown id is treated as anonymous.</summary>
    public static async Task<Viewer> LoadAsync(BoardDbContext db, Guid? memberId, CancellationToken ct = default)
    {
        if (memberId is not { } id)
        {
            return Anonymous;
        }

        // One round trip: every page asks who is looking, often several times.
        // A departed member is nobody: a page she left open can do nothing more, even before its session check.
        var member = await db.Members.AsNoTracking().StillMembers()
            .Where(m => m.Id == id)
            .Select(m => new
            {
                m.HomeCoordinationId,
                m.Membership,
                IsAdmin = db.UserRoles.Any(r => r.UserId == m.Id && r.RoleId == MemberRoles.AdminRoleId),
                Coordinated = db.CoordinatorAssignments.Where(a => a.MemberId == m.Id).Select(a => a.CoordinationId).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (member is null)
        {
            return Anonymous;
        }

        // Until her membership is approved, she belongs to no coordination: network-wide requests only.
        var home = member.Membership == MembershipStatus.Approved ? member.HomeCoordinationId : (int?)null;
        return new Viewer(id, home, member.IsAdmin, member.Coordinated.ToHashSet());
    }
}
