using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CoupDePouce.Domain.HelpRequests;
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
    private readonly ConditionalWeakTable<BoardChange, Task<BoardItem?>> _lines = [];

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

    /// <summary>The board line a change leaves behind, or null when the request left the board (withdrawn, hidden).
    /// It is the same for everyone who may hear of the change (<see cref="MayHearOfAsync"/>, checked per recipient
    /// before delivery), so it is read once per change, not once per open screen.</summary>
    public Task<BoardItem?> BoardLineAsync(BoardChange change) =>
        change.Listed ? _lines.GetValue(change, ReadLineAsync) : Task.FromResult<BoardItem?>(null);

    private async Task<BoardItem?> ReadLineAsync(BoardChange change)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.HelpRequests.AsNoTracking()
            .Where(r => r.Id == change.RequestId && !r.IsHidden && !r.IsWithdrawn)
            .ToBoardItems(db)
            .SingleOrDefaultAsync();
    }
}
