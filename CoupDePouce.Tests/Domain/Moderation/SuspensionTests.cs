using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Moderation;

/// <summary>A coordinatrice suspends a member of her coordination from posting for some days, saying why.</summary>
public abstract class SuspensionTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : SuspensionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SuspensionTests(DatabaseProvider.Postgres);

    private Guid _coordinatrice;
    private Guid _member;
    private long _open;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _coordinatrice = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
        _member = await Network.AddMemberAsync(Rennes, "Nina");
        _open = await Network.PostAsync(_coordinatrice, Visibility.Network);
    }

    private SuspendMemberHandler Suspend => Network.Get<SuspendMemberHandler>();

    private Task<Result<long>> PostAsync(Guid author) => Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
        author, "Encore une annonce pour mes produits", "Je vends des produits miracles, contactez-moi en message privé.", 1, Visibility.Network));

    [Fact]
    public async Task ASuspendedMemberCanNeitherPostNorAnswerAndReadsWhyAndUntilWhen()
    {
        Assert.True((await Suspend.HandleAsync(new SuspendMember(_coordinatrice, _member, 7, "Messages publicitaires répétés"))).Succeeded);
        var requests = await Network.CountRequestsAsync();

        var posted = await PostAsync(_member);
        var answered = await Network.Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_member, _open, "Achetez mes produits, ils sont formidables !"));

        Assert.Equal(FailureKind.Forbidden, posted.Failure);
        Assert.Contains("« Messages publicitaires répétés »", posted.Problems.Single().Message);
        Assert.StartsWith("Vous ne pouvez pas publier jusqu'au", posted.Problems.Single().Message);
        Assert.Equal(FailureKind.Forbidden, answered.Failure);
        Assert.Equal(requests, await Network.CountRequestsAsync());
        Assert.Empty((await Network.RequestAsync(_open)).Answers);
    }

    [Fact]
    public async Task WhenTheSuspensionEndsSheMayPostAgain()
    {
        await Suspend.HandleAsync(new SuspendMember(_coordinatrice, _member, 2, "Ton agressif envers une membre"));

        Network.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        Assert.True((await PostAsync(_member)).Succeeded);
    }

    [Fact]
    public async Task TheSuspensionIsLoggedAndOnlyHerCoordinationsModeratorsMaySuspend()
    {
        var ofLyon = await Network.AddMemberAsync(Lyon, coordinates: Lyon);
        var peer = await Network.AddMemberAsync(Rennes);

        Assert.Equal(FailureKind.Forbidden, (await Suspend.HandleAsync(new SuspendMember(ofLyon, _member, 7, "Je n'aime pas ses messages"))).Failure);
        Assert.Equal(FailureKind.Forbidden, (await Suspend.HandleAsync(new SuspendMember(peer, _member, 7, "Je n'aime pas ses messages"))).Failure);
        Assert.Equal(FailureKind.Forbidden, (await Suspend.HandleAsync(new SuspendMember(_coordinatrice, _coordinatrice, 7, "Je fais une pause"))).Failure);
        Assert.Equal(FailureKind.Invalid, (await Suspend.HandleAsync(new SuspendMember(_coordinatrice, _member, 0, "Messages publicitaires"))).Failure);
        Assert.Equal(FailureKind.Invalid, (await Suspend.HandleAsync(new SuspendMember(_coordinatrice, _member, 7, ""))).Failure);
        Assert.True((await PostAsync(_member)).Succeeded);
        Assert.Empty(await Network.QueryAsync(db => db.ModerationLog.ToListAsync()));

        await Suspend.HandleAsync(new SuspendMember(_coordinatrice, _member, 7, "Messages publicitaires répétés"));

        var logged = Assert.Single(await Network.QueryAsync(db => db.ModerationLog.ToListAsync()));
        Assert.Equal((ModerationAction.SuspendMember, (Guid?)_member, 7L, "Messages publicitaires répétés"), (logged.Action, logged.TargetMemberId, logged.TargetId, logged.Reason));
    }
}
