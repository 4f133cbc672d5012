using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Matching;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Matching;

/// <summary>Matching on posting: a few skilled members are invited, the right ones first, never more than they chose,
/// never during their quiet hours; the asker learns how many, not who.</summary>
public abstract class InvitationsOnPostingTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : InvitationsOnPostingTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : InvitationsOnPostingTests(DatabaseProvider.Postgres);

    private const int Legal = 1;
    private const int Communication = 3;

    private Guid _asker;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Rennes, "Inès");
    }

    [Fact]
    public async Task InvitesThreeSkilledMembersHerOwnCoordinationFirstThenTheNetwork()
    {
        var rennes = await SkilledAsync(Rennes, 2);
        var lyon = await SkilledAsync(Lyon, 3);
        await SkilledAsync(Rennes, 1, Communication);

        var request = await PostAsync(_asker, Visibility.Network);

        var invited = await InvitedAsync(request);
        Assert.Equal(3, invited.Count);
        Assert.Subset(invited.ToHashSet(), rennes.ToHashSet());
        Assert.Single(invited, lyon.Contains);
        Assert.All(invited, member => Assert.Equal(1, Notifications(member, NotificationKind.InvitedToHelp).Result));
    }

    [Fact]
    public async Task KeepsACoordinationOnlyRequestsInvitationsInItsCoordination()
    {
        var rennes = await SkilledAsync(Rennes, 1);
        await SkilledAsync(Lyon, 3);

        var request = await PostAsync(_asker, Visibility.Coordination);

        Assert.Equal(rennes, await InvitedAsync(request));
    }

    [Fact]
    public async Task NeverInvitesTheAskerAPendingOrSuspendedMemberOrOneWhoTurnedInvitationsOff()
    {
        await SkillsAsync(_asker, Legal);
        var pending = await Network.AddMemberAsync(Rennes, "En attente", pending: true);
        await SkillsAsync(pending, Legal);
        var (suspended, quiet, willing) = (await SkilledAsync(Rennes, 1), await SkilledAsync(Rennes, 1), await SkilledAsync(Rennes, 1));
        var coordinatrice = await Network.AddMemberAsync(Rennes, "Coordinatrice", coordinates: Rennes);
        Assert.True((await Network.Get<SuspendMemberHandler>().HandleAsync(new SuspendMember(coordinatrice, suspended[0], 7, "Propos blessants"))).Succeeded);
        await Network.Get<NotificationInboxHandler>().ChangeSettingAsync(quiet[0], NotificationKind.InvitedToHelp, enabled: false);

        var request = await PostAsync(_asker, Visibility.Network);

        Assert.Equal(willing, await InvitedAsync(request));
    }

    [Fact]
    public async Task RanksMembersWhoAnsweredTheThemeLatelyFirstAndThoseCarryingOpenInvitationsLast()
    {
        var (helper, busy, other, last) = (await Network.AddMemberAsync(Rennes, "A"), await Network.AddMemberAsync(Rennes, "B"),
            await Network.AddMemberAsync(Rennes, "C"), await Network.AddMemberAsync(Rennes, "D"));
        var earlier = await PostAsync(await Network.AddMemberAsync(Lyon, "Léa"), Visibility.Network);
        await Network.AnswerAsync(helper, earlier);
        foreach (var member in new[] { helper, busy, other, last })
        {
            await SkillsAsync(member, Legal);
        }

        // Three requests nobody answers: they invite three of the four, who now carry an open invitation each.
        var first = await PostAsync(_asker, Visibility.Coordination, "Une première question de droit");
        Assert.Contains(helper, await InvitedAsync(first));
        var carrying = (await InvitedAsync(first)).ToHashSet();
        var free = new[] { busy, other, last }.Single(m => !carrying.Contains(m));

        var second = await PostAsync(_asker, Visibility.Coordination, "Une deuxième question de droit");

        var invited = await InvitedAsync(second);
        // She answered the theme lately: first again. The one with no open invitation comes before the busy ones.
        Assert.Contains(helper, invited);
        Assert.Contains(free, invited);
    }

    [Fact]
    public async Task StopsAtTheNumberOfInvitationsAWeekSheChose()
    {
        var member = (await SkilledAsync(Rennes, 1))[0];
        Assert.True((await Choose(member, perWeek: 1)).Succeeded);

        var first = await PostAsync(_asker, Visibility.Network, "Une première question de droit");
        var second = await PostAsync(_asker, Visibility.Network, "Une deuxième question de droit");
        Network.Clock.Advance(TimeSpan.FromDays(7));
        var nextWeek = await PostAsync(_asker, Visibility.Network, "Une question de la semaine suivante");

        Assert.Equal([member], await InvitedAsync(first));
        Assert.Empty(await InvitedAsync(second));
        Assert.Equal([member], await InvitedAsync(nextWeek));
    }

    [Fact]
    public async Task ChoosingNoneAWeekMeansNoInvitations()
    {
        var member = (await SkilledAsync(Rennes, 1))[0];
        Assert.True((await Choose(member, perWeek: 0)).Succeeded);

        Assert.Empty(await InvitedAsync(await PostAsync(_asker, Visibility.Network)));
    }

    [Fact]
    public async Task HoldsAnInvitationDuringHerQuietHoursAndTellsHerWhenTheyEnd()
    {
        var member = (await SkilledAsync(Rennes, 1))[0];
        Assert.True((await Choose(member, 3, new TimeOnly(22, 0), new TimeOnly(7, 0))).Succeeded);
        // 2026-11-02 09:00 UTC is 10:00 in Paris: on to 23:30 Paris (22:30 UTC), in her quiet hours.
        Network.Clock.Advance(TimeSpan.FromHours(13.5));

        var request = await PostAsync(_asker, Visibility.Network);

        Assert.Equal([member], await InvitedAsync(request));
        Assert.Equal(0, await Notifications(member, NotificationKind.InvitedToHelp));
        var deliver = Network.Get<DeliverHeldInvitationsHandler>();
        Network.Clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(0, await deliver.HandleAsync());
        Network.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await deliver.HandleAsync());
        Assert.Equal(1, await Notifications(member, NotificationKind.InvitedToHelp));
        Assert.Equal(0, await deliver.HandleAsync());
        Assert.Equal(1, await Notifications(member, NotificationKind.InvitedToHelp));
    }

    [Fact]
    public async Task DropsAHeldInvitationWhenTheRequestWasResolvedMeanwhile()
    {
        var member = (await SkilledAsync(Rennes, 1))[0];
        Assert.True((await Choose(member, 3, new TimeOnly(22, 0), new TimeOnly(7, 0))).Succeeded);
        Network.Clock.Advance(TimeSpan.FromHours(13.5));
        var request = await PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(await Network.AddMemberAsync(Lyon, "Léa"), request);
        Assert.True((await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answer))).Succeeded);

        Network.Clock.Advance(TimeSpan.FromHours(9));

        Assert.Equal(0, await Network.Get<DeliverHeldInvitationsHandler>().HandleAsync());
        Assert.Equal(0, await Notifications(member, NotificationKind.InvitedToHelp));
        Assert.True(await Network.QueryAsync(db => db.HelpInvitations.AnyAsync(i => i.MemberId == member && i.Dropped)));
    }

    [Fact]
    public async Task TheAskerReadsHowManyWereToldNeverWho()
    {
        await SkilledAsync(Rennes, 4);
        var request = await PostAsync(_asker, Visibility.Network);
        var view = Network.Get<ViewHelpRequestHandler>();

        Assert.Equal(3, (await view.HandleAsync(new ViewHelpRequest(request, _asker)))!.InvitedMembers);
        Assert.Null((await view.HandleAsync(new ViewHelpRequest(request, await Network.AddMemberAsync(Rennes, "Une autre"))))!.InvitedMembers);
    }

    [Fact]
    public async Task AMemberCannotChangeAnotherMembersPreferences()
    {
        var member = (await SkilledAsync(Rennes, 1))[0];

        var result = await Network.Get<ChooseInvitationPreferencesHandler>()
            .HandleAsync(new ChooseInvitationPreferences(_asker, member, 0, null, null));

        Assert.Equal(CoupDePouce.Domain.Common.FailureKind.Forbidden, result.Failure);
        Assert.Equal(InvitationPreferences.DefaultPerWeek, (await Network.Get<ChooseInvitationPreferencesHandler>().ReadAsync(member)).PerWeek);
    }

    [Fact]
    public async Task AMemberCannotChangeAnotherMembersSkills()
    {
        var member = (await SkilledAsync(Rennes, 1))[0];

        var result = await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(_asker, member, [Communication]));

        Assert.Equal(("Vous ne pouvez changer que vos propres compétences.", CoupDePouce.Domain.Common.FailureKind.Forbidden), (result.Problems.Single().Message, result.Failure));
        Assert.Equal([Legal], await Network.QueryAsync(db => db.MemberSkills.Where(s => s.MemberId == member).Select(s => s.ThemeId).ToListAsync()));
    }

    [Theory]
    [InlineData(-1, null, null, "PerWeek", "Choisissez entre 0 et 20 invitations par semaine.")]
    [InlineData(21, null, null, "PerWeek", "Choisissez entre 0 et 20 invitations par semaine.")]
    [InlineData(3, "22:00", null, "QuietUntil", "Indiquez le début et la fin de vos heures calmes, ou aucune des deux.")]
    [InlineData(3, "22:00", "22:00", "QuietUntil", "Le début et la fin de vos heures calmes doivent être différents.")]
    public async Task RefusesPreferencesThatMakeNoSenseAndKeepsWhatWasThere(int perWeek, string? from, string? until, string field, string message)
    {
        Assert.True((await Choose(_asker, 5, new TimeOnly(12, 0), new TimeOnly(14, 0))).Succeeded);

        var result = await Choose(_asker, perWeek, from is null ? null : TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            until is null ? null : TimeOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(result.Problems, p => p.Field == field && p.Message == message);
        Assert.Equal(new InvitationChoices(5, new TimeOnly(12, 0), new TimeOnly(14, 0)), await Network.Get<ChooseInvitationPreferencesHandler>().ReadAsync(_asker));
    }

    private Task<CoupDePouce.Domain.Common.Result<InvitationChoices>> Choose(Guid member, int perWeek, TimeOnly? from = null, TimeOnly? until = null) =>
        Network.Get<ChooseInvitationPreferencesHandler>().HandleAsync(new ChooseInvitationPreferences(member, member, perWeek, from, until));

    private async Task<List<Guid>> SkilledAsync(int coordination, int count, int theme = Legal)
    {
        var members = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var member = await Network.AddMemberAsync(coordination);
            await SkillsAsync(member, theme);
            members.Add(member);
        }

        return members;
    }

    private async Task SkillsAsync(Guid member, params int[] themes) =>
        Assert.True((await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(member, member, themes))).Succeeded);

    private async Task<long> PostAsync(Guid author, Visibility visibility, string title = "Besoin d'un conseil sur mon statut juridique")
    {
        Network.Clock.Advance(TimeSpan.FromMinutes(13));
        return await Network.PostAsync(author, visibility, title);
    }

    private Task<List<Guid>> InvitedAsync(long request) =>
        Network.QueryAsync(db => db.HelpInvitations.Where(i => i.HelpRequestId == request).Select(i => i.MemberId).ToListAsync());

    private Task<int> Notifications(Guid member, NotificationKind kind) =>
        Network.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == member && n.Kind == kind));
}
