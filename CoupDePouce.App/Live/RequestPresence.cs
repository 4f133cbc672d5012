using System.Collections.Concurrent;

namespace CoupDePouce.App.Live;

/// <summary>Who is on a request's page right now, and who is writing an answer: « Camille est en train de
/// répondre… », « 3 membres consultent cette demande ». Only people on that page hear of it (they may all see the
/// request). Typing is announced at most once per <see cref="TypingThrottle"/> per member and fades after
/// <see cref="TypingFadesAfter"/> without a keystroke. Held in memory by this instance.</summary>
public sealed class RequestPresence(TimeProvider clock)
{
    public static readonly TimeSpan TypingThrottle = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan TypingFadesAfter = TimeSpan.FromSeconds(5);

    public sealed record State(int Members, IReadOnlyList<string> Typing);

    private readonly ConcurrentDictionary<long, ConcurrentDictionary<long, Visit>> _pages = new();
    private long _lastId;

    private DateTimeOffset Now => clock.GetUtcNow();

    public int VisitCount => _pages.Values.Sum(p => p.Count);

    public Visit Enter(long requestId, Guid memberId, string firstName, Func<State, Task> onChange)
    {
        var visit = new Visit(this, requestId, Interlocked.Increment(ref _lastId), memberId, firstName, onChange);
        _pages.GetOrAdd(requestId, _ => new ConcurrentDictionary<long, Visit>())[visit.Id] = visit;
        Announce(requestId);
        return visit;
    }

    private void Leave(Visit visit)
    {
        if (_pages.TryGetValue(visit.RequestId, out var visits) && visits.TryRemove(visit.Id, out _))
        {
            Announce(visit.RequestId);
        }
    }

    private void Announce(long requestId)
    {
        if (!_pages.TryGetValue(requestId, out var visits))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var all = visits.Values.ToList();
        var members = all.Select(v => v.MemberId).Distinct().Count();
        foreach (var visit in all)
        {
            var typing = all
                .Where(v => v.MemberId != visit.MemberId && v.TypingSince(now))
                .Select(v => v.FirstName).Distinct().ToList();
            _ = visit.TellAsync(new State(members, typing));
        }
    }

    public sealed class Visit(RequestPresence presence, long requestId, long id, Guid memberId, string firstName, Func<State, Task> onChange) : IDisposable
    {
        private DateTimeOffset? _typedAt;
        private DateTimeOffset? _announcedAt;

        public long RequestId { get; } = requestId;

        public long Id { get; } = id;

        public Guid MemberId { get; } = memberId;

        public string FirstName { get; } = firstName;

        internal bool TypingSince(DateTimeOffset now) => _typedAt is { } at && now - at < TypingFadesAfter;

        /// <summary>She pressed a key in the answer box.</summary>
        public void Typed()
        {
            var now = presence.Now;
            _typedAt = now;
            if (_announcedAt is { } last && now - last < TypingThrottle)
            {
                return;
            }

            _announcedAt = now;
            presence.Announce(RequestId);
            _ = FadeAsync();
        }

        /// <summary>She sent (or cleared) her answer: she is no longer typing.</summary>
        public void StoppedTyping()
        {
            _typedAt = null;
            _announcedAt = null;
            presence.Announce(RequestId);
        }

        internal async Task TellAsync(State state)
        {
            try
            {
                await onChange(state);
            }
            catch (ObjectDisposedException)
            {
                // The page closed meanwhile.
            }
        }

        private async Task FadeAsync()
        {
            await Task.Delay(TypingFadesAfter + TimeSpan.FromMilliseconds(200));
            if (!TypingSince(presence.Now))
            {
                _announcedAt = null;
                presence.Announce(RequestId);
            }
            else
            {
                _ = FadeAsync();
            }
        }

        public void Dispose() => presence.Leave(this);
    }
}
