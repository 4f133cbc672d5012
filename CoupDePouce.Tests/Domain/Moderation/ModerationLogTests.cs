using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain.Moderation;

/// <summary>The log is read by those who moderate: a coordinatrice her coordinations' lines, an admin all.</summary>
public abstract class ModerationLogTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : ModerationLogTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ModerationLogTests(DatabaseProvider.Postgres);

    private Guid _ofRennes;
    private Guid _ofLyon;
    private Guid _admin;
    private long _rennesRequest;
    private long _lyonRequest;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ofRennes = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
        _ofLyon = await Network.AddMemberAsync(Lyon, "Julie", coordinates: Lyon);
        _admin = await Network.AddMemberAsync(Lyon, "Hélène", admin: true);
        _rennesRequest = await Network.PostAsync(await Network.AddMemberAsync(Rennes), Visibility.Network, "Une annonce publicitaire de Rennes");
        _lyonRequest = await Network.PostAsync(await Network.AddMemberAsync(Lyon), Visibility.Coordination, "Une annonce publicitaire de Lyon");
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        await moderate.HandleAsync(new HideHelpRequest(_ofRennes, _rennesRequest, "Publicité"));
        Network.Clock.Advance(TimeSpan.FromMinutes(5));
        await moderate.HandleAsync(new LockHelpRequest(_ofLyon, _lyonRequest));
    }

    private Task<Result<ModerationLogExcerpt>> ReadAsync(ReadModerationLog query) => Network.Get<ReadModerationLogHandler>().HandleAsync(query);

    [Fact]
    public async Task ACoordinatriceReadsOnlyHerCoordinationsDecisions()
    {
        var page = (await ReadAsync(new ReadModerationLog(_ofRennes))).Value!;

        var line = Assert.Single(page.Lines);
        Assert.Equal((ModerationAction.HideRequest, "Claire", "Rennes", "Une annonce publicitaire de Rennes", "Publicité"),
            (line.Action, line.ActorName, line.CoordinationName, line.TargetTitle, line.Reason));
    }

    [Fact]
    public async Task AnAdminReadsEverythingNewestFirstAndCanFilter()
    {
        var all = (await ReadAsync(new ReadModerationLog(_admin))).Value!;
        var locks = (await ReadAsync(new ReadModerationLog(_admin, Action: ModerationAction.LockRequest))).Value!;
        var rennes = (await ReadAsync(new ReadModerationLog(_admin, CoordinationId: Rennes))).Value!;

        Assert.Equal([_lyonRequest, _rennesRequest], all.Lines.Select(l => l.TargetId));
        Assert.Equal([_lyonRequest], locks.Lines.Select(l => l.TargetId));
        Assert.Equal([_rennesRequest], rennes.Lines.Select(l => l.TargetId));
    }

    [Fact]
    public async Task APeriodKeepsTheDecisionsTakenWithinIt()
    {
        var hiddenAt = (await ReadAsync(new ReadModerationLog(_admin, Action: ModerationAction.HideRequest))).Value!.Lines.Single().At;

        var before = (await ReadAsync(new ReadModerationLog(_admin, To: hiddenAt.AddMinutes(1)))).Value!;
        var after = (await ReadAsync(new ReadModerationLog(_admin, From: hiddenAt.AddMinutes(1)))).Value!;

        Assert.Equal([_rennesRequest], before.Lines.Select(l => l.TargetId));
        Assert.Equal([_lyonRequest], after.Lines.Select(l => l.TargetId));
    }

    [Fact]
    public async Task AnAnswerHiddenByModerationIsLoggedWithItsRequestsTitle()
    {
        await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new RestoreHelpRequest(_ofRennes, _rennesRequest));
        var answer = await Network.AnswerAsync(await Network.AddMemberAsync(Rennes), _rennesRequest);
        await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideAnswer(_ofRennes, _rennesRequest, answer, "Propos blessants"));

        var line = (await ReadAsync(new ReadModerationLog(_ofRennes, Action: ModerationAction.HideAnswer))).Value!.Lines.Single();

        Assert.Equal((ModerationTarget.Answer, answer, _rennesRequest, "Une annonce publicitaire de Rennes"), (line.Target, line.TargetId, line.RequestId, line.TargetTitle));
    }

    [Fact]
    public async Task AMemberOrACoordinatriceAskingForAnotherCoordinationIsRefused()
    {
        var member = await Network.AddMemberAsync(Rennes);

        var asMember = await ReadAsync(new ReadModerationLog(member));
        var crafted = await ReadAsync(new ReadModerationLog(_ofRennes, CoordinationId: Lyon));
        var unknown = await ReadAsync(new ReadModerationLog(Guid.NewGuid()));

        Assert.All([asMember, crafted, unknown], r => Assert.Equal(FailureKind.Forbidden, r.Failure));
        Assert.Equal("Le journal de modération est réservé aux coordinatrices et aux administratrices.", asMember.Problems.Single().Message);
    }
}
