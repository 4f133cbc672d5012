using System.Text.Json;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Privacy;
using CoupDePouce.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Privacy;

/// <summary>Her rights over her data: she downloads everything the board holds about her, and she can delete her
/// account; what she wrote for others stays, under « Membre partie ».</summary>
public abstract class MemberDataTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : MemberDataTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MemberDataTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task HerExportHoldsHerProfileRequestsAnswersThanksNotificationsAndReportsAndNoOtherMembersWords()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        var sophie = await Network.AddMemberAsync(Rennes, "Sophie");
        var hers = await Network.PostAsync(claire, Visibility.Network, "Besoin d'un avis sur mes tarifs");
        var sophies = await Network.PostAsync(sophie, Visibility.Network, "Trouver une salle pour un atelier");
        var answerToSophie = await Network.AnswerAsync(claire, sophies, "La médiathèque prête une salle le mardi.");
        var answerToClaire = await Network.AnswerAsync(sophie, hers, "Compare avec trois consœurs de ton secteur.");
        Assert.True((await Network.Get<ThankAnswerHandler>().HandleAsync(new ThankAnswer(claire, hers, answerToClaire))).Succeeded);
        Assert.True((await Network.Get<ReportContentHandler>().HandleAsync(new ReportContent(claire, sophies, null, ReportReason.Spam))).Succeeded);

        var export = await Network.Get<ExportMemberDataHandler>().HandleAsync(new ExportMemberData(claire));

        Assert.NotNull(export);
        Assert.Equal("Claire", export.Profile.DisplayName);
        Assert.Equal([hers], export.Requests.Select(r => r.Id));
        Assert.Equal("Besoin d'un avis sur mes tarifs", export.Requests[0].Title);
        var answer = Assert.Single(export.Answers);
        Assert.Equal((answerToSophie, "La médiathèque prête une salle le mardi.", "Trouver une salle pour un atelier"), (answer.Id, answer.Body, answer.RequestTitle));
        Assert.Equal([answerToClaire], export.ThanksGiven.Select(t => t.AnswerId));
        Assert.Contains(export.Notifications, n => n.RequestId == hers && n.Kind == nameof(NotificationKind.NewAnswer));
        Assert.Equal([(sophies, (long?)null, nameof(ReportReason.Spam))], export.Reports.Select(r => (r.RequestId, r.AnswerId, r.Reason)));
        Assert.Contains(export.Follows, f => f.RequestId == hers);

        var json = System.Text.Encoding.UTF8.GetString(export.ToJson());
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Claire", document.RootElement.GetProperty("Profile").GetProperty("DisplayName").GetString());
        Assert.Contains("médiathèque", json);
        Assert.DoesNotContain("Compare avec trois consœurs", json);
    }

    [Fact]
    public async Task OnceSheDeletesHerAccountHerProfileIsGoneAndHerWordsStayUnderMembrePartie()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        var sophie = await Network.AddMemberAsync(Rennes, "Sophie");
        var hers = await Network.PostAsync(claire, Visibility.Network, "Besoin d'un avis sur mes tarifs");
        var sophies = await Network.PostAsync(sophie, Visibility.Network, "Trouver une salle pour un atelier");
        await Network.AnswerAsync(claire, sophies, "La médiathèque prête une salle le mardi.");

        var deleted = await Network.Get<DeleteMemberAccountHandler>().HandleAsync(new DeleteMemberAccount(claire));

        Assert.True(deleted.Succeeded);
        Assert.Null(await Network.Get<ViewMemberProfileHandler>().HandleAsync(new ViewMemberProfile(sophie, claire)));
        Assert.Null(await Network.Get<ExportMemberDataHandler>().HandleAsync(new ExportMemberData(claire)));
        var request = await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(hers, sophie));
        Assert.Equal(Member.DepartedName, request!.AuthorName);
        var answered = await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(sophies, sophie));
        Assert.Equal(Member.DepartedName, answered!.Thread.Single(m => m.AuthorId == claire).AuthorName);

        await using var db = await Network.Get<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync();
        var gone = await db.Members.AsNoTracking().SingleAsync(m => m.Id == claire);
        Assert.Null(gone.PasswordHash);
        Assert.DoesNotContain("claire", gone.Email!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, gone.Activity);
        Assert.False(await db.Follows.AnyAsync(f => f.MemberId == claire));
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == claire));
    }

    [Fact]
    public async Task HerOffersAndInvitationChoicesAreInHerExportAndLeaveWithHer()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        var today = Network.Get<CoupDePouce.Domain.Engagement.NetworkTimeZone>().Today(Network.Clock.GetUtcNow().UtcDateTime);
        var offer = await Network.Get<CoupDePouce.Domain.Offers.PostOfferHandler>().HandleAsync(new CoupDePouce.Domain.Offers.PostOffer(
            claire, CoupDePouce.Domain.Offers.OfferKind.Contact, "Une juriste de confiance à Rennes", "Je peux vous mettre en contact avec ma juriste.", 1, Visibility.Network, today.AddDays(20)));
        await Network.Get<CoupDePouce.Domain.Matching.ChooseInvitationPreferencesHandler>().HandleAsync(
            new CoupDePouce.Domain.Matching.ChooseInvitationPreferences(claire, claire, 1, new TimeOnly(20, 0), new TimeOnly(8, 0)));

        var export = await Network.Get<ExportMemberDataHandler>().HandleAsync(new ExportMemberData(claire));

        Assert.Equal([(offer.Value, "Contact", "Une juriste de confiance à Rennes")], export!.Offers.Select(o => (o.Id, o.Kind, o.Title)));
        Assert.Equal(new CoupDePouce.Domain.Matching.InvitationChoices(1, new TimeOnly(20, 0), new TimeOnly(8, 0)), export.Invitations);
        Assert.True((await Network.Get<DeleteMemberAccountHandler>().HandleAsync(new DeleteMemberAccount(claire))).Succeeded);
        Assert.False(await Network.QueryAsync(db => db.HelpOffers.AnyAsync()));
        Assert.False(await Network.QueryAsync(db => db.InvitationPreferences.AnyAsync()));
    }

    [Fact]
    public async Task TheModerationLogKeepsWhatADepartedCoordinatriceDidWithoutHerName()
    {
        var author = await Network.AddMemberAsync(Rennes, "Nadia");
        var coordinatrice = await Network.AddMemberAsync(Rennes, "Véronique Coordinatrice", coordinates: Rennes);
        var admin = await Network.AddMemberAsync(Lyon, "Admin", admin: true);
        var request = await Network.PostAsync(author, Visibility.Network);
        Assert.True((await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideHelpRequest(coordinatrice, request, "Hors sujet pour le réseau"))).Succeeded);

        Assert.True((await Network.Get<DeleteMemberAccountHandler>().HandleAsync(new DeleteMemberAccount(coordinatrice))).Succeeded);

        var log = await Network.Get<ReadModerationLogHandler>().HandleAsync(new ReadModerationLog(admin));
        var line = Assert.Single(log.Value!.Lines, l => l.Action == ModerationAction.HideRequest);
        Assert.Equal((coordinatrice, Member.DepartedName, request), (line.ActorId, line.ActorName, line.TargetId));
        Assert.DoesNotContain(log.Value.Lines, l => l.ActorName.Contains("Véronique"));
    }

    [Fact]
    public async Task AnAccountAlreadyDeletedCannotBeDeletedAgain()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.Get<DeleteMemberAccountHandler>().HandleAsync(new DeleteMemberAccount(claire));

        var again = await Network.Get<DeleteMemberAccountHandler>().HandleAsync(new DeleteMemberAccount(claire));

        Assert.False(again.Succeeded);
        Assert.Equal("Ce compte n'existe pas ou a déjà été supprimé.", again.Problems[0].Message);
    }

    [Fact]
    public async Task ANewcomerWhoDeletesHerAccountWhileSheWaitsLeavesTheAdhesionsQueue()
    {
        var coordinatrice = await Network.AddMemberAsync(Rennes, "Coordinatrice", coordinates: Rennes);
        var newcomer = await Network.AddMemberAsync(Rennes, "Nouvelle", pending: true);
        var decide = Network.Get<DecideMembershipHandler>();
        Assert.Contains(await decide.PendingAsync(coordinatrice), p => p.Id == newcomer);

        await Network.Get<DeleteMemberAccountHandler>().HandleAsync(new DeleteMemberAccount(newcomer));

        Assert.DoesNotContain(await decide.PendingAsync(coordinatrice), p => p.Id == newcomer);
    }

    [Fact]
    public async Task APageSheLeftOpenCanPostNothingOnceHerAccountIsDeleted()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.Get<DeleteMemberAccountHandler>().HandleAsync(new DeleteMemberAccount(claire));

        var posted = await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
            claire, "Une demande après mon départ", "Elle ne doit jamais arriver sur le tableau des membres.", 1, Visibility.Network));

        Assert.False(posted.Succeeded);
        Assert.Equal(0, await Network.CountRequestsAsync());
    }
}
