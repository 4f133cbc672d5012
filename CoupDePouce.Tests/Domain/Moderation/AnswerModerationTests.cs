using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Moderation;

/// <summary>A coordinatrice moderates her coordination's requests and the answers her members write anywhere: a
/// hidden answer leaves the thread, the counts and search; its author sees it marked hidden, with the reason.</summary>
public abstract class AnswerModerationTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : AnswerModerationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AnswerModerationTests(DatabaseProvider.Postgres);

    private Guid _asker;
    private Guid _helper;
    private Guid _reader;
    private Guid _rennesCoordinatrice;
    private Guid _lyonCoordinatrice;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Lyon, "Julie");
        _helper = await Network.AddMemberAsync(Rennes, "Sophie");
        _reader = await Network.AddMemberAsync(Rennes, "Emilie");
        _rennesCoordinatrice = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
        _lyonCoordinatrice = await Network.AddMemberAsync(Lyon, "Agnès", coordinates: Lyon);
    }

    private ModerateHelpRequestHandler Moderate => Network.Get<ModerateHelpRequestHandler>();

    private Task<HelpRequestView?> ViewAsync(long request, Guid viewer) =>
        Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, viewer));

    [Fact]
    public async Task AHiddenAnswerLeavesTheThreadTheCountAndSearchButItsAuthorSeesItMarkedHidden()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request, "Essayez la coopérative zanzibar, ils font des prix.");

        var hidden = await Moderate.HandleAsync(new HideAnswer(_lyonCoordinatrice, request, answer, "Publicité pour une entreprise"));

        Assert.True(hidden.Succeeded);
        var stored = await Network.RequestAsync(request);
        Assert.Equal(0, stored.AnswerCount);
        Assert.Equal(HelpRequestStatus.Open, stored.Status);
        var forReader = (await ViewAsync(request, _reader))!.Thread.Single();
        Assert.True(forReader.IsHidden);
        Assert.Equal(string.Empty, forReader.Body);
        Assert.Null(forReader.HiddenReason);
        var forAuthor = (await ViewAsync(request, _helper))!.Thread.Single();
        Assert.Equal("Publicité pour une entreprise", forAuthor.HiddenReason);
        Assert.Contains("zanzibar", forAuthor.Body);
        var search = await Network.Get<SearchHelpRequestsHandler>().HandleAsync(new SearchHelpRequests(_reader, "zanzibar"));
        Assert.Empty(search.Hits);
    }

    [Fact]
    public async Task HerAuthorIsNotifiedAndTheDecisionIsLoggedOnTheAnswer()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);

        await Moderate.HandleAsync(new HideAnswer(_lyonCoordinatrice, request, answer, "Propos blessants"));

        var inbox = await Network.Get<NotificationInboxHandler>().ListAsync(_helper);
        Assert.Contains(inbox, n => n.Kind == NotificationKind.AnswerHiddenByModeration && n.RequestId == request);
        var line = await Network.QueryAsync(db => db.ModerationLog.SingleAsync(e => e.Action == ModerationAction.HideAnswer));
        Assert.Equal((ModerationTarget.Answer, answer, Lyon, _lyonCoordinatrice, "Propos blessants"), (line.Target, line.TargetId, line.CoordinationId, line.ActorId, line.Reason));
    }

    [Fact]
    public async Task TheCoordinatriceOfTheAnswersAuthorMayHideItOnAnotherCoordinationsRequest()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);

        Assert.True((await Moderate.HandleAsync(new HideAnswer(_rennesCoordinatrice, request, answer, "Propos blessants"))).Succeeded);

        var line = await Network.QueryAsync(db => db.ModerationLog.SingleAsync(e => e.Action == ModerationAction.HideAnswer));
        Assert.Equal(Rennes, line.CoordinationId);
    }

    [Fact]
    public async Task ACoordinatriceOfNeitherTheRequestNorTheAuthorIsRefusedAndNothingChanges()
    {
        var lille = await Network.AddCoordinationAsync("Lille");
        var lilleCoordinatrice = await Network.AddMemberAsync(lille, "Anne", coordinates: lille);
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);

        var refused = await Moderate.HandleAsync(new HideAnswer(lilleCoordinatrice, request, answer, "Propos blessants"));

        Assert.Equal(FailureKind.Forbidden, refused.Failure);
        Assert.False((await Network.RequestAsync(request)).Answers.Single().IsHidden);
        Assert.Equal(0, await Network.QueryAsync(db => db.ModerationLog.CountAsync()));
    }

    [Fact]
    public async Task ARestoredAnswerCountsAgain()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        await Moderate.HandleAsync(new HideAnswer(_lyonCoordinatrice, request, answer, "Vérification en cours"));

        Assert.True((await Moderate.HandleAsync(new RestoreAnswer(_rennesCoordinatrice, request, answer))).Succeeded);

        var stored = await Network.RequestAsync(request);
        Assert.Equal((1, HelpRequestStatus.Answered), (stored.AnswerCount, stored.Status));
        Assert.False((await ViewAsync(request, _reader))!.Thread.Single().IsHidden);
    }

    [Fact]
    public async Task AHiddenAnswerCannotBeThankedNorMarkedHelpfulByForgedCalls()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        await Moderate.HandleAsync(new HideAnswer(_lyonCoordinatrice, request, answer, "Vérification en cours"));

        var thanks = await Network.Get<ThankAnswerHandler>().HandleAsync(new ThankAnswer(_reader, request, answer));
        var helpful = await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answer));

        Assert.Equal((FailureKind.NotFound, FailureKind.NotFound), (thanks.Failure, helpful.Failure));
        Assert.Equal(HelpRequestStatus.Open, (await Network.RequestAsync(request)).Status);
    }

    [Fact]
    public async Task HidingAnAnswerOfAnotherRequestIsNotFound()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var other = await Network.PostAsync(_asker, Visibility.Network, "Une autre question sur la facturation");
        var answer = await Network.AnswerAsync(_helper, other);

        var refused = await Moderate.HandleAsync(new HideAnswer(_lyonCoordinatrice, request, answer, "Propos blessants"));

        Assert.Equal(FailureKind.NotFound, refused.Failure);
        Assert.False((await Network.RequestAsync(other)).Answers.Single().IsHidden);
    }

    [Fact]
    public async Task ARestoredAnswerThatHelpedResolvesTheRequestAgain()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answer));
        await Moderate.HandleAsync(new HideAnswer(_lyonCoordinatrice, request, answer, "Vérification en cours"));
        Assert.Equal(HelpRequestStatus.Open, (await Network.RequestAsync(request)).Status);

        await Moderate.HandleAsync(new RestoreAnswer(_lyonCoordinatrice, request, answer));

        Assert.Equal(HelpRequestStatus.Resolved, (await Network.RequestAsync(request)).Status);
    }

    [Fact]
    public async Task OthersDoNotLearnWhoWroteAHiddenAnswer()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        await Moderate.HandleAsync(new HideAnswer(_lyonCoordinatrice, request, answer, "Propos blessants"));

        var forReader = (await ViewAsync(request, _reader))!.Thread.Single();

        Assert.Equal((Guid.Empty, string.Empty), (forReader.AuthorId, forReader.AuthorName));
        Assert.Equal("Sophie", (await ViewAsync(request, _lyonCoordinatrice))!.Thread.Single().AuthorName);
    }

    [Fact]
    public async Task ACoordinationOnlyThreadIsModeratedByItsOwnCoordinationOnly()
    {
        // Sophie answered in Rennes, then moved to Lyon; Lyon's coordinatrice is herself a member of Rennes.
        var rennesAsker = await Network.AddMemberAsync(Rennes, "Nathalie");
        var confidential = await Network.PostAsync(rennesAsker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(_helper, confidential);
        var lyonCoordinatriceLivingInRennes = await Network.AddMemberAsync(Rennes, "Odile", coordinates: Lyon);
        await Network.Get<CoupDePouce.Domain.Members.MoveCoordinationHandler>().HandleAsync(new CoupDePouce.Domain.Members.AskToMoveCoordination(_helper, Lyon));
        Assert.True((await Network.Get<CoupDePouce.Domain.Members.DecideMembershipHandler>().HandleAsync(
            new CoupDePouce.Domain.Members.DecideMembership(_lyonCoordinatrice, _helper, Approve: true))).Succeeded);

        var refused = await Moderate.HandleAsync(new HideAnswer(lyonCoordinatriceLivingInRennes, confidential, answer, "Propos blessants"));

        Assert.Equal(FailureKind.Forbidden, refused.Failure);
        Assert.False((await Network.RequestAsync(confidential)).Answers.Single().IsHidden);
    }
}
