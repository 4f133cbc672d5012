using CoupDePouce.Domain.Following;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain.Notifications;

public abstract class NotificationTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : NotificationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : NotificationTests(DatabaseProvider.Postgres);

    private Guid _asker;
    private Guid _sophie;
    private Guid _julie;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Rennes, "Camille");
        _sophie = await Network.AddMemberAsync(Rennes, "Sophie");
        _julie = await Network.AddMemberAsync(Rennes, "Julie");
    }

    private NotificationInboxHandler Inbox => Network.Get<NotificationInboxHandler>();

    [Fact]
    public async Task TheAskerHearsOfANewAnswer()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network, "Préparer mon rendez-vous à la banque");

        await Network.AnswerAsync(_sophie, request);

        var notification = Assert.Single(await Inbox.ListAsync(_asker));
        Assert.Equal(NotificationKind.NewAnswer, notification.Kind);
        Assert.Equal("Sophie", notification.LastActorName);
        Assert.Equal("Préparer mon rendez-vous à la banque", notification.RequestTitle);
        Assert.Equal(1, await Inbox.CountUnreadAsync(_asker));
        Assert.Empty(await Inbox.ListAsync(_sophie));
    }

    [Fact]
    public async Task SeveralAnswersOnOneRequestAreGroupedIntoOneNotification()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        await Network.AnswerAsync(_sophie, request);
        await Network.AnswerAsync(_julie, request);
        await Network.AnswerAsync(_sophie, request, "Et j'ajoute une chose.");

        var notification = Assert.Single(await Inbox.ListAsync(_asker));
        Assert.Equal(3, notification.Count);
        Assert.Equal("Sophie", notification.LastActorName);
    }

    [Fact]
    public async Task AReadNotificationIsNotReusedForTheNextEvents()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(_sophie, request);
        await Inbox.MarkReadAsync(_asker);

        await Network.AnswerAsync(_julie, request);

        var notifications = await Inbox.ListAsync(_asker);
        Assert.Equal(2, notifications.Count);
        Assert.Equal(1, await Inbox.CountUnreadAsync(_asker));
    }

    [Fact]
    public async Task AMemberWhoAnsweredFollowsTheRequestAndHearsOfLaterAnswers()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(_sophie, request);

        await Network.AnswerAsync(_julie, request);

        Assert.Equal(NotificationKind.NewAnswer, Assert.Single(await Inbox.ListAsync(_sophie)).Kind);
    }

    [Fact]
    public async Task UnfollowingStopsTheNewsAndFollowingStartsIt()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var follow = Network.Get<FollowHelpRequestHandler>();
        await follow.HandleAsync(new FollowHelpRequest(_asker, request, Follow: false));
        await follow.HandleAsync(new FollowHelpRequest(_julie, request, Follow: true));

        await Network.AnswerAsync(_sophie, request);

        Assert.Empty(await Inbox.ListAsync(_asker));
        Assert.Single(await Inbox.ListAsync(_julie));
    }

    [Fact]
    public async Task SheHearsWhenHerAnswerHelpedOrWasThanked()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_sophie, request);

        await Network.Get<ThankAnswerHandler>().HandleAsync(new ThankAnswer(_julie, request, answer));
        await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answer));

        var kinds = (await Inbox.ListAsync(_sophie)).Select(n => n.Kind).Order();
        Assert.Equal([NotificationKind.AnswerHelpful, NotificationKind.AnswerThanked], kinds);
    }

    [Fact]
    public async Task TakingThanksBackDoesNotNotify()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_sophie, request);
        var thank = Network.Get<ThankAnswerHandler>();
        await thank.HandleAsync(new ThankAnswer(_julie, request, answer));
        await Inbox.MarkReadAsync(_sophie);

        await thank.HandleAsync(new ThankAnswer(_julie, request, answer));

        Assert.Equal(0, await Inbox.CountUnreadAsync(_sophie));
    }

    [Fact]
    public async Task TheAskerHearsWhenACoordinatriceClosesHerRequest()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var coordinatrice = await Network.AddMemberAsync(Rennes, coordinates: Rennes);

        await Network.Get<CloseHelpRequestHandler>().HandleAsync(new CloseHelpRequest(coordinatrice, request));

        Assert.Equal(NotificationKind.ResolvedByModeration, Assert.Single(await Inbox.ListAsync(_asker)).Kind);
    }

    [Fact]
    public async Task AKindSheTurnedOffIsNotSent()
    {
        await Inbox.ChangeSettingAsync(_asker, NotificationKind.NewAnswer, enabled: false);
        var request = await Network.PostAsync(_asker, Visibility.Network);

        await Network.AnswerAsync(_sophie, request);

        Assert.Empty(await Inbox.ListAsync(_asker));
        Assert.False((await Inbox.SettingsAsync(_asker))[NotificationKind.NewAnswer]);
        Assert.True((await Inbox.SettingsAsync(_asker))[NotificationKind.AnswerThanked]);
    }

    [Fact]
    public async Task MarkingOneAsReadLeavesTheOthersUnread()
    {
        var first = await Network.PostAsync(_asker, Visibility.Network, "Première demande de Camille");
        var second = await Network.PostAsync(_asker, Visibility.Network, "Deuxième demande de Camille");
        await Network.AnswerAsync(_sophie, first);
        await Network.AnswerAsync(_sophie, second);
        var toRead = (await Inbox.ListAsync(_asker)).Single(n => n.RequestId == first);

        await Inbox.MarkReadAsync(_asker, toRead.Id);

        Assert.Equal(1, await Inbox.CountUnreadAsync(_asker));
        Assert.Equal(0, await Inbox.CountUnreadAsync(_sophie));
    }
}
