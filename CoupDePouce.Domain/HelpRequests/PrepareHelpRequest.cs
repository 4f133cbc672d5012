using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Themes;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>What the posting form offers her: the themes, and the coordination her request will belong to.</summary>
public sealed record PostingChoices(IReadOnlyList<ThemeSummary> Themes, int CoordinationId, string CoordinationName);

public sealed class PrepareHelpRequestHandler(IDbContextFactory<BoardDbContext> dbFactory, ListThemesHandler themes)
{
    /// <summary>Null when the member does not exist (any more).</summary>
    public async Task<PostingChoices?> HandleAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var home = await (
                from m in db.Members.AsNoTracking()
                where m.Id == memberId
                join c in db.Coordinations on m.HomeCoordinationId equals c.Id
                select new { c.Id, c.Name })
            .SingleOrDefaultAsync(ct);
        if (home is null)
        {
            return null;
        }

        return new PostingChoices(await themes.HandleAsync(ct), home.Id, home.Name);
    }
}
