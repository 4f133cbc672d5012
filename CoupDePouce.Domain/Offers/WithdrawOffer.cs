using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Offers;

/// <summary>She takes her offer back (only she may); it leaves every list at once.</summary>
public sealed record WithdrawOffer(Guid MemberId, long OfferId);

public sealed class WithdrawOfferHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(WithdrawOffer command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.HelpOffers.SingleOrDefaultAsync(o => o.Id == command.OfferId, ct);
        var viewer = await Viewer.LoadAsync(db, command.MemberId, ct);
        // Hers even when she moved since (a coordination-only offer stays in the coordination she offered it to).
        if (offer is null || (offer.AuthorId != command.MemberId && !offer.IsVisibleTo(viewer)))
        {
            return Result<bool>.NotFound(Messages.OfferNotAvailable);
        }

        try
        {
            offer.Withdraw(command.MemberId, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleViolation violation)
        {
            return Result<bool>.Refused(violation);
        }

        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(true);
    }
}
