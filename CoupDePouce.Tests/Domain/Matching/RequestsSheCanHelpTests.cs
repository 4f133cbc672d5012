using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Matching;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain.Matching;

/// <summary>« Je peux aider »: what she is shown is what she may see, in her themes, in the order that helps most.</summary>
public abstract class RequestsSheCanHelpTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : RequestsSheCanHelpTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RequestsSheCanHelpTests(DatabaseProvider.Postgres);

    private const int Legal = 1;
    private const int Funding = 2;
    private const int Communication = 3;

    private Guid _helper;
    private Guid _rennesAsker;
    private Guid _lyonAsker;
    private Guid _admin;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _helper = await Network.AddMemberAsync(Rennes, "Camille");
        _rennesAsker = await Network.AddMemberAsync(Rennes, "Inès");
        _lyonAsker = await Network.AddMemberAsync(Lyon, "Léa");
        _admin = await Network.AddMemberAsync(Rennes, "Admin", admin: true);
        Assert.True((await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(_helper, _helper, [Legal, Funding]))).Succeeded);
    }

    [Fact]
    public async Task ShowsUnansweredRequestsFirstThenHerCoordinationsThenTheNewest()
    {
        var answeredHere = await PostAsync(_rennesAsker, Legal, Visibility.Coordination, "Un avocat pour relire mes CGV ?");
        await Network.AnswerAsync(await Network.AddMemberAsync(Rennes, "Maëlle"), answeredHere);
        var olderHere = await PostAsync(_rennesAsker, Funding, Visibility.Network, "Quel prêt d'honneur demander ?");
        var elsewhere = await PostAsync(_lyonAsker, Legal, Visibility.Network, "Statut de SAS ou de SARL ?");
        var newerHere = await PostAsync(_rennesAsker, Legal, Visibility.Coordination, "Qui relit un bail commercial ?");
        var answeredElsewhere = await PostAsync(_lyonAsker, Funding, Visibility.Network, "Un dossier de BPI à relire ?");
        await Network.AnswerAsync(_rennesAsker, answeredElsewhere);

        var list = await ListAsync(_helper);

        Assert.Equal([newerHere, olderHere, elsewhere, answeredHere, answeredElsewhere], list.Items.Select(i => i.Id));
        Assert.Equal((5, 3, false), (list.Total, list.Unanswered, list.HasMore));
    }

    [Fact]
    public async Task LeavesOutOtherThemesHerOwnRequestsAndWhatNobodyMayAnswer()
    {
        var shown = await PostAsync(_rennesAsker, Legal, Visibility.Network, "Statut de SAS ou de SARL ?");
        await PostAsync(_rennesAsker, Communication, Visibility.Network, "Comment animer mon compte Instagram ?");
        await PostAsync(_helper, Legal, Visibility.Network, "Ma propre question sur un contrat de prestation");
        var resolved = await PostAsync(_rennesAsker, Legal, Visibility.Network, "Quelle assurance professionnelle choisir ?");
        var answer = await Network.AnswerAsync(_lyonAsker, resolved);
        Assert.True((await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_rennesAsker, resolved, answer))).Succeeded);
        var closed = await PostAsync(_rennesAsker, Legal, Visibility.Network, "Une question posée deux fois par erreur");
        Assert.True((await Network.Get<CloseHelpRequestHandler>().HandleAsync(new CloseHelpRequest(_admin, closed))).Succeeded);
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        var locked = await PostAsync(_rennesAsker, Legal, Visibility.Network, "Un fil que la coordinatrice a verrouillé");
        Assert.True((await moderate.HandleAsync(new LockHelpRequest(_admin, locked))).Succeeded);
        var hidden = await PostAsync(_rennesAsker, Legal, Visibility.Network, "Une demande masquée par la modération");
        Assert.True((await moderate.HandleAsync(new HideHelpRequest(_admin, hidden, "Vérification en cours"))).Succeeded);

        var list = await ListAsync(_helper);

        Assert.Equal([shown], list.Items.Select(i => i.Id));
        Assert.Equal(1, await Network.Get<ListRequestsSheCanHelpHandler>().CountUnansweredAsync(_helper));
    }

    [Fact]
    public async Task LeavesOutRequestsPostedMoreThanThirtyDaysAgo()
    {
        var old = await PostAsync(_lyonAsker, Legal, Visibility.Network, "Une question posée il y a longtemps");
        Network.Clock.Advance(TimeSpan.FromDays(ListRequestsSheCanHelp.RecentDays) - TimeSpan.FromMinutes(26));
        var recent = await PostAsync(_lyonAsker, Legal, Visibility.Network, "Une question de ce mois-ci");
        Assert.Equal([recent, old], (await ListAsync(_helper)).Items.Select(i => i.Id));

        Network.Clock.Advance(TimeSpan.FromMinutes(14));

        Assert.Equal([recent], (await ListAsync(_helper)).Items.Select(i => i.Id));
        Assert.Equal(1, await Network.Get<ListRequestsSheCanHelpHandler>().CountUnansweredAsync(_helper));
    }

    [Fact]
    public async Task NeverShowsAnotherCoordinationsConfidentialRequest()
    {
        var lyonOnly = await PostAsync(_lyonAsker, Legal, Visibility.Coordination, "Une question pour Lyon seulement");
        var network = await PostAsync(_lyonAsker, Legal, Visibility.Network, "Une question pour tout le réseau");
        var lyonHelper = await Network.AddMemberAsync(Lyon, "Zoé");
        Assert.True((await Network.Get<UpdateSkillsHandler>().HandleAsync(new UpdateSkills(lyonHelper, lyonHelper, [Legal]))).Succeeded);

        Assert.Equal([network], (await ListAsync(_helper)).Items.Select(i => i.Id));
        Assert.Equal([network, lyonOnly], (await ListAsync(lyonHelper)).Items.Select(i => i.Id));
        Assert.Equal(1, await Network.Get<ListRequestsSheCanHelpHandler>().CountUnansweredAsync(_helper));
    }

    [Fact]
    public async Task SaysSheHasNoSkillsYetRatherThanShowingNothing()
    {
        await PostAsync(_lyonAsker, Legal, Visibility.Network, "Statut de SAS ou de SARL ?");

        var list = await ListAsync(_rennesAsker);

        Assert.False(list.HasSkills);
        Assert.Empty(list.Items);
        Assert.Equal(0, await Network.Get<ListRequestsSheCanHelpHandler>().CountUnansweredAsync(_rennesAsker));
    }

    [Fact]
    public async Task ShowsNothingToSomeoneWhoIsNotSignedIn()
    {
        await PostAsync(_lyonAsker, Legal, Visibility.Network, "Statut de SAS ou de SARL ?");

        var list = await ListAsync(Guid.NewGuid());

        Assert.Empty(list.Items);
        Assert.Equal(0, await Network.Get<ListRequestsSheCanHelpHandler>().CountUnansweredAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task PagesTwentyAtATimeAndAnAddressPastTheEndShowsNothing()
    {
        var posted = new List<long>();
        for (var i = 0; i < ListRequestsSheCanHelp.PageSize + 3; i++)
        {
            posted.Add(await PostAsync(_lyonAsker, Legal, Visibility.Network, $"Une question de droit numéro {i + 1}"));
        }

        var first = await ListAsync(_helper);
        var second = await ListAsync(_helper, page: 2);
        var past = await ListAsync(_helper, page: 9);

        Assert.True(first.HasMore);
        Assert.False(second.HasMore);
        Assert.Equal(Enumerable.Reverse(posted), first.Items.Concat(second.Items).Select(i => i.Id));
        Assert.Empty(past.Items);
        Assert.Equal(ListRequestsSheCanHelp.PageSize + 3, past.Total);
    }

    private Task<RequestsSheCanHelp> ListAsync(Guid viewer, int page = 1) =>
        Network.Get<ListRequestsSheCanHelpHandler>().HandleAsync(new ListRequestsSheCanHelp(viewer, page));

    private async Task<long> PostAsync(Guid author, int theme, Visibility visibility, string title)
    {
        Network.Clock.Advance(TimeSpan.FromMinutes(13));
        var result = await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
            author, title, "Je démarre mon activité et j'aimerais un avis éclairé.", theme, visibility));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Value;
    }
}
