using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Members;

/// <summary>A member asks to belong to another coordination (she moved, or her business did). The coordinatrices
/// of that coordination approve or decline it like a new membership; until then nothing changes for her.</summary>
public sealed record AskToMoveCoordination(Guid MemberId, int CoordinationId);

/// <summary>She changes her mind before the coordinatrices decide.</summary>
public sealed record CancelMove(Guid MemberId);

public sealed class MoveCoordinationHandler(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<Result<bool>> HandleAsync(AskToMoveCoordination command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Coordinations.AnyAsync(c => c.Id == command.CoordinationId && !c.IsArchived, ct))
        {
            return Result<bool>.Invalid(new Problem(nameof(AskToMoveCoordination.CoordinationId), Messages.CoordinationUnknown));
        }

        return await ChangeAsync(db, command.MemberId, member => member.AskToMove(command.CoordinationId), ct);
    }

    public async Task<Result<bool>> HandleAsync(CancelMove command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChangeAsync(db, command.MemberId, member => member.CancelMove(), ct);
    }

    private static async Task<Result<bool>> ChangeAsync(BoardDbContext db, Guid memberId, Action<Member> change, CancellationToken ct)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null)
        {
            return Result<bool>.Forbidden(Messages.MemberUnknown);
        }

        try
        {
            change(member);
        }
        catch (DomainRuleViolation violation)
        {
            return Result<bool>.Refused(violation);
        }

        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(true);
    }
}
