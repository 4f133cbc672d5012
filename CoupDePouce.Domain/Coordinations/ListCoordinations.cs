using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Coordinations;

public sealed record CoordinationSummary(int Id, string Name, string Region, string Country);

/// <summary>The coordinations a new member can join, for the sign-up list.</summary>
public sealed class ListCoordinations(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<IReadOnlyList<CoordinationSummary>> OpenToNewMembersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Coordinations.AsNoTracking()
            .Where(c => !c.IsArchived)
            .OrderBy(c => c.Name)
            .Select(c => new CoordinationSummary(c.Id, c.Name, c.Region, c.Country))
            .ToListAsync(ct);
    }
}
