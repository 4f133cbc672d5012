using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CoupDePouce.Domain.Diagnostics;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Limits;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain.Diagnostics;

/// <summary>The board's counters, as dotnet-counters reads them: posts once committed, refusals by why, limits by
/// action. Each test counts only what its own calls recorded (other tests post at the same time).</summary>
public sealed class BoardMetricsTests : IAsyncLifetime
{
    private readonly CultureScope _culture = CultureScope.French();
    private TestNetwork _network = default!;
    private int _rennes;
    private int _lyon;

    public async Task InitializeAsync()
    {
        _network = await TestNetwork.CreateAsync(services => services.Configure<LimitOptions>(limits =>
            limits.Requests = new ActionLimit { PermitLimit = 2, Window = TimeSpan.FromHours(1) }));
        _rennes = await _network.AddCoordinationAsync("Rennes");
        _lyon = await _network.AddCoordinationAsync("Lyon");
    }

    public async Task DisposeAsync()
    {
        await _network.DisposeAsync();
        _culture.Dispose();
    }

    [Fact]
    public async Task ARequestAndAnAnswerPostedCountOnePostOfEachKind()
    {
        var sophie = await _network.AddMemberAsync(_rennes, "Sophie");
        var claire = await _network.AddMemberAsync(_rennes, "Claire");
        using var counted = Measurements.OfThisTest();

        var request = await _network.PostAsync(sophie, Visibility.Network);
        await _network.AnswerAsync(claire, request);

        Assert.Equal(1, counted.Sum(BoardMetrics.PostsInstrument, "kind", "request"));
        Assert.Equal(1, counted.Sum(BoardMetrics.PostsInstrument, "kind", "answer"));
        Assert.Equal(0, counted.Sum(BoardMetrics.RefusalsInstrument));
    }

    [Fact]
    public async Task AnInvalidPostCountsOneInvalidRefusalAndNoPost()
    {
        var sophie = await _network.AddMemberAsync(_rennes, "Sophie");
        using var counted = Measurements.OfThisTest();

        var refused = await _network.Get<PostHelpRequestHandler>().HandleAsync(
            new PostHelpRequest(sophie, "Court", "Trop court.", 1, Visibility.Network));

        Assert.False(refused.Succeeded);
        Assert.Equal(1, counted.Sum(BoardMetrics.RefusalsInstrument, "reason", "invalid"));
        Assert.Equal(0, counted.Sum(BoardMetrics.PostsInstrument));
    }

    [Fact]
    public async Task AModerationOutsideHerCoordinationCountsOneForbiddenRefusal()
    {
        var request = await _network.PostAsync(await _network.AddMemberAsync(_rennes), Visibility.Network);
        var ofLyon = await _network.AddMemberAsync(_lyon, coordinates: _lyon);
        using var counted = Measurements.OfThisTest();

        var refused = await _network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideHelpRequest(ofLyon, request, "Hors sujet pour le réseau"));

        Assert.False(refused.Succeeded);
        Assert.Equal(1, counted.Sum(BoardMetrics.RefusalsInstrument, "reason", "forbidden"));
    }

    [Fact]
    public async Task AThirdRequestWithinTheHourCountsTheLimitOnRequestsAndNoThirdPost()
    {
        var sophie = await _network.AddMemberAsync(_rennes, "Sophie");
        using var counted = Measurements.OfThisTest();

        await _network.PostAsync(sophie, Visibility.Network, "Première demande de la matinée");
        await _network.PostAsync(sophie, Visibility.Network, "Deuxième demande de la matinée");
        var third = await _network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
            sophie, "Troisième demande de la matinée", "Une demande de trop dans la même heure, refusée.", 1, Visibility.Network));

        Assert.False(third.Succeeded);
        Assert.Equal(2, counted.Sum(BoardMetrics.PostsInstrument, "kind", "request"));
        Assert.Equal(1, counted.Sum(BoardMetrics.LimitsInstrument, "action", nameof(LimitedAction.PostRequest)));
        Assert.Equal(1, counted.Sum(BoardMetrics.RefusalsInstrument, "reason", "forbidden"));
    }

    /// <summary>What the board's meter recorded from the calls of the test that started it (an async-local flows
    /// with her calls, down to the interceptor that counts posts once committed).</summary>
    private sealed class Measurements : IDisposable
    {
        private static readonly AsyncLocal<Measurements?> Current = new();
        private static readonly MeterListener Listener = Listen();
        private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _seen = new();

        public static Measurements OfThisTest()
        {
            GC.KeepAlive(Listener);
            var measurements = new Measurements();
            Current.Value = measurements;
            return measurements;
        }

        public long Sum(string instrument, string? tag = null, string? value = null) =>
            _seen.Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))))
                .Sum(m => m.Value);

        public void Dispose() => Current.Value = null;

        private static MeterListener Listen()
        {
            var listener = new MeterListener
            {
                InstrumentPublished = (instrument, listening) =>
                {
                    if (instrument.Meter.Name == BoardMetrics.MeterName)
                    {
                        listening.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
                Current.Value?._seen.Enqueue((instrument.Name, value, tags.ToArray())));
            listener.Start();
            return listener;
        }
    }
}
