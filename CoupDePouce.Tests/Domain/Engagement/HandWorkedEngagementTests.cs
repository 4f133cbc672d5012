using CoupDePouce.Domain.Engagement;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain.Engagement;

/// <summary>
/// One week of a small network, Monday 2 to Sunday 8 November 2026 (Paris, UTC+1; the clock starts Monday
/// 10:00 in Paris, hour 0 below), with every figure worked out by hand in the comments and written as a number.
/// Rennes: Anne (admin), Camille, Sophie, Claire (coordinatrice). Lyon: Julie, Inès; Léa moves from Rennes to
/// Lyon on Thursday.
/// <code>
/// R1 h0   Camille, Rennes, theme 1 · Camille's own reply h1 (not an answer) · Sophie h24 (exactly 24 h)
///         · Julie h30 (Lyon → Rennes) · Camille marks Sophie's helpful h31 (resolved), thanks Julie
/// R2 h2   Sophie, Rennes, theme 2 · Julie h42 (40 h) · Inès h50
/// R3 h3   Camille, Rennes · Sophie h3.5 · hidden by Claire h4            → counts nowhere
/// R4 h5   Léa, Rennes (her first request) · withdrawn by her h6          → counts nowhere
/// L1 h10  Julie, Lyon, theme 2 · Léa h70 (60 h, still of Rennes: help between coordinations)
///         Léa moves to Lyon h80–81
/// R5 h20  Claire, Rennes, theme 4 · never answered                       → waiting more than 48 h now
/// L2 h100 Inès, Lyon, theme 1 · Léa h110 (10 h, now of Lyon)
/// L3 h150 Julie, Lyon, theme 3 (Sunday 16:00) · Inès h170: after the period's end (h158)
/// </code>
/// Read on Thursday 12 November (h241).
/// </summary>
public abstract class HandWorkedEngagementTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : HandWorkedEngagementTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : HandWorkedEngagementTests(DatabaseProvider.Postgres);

    private static readonly EngagementPeriod Week = new(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8));

    private DateTimeOffset _start;
    private int _rennes;
    private int _lyon;
    private Guid _anne;
    private Guid _claire;
    private Guid _ines;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _start = Network.Clock.Now;
        _rennes = await Network.AddCoordinationAsync("Rennes");
        _lyon = await Network.AddCoordinationAsync("Lyon");
        _anne = await Network.AddMemberAsync(_rennes, "Anne Admin", admin: true);
        var camille = await Network.AddMemberAsync(_rennes, "Camille Martin");
        var sophie = await Network.AddMemberAsync(_rennes, "Sophie Bernard");
        _claire = await Network.AddMemberAsync(_rennes, "Claire Coordinatrice", coordinates: _rennes);
        var julie = await Network.AddMemberAsync(_lyon, "Julie Durand");
        _ines = await Network.AddMemberAsync(_lyon, "Inès Moreau");
        var lea = await Network.AddMemberAsync(_rennes, "Léa Petit");

        var r1 = await PostAsync(camille, 0, theme: 1);
        await AnswerAsync(camille, r1, 1);
        var r2 = await PostAsync(sophie, 2, theme: 2);
        var r3 = await PostAsync(camille, 3, theme: 1);
        await AnswerAsync(sophie, r3, 3.5);
        At(4);
        Assert.True((await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideHelpRequest(_claire, r3, "Hors sujet pour le réseau, merci de reformuler."))).Succeeded);
        var r4 = await PostAsync(lea, 5, theme: 3);
        At(6);
        Assert.True((await Network.Get<WithdrawContentHandler>().HandleAsync(new WithdrawContent(lea, r4))).Succeeded);
        var l1 = await PostAsync(julie, 10, theme: 2);
        var r5 = await PostAsync(_claire, 20, theme: 4);
        Assert.NotEqual(0, r5);
        var sophieOnR1 = await AnswerAsync(sophie, r1, 24);
        var julieOnR1 = await AnswerAsync(julie, r1, 30);
        At(31);
        Assert.True((await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(camille, r1, sophieOnR1))).Succeeded);
        Assert.True((await Network.Get<ThankAnswerHandler>().HandleAsync(new ThankAnswer(camille, r1, julieOnR1))).Succeeded);
        await AnswerAsync(julie, r2, 42);
        await AnswerAsync(_ines, r2, 50);
        await AnswerAsync(lea, l1, 70);
        At(80);
        Assert.True((await Network.Get<MoveCoordinationHandler>().HandleAsync(new AskToMoveCoordination(lea, _lyon))).Succeeded);
        At(81);
        Assert.True((await Network.Get<DecideMembershipHandler>().HandleAsync(new DecideMembership(_anne, lea, true))).Succeeded);
        var l2 = await PostAsync(_ines, 100, theme: 1);
        await AnswerAsync(lea, l2, 110);
        var l3 = await PostAsync(julie, 150, theme: 3);
        await AnswerAsync(_ines, l3, 170);
        At(241);
    }

    [Fact]
    public async Task TheNetworksWeekIsWhatWasWorkedOutByHand()
    {
        var report = await ReadAsync(_anne, null, Week);
        var f = report.Current;

        // R1, R2, R5, L1, L2, L3: R3 hidden and R4 withdrawn count nowhere.
        Assert.Equal(6, f.Requests);
        // R1 (Sophie, not Camille's own reply), R2, L1, L2; L3 only after the period, R5 never.
        Assert.Equal(4, f.Answered);
        Assert.Equal(4.0 / 6, f.AnswerRate!.Value, 6);
        Assert.Equal(1, f.Resolved);
        // Delays 10, 24, 40, 60 h: median between 24 and 40, p90 at rank 3.7 (40 + 0.7 × 20).
        Assert.Equal(32, f.MedianHours!.Value, 6);
        Assert.Equal(54, f.P90Hours!.Value, 6);
        // R1 at exactly 24 h is within 24 h; L2 (10 h). Within 48 h: R2 (40 h) too, not L1 (60 h).
        Assert.Equal(2, f.AnsweredWithin24h);
        Assert.Equal(3, f.AnsweredWithin48h);
        Assert.Equal(2.0 / 6, f.Within24hRate!.Value, 6);
        // R5 waits, right now.
        Assert.Equal(1, f.UnansweredOver48h);
        // Seven members; everyone but Anne posted, answered or thanked in the 30 days.
        Assert.Equal(7, f.Members);
        Assert.Equal(6, f.ActiveMembers);
        // Julie 2, Léa 2, Sophie 1, Inès 1 (Sophie's answer on the hidden R3 and Inès's after the period aside).
        Assert.Equal(4, f.Helpers);
        Assert.Equal(6, f.HelperAnswers);
        Assert.Equal(5, f.TopThreeAnswers);
        Assert.Equal(5.0 / 6, f.Dependence!.Value, 6);
        // Julie on R1 and R2, Inès on R2 (Lyon → Rennes), Léa on L1 while still of Rennes; not Léa on L2.
        Assert.Equal(4, f.AnswersToOtherCoordinations);
        // Askers Camille, Sophie, Claire, Julie, Inès; Sophie, Julie and Inès answered someone.
        Assert.Equal(5, f.Askers);
        Assert.Equal(3, f.ReciprocalAskers);
        // First requests ever: R1, R2, R5, L1, L2 (L3 is Julie's second; Léa's first was withdrawn). R5 unanswered.
        Assert.Equal(5, f.FirstTimeAskers);
        Assert.Equal(4, f.FirstTimeAskersHelped);
    }

    [Fact]
    public async Task EachCoordinationsRowIsWhatWasWorkedOutByHand()
    {
        var report = await ReadAsync(_anne, null, Week);
        var rennes = report.Rows.Single(r => r.CoordinationId == _rennes).Figures;
        var lyon = report.Rows.Single(r => r.CoordinationId == _lyon).Figures;

        // Rennes: R1, R2, R5; delays 24 and 40 h; members Anne, Camille, Sophie, Claire (Léa is of Lyon now).
        Assert.Equal((3, 2, 1, 1, 2, 1), (rennes.Requests, rennes.Answered, rennes.Resolved, rennes.AnsweredWithin24h, rennes.AnsweredWithin48h, rennes.UnansweredOver48h));
        Assert.Equal(32, rennes.MedianHours!.Value, 6);
        Assert.Equal(38.4, rennes.P90Hours!.Value, 6);
        Assert.Equal((4, 3), (rennes.Members, rennes.ActiveMembers));
        Assert.Equal((3, 4, 4), (rennes.Helpers, rennes.HelperAnswers, rennes.TopThreeAnswers));
        // Given by Rennes: Léa's answer on L1, written while she was of Rennes.
        Assert.Equal(1, rennes.AnswersToOtherCoordinations);
        Assert.Equal((3, 1, 3, 2), (rennes.Askers, rennes.ReciprocalAskers, rennes.FirstTimeAskers, rennes.FirstTimeAskersHelped));

        // Lyon: L1, L2, L3; delays 10 and 60 h; members Julie, Inès, Léa.
        Assert.Equal((3, 2, 0, 1, 1, 0), (lyon.Requests, lyon.Answered, lyon.Resolved, lyon.AnsweredWithin24h, lyon.AnsweredWithin48h, lyon.UnansweredOver48h));
        Assert.Equal(35, lyon.MedianHours!.Value, 6);
        Assert.Equal(55, lyon.P90Hours!.Value, 6);
        Assert.Equal((3, 3), (lyon.Members, lyon.ActiveMembers));
        Assert.Equal((1, 2, 2), (lyon.Helpers, lyon.HelperAnswers, lyon.TopThreeAnswers));
        // Given by Lyon: Julie on R1 and R2, Inès on R2.
        Assert.Equal(3, lyon.AnswersToOtherCoordinations);
        Assert.Equal((2, 2, 2, 2), (lyon.Askers, lyon.ReciprocalAskers, lyon.FirstTimeAskers, lyon.FirstTimeAskersHelped));
    }

    [Fact]
    public async Task ThePreviousWeekHadNoDataAndSaysSoWithoutInventingShares()
    {
        var previous = (await ReadAsync(_anne, null, Week)).Previous;

        Assert.Equal((0, 0, 0), (previous.Requests, previous.Members, previous.Helpers));
        Assert.Null(previous.AnswerRate);
        Assert.Null(previous.MedianHours);
        Assert.Null(previous.Dependence);
        Assert.Null(previous.UnansweredOver48h);
    }

    [Fact]
    public async Task TheWeekSeriesAndThemesCountTheSameRequests()
    {
        var report = await ReadAsync(_anne, null, Week);

        var week = Assert.Single(report.Weeks);
        Assert.Equal(new DateOnly(2026, 11, 2), week.Monday);
        // Answers written that week: Sophie and Julie on R1, Julie and Inès on R2, Léa on L1 and L2.
        Assert.Equal((6, 6), (week.Requests, week.Answers));
        Assert.Equal(32, week.MedianHours!.Value, 6);
        Assert.Equal(54, week.P90Hours!.Value, 6);
        Assert.Equal([2, 2, 1, 1], report.Themes.Where(t => t.ThemeId <= 4).Select(t => t.Requests));
        Assert.All(report.Themes.Where(t => t.ThemeId > 4), t => Assert.Equal(0, t.Requests));
    }

    [Fact]
    public async Task ARequestAnsweredAfterThePeriodCountsOnceThePeriodReachesItsAnswer()
    {
        // Up to today: Inès's answer on L3 (20 h) now falls inside.
        var report = await ReadAsync(_anne, null, new EngagementPeriod(Week.From, new DateOnly(2026, 11, 12)));

        Assert.Equal((6, 5, 3), (report.Current.Requests, report.Current.Answered, report.Current.AnsweredWithin24h));
        Assert.Equal(2, report.Weeks.Count);
        Assert.Equal((0, 1), (report.Weeks[1].Requests, report.Weeks[1].Answers));
    }

    [Fact]
    public async Task TheHelpersListOrdersByAnswersAndLeavesOutWhoeverOptedOut()
    {
        Assert.True((await Network.Get<ChooseHelperListingHandler>().HandleAsync(new ChooseHelperListing(_ines, Hidden: true))).Succeeded);

        var helpers = (await ReadAsync(_anne, null, Week)).Helpers;

        Assert.Equal(["Julie Durand", "Léa Petit", "Sophie Bernard"], helpers.Select(h => h.Name));
        Assert.Equal([(2, 0), (2, 0), (1, 1)], helpers.Select(h => (h.Answers, h.Helpful)));
    }

    [Fact]
    public async Task HerCoordinationsDashboardIsHersAloneAndAnotherIsNotAvailable()
    {
        var rennes = await ReadAsync(_claire, _rennes, Week);
        Assert.Equal(3, rennes.Current.Requests);
        Assert.Equal(_rennes, Assert.Single(rennes.Rows).CoordinationId);
        Assert.Equal(["Julie Durand", "Sophie Bernard", "Inès Moreau"], rennes.Helpers.Select(h => h.Name));

        var handler = Network.Get<ReadEngagementHandler>();
        foreach (var refused in new[] { new ReadEngagement(_claire, _lyon, Week), new ReadEngagement(_claire, null, Week), new ReadEngagement(_ines, _lyon, Week) })
        {
            var result = await handler.HandleAsync(refused);
            Assert.Equal(CoupDePouce.Domain.Common.FailureKind.Forbidden, result.Failure);
            Assert.Null(result.Value);
            Assert.Equal("Ce tableau de bord n'est pas disponible.", result.Problems.Single().Message);
        }
    }

    private async Task<EngagementReport> ReadAsync(Guid viewer, int? coordination, EngagementPeriod period)
    {
        var result = await Network.Get<ReadEngagementHandler>().HandleAsync(new ReadEngagement(viewer, coordination, period));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Value!;
    }

    private void At(double hours)
    {
        var at = _start.AddHours(hours);
        Assert.True(at >= Network.Clock.Now, "the story goes forward");
        Network.Clock.Advance(at - Network.Clock.Now);
    }

    private async Task<long> PostAsync(Guid author, double hours, int theme)
    {
        At(hours);
        var result = await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
            author, $"Un coup de pouce n°{hours} pour mon activité", "Je cherche un conseil précis pour avancer sur ce point.", theme, Visibility.Network));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Value;
    }

    private async Task<long> AnswerAsync(Guid author, long request, double hours)
    {
        At(hours);
        return await Network.AnswerAsync(author, request, $"Voici ce que je ferais, à l'heure {hours}.");
    }
}
