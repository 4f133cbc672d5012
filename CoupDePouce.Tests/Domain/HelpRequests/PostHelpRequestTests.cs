using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.HelpRequests;

public abstract class PostHelpRequestTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : PostHelpRequestTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PostHelpRequestTests(DatabaseProvider.Postgres);

    private async Task<Result<long>> PostAsync(PostHelpRequest command) =>
        await Network.Get<PostHelpRequestHandler>().HandleAsync(command);

    private static PostHelpRequest Request(Guid author, int? coordinationId = null, int themeId = 2) => new(
        author, "  Préparer mon rendez-vous avec la banque  ", "Je rencontre ma banque mardi pour un premier prêt.\r\nDes conseils ?",
        themeId, Visibility.Coordination, coordinationId);

    [Fact]
    public async Task StoresTheRequestInHerHomeCoordinationAsOpen()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var camille = await Network.AddMemberAsync(rennes);

        var result = await PostAsync(Request(camille));

        Assert.True(result.Succeeded);
        var stored = await Network.QueryAsync(db => db.HelpRequests.SingleAsync(r => r.Id == result.Value));
        Assert.Equal(rennes, stored.CoordinationId);
        Assert.Equal(camille, stored.AuthorId);
        Assert.Equal(HelpRequestStatus.Open, stored.Status);
        Assert.Equal(Visibility.Coordination, stored.Visibility);
        Assert.Equal(2, stored.ThemeId);
        Assert.Equal(0, stored.AnswerCount);
        Assert.Null(stored.FirstAnsweredAt);
        Assert.Equal(Network.Clock.GetUtcNow().UtcDateTime, stored.CreatedAt);
    }

    [Fact]
    public async Task KeepsHerTextButTrimsItAndNormalisesLineEndings()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var result = await PostAsync(Request(await Network.AddMemberAsync(rennes)));

        var stored = await Network.QueryAsync(db => db.HelpRequests.SingleAsync(r => r.Id == result.Value));
        Assert.Equal("Préparer mon rendez-vous avec la banque", stored.Title);
        Assert.Equal("Je rencontre ma banque mardi pour un premier prêt.\nDes conseils ?", stored.Details);
    }

    [Fact]
    public async Task AcceptsHerOwnCoordinationWhenItIsNamed()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var result = await PostAsync(Request(await Network.AddMemberAsync(rennes), coordinationId: rennes));
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task RefusesAForgedCoordinationAndStoresNothing()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var lyon = await Network.AddCoordinationAsync("Lyon");
        var camille = await Network.AddMemberAsync(rennes);

        var result = await PostAsync(Request(camille, coordinationId: lyon));

        Assert.Equal(FailureKind.Invalid, result.Failure);
        Assert.Equal(["Vous ne pouvez publier que dans votre coordination."], result.MessagesFor(nameof(PostHelpRequest.CoordinationId)));
        Assert.Equal(0, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task RefusesAnUnknownCoordinationAndStoresNothing()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var result = await PostAsync(Request(await Network.AddMemberAsync(rennes), coordinationId: 999));

        Assert.Equal(["Cette coordination n'existe pas."], result.MessagesFor(nameof(PostHelpRequest.CoordinationId)));
        Assert.Equal(0, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task RefusesAnUnknownThemeAndStoresNothing()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var result = await PostAsync(Request(await Network.AddMemberAsync(rennes), themeId: 4242));

        Assert.Equal(["Cette thématique n'existe pas."], result.MessagesFor(nameof(PostHelpRequest.ThemeId)));
        Assert.Equal(0, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task RefusesInvalidInputAndStoresNothing()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var result = await PostAsync(Request(await Network.AddMemberAsync(rennes)) with { Title = "Court", Details = "" });

        Assert.Equal(FailureKind.Invalid, result.Failure);
        Assert.NotEmpty(result.MessagesFor(nameof(PostHelpRequest.Title)));
        Assert.NotEmpty(result.MessagesFor(nameof(PostHelpRequest.Details)));
        Assert.Equal(0, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task RefusesSomeoneWhoIsNotAMember()
    {
        await Network.AddCoordinationAsync("Rennes");
        var result = await PostAsync(Request(Guid.NewGuid()));

        Assert.Equal(FailureKind.Forbidden, result.Failure);
        Assert.Equal(0, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task AMemberAwaitingApprovalIsOfferedTheWholeNetworkOnlyAndTheOfferMatchesWhatPostingAccepts()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var pending = await Network.AddMemberAsync(rennes, pending: true);
        var approved = await Network.AddMemberAsync(rennes);
        var prepare = Network.Get<PrepareHelpRequestHandler>();

        var hers = (await prepare.HandleAsync(pending))!;
        var theirs = (await prepare.HandleAsync(approved))!;

        Assert.Equal((false, Visibility.Network), (hers.CoordinationOnlyAllowed, hers.DefaultVisibility));
        Assert.Equal((true, Visibility.Coordination), (theirs.CoordinationOnlyAllowed, theirs.DefaultVisibility));
        Assert.Equal(FailureKind.Invalid, (await PostAsync(Request(pending))).Failure);
        Assert.True((await PostAsync(Request(pending) with { Visibility = hers.DefaultVisibility })).Succeeded);
    }
}
