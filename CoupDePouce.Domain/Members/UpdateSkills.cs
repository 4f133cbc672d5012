using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Members;

/// <summary>« Je peux aider sur… »: she chooses the themes on which she offers help (replaces her list).
/// <see cref="ActorId"/> is who asks: only she may change hers (the matching invites on them).</summary>
public sealed record UpdateSkills(Guid ActorId, Guid MemberId, IReadOnlyCollection<int> ThemeIds);

public sealed class UpdateSkillsHandler(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<Result<bool>> HandleAsync(UpdateSkills command, CancellationToken ct = default)
    {
        if (command.ActorId != command.MemberId)
        {
            return Result<bool>.Forbidden(Messages.SkillsNotYours);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Members.AnyAsync(m => m.Id == command.MemberId, ct))
        {
            return Result<bool>.Forbidden(Messages.MemberUnknown);
        }

        var wanted = command.ThemeIds.Distinct().ToList();
        var known = await db.Themes.CountAsync(t => wanted.Contains(t.Id), ct);
        if (known != wanted.Count)
        {
            return Result<bool>.Invalid(new Problem(nameof(UpdateSkills.ThemeIds), Messages.ThemeUnknown));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.MemberSkills.Where(s => s.MemberId == command.MemberId).ExecuteDeleteAsync(ct);
        db.MemberSkills.AddRange(wanted.Select(id => new MemberSkill(command.MemberId, id)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<bool>.Success(true);
    }
}
