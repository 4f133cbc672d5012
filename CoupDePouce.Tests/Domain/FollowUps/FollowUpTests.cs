using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Engagement;
using CoupDePouce.Domain.FollowUps;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain.FollowUps;

/// <summary>« Est-ce que ça a marché ? »: asked once a week after the resolution, answered once by the asker alone,
/// and counted in the dashboards' « Efficacité ».</summary>
public abstract class FollowUpTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : FollowUpTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : FollowUpTests(DatabaseProvider.Postgres);

    private Guid _asker;
    private Guid _helper;
    private Guid _admin;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Rennes, "Inès");
        _helper = await Network.AddMemberAsync(Rennes, "Camille");
        _admin = await Network.AddMemberAsync(Rennes, "Admin", admin: true);
    }

    [Fact]
    public async Task TheAskerIsAskedOnceAWeekAfterHerRequestWasResolved()
    {
        var request = await ResolvedRequestAsync();
        var ask = Network.Get<AskForFollowUpsHandler>();

        Network.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await ask.HandleAsync());
        Assert.False((await ViewAsync(request, _asker)).MayAnswerFollowUp);
        Network.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await ask.HandleAsync());
        Assert.Equal(0, await ask.HandleAsync());

        Assert.Equal(1, await Network.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == _asker && n.Kind == NotificationKind.FollowUpAsked)));
        Assert.True((await ViewAsync(request, _asker)).MayAnswerFollowUp);
        Assert.False((await ViewAsync(request, _helper)).MayAnswerFollowUp);
    }

    [Fact]
    public async Task AServerStartedAgainAsksWhatItMissedAndNothingTwice()
    {
        var first = await ResolvedRequestAsync("Une première question résolue");
        Network.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await Network.Get<AskForFollowUpsHandler>().HandleAsync());
        var second = await ResolvedRequestAsync("Une deuxième question résolue");
        Network.Clock.Advance(TimeSpan.FromDays(8));

        await using var restarted = Network.AnotherInstance();
        Assert.Equal(1, await restarted.GetRequiredService<AskForFollowUpsHandler>().HandleAsync());

        Assert.Equal([first, second], await Network.QueryAsync(db => db.Notifications
            .Where(n => n.Kind == NotificationKind.FollowUpAsked).OrderBy(n => n.Id).Select(n => n.HelpRequestId).ToListAsync()));
    }

    [Fact]
    public async Task SheAnswersOnceAndASecondAnswerIsRefusedWithNothingChanged()
    {
        var request = await AskedRequestAsync();
        var answer = Network.Get<AnswerFollowUpHandler>();

        Assert.True((await answer.HandleAsync(new AnswerFollowUp(_asker, request, FollowUpAnswer.Partly))).Succeeded);
        var again = await answer.HandleAsync(new AnswerFollowUp(_asker, request, FollowUpAnswer.No));

        Assert.Equal("Vous avez déjà dit si ça a marché pour cette demande : merci !", again.Problems.Single().Message);
        Assert.Equal(FollowUpAnswer.Partly, (await Network.RequestAsync(request)).FollowUp);
        var view = await ViewAsync(request, _asker);
        Assert.Equal((false, FollowUpAnswer.Partly), (view.MayAnswerFollowUp, view.FollowUp));
    }

    [Fact]
    public async Task NobodyButTheAskerAnswersAndNotBeforeSheIsAsked()
    {
        var notYet = await ResolvedRequestAsync("Une question résolue hier");
        var early = await Network.Get<AnswerFollowUpHandler>().HandleAsync(new AnswerFollowUp(_asker, notYet, FollowUpAnswer.Yes));
        var request = await AskedRequestAsync();

        var byHelper = await Network.Get<AnswerFollowUpHandler>().HandleAsync(new AnswerFollowUp(_helper, request, FollowUpAnswer.Yes));
        var byAdmin = await Network.Get<AnswerFollowUpHandler>().HandleAsync(new AnswerFollowUp(_admin, request, FollowUpAnswer.No));

        Assert.Equal("Vous pourrez dire si ça a marché une semaine après la résolution de votre demande.", early.Problems.Single().Message);
        Assert.Equal((FailureKind.Forbidden, FailureKind.Forbidden), (byHelper.Failure, byAdmin.Failure));
        Assert.Null((await Network.RequestAsync(request)).FollowUp);
        Assert.Null((await ViewAsync(request, _helper)).FollowUp);
    }

    [Fact]
    public async Task EfficaciteIsTheShareOfFollowedUpRequestsThatWorkedFullyOrInPart()
    {
        var start = Network.Clock.GetUtcNow().UtcDateTime;
        var said = new[] { FollowUpAnswer.Yes, FollowUpAnswer.Partly, FollowUpAnswer.No };
        var requests = new List<long>();
        foreach (var (answer, i) in said.Select((a, i) => (a, i)))
        {
            requests.Add(await ResolvedRequestAsync($"Une question résolue numéro {i + 1}"));
        }

        // A fourth request is resolved but its asker never answers: it is not counted.
        await ResolvedRequestAsync("Une question résolue sans suite");
        Network.Clock.Advance(TimeSpan.FromDays(7));
        await Network.Get<AskForFollowUpsHandler>().HandleAsync();
        foreach (var (request, answer) in requests.Zip(said))
        {
            Assert.True((await Network.Get<AnswerFollowUpHandler>().HandleAsync(new AnswerFollowUp(_asker, request, answer))).Succeeded);
        }

        var zone = Network.Get<NetworkTimeZone>();
        var period = new EngagementPeriod(zone.Today(start), zone.Today(Network.Clock.GetUtcNow().UtcDateTime));
        var network = (await Network.Get<ReadEngagementHandler>().HandleAsync(new ReadEngagement(_admin, null, period))).Value!;
        var rennes = (await Network.Get<ReadEngagementHandler>().HandleAsync(new ReadEngagement(_admin, Rennes, period))).Value!;

        Assert.Equal((3, 2), (network.Current.FollowUps, network.Current.FollowUpsWorked));
        Assert.Equal(2.0 / 3, network.Current.Effectiveness);
        Assert.Equal((3, 2), (network.Rows.Single(r => r.CoordinationId == Rennes).Figures.FollowUps, network.Rows.Single(r => r.CoordinationId == Rennes).Figures.FollowUpsWorked));
        Assert.Null(network.Rows.Single(r => r.CoordinationId == Lyon).Figures.Effectiveness);
        Assert.Equal(2.0 / 3, rennes.Current.Effectiveness);
        Assert.Null(network.Previous.Effectiveness);
    }

    private async Task<long> ResolvedRequestAsync(string title = "Besoin d'un conseil sur mon statut juridique")
    {
        Network.Clock.Advance(TimeSpan.FromMinutes(13));
        var request = await Network.PostAsync(_asker, Visibility.Network, title);
        var answer = await Network.AnswerAsync(_helper, request);
        Assert.True((await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answer))).Succeeded);
        return request;
    }

    private async Task<long> AskedRequestAsync()
    {
        var request = await ResolvedRequestAsync("Une question résolue il y a une semaine");
        Network.Clock.Advance(TimeSpan.FromDays(7));
        Assert.True(await Network.Get<AskForFollowUpsHandler>().HandleAsync() >= 1);
        return request;
    }

    private async Task<HelpRequestView> ViewAsync(long request, Guid viewer) =>
        (await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, viewer)))!;
}
