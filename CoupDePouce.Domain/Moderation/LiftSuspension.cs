using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Moderation;

/// <summary>A coordinatrice of her coordination (or an admin) lifts a running suspension before its end date: she
/// may post again at once. Logged with it, like the suspension.</summary>
public sealed record LiftSuspension(Guid ModeratorId, Guid MemberId);

public sealed class LiftSuspensionHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<LiftSuspensionHandler> logger)
{
    public async Task<Result<bool>> HandleAsync(LiftSuspension command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, command.ModeratorId, ct);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == command.MemberId, ct);
        if (!viewer.IsSignedIn || member is null || !viewer.Moderates(member.HomeCoordinationId) || member.Id == viewer.MemberId)
        {
            logger.LogWarning("Member {ModeratorId} was refused lifting the suspension of {MemberId}", command.ModeratorId, command.MemberId);
            return Result<bool>.Forbidden(Messages.OnlyModeratorsLiftSuspensions);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            member.LiftSuspension(now);
        }
        catch (DomainRuleViolation violation)
        {
            return Result<bool>.Refused(violation);
        }

        db.ModerationLog.Add(new ModerationEntry(now, command.ModeratorId, member.HomeCoordinationId, ModerationAction.LiftSuspension,
            ModerationTarget.Member, 0, null, member.Id));
        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(true);
    }
}
