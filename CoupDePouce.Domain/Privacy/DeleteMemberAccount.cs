using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Privacy;

/// <summary>She deletes her own account (the app has checked her password first).</summary>
public sealed record DeleteMemberAccount(Guid MemberId);

/// <summary>GDPR erasure, as the network decided it (decision 025): her account and everything that only concerns
/// her go (profile, skills, follows, notifications and their settings, roles, coordinatrice assignments, sign-in data);
/// what she wrote for others stays readable under « Membre partie » (requests, answers, thanks, reports, and the
/// moderation log, which keeps its facts by id and now names nobody).</summary>
public sealed class DeleteMemberAccountHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<DeleteMemberAccountHandler> logger)
{
    public async Task<Result<Guid>> HandleAsync(DeleteMemberAccount command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Members.StillMembers().SingleOrDefaultAsync(m => m.Id == command.MemberId, ct);
        if (member is null)
        {
            return Result<Guid>.NotFound(Resources.Messages.AccountNotFound);
        }

        var id = member.Id;
        member.Depart(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await db.MemberSkills.Where(s => s.MemberId == id).ExecuteDeleteAsync(ct);
        await db.Follows.Where(f => f.MemberId == id).ExecuteDeleteAsync(ct);
        await db.Notifications.Where(n => n.RecipientId == id).ExecuteDeleteAsync(ct);
        await db.NotificationSettings.Where(s => s.MemberId == id).ExecuteDeleteAsync(ct);
        await db.CoordinatorAssignments.Where(a => a.MemberId == id).ExecuteDeleteAsync(ct);
        await db.HelpProposals.Where(p => p.MemberId == id).ExecuteDeleteAsync(ct);
        await db.HelpInvitations.Where(i => i.MemberId == id).ExecuteDeleteAsync(ct);
        await db.InvitationPreferences.Where(p => p.MemberId == id).ExecuteDeleteAsync(ct);
        // What she offered goes with her (what she asked and answered stays, under « Membre partie »).
        await db.HelpOffers.Where(o => o.AuthorId == id).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Member {MemberId} deleted her account", id);
        return Result<Guid>.Success(id);
    }
}
