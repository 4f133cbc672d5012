using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace CoupDePouce.App.Components.Shared;

/// <summary>
/// HTML written once and shared by every screen that shows the same thing in the same language: one frame in a
/// screen's render tree instead of one per element, attribute and text, no copy per live circuit, and one
/// fragment for the browser to insert instead of a node at a time
/// (docs/decisions/007-light-live-circuits.md, docs/decisions/010-board-lines-as-shared-markup.md).
/// Looking a piece up allocates nothing: writers are static and take their values as an argument. The key must
/// hold everything the HTML is written from, and every value from a member must go through <see cref="Html.Encode"/>.
/// </summary>
public sealed class SharedMarkup<TKey>(int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, MarkupString> _pieces = new();

    public MarkupString Get<TState>(TKey key, TState state, Func<TState, string> write)
    {
        if (_pieces.TryGetValue(key, out var found))
        {
            return found;
        }

        // Bounded: past its capacity the cache starts afresh. Screens keep the pieces they show; only sharing
        // with the screens rendered next is lost until the cache fills again.
        if (_pieces.Count >= capacity)
        {
            _pieces.Clear();
        }

        return _pieces.GetOrAdd(key, new MarkupString(write(state)));
    }
}
