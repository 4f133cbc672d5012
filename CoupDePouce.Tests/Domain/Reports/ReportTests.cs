using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Reports;

/// <summary>Members report what worries them; coordinatrices read a queue grouped by item, and resolve or dismiss.
/// Three reports from different members take an item off the board until someone looks.</summary>
public abstract class ReportTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : ReportTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ReportTests(DatabaseProvider.Postgres);

    private Guid _asker;
    private Guid _helper;
    private Guid _first;
    private Guid _second;
    private Guid _third;
    private Guid _rennesCoordinatrice;
    private Guid _lyonCoordinatrice;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Rennes, "Sophie");
        _helper = await Network.AddMemberAsync(Lyon, "Julie");
        _first = await Network.AddMemberAsync(Rennes, "Emilie");
        _second = await Network.AddMemberAsync(Rennes, "Nathalie");
        _third = await Network.AddMemberAsync(Rennes, "Isabelle");
        _rennesCoordinatrice = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
        _lyonCoordinatrice = await Network.AddMemberAsync(Lyon, "Agnès", coordinates: Lyon);
    }

    private ReportContentHandler Report => Network.Get<ReportContentHandler>();

    private ReviewReportsHandler Review => Network.Get<ReviewReportsHandler>();

    private Task<int> ReportCountAsync() => Network.QueryAsync(db => db.Reports.CountAsync());

    [Fact]
    public async Task TheRequestsCoordinatricesSeeItInTheirQueueWithItsCountByReason()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        await Report.HandleAsync(new ReportContent(_first, request, null, ReportReason.Spam));
        await Report.HandleAsync(new ReportContent(_second, request, null, ReportReason.Other, "Elle vend ses formations partout"));

        var queue = (await Review.QueueAsync(_rennesCoordinatrice)).Value!;
        var item = Assert.Single(queue);
        Assert.Equal((request, (long?)null, 2), (item.RequestId, item.AnswerId, item.Count));
        Assert.Equal(1, item.CountByReason[ReportReason.Spam]);
        Assert.Contains(item.Texts, t => t.Text == "Elle vend ses formations partout");
        Assert.Equal(1, await Review.OpenCountAsync(_rennesCoordinatrice));
        Assert.Empty((await Review.QueueAsync(_lyonCoordinatrice)).Value!);
    }

    [Fact]
    public async Task AnAnswerIsReviewedByTheCoordinatricesOfTheRequestAndOfItsAuthor()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);

        await Report.HandleAsync(new ReportContent(_first, request, answer, ReportReason.NotKind));

        Assert.Equal(answer, Assert.Single((await Review.QueueAsync(_rennesCoordinatrice)).Value!).AnswerId);
        Assert.Equal(answer, Assert.Single((await Review.QueueAsync(_lyonCoordinatrice)).Value!).AnswerId);
    }

    [Fact]
    public async Task ReportingHerOwnRequestIsRefusedWithAClearMessageAndStoresNothing()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var refused = await Report.HandleAsync(new ReportContent(_asker, request, null, ReportReason.Spam));

        Assert.False(refused.Succeeded);
        Assert.Contains("vous-même", refused.Problems.Single().Message);
        Assert.Equal(0, await ReportCountAsync());
    }

    [Fact]
    public async Task ReportingTheSameItemTwiceIsRefused()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Report.HandleAsync(new ReportContent(_first, request, null, ReportReason.Spam));

        var again = await Report.HandleAsync(new ReportContent(_first, request, null, ReportReason.NotKind));

        Assert.Contains("déjà signalé", again.Problems.Single().Message);
        Assert.Equal(1, await ReportCountAsync());
    }

    [Fact]
    public async Task AnotherReasonNeedsAFewWords()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var refused = await Report.HandleAsync(new ReportContent(_first, request, null, ReportReason.Other, " "));

        Assert.Equal(FailureKind.Invalid, refused.Failure);
        Assert.Equal(nameof(ReportContent.Text), refused.Problems.Single().Field);
        Assert.Equal(0, await ReportCountAsync());
    }

    [Fact]
    public async Task ARequestSheCannotSeeCannotBeReported()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);

        var refused = await Report.HandleAsync(new ReportContent(_helper, request, null, ReportReason.Spam));

        Assert.Equal(FailureKind.NotFound, refused.Failure);
        Assert.Equal(0, await ReportCountAsync());
    }

    [Fact]
    public async Task ThreeReportsFromDifferentMembersHideTheRequestPendingReview()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        await Report.HandleAsync(new ReportContent(_first, request, null, ReportReason.Spam));
        await Report.HandleAsync(new ReportContent(_second, request, null, ReportReason.Spam));
        Assert.False((await Network.RequestAsync(request)).IsHidden);
        var third = await Report.HandleAsync(new ReportContent(_third, request, null, ReportReason.NotKind));

        Assert.True(third.Value!.HiddenForReview);
        var stored = await Network.RequestAsync(request);
        Assert.True(stored.IsHidden && stored.HiddenByReports);
        var board = await Network.Get<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_helper));
        Assert.DoesNotContain(board.Items, i => i.Id == request);
        var inbox = await Network.Get<NotificationInboxHandler>().ListAsync(_asker);
        Assert.Contains(inbox, n => n.Kind == NotificationKind.HiddenByModeration);
        var line = await Network.QueryAsync(db => db.ModerationLog.SingleAsync());
        Assert.Equal((ModerationAction.HideRequest, Guid.Empty), (line.Action, line.ActorId));
    }

    [Fact]
    public async Task ThreeReportsHideAnAnswerPendingReview()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);

        foreach (var reporter in new[] { _first, _second, _third })
        {
            await Report.HandleAsync(new ReportContent(reporter, request, answer, ReportReason.NotKind));
        }

        var stored = await Network.RequestAsync(request);
        Assert.True(stored.Answers.Single().IsHidden);
        Assert.Equal(0, stored.AnswerCount);
    }

    [Fact]
    public async Task DismissingTheReportsBringsBackWhatTheyHid()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        foreach (var reporter in new[] { _first, _second, _third })
        {
            await Report.HandleAsync(new ReportContent(reporter, request, null, ReportReason.Spam));
        }

        var dismissed = await Review.HandleAsync(new DismissReports(_rennesCoordinatrice, request, null));

        Assert.True(dismissed.Succeeded);
        Assert.False((await Network.RequestAsync(request)).IsHidden);
        Assert.Empty((await Review.QueueAsync(_rennesCoordinatrice)).Value!);
        Assert.Equal(ReportStatus.Dismissed, await Network.QueryAsync(db => db.Reports.Select(r => r.Status).Distinct().SingleAsync()));
        Assert.Contains(ModerationAction.DismissReports, await Network.QueryAsync(db => db.ModerationLog.Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task ResolvingTheReportsHidesTheItemWithTheCoordinatricesReason()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        await Report.HandleAsync(new ReportContent(_first, request, answer, ReportReason.Confidential));

        var resolved = await Review.HandleAsync(new ResolveReports(_lyonCoordinatrice, request, answer, "Coordonnées d'une cliente publiées"));

        Assert.True(resolved.Succeeded);
        var hidden = (await Network.RequestAsync(request)).Answers.Single();
        Assert.Equal((true, "Coordonnées d'une cliente publiées", false), (hidden.IsHidden, hidden.HiddenReason, hidden.HiddenByReports));
        Assert.Equal(0, await Review.OpenCountAsync(_lyonCoordinatrice));
    }

    [Fact]
    public async Task ACoordinatriceOfAnotherCoordinationCannotDecideAndNothingChanges()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Report.HandleAsync(new ReportContent(_first, request, null, ReportReason.Spam));

        var refused = await Review.HandleAsync(new DismissReports(_lyonCoordinatrice, request, null));
        var forbiddenQueue = await Review.QueueAsync(_first);

        Assert.Equal(FailureKind.Forbidden, refused.Failure);
        Assert.Equal(FailureKind.Forbidden, forbiddenQueue.Failure);
        Assert.Equal(1, await Review.OpenCountAsync(_rennesCoordinatrice));
    }

    [Fact]
    public async Task AMemberWhoMovedDoesNotBringHerFormerCoordinationsConfidentialThreadsToHerNewCoordinatrice()
    {
        var lyonAsker = await Network.AddMemberAsync(Lyon, "Agathe");
        var lyonReader = await Network.AddMemberAsync(Lyon, "Bérénice");
        var confidential = await Network.PostAsync(lyonAsker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(_helper, confidential);
        Assert.True((await Network.Get<CoupDePouce.Domain.Members.MoveCoordinationHandler>().HandleAsync(new CoupDePouce.Domain.Members.AskToMoveCoordination(_helper, Rennes))).Succeeded);
        Assert.True((await Network.Get<CoupDePouce.Domain.Members.DecideMembershipHandler>().HandleAsync(new CoupDePouce.Domain.Members.DecideMembership(_rennesCoordinatrice, _helper, Approve: true))).Succeeded);

        Assert.True((await Report.HandleAsync(new ReportContent(lyonReader, confidential, answer, ReportReason.NotKind))).Succeeded);

        Assert.Empty((await Review.QueueAsync(_rennesCoordinatrice)).Value!);
        Assert.Equal(0, await Review.OpenCountAsync(_rennesCoordinatrice));
        Assert.Single((await Review.QueueAsync(_lyonCoordinatrice)).Value!);
    }

    [Fact]
    public async Task AMemberStillWaitingForHerApprovalCannotReportSoThreeNewAccountsCannotHideARequest()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var newcomers = new[]
        {
            await Network.AddMemberAsync(Rennes, pending: true),
            await Network.AddMemberAsync(Rennes, pending: true),
            await Network.AddMemberAsync(Rennes, pending: true),
        };

        foreach (var newcomer in newcomers)
        {
            var refused = await Report.HandleAsync(new ReportContent(newcomer, request, null, ReportReason.Spam));
            Assert.Equal(FailureKind.Forbidden, refused.Failure);
            Assert.Contains("validé votre adhésion", refused.Problems.Single().Message);
        }

        Assert.False((await Network.RequestAsync(request)).IsHidden);
        Assert.Equal(0, await ReportCountAsync());
    }

    [Fact]
    public async Task AWithdrawnItemLeavesTheQueue()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        await Report.HandleAsync(new ReportContent(_first, request, answer, ReportReason.Spam));
        Assert.Equal(1, await Review.OpenCountAsync(_lyonCoordinatrice));

        await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(_helper, request, answer));

        Assert.Equal(0, await Review.OpenCountAsync(_lyonCoordinatrice));
        Assert.Empty((await Review.QueueAsync(_rennesCoordinatrice)).Value!);
    }
}
