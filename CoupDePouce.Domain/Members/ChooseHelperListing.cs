using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Members;

/// <summary>« Paramètres »: she chooses whether she may be named among the members who helped most (on the
/// admins' and her coordinatrice's dashboards; members never see such a list).</summary>
public sealed record ChooseHelperListing(Guid MemberId, bool Hidden);

public sealed class ChooseHelperListingHandler(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<Result<bool>> HandleAsync(ChooseHelperListing command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == command.MemberId, ct);
        if (member is null)
        {
            return Result<bool>.Forbidden(Messages.MemberUnknown);
        }

        member.ChooseHelperListing(command.Hidden);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(command.Hidden);
    }

    public async Task<bool> IsHiddenAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Members.Where(m => m.Id == memberId).Select(m => m.HiddenFromHelperLists).SingleOrDefaultAsync(ct);
    }
}
