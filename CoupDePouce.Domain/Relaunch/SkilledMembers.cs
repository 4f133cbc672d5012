using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Relaunch;

/// <summary>Who a waiting request may still be proposed to: approved members of its coordination whose skills
/// include its theme, not its asker, not suspended, never proposed this request before, and who did not turn these
/// notifications off. Those proposed the fewest requests lately come first, so the same few are not always asked.</summary>
internal static class SkilledMembers
{
    public const int PerProposal = 5;

    public static async Task<List<Guid>> AvailableForAsync(BoardDbContext db, HelpRequest request, DateTime now, CancellationToken ct)
    {
        var proposed = db.HelpProposals.Where(p => p.HelpRequestId == request.Id).Select(p => p.MemberId);
        var skilled = await db.MemberSkills
            .Where(s => s.ThemeId == request.ThemeId)
            .Join(db.Members, s => s.MemberId, m => m.Id, (_, m) => m)
            .Where(m => m.HomeCoordinationId == request.CoordinationId && m.Membership == MembershipStatus.Approved
                && m.Id != request.AuthorId && !(m.SuspendedUntil > now) && !proposed.Contains(m.Id))
            .Select(m => m.Id)
            .ToListAsync(ct);
        var settings = await db.NotificationSettings.AsNoTracking().Where(s => skilled.Contains(s.MemberId)).ToListAsync(ct);
        var turnedOff = settings.Where(s => !s.Allows(NotificationKind.ProposedToHelp)).Select(s => s.MemberId).ToHashSet();
        var since = now.AddDays(-30);
        var lately = await db.HelpProposals
            .Where(p => skilled.Contains(p.MemberId) && p.At >= since)
            .GroupBy(p => p.MemberId)
            .Select(g => new { MemberId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.MemberId, g => g.Count, ct);
        return skilled.Where(id => !turnedOff.Contains(id))
            .OrderBy(id => lately.GetValueOrDefault(id))
            .ThenBy(id => id)
            .ToList();
    }
}
