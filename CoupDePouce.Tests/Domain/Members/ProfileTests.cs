using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Reciprocity;

namespace CoupDePouce.Tests.Domain.Members;

public abstract class ProfileTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : ProfileTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ProfileTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task ShowsHerHistoryOnlyAsFarAsTheViewerMaySee()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var lyon = await Network.AddCoordinationAsync("Lyon");
        var camille = await Network.AddMemberAsync(rennes, "Camille");
        var julie = await Network.AddMemberAsync(lyon, "Julie");
        var open = await Network.PostAsync(camille, Visibility.Network, "Une demande ouverte à tout le réseau");
        await Network.PostAsync(camille, Visibility.Coordination, "Une demande réservée à Rennes");

        var seenByJulie = await Network.Get<ViewMemberProfileHandler>().HandleAsync(new ViewMemberProfile(julie, camille));
        var seenByRennes = await Network.Get<ViewMemberProfileHandler>().HandleAsync(new ViewMemberProfile(await Network.AddMemberAsync(rennes), camille));

        Assert.Equal([open], seenByJulie!.Requests.Select(r => r.Id));
        Assert.Equal(2, seenByRennes!.Requests.Count);
        Assert.Equal("Camille", seenByJulie.DisplayName);
        Assert.Equal("Rennes", seenByJulie.CoordinationName);
    }

    [Fact]
    public async Task ListsHerAnswersAndHowManyHelped()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var asker = await Network.AddMemberAsync(rennes);
        var sophie = await Network.AddMemberAsync(rennes, "Sophie");
        var request = await Network.PostAsync(asker, Visibility.Network, "Une demande pour Sophie");
        var answer = await Network.AnswerAsync(sophie, request);
        await Network.Get<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(asker, request, answer));

        var profile = await Network.Get<ViewMemberProfileHandler>().HandleAsync(new ViewMemberProfile(asker, sophie));

        var listed = Assert.Single(profile!.Answers);
        Assert.Equal("Une demande pour Sophie", listed.RequestTitle);
        Assert.True(listed.IsHelpful);
        Assert.Equal(1, profile.HelpfulAnswers);
    }

    [Fact]
    public async Task ShowsHerGiveAndReceiveBalanceOnlyToHerAndHerCoordinatrice()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var lyon = await Network.AddCoordinationAsync("Lyon");
        var camille = await Network.AddMemberAsync(rennes);
        var sophie = await Network.AddMemberAsync(rennes);
        var coordinatrice = await Network.AddMemberAsync(rennes, coordinates: rennes);
        var lyonCoordinatrice = await Network.AddMemberAsync(lyon, coordinates: lyon);
        var admin = await Network.AddMemberAsync(lyon, admin: true);
        var request = await Network.PostAsync(camille, Visibility.Network);
        await Network.AnswerAsync(sophie, request);
        var profiles = Network.Get<ViewMemberProfileHandler>();

        Assert.Equal(new GiveAndReceive(0, 1), (await profiles.HandleAsync(new ViewMemberProfile(camille, camille)))!.Balance);
        Assert.Equal(new GiveAndReceive(0, 1), (await profiles.HandleAsync(new ViewMemberProfile(coordinatrice, camille)))!.Balance);
        Assert.True((await profiles.HandleAsync(new ViewMemberProfile(camille, camille)))!.Balance!.ReceivedMore);
        Assert.Null((await profiles.HandleAsync(new ViewMemberProfile(sophie, camille)))!.Balance);
        Assert.Null((await profiles.HandleAsync(new ViewMemberProfile(lyonCoordinatrice, camille)))!.Balance);
        Assert.Null((await profiles.HandleAsync(new ViewMemberProfile(admin, camille)))!.Balance);
    }

    [Fact]
    public async Task IsForSignedInMembersOnly()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var camille = await Network.AddMemberAsync(rennes);
        Assert.Null(await Network.Get<ViewMemberProfileHandler>().HandleAsync(new ViewMemberProfile(null, camille)));
    }

    [Fact]
    public async Task SheChoosesHerSkillsAmongTheThemes()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var camille = await Network.AddMemberAsync(rennes);
        var update = Network.Get<UpdateSkillsHandler>();

        Assert.True((await update.HandleAsync(new UpdateSkills(camille, camille, [4, 1]))).Succeeded);
        var refused = await update.HandleAsync(new UpdateSkills(camille, camille, [4, 999]));

        Assert.Equal(FailureKind.Invalid, refused.Failure);
        var profile = await Network.Get<ViewMemberProfileHandler>().HandleAsync(new ViewMemberProfile(camille, camille));
        Assert.Equal(["juridique", "comptabilite"], profile!.SkillSlugs);
    }
}
