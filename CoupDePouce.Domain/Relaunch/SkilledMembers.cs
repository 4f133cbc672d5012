using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Relaunch;

/// <summary>Who a waiting request may still be proposed to: approved members of its coordination whose skills
/// include its theme, not its asker, not suspended, never proposed this request before, and who did not turn these
/// notifications off. Those proposed the fewest requests lately come first, so the same few are not always asked.
/// Read in a few queries for a whole list of requests of one coordination, not per request.</summary>
internal sealed class SkilledMembers
{
    public const int PerProposal = 5;

    private readonly ILookup<int, Guid> _byTheme;
    private readonly ILookup<long, Guid> _proposed;
    private readonly Dictionary<Guid, int> _lately;

    private SkilledMembers(ILookup<int, Guid> byTheme, ILookup<long, Guid> proposed, Dictionary<Guid, int> lately) =>
        (_byTheme, _proposed, _lately) = (byTheme, proposed, lately);

    /// <summary>The skilled members of <paramref name="coordinationId"/> for <paramref name="requests"/>' themes,
    /// and whom each request was already proposed to.</summary>
    public static async Task<SkilledMembers> ForAsync(BoardDbContext db, int coordinationId, IReadOnlyCollection<HelpRequest> requests, DateTime now, CancellationToken ct)
    {
        var themes = requests.Select(r => r.ThemeId).Distinct().ToList();
        var skilled = await db.MemberSkills
            .Where(s => themes.Contains(s.ThemeId))
            .Join(db.Members, s => s.MemberId, m => m.Id, (s, m) => new { s.ThemeId, Member = m })
            .Where(x => x.Member.HomeCoordinationId == coordinationId && x.Member.Membership == MembershipStatus.Approved
                && !(x.Member.SuspendedUntil > now))
            .Select(x => new { x.ThemeId, MemberId = x.Member.Id })
            .ToListAsync(ct);
        var members = skilled.Select(s => s.MemberId).Distinct().ToList();
        var settings = await db.NotificationSettings.AsNoTracking().Where(s => members.Contains(s.MemberId)).ToListAsync(ct);
        var turnedOff = settings.Where(s => !s.Allows(NotificationKind.ProposedToHelp)).Select(s => s.MemberId).ToHashSet();
        var ids = requests.Select(r => r.Id).ToList();
        var proposed = await db.HelpProposals.Where(p => ids.Contains(p.HelpRequestId))
            .Select(p => new { p.HelpRequestId, p.MemberId }).ToListAsync(ct);
        var since = now.AddDays(-30);
        var lately = await db.HelpProposals
            .Where(p => members.Contains(p.MemberId) && p.At >= since)
            .GroupBy(p => p.MemberId)
            .Select(g => new { MemberId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.MemberId, g => g.Count, ct);
        return new SkilledMembers(
            skilled.Where(s => !turnedOff.Contains(s.MemberId)).ToLookup(s => s.ThemeId, s => s.MemberId),
            proposed.ToLookup(p => p.HelpRequestId, p => p.MemberId),
            lately);
    }

    /// <summary>How many members <paramref name="request"/> was already proposed to.</summary>
    public int ProposedTo(HelpRequest request) => _proposed[request.Id].Count();

    /// <summary>Those it may still be proposed to, the least asked lately first.</summary>
    public List<Guid> AvailableFor(HelpRequest request)
    {
        var already = _proposed[request.Id].ToHashSet();
        return _byTheme[request.ThemeId]
            .Where(id => id != request.AuthorId && !already.Contains(id))
            .OrderBy(id => _lately.GetValueOrDefault(id))
            .ThenBy(id => id)
            .ToList();
    }
}
