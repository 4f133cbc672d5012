using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Members;

/// <summary>A coordinatrice of the coordination she asked to join (or an admin) approves a new member, or declines
/// with a message she will read. The decision is logged with it, in one commit.</summary>
public sealed record DecideMembership(Guid ModeratorId, Guid MemberId, bool Approve, string? Message = null);

/// <summary>The message's rule, for the form that asks for it (the handler checks it the same way).</summary>
public sealed class DecideMembershipValidator : AbstractValidator<DecideMembership>
{
    public DecideMembershipValidator() =>
        RuleFor(c => c.Message).ValidReason(() => Messages.MembershipMessageLength).When(c => !c.Approve || !string.IsNullOrWhiteSpace(c.Message));
}

/// <summary>Where she stands: her coordination, and for a decided membership what the coordinatrice said.</summary>
public sealed record MembershipView(MembershipStatus Status, string CoordinationName, string? Message, int CoordinationId = 0, string? RequestedCoordinationName = null);

/// <summary>Someone waiting for a coordination's answer: a new member, or (<see cref="MovingFrom"/>) a member of
/// another coordination asking to move in.</summary>
public sealed record PendingMember(Guid Id, string DisplayName, string Activity, string Email, int CoordinationId, string CoordinationName, DateTime JoinedAt, string? MovingFrom = null);

public sealed class DecideMembershipHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<DecideMembershipHandler> logger)
{
    public async Task<Result<bool>> HandleAsync(DecideMembership command, CancellationToken ct = default)
    {
        // A decline always says why; an approval may say a word of welcome.
        string? message = null;
        if (!command.Approve || !string.IsNullOrWhiteSpace(command.Message))
        {
            if (ModerationReason.Check(command.Message, nameof(DecideMembership.Message), Messages.MembershipMessageLength, out var checkedMessage) is { } problem)
            {
                return Result<bool>.Invalid(problem);
            }

            message = checkedMessage;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, command.ModeratorId, ct);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == command.MemberId, ct);
        if (!viewer.IsSignedIn || member is null || !viewer.Moderates(member.AwaitedCoordinationId ?? member.HomeCoordinationId))
        {
            logger.LogWarning("Member {ModeratorId} was refused a membership decision about {MemberId}", command.ModeratorId, command.MemberId);
            return Result<bool>.Forbidden(Messages.OnlyCoordinatricesDecideMemberships);
        }

        var moving = member.RequestedCoordinationId is not null;
        var from = member.HomeCoordinationId;
        var decidedFor = member.AwaitedCoordinationId ?? member.HomeCoordinationId;
        try
        {
            member.DecideMembership(command.Approve, message);
        }
        catch (DomainRuleViolation violation)
        {
            return Result<bool>.Refused(violation);
        }

        var action = (moving, command.Approve) switch
        {
            (true, true) => ModerationAction.ApproveMove,
            (true, false) => ModerationAction.DeclineMove,
            (false, true) => ModerationAction.ApproveMembership,
            _ => ModerationAction.DeclineMembership,
        };
        db.ModerationLog.Add(new ModerationEntry(
            clock.GetUtcNow().UtcDateTime, command.ModeratorId, decidedFor, action,
            ModerationTarget.Member, moving ? from : 0, message, member.Id));
        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(true);
    }

    /// <summary>The members waiting in the coordinations she runs (all of them, for an admin), oldest first: new
    /// members, and members asking to move in from another coordination.</summary>
    public async Task<IReadOnlyList<PendingMember>> PendingAsync(Guid moderatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from m in PendingFor(db, await Viewer.LoadAsync(db, moderatorId, ct))
                join c in db.Coordinations on m.RequestedCoordinationId ?? m.HomeCoordinationId equals c.Id
                join h in db.Coordinations on m.HomeCoordinationId equals h.Id
                orderby m.JoinedAt
                select new PendingMember(m.Id, m.DisplayName, m.Activity, m.Email ?? string.Empty, c.Id, c.Name, m.JoinedAt,
                    m.RequestedCoordinationId == null ? null : h.Name))
            .ToListAsync(ct);
    }

    internal static IQueryable<Member> PendingFor(BoardDbContext db, Viewer viewer)
    {
        var mine = viewer.CoordinatedCoordinationIds.ToList();
        var admin = viewer.IsAdmin;
        // A member who deleted her account while she waited leaves the queue with her account.
        return db.Members.AsNoTracking().StillMembers()
            .Where(m => m.RequestedCoordinationId != null
                ? admin || mine.Contains(m.RequestedCoordinationId.Value)
                : m.Membership == MembershipStatus.Pending && (admin || mine.Contains(m.HomeCoordinationId)));
    }

    public async Task<MembershipView?> MembershipOfAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from m in db.Members.AsNoTracking()
                where m.Id == memberId
                join c in db.Coordinations on m.HomeCoordinationId equals c.Id
                join r in db.Coordinations on m.RequestedCoordinationId equals r.Id into requested
                from move in requested.DefaultIfEmpty()
                select new MembershipView(m.Membership, c.Name, m.MembershipMessage, c.Id, move == null ? null : move.Name))
            .SingleOrDefaultAsync(ct);
    }
}
