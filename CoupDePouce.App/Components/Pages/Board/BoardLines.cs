using CoupDePouce.App.Live;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Live;

namespace CoupDePouce.App.Components.Pages.Board;

/// <summary>One line of the board as she sees it: the request and, in a search, the part that matched and its title
/// with the matched words marked.</summary>
public sealed record BoardLine(BoardItem Item, string? Snippet, string? MarkedTitle = null);

/// <summary>What a screen of the board loaded, kept across prerendering so that the live page does not read it again:
/// the lines, where the next page starts, and the mark of the live stream the read started at
/// (<see cref="LiveBoard.Mark"/>).</summary>
public sealed record BoardSnapshot(BoardAddress Address, List<BoardLine> Lines, BoardCursor? Next, bool HasMore, LiveMark Mark, bool Widened = false, string? Refusal = null);

/// <summary>What a live change does to the lines on one screen of the board.</summary>
public enum LineEffect
{
    /// <summary>Nothing she sees changes.</summary>
    None,

    /// <summary>The head of the board changed order: read it again.</summary>
    Reload,

    /// <summary>A new request goes in place, under the pinned ones.</summary>
    Insert,

    /// <summary>A new request is counted in the « N nouvelles demandes » banner.</summary>
    Count,

    /// <summary>A line she has on screen is read again (it changes, or leaves if she may no longer see it).</summary>
    Refresh,
}

/// <summary>The lines on one screen of the board and the rules of their live life: a new request appears in place
/// (briefly highlighted) when she looks at the top of the plain board; when she has scrolled, searched or filtered,
/// a banner counts them instead. Lines she has on screen change in place, and leave when their request leaves.</summary>
public sealed class BoardLines(TimeProvider clock)
{
    /// <summary>A new line stays highlighted for at least this long; past that, the next change this screen shows
    /// takes the highlight off in the same update, and the stylesheet takes it off by itself when nothing else
    /// changes (app.css, `just-arrived`; docs/decisions/011-highlight-ends-with-the-next-change.md).</summary>
    public static readonly TimeSpan Highlight = TimeSpan.FromSeconds(3);

    private readonly Dictionary<long, DateTimeOffset> _arrived = [];

    public List<BoardLine> Items { get; private set; } = [];

    public int NewRequests { get; private set; }

    public bool JustArrived(long id) => _arrived.ContainsKey(id);

    public void Clear()
    {
        Items = [];
        NewRequests = 0;
    }

    public void Restore(List<BoardLine> lines)
    {
        Items = lines;
        NewRequests = 0;
    }

    public LineEffect EffectOf(BoardChange change, BoardAddress address, Guid? viewerId, bool scrolled)
    {
        ForgetPastArrivals();
        if (change.Kind is BoardChangeKind.Pinned or BoardChangeKind.Unpinned && address.Search is null && !scrolled)
        {
            return LineEffect.Reload;
        }

        var shown = Items.Exists(l => l.Item.Id == change.RequestId);
        if (!change.BringsNewLine || (shown && change.Kind == BoardChangeKind.OpenedToNetwork))
        {
            return shown ? LineEffect.Refresh : LineEffect.None;
        }

        // Her own list (« mes demandes ») only takes her own new requests.
        if (shown || (address.Filter.OnlyMine && change.ActorId != viewerId))
        {
            return LineEffect.None;
        }

        var plain = address.Filter == BoardFilter.None || address.Filter == new BoardFilter(OnlyMine: true);
        return address.Search is null && plain && !scrolled ? LineEffect.Insert : LineEffect.Count;
    }

    public void Insert(BoardItem item)
    {
        Items.Insert(Items.TakeWhile(l => l.Item.IsPinned).Count(), new BoardLine(item, null));
        _arrived[item.Id] = clock.GetUtcNow();
    }

    public void Count() => NewRequests++;

    /// <summary>The line of this request shows it as it now is, or leaves when she may no longer see it.</summary>
    public void Refresh(long requestId, BoardItem? fresh)
    {
        var index = Items.FindIndex(l => l.Item.Id == requestId);
        if (index < 0)
        {
            return;
        }

        if (fresh is null)
        {
            Items.RemoveAt(index);
        }
        else
        {
            Items[index] = Items[index] with { Item = fresh };
        }
    }

    private void ForgetPastArrivals()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, at) in _arrived)
        {
            if (now - at >= Highlight)
            {
                _arrived.Remove(id);
            }
        }
    }
}
