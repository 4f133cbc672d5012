using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Matching;

/// <summary>On posting, up to <see cref="PerRequest"/> approved members whose skills include the request's theme are
/// invited to help: her own coordination's first, then (for a network-wide request) the rest of the network; never
/// the asker, a suspended member, one who turned these invitations off or reached the weekly number she chose.
/// Among them, those who answered requests of this theme lately come first, and those who already carry many open
/// invitations come later, so help goes to whoever gives it without always asking the same few. Quiet hours hold an
/// invitation until they end (<see cref="DeliverHeldInvitationsHandler"/>). Runs inside the posting's transaction:
/// the request, its invitations and the notifications are one commit.</summary>
internal static class InviteSkilledMembers
{
    public const int PerRequest = 3;

    /// <summary>Answers on the theme over this window rank her higher; invitations still open over it, lower.</summary>
    public static readonly TimeSpan Lately = TimeSpan.FromDays(30);

    /// <summary>How many members were invited (told now or when their quiet hours end).</summary>
    public static async Task<int> InviteAsync(BoardDbContext db, HelpRequest request, DateTime now, TimeZoneInfo zone, CancellationToken ct)
    {
        var chosen = await RankAsync(db, request, now, ct);
        if (chosen.Count == 0)
        {
            return 0;
        }

        var invitations = chosen
            .Select(c => new HelpInvitation(request.Id, c.MemberId, now, InvitationPreferences.DeliveryTime(c.QuietFrom, c.QuietUntil, now, zone)))
            .ToList();
        db.HelpInvitations.AddRange(invitations);
        var toldNow = invitations.Where(i => !i.IsHeld).Select(i => i.MemberId).ToList();
        if (toldNow.Count > 0)
        {
            request.Invite(toldNow, now);
            await Notifier.NotifyAsync(db, request.DomainEvents, now, ct);
        }

        return invitations.Count;
    }

    private sealed record Candidate(Guid MemberId, TimeOnly? QuietFrom, TimeOnly? QuietUntil);

    private static async Task<List<Candidate>> RankAsync(BoardDbContext db, HelpRequest request, DateTime now, CancellationToken ct)
    {
        var themeId = request.ThemeId;
        var coordinationId = request.CoordinationId;
        var networkWide = request.Visibility == Visibility.Network;
        var weekAgo = now - InvitationPreferences.Week;
        var since = now - Lately;
        var turnedOff = 1 << (int)NotificationKind.InvitedToHelp;
        var candidates =
            from s in db.MemberSkills
            where s.ThemeId == themeId
            join m in db.Members.StillMembers() on s.MemberId equals m.Id
            where m.Id != request.AuthorId && m.Membership == MembershipStatus.Approved && !(m.SuspendedUntil > now)
                && (networkWide || m.HomeCoordinationId == coordinationId)
                && !db.NotificationSettings.Any(n => n.MemberId == m.Id && (n.DisabledKinds & turnedOff) != 0)
            let preferences = db.InvitationPreferences.FirstOrDefault(p => p.MemberId == m.Id)
            where (preferences == null ? InvitationPreferences.DefaultPerWeek : preferences.PerWeek)
                > db.HelpInvitations.Count(i => i.MemberId == m.Id && i.CreatedAt > weekAgo)
            select new
            {
                MemberId = m.Id,
                SameCoordination = m.HomeCoordinationId == coordinationId ? 1 : 0,
                AnsweredLately = db.Answers.Count(a => a.AuthorId == m.Id && a.CreatedAt > since && !a.IsWithdrawn
                    && db.HelpRequests.Any(r => r.Id == a.HelpRequestId && r.ThemeId == themeId && r.AuthorId != m.Id)),
                OpenInvitations = db.HelpInvitations.Count(i => i.MemberId == m.Id && i.CreatedAt > since && !i.Dropped
                    && db.HelpRequests.Any(r => r.Id == i.HelpRequestId && r.Status == HelpRequestStatus.Open && !r.IsHidden && !r.IsWithdrawn)
                    && !db.Answers.Any(a => a.HelpRequestId == i.HelpRequestId && a.AuthorId == m.Id)),
                QuietFrom = preferences == null ? null : preferences.QuietFrom,
                QuietUntil = preferences == null ? null : preferences.QuietUntil,
            };
        var ranked = await candidates
            .OrderByDescending(c => c.SameCoordination)
            .ThenByDescending(c => c.AnsweredLately)
            .ThenBy(c => c.OpenInvitations)
            .ThenBy(c => c.MemberId)
            .Take(PerRequest)
            .ToListAsync(ct);
        return [.. ranked.Select(c => new Candidate(c.MemberId, c.QuietFrom, c.QuietUntil))];
    }
}
