using System.Collections.Concurrent;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Live;

/// <summary>Decides, per recipient, whether a change may reach her screen. Her rights are read from the database
/// and kept a few seconds, so a burst of changes does not query once per change and per screen.</summary>
public sealed class LiveAudience(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan RightsKeptFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (Viewer Viewer, DateTimeOffset LoadedAt)> _viewers = new();

    public async Task<bool> MayHearOfAsync(Guid memberId, BoardChange change, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!_viewers.TryGetValue(memberId, out var known) || now - known.LoadedAt > RightsKeptFor)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            known = (await Viewer.LoadAsync(db, memberId, ct), now);
            _viewers[memberId] = known;
        }

        return change.IsFor(known.Viewer);
    }
}
