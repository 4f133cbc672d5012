using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Live;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain.Live;

/// <summary>Live screens hear of a change only once it is committed, and never of a refused one.</summary>
public abstract class PublishAfterCommitTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : PublishAfterCommitTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PublishAfterCommitTests(DatabaseProvider.Postgres);

    private readonly Recorder _published = new();
    private TestNetwork _network = default!;
    private Guid _camille;
    private Guid _sophie;
    private int _rennes;

    public async Task InitializeAsync()
    {
        _network = await TestNetwork.CreateAsync(services => services.AddSingleton<IBoardChangePublisher>(_published), provider);
        _published.Network = _network;
        _rennes = await _network.AddCoordinationAsync("Rennes");
        _camille = await _network.AddMemberAsync(_rennes);
        _sophie = await _network.AddMemberAsync(_rennes);
    }

    public async Task DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task APostedRequestIsAnnouncedOnceStoredWithItsIdAndAudience()
    {
        var id = await _network.PostAsync(_camille, Visibility.Coordination);

        var change = Assert.Single(_published.Changes);
        Assert.Equal(BoardChangeKind.Posted, change.Kind);
        Assert.Equal(id, change.RequestId);
        Assert.Equal(Visibility.Coordination, change.Visibility);
        Assert.Equal(_camille, change.ActorId);
        Assert.True(change.Listed);
        Assert.True(Assert.Single(_published.WasStoredWhenPublished));
    }

    [Fact]
    public async Task InvitationsToHelpReachOnlyTheInvitedAfterTheRequestIsStored()
    {
        await _network.Get<CoupDePouce.Domain.Members.UpdateSkillsHandler>().HandleAsync(new(_sophie, _sophie, [1]));
        var lea = await _network.AddMemberAsync(_rennes);

        var id = await _network.PostAsync(_camille, Visibility.Network);

        Assert.Equal([BoardChangeKind.Posted, BoardChangeKind.Notified], _published.Changes.Select(c => c.Kind));
        var invited = _published.Changes[1];
        Assert.Equal((id, 1), (invited.RequestId, invited.ThemeId));
        Assert.Equal([_sophie], invited.Recipients);
        var audience = _network.Get<LiveAudience>();
        Assert.True(await audience.MayHearOfAsync(_sophie, invited));
        Assert.False(await audience.MayHearOfAsync(lea, invited));
        Assert.False(await audience.MayHearOfAsync(_camille, invited));
        Assert.All(_published.WasStoredWhenPublished, Assert.True);
    }

    [Fact]
    public async Task ARequestOpenedToTheNetworkComesAsANewLineToThoseOutsideItsCoordination()
    {
        var lyon = await _network.AddCoordinationAsync("Lyon");
        var lea = await _network.AddMemberAsync(lyon);
        var id = await _network.PostAsync(_camille, Visibility.Coordination);
        _network.Clock.Advance(HelpRequest.OfferNetworkAfter);

        Assert.True((await _network.Get<CoupDePouce.Domain.Escalation.OpenToNetworkHandler>().HandleAsync(new(_camille, id))).Succeeded);

        var opened = _published.Changes[^1];
        Assert.Equal((BoardChangeKind.OpenedToNetwork, Visibility.Network, true), (opened.Kind, opened.Visibility, opened.BringsNewLine));
        Assert.True(await _network.Get<LiveAudience>().MayHearOfAsync(lea, opened));
    }

    [Fact]
    public async Task AnAnswerIsAnnouncedAfterItIsStored()
    {
        var id = await _network.PostAsync(_camille, Visibility.Network);
        _published.Clear();

        await _network.AnswerAsync(_sophie, id);

        Assert.Equal([BoardChangeKind.Answered], _published.Changes.Select(c => c.Kind));
        Assert.All(_published.WasStoredWhenPublished, Assert.True);
    }

    [Fact]
    public async Task ARefusedActionAnnouncesNothing()
    {
        var id = await _network.PostAsync(_camille, Visibility.Network);
        var answer = await _network.AnswerAsync(_sophie, id);
        _published.Clear();

        await _network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_sophie, id, answer));
        await _network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_sophie, id, ""));

        Assert.Empty(_published.Changes);
    }

    [Fact]
    public async Task AReportTellsItsCoordinationsScreensThatTheirQueueChangedWithoutSayingWhat()
    {
        var id = await _network.PostAsync(_camille, Visibility.Network);
        _published.Clear();

        await _network.Get<CoupDePouce.Domain.Reports.ReportContentHandler>().HandleAsync(
            new CoupDePouce.Domain.Reports.ReportContent(_sophie, id, null, CoupDePouce.Domain.Reports.ReportReason.Spam));

        var change = Assert.Single(_published.Changes);
        Assert.Equal(BoardChangeKind.QueueChanged, change.Kind);
        Assert.Equal(_rennes, change.CoordinationId);
        Assert.Equal(0, change.RequestId);
        Assert.False(change.IsAboutRequest);
        Assert.Null(change.ActorId);
    }

    [Fact]
    public async Task ANewcomerWaitingAndHerApprovalEachChangeTheirCoordinationsQueue()
    {
        var coordinatrice = await _network.AddMemberAsync(_rennes, coordinates: _rennes);
        _published.Clear();

        var newcomer = await _network.AddMemberAsync(_rennes, pending: true);
        Assert.Equal([(BoardChangeKind.QueueChanged, _rennes)], _published.Changes.Select(c => (c.Kind, c.CoordinationId)));
        _published.Clear();

        await _network.Get<CoupDePouce.Domain.Members.DecideMembershipHandler>().HandleAsync(
            new CoupDePouce.Domain.Members.DecideMembership(coordinatrice, newcomer, Approve: true));

        Assert.Equal([(BoardChangeKind.QueueChanged, _rennes)], _published.Changes.Select(c => (c.Kind, c.CoordinationId)));
    }

    [Fact]
    public async Task AnApprovedMemberJoiningChangesNoQueue()
    {
        _published.Clear();

        await _network.AddMemberAsync(_rennes);

        Assert.Empty(_published.Changes);
    }

    [Fact]
    public async Task HerRowSavedWholeAsIdentityDoesAtEachSignInChangesNoQueue()
    {
        _published.Clear();
        await using (var db = await _network.Get<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync())
        {
            var camille = await db.Members.SingleAsync(m => m.Id == _camille);
            camille.AccessFailedCount = 0;
            db.Update(camille);
            await db.SaveChangesAsync();
        }

        Assert.Empty(_published.Changes);
    }

    [Fact]
    public async Task AWithdrawnRequestIsAnnouncedAsLeavingTheBoard()
    {
        var id = await _network.PostAsync(_camille, Visibility.Network);
        _published.Clear();

        await _network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(_camille, id));

        var change = Assert.Single(_published.Changes);
        Assert.Equal(BoardChangeKind.Withdrawn, change.Kind);
        Assert.False(change.Listed);
    }

    [Fact]
    public async Task AnAnswerSentTwiceInOneClickIsStoredAndAnnouncedOnce()
    {
        var id = await _network.PostAsync(_camille, Visibility.Network);
        _published.Clear();
        var answer = new AnswerHelpRequest(_sophie, id, "Je connais une comptable à Rennes, je t'envoie son contact.");

        var results = await Task.WhenAll(
            _network.Get<AnswerHelpRequestHandler>().HandleAsync(answer),
            _network.Get<AnswerHelpRequestHandler>().HandleAsync(answer));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(["Vous venez d'envoyer cette réponse : elle est déjà dans la conversation."],
            results.Single(r => !r.Succeeded).Problems.Select(p => p.Message));
        Assert.Single((await _network.RequestAsync(id)).Answers);
        Assert.Equal([BoardChangeKind.Answered], _published.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task AnActionOnARequestSheMayNotSeeIsRefusedAndNeverAnnounced()
    {
        var lyon = await _network.AddCoordinationAsync("Lyon");
        var outsider = await _network.AddMemberAsync(lyon);
        var id = await _network.PostAsync(_camille, Visibility.Coordination);
        _published.Clear();

        var forged = await _network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(outsider, id, "Je réponds quand même à cette demande."));
        var unknown = await _network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_sophie, id + 999, "Et à une demande qui n'existe pas."));

        Assert.Equal(CoupDePouce.Domain.Common.FailureKind.NotFound, forged.Failure);
        Assert.Equal(CoupDePouce.Domain.Common.FailureKind.NotFound, unknown.Failure);
        Assert.Empty((await _network.RequestAsync(id)).Answers);
        Assert.Empty(_published.Changes);
    }

    /// <summary>Records what is published and checks, at that moment, from another connection, that the request
    /// is already in the database with that change applied (so it was committed, not merely saved).</summary>
    private sealed class Recorder : IBoardChangePublisher
    {
        public TestNetwork? Network { get; set; }

        public List<BoardChange> Changes { get; } = [];

        public List<bool> WasStoredWhenPublished { get; } = [];

        public void Clear()
        {
            Changes.Clear();
            WasStoredWhenPublished.Clear();
        }

        public async Task PublishAsync(IReadOnlyList<BoardChange> changes, CancellationToken ct = default)
        {
            foreach (var change in changes)
            {
                Changes.Add(change);
                await using var other = await Network!.Services.GetRequiredService<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync(ct);
                var stored = await other.HelpRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == change.RequestId, ct);
                WasStoredWhenPublished.Add(stored is not null
                    && (change.Kind != BoardChangeKind.Answered || stored.AnswerCount > 0)
                    && (change.Kind != BoardChangeKind.Withdrawn || stored.IsWithdrawn));
            }
        }
    }
}
