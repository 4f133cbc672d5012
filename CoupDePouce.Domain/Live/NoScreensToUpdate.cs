namespace CoupDePouce.Domain.Live;

/// <summary>The publisher where nothing is on screen (benchmarks, tools, Domain tests): changes are stored, and
/// there is no one to tell. The app replaces it with its live notifier.</summary>
public sealed class NoScreensToUpdate : IBoardChangePublisher
{
    public Task PublishAsync(IReadOnlyList<BoardChange> changes, CancellationToken ct = default) => Task.CompletedTask;
}
