using System.Globalization;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Members;

/// <summary>A coordinatrice of the coordination she asked to join (or an admin) approves a new member, or declines
/// with a message she will read. The decision is logged with it, in one commit.</summary>
public sealed record DecideMembership(Guid ModeratorId, Guid MemberId, bool Approve, string? Message = null);

/// <summary>Where she stands: her coordination, and for a decided membership what the coordinatrice said.</summary>
public sealed record MembershipView(MembershipStatus Status, string CoordinationName, string? Message);

public sealed record PendingMember(Guid Id, string DisplayName, string Activity, string Email, int CoordinationId, string CoordinationName, DateTime JoinedAt);

public sealed class DecideMembershipHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<DecideMembershipHandler> logger)
{
    public const int MinMessageLength = 5;

    public async Task<Result<bool>> HandleAsync(DecideMembership command, CancellationToken ct = default)
    {
        var message = string.IsNullOrWhiteSpace(command.Message) ? null : Text.Clean(command.Message);
        if ((!command.Approve || message is not null)
            && (message is null || message.Length is < MinMessageLength or > ModerationEntry.MaxReasonLength))
        {
            return Result<bool>.Invalid(new Problem(
                nameof(DecideMembership.Message),
                string.Format(CultureInfo.CurrentCulture, Messages.MembershipMessageLength, MinMessageLength, ModerationEntry.MaxReasonLength)));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, command.ModeratorId, ct);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == command.MemberId, ct);
        if (!viewer.IsSignedIn || member is null || !viewer.Moderates(member.HomeCoordinationId))
        {
            logger.LogWarning("Member {ModeratorId} was refused a membership decision about {MemberId}", command.ModeratorId, command.MemberId);
            return Result<bool>.Forbidden(Messages.OnlyCoordinatricesDecideMemberships);
        }

        try
        {
            member.DecideMembership(command.Approve, message);
        }
        catch (DomainRuleViolation violation)
        {
            return Result<bool>.Refused(violation);
        }

        db.ModerationLog.Add(new ModerationEntry(
            clock.GetUtcNow().UtcDateTime, command.ModeratorId, member.HomeCoordinationId,
            command.Approve ? ModerationAction.ApproveMembership : ModerationAction.DeclineMembership,
            ModerationTarget.Member, 0, message, member.Id));
        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(true);
    }

    /// <summary>The members waiting in the coordinations she runs (all of them, for an admin), oldest first.</summary>
    public async Task<IReadOnlyList<PendingMember>> PendingAsync(Guid moderatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, moderatorId, ct);
        var mine = viewer.CoordinatedCoordinationIds.ToList();
        if (!viewer.IsAdmin && mine.Count == 0)
        {
            return [];
        }

        return await (
                from m in db.Members.AsNoTracking()
                where m.Membership == MembershipStatus.Pending && (viewer.IsAdmin || mine.Contains(m.HomeCoordinationId))
                join c in db.Coordinations on m.HomeCoordinationId equals c.Id
                orderby m.JoinedAt
                select new PendingMember(m.Id, m.DisplayName, m.Activity, m.Email ?? string.Empty, c.Id, c.Name, m.JoinedAt))
            .ToListAsync(ct);
    }

    public async Task<MembershipView?> MembershipOfAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from m in db.Members.AsNoTracking()
                where m.Id == memberId
                join c in db.Coordinations on m.HomeCoordinationId equals c.Id
                select new MembershipView(m.Membership, c.Name, m.MembershipMessage))
            .SingleOrDefaultAsync(ct);
    }
}
