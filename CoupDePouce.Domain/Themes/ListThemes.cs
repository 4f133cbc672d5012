using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Themes;

/// <summary>The themes, in their display order.</summary>
public sealed class ListThemesHandler(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ThemeSummary>> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Themes.AsNoTracking()
            .OrderBy(t => t.Position)
            .Select(t => new ThemeSummary(t.Id, t.Slug))
            .ToListAsync(ct);
    }
}
