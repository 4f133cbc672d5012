using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Relaunch;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Engagement;

/// <summary>« À relancer »: what waits more than 24 h, oldest first; proposing it tells at most five skilled members
/// of the coordination, never the same one twice, never one who turned it off, and only its coordinatrice may.</summary>
public abstract class RelaunchTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : RelaunchTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RelaunchTests(DatabaseProvider.Postgres);

    private int _rennes;
    private int _lyon;
    private Guid _claire;
    private Guid _asker;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rennes = await Network.AddCoordinationAsync("Rennes");
        _lyon = await Network.AddCoordinationAsync("Lyon");
        _claire = await Network.AddMemberAsync(_rennes, "Claire Coordinatrice", coordinates: _rennes);
        _asker = await Network.AddMemberAsync(_rennes, "Camille Martin");
    }

    [Fact]
    public async Task OnlyRequestsWaitingMoreThanADayAreListedOldestFirst()
    {
        var older = await Network.PostAsync(_asker, Visibility.Network, "Une première question qui attend");
        Network.Clock.Advance(TimeSpan.FromHours(2));
        var newer = await Network.PostAsync(_asker, Visibility.Network, "Une seconde question qui attend");
        Network.Clock.Advance(TimeSpan.FromHours(20));
        var recent = await Network.PostAsync(_asker, Visibility.Network, "Une question toute récente ici");
        Network.Clock.Advance(TimeSpan.FromHours(3));
        var answered = await Network.PostAsync(_asker, Visibility.Network, "Une question déjà répondue ici");
        await Network.AnswerAsync(_claire, answered);
        Network.Clock.Advance(TimeSpan.FromHours(25));

        var lines = await ListAsync(_claire);

        Assert.Equal([older, newer, recent], lines.Select(l => l.Id));
    }

    [Fact]
    public async Task ProposingTellsFiveSkilledMembersOnceEachAndNeverTheSameTwice()
    {
        var skilled = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            skilled.Add(await SkilledAsync(_rennes, $"Aidante {i}"));
        }

        var elsewhere = await SkilledAsync(_lyon, "Julie Durand");
        var otherTheme = await Network.AddMemberAsync(_rennes, "Sophie Bernard");
        await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(otherTheme, otherTheme, [2]));
        await Network.Get<NotificationInboxHandler>().ChangeSettingAsync(skilled[0], NotificationKind.ProposedToHelp, enabled: false);
        var request = await Network.PostAsync(_asker, Visibility.Network);
        Network.Clock.Advance(TimeSpan.FromHours(25));

        var first = await ProposeAsync(_claire, request);
        var second = await ProposeAsync(_claire, request);
        var third = await Network.Get<ProposeToSkilledMembersHandler>().HandleAsync(new ProposeToSkilledMembers(_claire, request));

        Assert.Equal((5, 1), (first, second));
        Assert.False(third.Succeeded);
        var told = await Network.QueryAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.ProposedToHelp).Select(n => n.RecipientId).ToListAsync());
        Assert.Equal(6, told.Count);
        Assert.Equal(skilled.Skip(1).Order(), told.Order());
        Assert.DoesNotContain(elsewhere, told);
        Assert.DoesNotContain(otherTheme, told);
        Assert.DoesNotContain(_asker, told);
        Assert.Equal(0, (await ListAsync(_claire)).Single().CanStillReach);
    }

    [Fact]
    public async Task AnotherCoordinationsCoordinatriceOrAMemberMayNotAndAnAnsweredRequestIsNotRelaunched()
    {
        await SkilledAsync(_rennes, "Aidante");
        var lyonCoordinatrice = await Network.AddMemberAsync(_lyon, "Coordinatrice Lyon", coordinates: _lyon);
        var request = await Network.PostAsync(_asker, Visibility.Network);
        Network.Clock.Advance(TimeSpan.FromHours(25));

        var refused = await Network.Get<ProposeToSkilledMembersHandler>().HandleAsync(new ProposeToSkilledMembers(lyonCoordinatrice, request));
        var list = await Network.Get<ListRequestsToRelaunchHandler>().HandleAsync(new ListRequestsToRelaunch(_asker, _rennes));
        await Network.AnswerAsync(lyonCoordinatrice, request);
        var late = await Network.Get<ProposeToSkilledMembersHandler>().HandleAsync(new ProposeToSkilledMembers(_claire, request));

        Assert.Equal(FailureKind.Forbidden, refused.Failure);
        Assert.Equal(FailureKind.Forbidden, list.Failure);
        Assert.False(late.Succeeded);
        Assert.Equal("Cette demande n'attend plus de première réponse : rien à relancer.", late.Problems.Single().Message);
        Assert.Equal(0, await Network.QueryAsync(db => db.HelpProposals.CountAsync()));
    }

    private async Task<Guid> SkilledAsync(int coordination, string name)
    {
        var member = await Network.AddMemberAsync(coordination, name);
        Assert.True((await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(member, member, [1]))).Succeeded);
        return member;
    }

    private async Task<int> ProposeAsync(Guid by, long request)
    {
        var result = await Network.Get<ProposeToSkilledMembersHandler>().HandleAsync(new ProposeToSkilledMembers(by, request));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Value;
    }

    private async Task<IReadOnlyList<RelaunchLine>> ListAsync(Guid viewer)
    {
        var result = await Network.Get<ListRequestsToRelaunchHandler>().HandleAsync(new ListRequestsToRelaunch(viewer, _rennes));
        Assert.True(result.Succeeded);
        return result.Value!;
    }
}
