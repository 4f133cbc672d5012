using System.Diagnostics.Metrics;
using CoupDePouce.App.Live;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Live;
using CoupDePouce.Tests.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoupDePouce.Tests.App.Live;

/// <summary>The in-process notifier: every screen allowed to see a change gets it, no other, and a disposed
/// subscription gets nothing more.</summary>
public sealed class LiveBoardTests : NetworkTest
{
    private LiveBoard _live = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _live = new LiveBoard(
            Network.Services.GetRequiredService<LiveAudience>(), TimeProvider.System, NullLogger<LiveBoard>.Instance,
            Network.Services.GetRequiredService<IMeterFactory>());
        await _live.StartAsync(CancellationToken.None);
    }

    private static async Task<BoardChange?> WithinAsync(TaskCompletionSource<BoardChange> received, TimeSpan wait) =>
        await Task.WhenAny(received.Task, Task.Delay(wait)) == received.Task ? received.Task.Result : null;

    [Fact]
    public async Task RecordsHowLongEachDeliveryTookOnItsCounter()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var member = await Network.AddMemberAsync(rennes);
        var recorded = new TaskCompletionSource<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LiveBoard.MeterName && instrument.Name == LiveBoard.DeliveryInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => recorded.TrySetResult(value));
        listener.Start();
        using var screen = _live.Subscribe(member, _ => Task.CompletedTask);

        await _live.PublishAsync([new BoardChange(BoardChangeKind.Posted, 42, rennes, Visibility.Network, true, Guid.NewGuid(), DateTime.UtcNow.AddMilliseconds(-30))]);

        var milliseconds = await recorded.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.InRange(milliseconds, 30, 5_000);
    }

    [Fact]
    public async Task DeliversACoordinationOnlyChangeToItsCoordinationAndNeverToAnother()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var lyon = await Network.AddCoordinationAsync("Lyon");
        var rennesMember = await Network.AddMemberAsync(rennes);
        var lyonMember = await Network.AddMemberAsync(lyon);
        var toRennes = new TaskCompletionSource<BoardChange>();
        var toLyon = new TaskCompletionSource<BoardChange>();
        using var rennesScreen = _live.Subscribe(rennesMember, c => { toRennes.TrySetResult(c); return Task.CompletedTask; });
        using var lyonScreen = _live.Subscribe(lyonMember, c => { toLyon.TrySetResult(c); return Task.CompletedTask; });

        await _live.PublishAsync([new BoardChange(BoardChangeKind.Posted, 42, rennes, Visibility.Coordination, true, Guid.NewGuid(), DateTime.UtcNow)]);

        Assert.Equal(42, (await WithinAsync(toRennes, TimeSpan.FromSeconds(5)))?.RequestId);
        Assert.Null(await WithinAsync(toLyon, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task ADisposedSubscriptionIsReleasedAndHearsNothing()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var member = await Network.AddMemberAsync(rennes);
        var received = new TaskCompletionSource<BoardChange>();
        var before = _live.SubscriberCount;

        var screen = _live.Subscribe(member, c => { received.TrySetResult(c); return Task.CompletedTask; });
        Assert.Equal(before + 1, _live.SubscriberCount);
        screen.Dispose();
        Assert.Equal(before, _live.SubscriberCount);

        await _live.PublishAsync([new BoardChange(BoardChangeKind.Posted, 1, rennes, Visibility.Network, true, null, DateTime.UtcNow)]);
        Assert.Null(await WithinAsync(received, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task AScreenThatFailsDoesNotStopTheOthers()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var member = await Network.AddMemberAsync(rennes);
        var received = new TaskCompletionSource<BoardChange>();
        using var broken = _live.Subscribe(member, _ => throw new InvalidOperationException("a closed screen"));
        using var working = _live.Subscribe(member, c => { received.TrySetResult(c); return Task.CompletedTask; });

        await _live.PublishAsync([new BoardChange(BoardChangeKind.Answered, 3, rennes, Visibility.Network, true, null, DateTime.UtcNow)]);

        Assert.Equal(3, (await WithinAsync(received, TimeSpan.FromSeconds(5)))?.RequestId);
    }

    [Fact]
    public async Task AScreenOnlyHearsTheChangesItWants()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var member = await Network.AddMemberAsync(rennes);
        var received = new TaskCompletionSource<BoardChange>();
        using var bell = _live.Subscribe(member, c => { received.TrySetResult(c); return Task.CompletedTask; }, wants: c => c.Kind == BoardChangeKind.Answered);

        await _live.PublishAsync([
            new BoardChange(BoardChangeKind.Posted, 7, rennes, Visibility.Network, true, null, DateTime.UtcNow),
            new BoardChange(BoardChangeKind.Answered, 8, rennes, Visibility.Network, true, null, DateTime.UtcNow),
        ]);

        Assert.Equal(BoardChangeKind.Answered, (await WithinAsync(received, TimeSpan.FromSeconds(5)))?.Kind);
    }

    [Fact]
    public async Task AChangeLeavesOneBoardLineReadOnceForAllItsScreens()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var author = await Network.AddMemberAsync(rennes);
        var id = await Network.PostAsync(author, Visibility.Coordination, "Qui connaît un bon expert-comptable ?");
        var audience = Network.Services.GetRequiredService<LiveAudience>();
        var change = new BoardChange(BoardChangeKind.Posted, id, rennes, Visibility.Coordination, true, author, DateTime.UtcNow);

        var line = audience.BoardLineAsync(change);

        Assert.Same(line, audience.BoardLineAsync(change));
        Assert.Equal("Qui connaît un bon expert-comptable ?", (await line)?.Title);
    }

    [Fact]
    public async Task ARequestThatLeftTheBoardLeavesNoLine()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var author = await Network.AddMemberAsync(rennes);
        var id = await Network.PostAsync(author, Visibility.Network);
        var audience = Network.Services.GetRequiredService<LiveAudience>();

        var withdrawn = new BoardChange(BoardChangeKind.Withdrawn, id, rennes, Visibility.Network, Listed: false, author, DateTime.UtcNow);

        Assert.Null(await audience.BoardLineAsync(withdrawn));
    }
}
