using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Themes;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>What the posting form offers her: the themes, the coordination her request will belong to, and whether
/// she may keep it to that coordination (<see cref="PostHelpRequestHandler.MayKeepToCoordination"/>: not while her
/// membership waits), so that the form offers, and pre-selects, only what the Domain will accept.</summary>
public sealed record PostingChoices(IReadOnlyList<ThemeSummary> Themes, int CoordinationId, string CoordinationName, bool CoordinationOnlyAllowed = true)
{
    /// <summary>What the form starts with: her coordination when she may keep it there (the safer choice).</summary>
    public Visibility DefaultVisibility => CoordinationOnlyAllowed ? Visibility.Coordination : Visibility.Network;
}

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
                select new { c.Id, c.Name, m.Membership })
            .SingleOrDefaultAsync(ct);
        if (home is null)
        {
            return null;
        }

        return new PostingChoices(
            await themes.HandleAsync(ct), home.Id, home.Name, PostHelpRequestHandler.MayKeepToCoordination(home.Membership));
    }
}
