using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Reciprocity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Members;

public sealed record ViewMemberProfile(Guid? ViewerId, Guid MemberId);

public sealed record ProfileAnswer(long RequestId, string RequestTitle, DateTime AnsweredAt, bool IsHelpful);


public sealed record MemberProfile(
    Guid Id,
    string DisplayName,
    string CoordinationName,
    string Activity,
    DateTime JoinedAt,
    IReadOnlyList<string> SkillSlugs,
    IReadOnlyList<BoardItem> Requests,
    IReadOnlyList<ProfileAnswer> Answers,
    int HelpfulAnswers,
    GiveAndReceive? Balance,
    bool IsViewer,
    bool ViewerModerates = false,
    DateTime? SuspendedUntil = null); // While it runs, and only for herself and her moderators.

/// <summary>A member's page, for signed-in members: her history lists only what the viewer may see.</summary>
public sealed class ViewMemberProfileHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public const int HistoryLength = 20;

    public async Task<MemberProfile?> HandleAsync(ViewMemberProfile query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (!viewer.IsSignedIn)
        {
            return null;
        }

        var member = await (
                from m in db.Members.AsNoTracking().StillMembers()
                where m.Id == query.MemberId
                join c in db.Coordinations on m.HomeCoordinationId equals c.Id
                select new { m.Id, m.DisplayName, m.Activity, m.JoinedAt, m.HomeCoordinationId, CoordinationName = c.Name, m.SuspendedUntil })
            .SingleOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        var skills = await (
                from s in db.MemberSkills
                where s.MemberId == member.Id
                join t in db.Themes on s.ThemeId equals t.Id
                orderby t.Position
                select t.Slug)
            .ToListAsync(ct);

        var visible = db.HelpRequests.AsNoTracking().VisibleTo(viewer);
        var requests = (await visible.Where(r => r.AuthorId == member.Id)
                .OrderByDescending(r => r.CreatedAt).Take(HistoryLength)
                .ToBoardItems(db)
                .ToListAsync(ct))
            .OrderByDescending(i => i.CreatedAt)
            .ToList();

        var answersOnVisible =
            from a in db.Answers.AsNoTracking()
            where a.AuthorId == member.Id && !a.IsWithdrawn && !a.IsHidden
            join r in visible on a.HelpRequestId equals r.Id
            where r.AuthorId != member.Id
            select new { a, r };
        var answers = await answersOnVisible
            .OrderByDescending(x => x.a.CreatedAt).Take(HistoryLength)
            .Select(x => new ProfileAnswer(x.r.Id, x.r.Title, x.a.CreatedAt, x.a.IsHelpful))
            .ToListAsync(ct);
        var helpful = await answersOnVisible.CountAsync(x => x.a.IsHelpful, ct);

        var balance = await HelpExchanges.BalanceForAsync(db, viewer, member.Id, member.HomeCoordinationId, ct);

        return new MemberProfile(
            member.Id, member.DisplayName, member.CoordinationName, member.Activity, member.JoinedAt, skills, requests, answers,
            helpful, balance, viewer.MemberId == member.Id,
            ViewerModerates: viewer.Moderates(member.HomeCoordinationId) && viewer.MemberId != member.Id,
            // A running suspension is hers and her moderators' business, nobody else's.
            SuspendedUntil: member.SuspendedUntil > clock.GetUtcNow().UtcDateTime && (viewer.MemberId == member.Id || viewer.Moderates(member.HomeCoordinationId))
                ? member.SuspendedUntil
                : null);
    }
}
