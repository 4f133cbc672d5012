using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Escalation;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain.Escalation;

/// <summary>A request kept to its coordination that nobody answers: its coordinatrices hear of it after a day, its
/// asker is offered the whole network after two; once each, whatever restarts or runs beside.</summary>
public abstract class EscalationTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : EscalationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : EscalationTests(DatabaseProvider.Postgres);

    private Guid _asker;
    private Guid _coordinatrice;
    private Guid _lyonCoordinatrice;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Rennes, "Inès");
        _coordinatrice = await Network.AddMemberAsync(Rennes, "Coordinatrice de Rennes", coordinates: Rennes);
        _lyonCoordinatrice = await Network.AddMemberAsync(Lyon, "Coordinatrice de Lyon", coordinates: Lyon);
    }

    [Fact]
    public async Task AlertsHerCoordinatricesOnceWhenNobodyAnsweredForADay()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        var escalate = Network.Get<EscalateWaitingRequestsHandler>();

        Network.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(new EscalationRun(0, 0), await escalate.HandleAsync());
        Network.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new EscalationRun(1, 0), await escalate.HandleAsync());
        Assert.Equal(new EscalationRun(0, 0), await escalate.HandleAsync());

        Assert.Equal(1, await NotificationsAsync(_coordinatrice, NotificationKind.AwaitsFirstAnswer, request));
        Assert.Equal(0, await NotificationsAsync(_lyonCoordinatrice, NotificationKind.AwaitsFirstAnswer, request));
        Assert.Equal(0, await NotificationsAsync(_asker, NotificationKind.MayOpenToNetwork, request));
    }

    [Fact]
    public async Task OffersTheAskerTheWholeNetworkAfterTwoDays()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        var escalate = Network.Get<EscalateWaitingRequestsHandler>();
        Network.Clock.Advance(TimeSpan.FromHours(25));
        await escalate.HandleAsync();

        Network.Clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal(new EscalationRun(0, 0), await escalate.HandleAsync());
        Assert.False((await ViewAsync(request, _asker)).MayOpenToNetwork);
        Network.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new EscalationRun(0, 1), await escalate.HandleAsync());
        Assert.Equal(new EscalationRun(0, 0), await escalate.HandleAsync());

        Assert.Equal(1, await NotificationsAsync(_asker, NotificationKind.MayOpenToNetwork, request));
        Assert.Equal(1, await NotificationsAsync(_coordinatrice, NotificationKind.AwaitsFirstAnswer, request));
        Assert.True((await ViewAsync(request, _asker)).MayOpenToNetwork);
    }

    [Fact]
    public async Task LeavesAloneAnsweredNetworkWideAndWithdrawnRequests()
    {
        var answered = await Network.PostAsync(_asker, Visibility.Coordination, "Une question à laquelle on a répondu");
        await Network.AnswerAsync(_coordinatrice, answered);
        Network.Clock.Advance(TimeSpan.FromMinutes(13));
        await Network.PostAsync(_asker, Visibility.Network, "Une question posée à tout le réseau");
        Network.Clock.Advance(TimeSpan.FromMinutes(13));
        var withdrawn = await Network.PostAsync(_asker, Visibility.Coordination, "Une question retirée par son autrice");
        Assert.True((await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(_asker, withdrawn))).Succeeded);

        Network.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(new EscalationRun(0, 0), await Network.Get<EscalateWaitingRequestsHandler>().HandleAsync());
        Assert.Equal(0, await Network.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.AwaitsFirstAnswer)));
    }

    [Fact]
    public async Task ALockedRequestIsNeitherEscalatedNorOpenedToTheNetwork()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        Assert.True((await Network.Get<CoupDePouce.Domain.Moderation.ModerateHelpRequestHandler>().HandleAsync(
            new CoupDePouce.Domain.Moderation.LockHelpRequest(_coordinatrice, request))).Succeeded);
        Network.Clock.Advance(TimeSpan.FromHours(49));

        Assert.Equal(new EscalationRun(0, 0), await Network.Get<EscalateWaitingRequestsHandler>().HandleAsync());
        var opening = await Network.Get<OpenToNetworkHandler>().HandleAsync(new OpenToNetwork(_asker, request));

        Assert.False(opening.Succeeded);
        Assert.Equal(Visibility.Coordination, (await Network.RequestAsync(request)).Visibility);
    }

    [Fact]
    public async Task AfterARestartTellsWhatWasMissedAndNothingTwice()
    {
        var first = await Network.PostAsync(_asker, Visibility.Coordination, "Une première question pour Rennes");
        Network.Clock.Advance(TimeSpan.FromHours(12));
        var second = await Network.PostAsync(_asker, Visibility.Coordination, "Une deuxième question pour Rennes");
        Network.Clock.Advance(TimeSpan.FromHours(13));
        Assert.Equal(new EscalationRun(1, 0), await Network.Get<EscalateWaitingRequestsHandler>().HandleAsync());

        // The server stops for a day; another one starts on the same database.
        Network.Clock.Advance(TimeSpan.FromHours(24));
        await using (var restarted = Network.AnotherInstance())
        {
            Assert.Equal(new EscalationRun(1, 1), await restarted.GetRequiredService<EscalateWaitingRequestsHandler>().HandleAsync());
        }

        Assert.Equal(1, await NotificationsAsync(_coordinatrice, NotificationKind.AwaitsFirstAnswer, first));
        Assert.Equal(1, await NotificationsAsync(_coordinatrice, NotificationKind.AwaitsFirstAnswer, second));
        Assert.Equal(1, await NotificationsAsync(_asker, NotificationKind.MayOpenToNetwork, first));
        Assert.Equal(0, await NotificationsAsync(_asker, NotificationKind.MayOpenToNetwork, second));
    }

    [Fact]
    public async Task TwoInstancesRunningAtOnceAlertOnce()
    {
        var requests = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            requests.Add(await Network.PostAsync(_asker, Visibility.Coordination, $"Une question pour Rennes numéro {i + 1}"));
            Network.Clock.Advance(TimeSpan.FromMinutes(13));
        }

        Network.Clock.Advance(TimeSpan.FromHours(49));
        await using var one = Network.AnotherInstance();
        await using var two = Network.AnotherInstance();

        var runs = await Task.WhenAll(
            one.GetRequiredService<EscalateWaitingRequestsHandler>().HandleAsync(),
            two.GetRequiredService<EscalateWaitingRequestsHandler>().HandleAsync());

        Assert.Equal(5, runs.Sum(r => r.CoordinationsAlerted));
        Assert.Equal(5, runs.Sum(r => r.AskersOffered));
        foreach (var request in requests)
        {
            Assert.Equal(1, await NotificationsAsync(_coordinatrice, NotificationKind.AwaitsFirstAnswer, request));
            Assert.Equal(1, await NotificationsAsync(_asker, NotificationKind.MayOpenToNetwork, request));
        }
    }

    [Fact]
    public async Task TheAskerOpensItToTheNetworkInOneClick()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        var lyonMember = await Network.AddMemberAsync(Lyon, "Léa");
        Network.Clock.Advance(TimeSpan.FromHours(48));
        Assert.Null(await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, lyonMember)));

        var result = await Network.Get<OpenToNetworkHandler>().HandleAsync(new OpenToNetwork(_asker, request));

        Assert.True(result.Succeeded);
        Assert.Equal(Visibility.Network, (await Network.RequestAsync(request)).Visibility);
        Assert.NotNull(await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, lyonMember)));
        Assert.False((await ViewAsync(request, _asker)).MayOpenToNetwork);
    }

    [Fact]
    public async Task NobodyElseOpensHerRequestAndNotBeforeTwoDays()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        var open = Network.Get<OpenToNetworkHandler>();
        Network.Clock.Advance(TimeSpan.FromHours(47));
        var tooEarly = await open.HandleAsync(new OpenToNetwork(_asker, request));
        Network.Clock.Advance(TimeSpan.FromHours(2));

        var byHerCoordinatrice = await open.HandleAsync(new OpenToNetwork(_coordinatrice, request));
        var byAnotherMember = await open.HandleAsync(new OpenToNetwork(await Network.AddMemberAsync(Rennes, "Une autre"), request));

        Assert.Equal((FailureKind.Invalid, "Cette demande ne peut être ouverte au réseau que si elle attend une première réponse dans sa coordination depuis 48 heures."),
            (tooEarly.Failure, tooEarly.Problems.Single().Message));
        Assert.Equal((FailureKind.Forbidden, "Seule l'autrice d'une demande peut l'ouvrir à tout le réseau."),
            (byHerCoordinatrice.Failure, byHerCoordinatrice.Problems.Single().Message));
        Assert.Equal(FailureKind.Forbidden, byAnotherMember.Failure);
        Assert.Equal(Visibility.Coordination, (await Network.RequestAsync(request)).Visibility);
    }

    [Fact]
    public async Task OnlyCoordinatricesFindTheAlertAmongTheKindsTheyCanTurnOff()
    {
        var inbox = Network.Get<NotificationInboxHandler>();

        Assert.Contains(NotificationKind.AwaitsFirstAnswer, (await inbox.SettingsAsync(_coordinatrice)).Keys);
        Assert.DoesNotContain(NotificationKind.AwaitsFirstAnswer, (await inbox.SettingsAsync(_asker)).Keys);
        Assert.Contains(NotificationKind.MayOpenToNetwork, (await inbox.SettingsAsync(_asker)).Keys);
    }

    [Fact]
    public async Task ACoordinatriceWhoTurnedTheAlertOffIsNotAlerted()
    {
        await Network.Get<NotificationInboxHandler>().ChangeSettingAsync(_coordinatrice, NotificationKind.AwaitsFirstAnswer, enabled: false);
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        Network.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(new EscalationRun(1, 0), await Network.Get<EscalateWaitingRequestsHandler>().HandleAsync());

        Assert.Equal(0, await NotificationsAsync(_coordinatrice, NotificationKind.AwaitsFirstAnswer, request));
    }

    private async Task<HelpRequestView> ViewAsync(long request, Guid viewer) =>
        (await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, viewer)))!;

    private Task<int> NotificationsAsync(Guid member, NotificationKind kind, long request) =>
        Network.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == member && n.Kind == kind && n.HelpRequestId == request));
}
