using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Privacy;

public sealed record ExportMemberData(Guid MemberId);

public sealed record ExportedProfile(
    Guid Id, string DisplayName, string Email, string Activity, string Coordination, DateTime JoinedAt,
    MembershipStatus Membership, IReadOnlyList<string> Skills, bool HiddenFromHelperLists, DateTime? SuspendedUntil,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Coordinates);

public sealed record ExportedVersion(string? Title, string Text, DateTime WrittenAt);

public sealed record ExportedRequest(
    long Id, string Title, string Details, string Theme, Visibility Visibility, string Coordination, HelpRequestStatus Status,
    DateTime CreatedAt, DateTime? EditedAt, bool IsWithdrawn, bool IsHidden, IReadOnlyList<ExportedVersion> EarlierVersions);

public sealed record ExportedAnswer(
    long Id, long RequestId, string RequestTitle, string Body, DateTime CreatedAt, DateTime? EditedAt, bool IsHelpful,
    int ThanksCount, bool IsWithdrawn, bool IsHidden, IReadOnlyList<ExportedVersion> EarlierVersions);

public sealed record ExportedThanks(long AnswerId, long RequestId, DateTime At);

public sealed record ExportedNotification(string Kind, long RequestId, int Count, DateTime CreatedAt, DateTime? ReadAt);

public sealed record ExportedReport(long RequestId, long? AnswerId, string Reason, string? Text, DateTime At, string Status);

public sealed record ExportedFollow(long RequestId, DateTime Since);

public sealed record ExportedOffer(
    long Id, string Kind, string Title, string Details, string Theme, HelpRequests.Visibility Visibility, DateOnly EndsOn, DateTime CreatedAt, DateTime? WithdrawnAt);

/// <summary>Everything the board holds about her (GDPR, right of access), as she would read it: her own words and
/// what she did, never another member's words (the requests she answered are named by their title only).</summary>
public sealed record MemberDataExport(
    DateTime ExportedAt,
    ExportedProfile Profile,
    IReadOnlyList<ExportedRequest> Requests,
    IReadOnlyList<ExportedAnswer> Answers,
    IReadOnlyList<ExportedThanks> ThanksGiven,
    IReadOnlyList<ExportedNotification> Notifications,
    IReadOnlyList<ExportedReport> Reports,
    IReadOnlyList<ExportedFollow> Follows,
    IReadOnlyList<ExportedOffer> Offers,
    Matching.InvitationChoices Invitations)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Accents stay readable; <, > and & are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

public sealed class ExportMemberDataHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<ExportMemberDataHandler> logger)
{
    /// <summary>Her data, or null when she is not (or no longer) a member.</summary>
    public async Task<MemberDataExport?> HandleAsync(ExportMemberData query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = query.MemberId;
        var member = await db.Members.AsNoTracking().StillMembers().Where(m => m.Id == id)
            .Select(m => new
            {
                m.Id, m.DisplayName, m.Email, m.Activity, m.JoinedAt, m.Membership, m.HiddenFromHelperLists, m.SuspendedUntil,
                Coordination = db.Coordinations.Where(c => c.Id == m.HomeCoordinationId).Select(c => c.Name).Single(),
            })
            .SingleOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        var skills = await (from s in db.MemberSkills where s.MemberId == id join t in db.Themes on s.ThemeId equals t.Id orderby t.Position select t.Slug).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles where ur.UserId == id join r in db.Roles on ur.RoleId equals r.Id select r.Name!).ToListAsync(ct);
        var coordinates = await (from a in db.CoordinatorAssignments where a.MemberId == id join c in db.Coordinations on a.CoordinationId equals c.Id select c.Name).ToListAsync(ct);

        var requests = await (
                from r in db.HelpRequests.AsNoTracking().Include(r => r.Revisions)
                where r.AuthorId == id
                join t in db.Themes on r.ThemeId equals t.Id
                join c in db.Coordinations on r.CoordinationId equals c.Id
                orderby r.CreatedAt
                select new { Request = r, Theme = t.Slug, Coordination = c.Name })
            .ToListAsync(ct);
        var answers = await (
                from a in db.Answers.AsNoTracking().Include(a => a.Revisions)
                where a.AuthorId == id
                join r in db.HelpRequests on a.HelpRequestId equals r.Id
                orderby a.CreatedAt
                select new { Answer = a, RequestTitle = r.Title })
            .ToListAsync(ct);
        var thanks = await (
                from t in db.AnswerThanks.AsNoTracking()
                where t.MemberId == id
                join a in db.Answers on t.AnswerId equals a.Id
                orderby t.At
                select new ExportedThanks(t.AnswerId, a.HelpRequestId, t.At))
            .ToListAsync(ct);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == id).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Kind, n.HelpRequestId, n.Count, n.CreatedAt, n.ReadAt })
            .ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.ReporterId == id).OrderBy(r => r.At)
            .Select(r => new { r.HelpRequestId, r.AnswerId, r.Reason, r.Text, r.At, r.Status })
            .ToListAsync(ct);
        var follows = await db.Follows.AsNoTracking().Where(f => f.MemberId == id).OrderBy(f => f.Since)
            .Select(f => new ExportedFollow(f.HelpRequestId, f.Since))
            .ToListAsync(ct);

        var offers = await (
                from o in db.HelpOffers.AsNoTracking()
                where o.AuthorId == id
                join t in db.Themes on o.ThemeId equals t.Id
                orderby o.CreatedAt
                select new ExportedOffer(o.Id, o.Kind.ToString(), o.Title, o.Details, t.Slug, o.Visibility, o.EndsOn, o.CreatedAt, o.WithdrawnAt))
            .ToListAsync(ct);
        var invitations = await db.InvitationPreferences.AsNoTracking().Where(p => p.MemberId == id)
                .Select(p => new Matching.InvitationChoices(p.PerWeek, p.QuietFrom, p.QuietUntil)).SingleOrDefaultAsync(ct)
            ?? new Matching.InvitationChoices(Matching.InvitationPreferences.DefaultPerWeek, null, null);

        logger.LogInformation("Member {MemberId} downloaded her data", id);
        return new MemberDataExport(
            clock.GetUtcNow().UtcDateTime,
            new ExportedProfile(member.Id, member.DisplayName, member.Email!, member.Activity, member.Coordination, member.JoinedAt,
                member.Membership, skills, member.HiddenFromHelperLists, member.SuspendedUntil, roles, coordinates),
            [.. requests.Select(r => new ExportedRequest(
                r.Request.Id, r.Request.Title, r.Request.Details, r.Theme, r.Request.Visibility, r.Coordination, r.Request.Status,
                r.Request.CreatedAt, r.Request.EditedAt, r.Request.IsWithdrawn, r.Request.IsHidden,
                [.. r.Request.Revisions.OrderBy(v => v.WrittenAt).Select(v => new ExportedVersion(v.Title, v.Details, v.WrittenAt))]))],
            [.. answers.Select(a => new ExportedAnswer(
                a.Answer.Id, a.Answer.HelpRequestId, a.RequestTitle, a.Answer.Body, a.Answer.CreatedAt, a.Answer.EditedAt,
                a.Answer.IsHelpful, a.Answer.ThanksCount, a.Answer.IsWithdrawn, a.Answer.IsHidden,
                [.. a.Answer.Revisions.OrderBy(v => v.WrittenAt).Select(v => new ExportedVersion(null, v.Body, v.WrittenAt))]))],
            thanks,
            [.. notifications.Select(n => new ExportedNotification(n.Kind.ToString(), n.HelpRequestId, n.Count, n.CreatedAt, n.ReadAt))],
            [.. reports.Select(r => new ExportedReport(r.HelpRequestId, r.AnswerId == 0 ? null : r.AnswerId, r.Reason.ToString(), r.Text, r.At, r.Status.ToString()))],
            follows,
            offers,
            invitations);
    }
}
