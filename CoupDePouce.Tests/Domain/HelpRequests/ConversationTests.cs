using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.HelpRequests;

/// <summary>The conversation's rules, through the use cases the pages call, on real SQLite.</summary>
public abstract class ConversationTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : ConversationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ConversationTests(DatabaseProvider.Postgres);

    private Guid _asker;
    private Guid _helper;
    private Guid _lyonMember;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asker = await Network.AddMemberAsync(Rennes, "Camille");
        _helper = await Network.AddMemberAsync(Rennes, "Sophie");
        _lyonMember = await Network.AddMemberAsync(Lyon, "Julie");
    }

    private T Use<T>()
        where T : notnull => Network.Get<T>();

    [Fact]
    public async Task TheFirstAnswerBySomeoneElseMakesTheRequestAnsweredAndRecordsWhen()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        Network.Clock.Advance(TimeSpan.FromHours(5));

        await Network.AnswerAsync(_helper, request);

        var stored = await Network.RequestAsync(request);
        Assert.Equal(HelpRequestStatus.Answered, stored.Status);
        Assert.Equal(1, stored.AnswerCount);
        Assert.Equal(Network.Clock.GetUtcNow().UtcDateTime, stored.FirstAnsweredAt);
    }

    [Fact]
    public async Task TheAskersOwnRepliesStayInTheThreadButDoNotAnswer()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);

        await Network.AnswerAsync(_asker, request, "Précision : c'est pour une SARL.");

        var stored = await Network.RequestAsync(request);
        Assert.Equal(HelpRequestStatus.Open, stored.Status);
        Assert.Equal(0, stored.AnswerCount);
        Assert.Null(stored.FirstAnsweredAt);
        Assert.Single(stored.Answers);
    }

    [Fact]
    public async Task AMemberWhoMayNotSeeTheRequestCannotAnswerIt()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);

        var result = await Use<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_lyonMember, request, "Je tente ma chance."));

        Assert.Equal(FailureKind.NotFound, result.Failure);
        Assert.Equal(["Cette demande n'est pas disponible."], result.Problems.Select(p => p.Message));
        Assert.Empty((await Network.RequestAsync(request)).Answers);
    }

    [Fact]
    public async Task AnyMemberCanAnswerANetworkRequest()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        await Network.AnswerAsync(_lyonMember, request);
        Assert.Equal(HelpRequestStatus.Answered, (await Network.RequestAsync(request)).Status);
    }

    [Theory]
    [InlineData("", "Écrivez votre réponse.")]
    [InlineData("a", "La réponse doit faire au moins 2 caractères.")]
    public async Task RefusesAnEmptyOrTooShortAnswerAndStoresNothing(string body, string message)
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var result = await Use<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_helper, request, body));

        Assert.Equal([message], result.MessagesFor(nameof(AnswerHelpRequest.Body)));
        Assert.Empty((await Network.RequestAsync(request)).Answers);
    }

    [Fact]
    public async Task RefusesAnAnswerOverFiveThousandCharacters()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var result = await Use<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_helper, request, new string('x', 5001)));
        Assert.Equal(["La réponse ne peut pas dépasser 5000 caractères."], result.MessagesFor(nameof(AnswerHelpRequest.Body)));
    }

    [Fact]
    public async Task OnlyTheAskerCanMarkAnAnswerHelpful()
    {
        var request = await Network.PostAsync(_asker, Visibility.Coordination);
        var answer = await Network.AnswerAsync(_helper, request);
        var other = await Network.AddMemberAsync(Rennes);

        var result = await Use<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(other, request, answer));

        Assert.Equal(FailureKind.Forbidden, result.Failure);
        Assert.Equal(["Seule l'autrice de la demande peut dire quelle réponse l'a aidée."], result.Problems.Select(p => p.Message));
        var stored = await Network.RequestAsync(request);
        Assert.Equal(HelpRequestStatus.Answered, stored.Status);
        Assert.False(stored.Answers.Single().IsHelpful);
    }

    [Fact]
    public async Task SheCanCreditSeveralHelpersAndTheRequestIsResolved()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var first = await Network.AnswerAsync(_helper, request);
        var second = await Network.AnswerAsync(_lyonMember, request);

        await Use<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, first));
        var result = await Use<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, second));

        Assert.True(result.Succeeded);
        var stored = await Network.RequestAsync(request);
        Assert.Equal(HelpRequestStatus.Resolved, stored.Status);
        Assert.All(stored.Answers, a => Assert.True(a.IsHelpful));
    }

    [Fact]
    public async Task RefusesToMarkAnAnswerOfAnotherRequest()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var elsewhere = await Network.PostAsync(_helper, Visibility.Network, "Une autre demande, d'une autre membre");
        var answerElsewhere = await Network.AnswerAsync(_lyonMember, elsewhere);

        var result = await Use<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answerElsewhere));

        Assert.Equal(FailureKind.NotFound, result.Failure);
        Assert.Equal(["Cette réponse n'appartient pas à cette demande."], result.Problems.Select(p => p.Message));
        Assert.Equal(HelpRequestStatus.Answered, (await Network.RequestAsync(elsewhere)).Status);
    }

    [Fact]
    public async Task ReopeningPutsAResolvedRequestBackToAnswered()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        await Use<ResolveHelpRequestHandler>().HandleAsync(new MarkAnswerHelpful(_asker, request, answer));

        var result = await Use<ResolveHelpRequestHandler>().HandleAsync(new ReopenHelpRequest(_asker, request));

        Assert.True(result.Succeeded);
        var stored = await Network.RequestAsync(request);
        Assert.Equal(HelpRequestStatus.Answered, stored.Status);
        Assert.Null(stored.ResolvedAt);
    }

    [Fact]
    public async Task OnlyTheAskerReopensAndOnlyAResolvedRequest()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        var handler = Use<ResolveHelpRequestHandler>();

        Assert.Equal(["Cette demande n'est pas résolue."], (await handler.HandleAsync(new ReopenHelpRequest(_asker, request))).Problems.Select(p => p.Message));
        await handler.HandleAsync(new MarkAnswerHelpful(_asker, request, answer));
        Assert.Equal(FailureKind.Forbidden, (await handler.HandleAsync(new ReopenHelpRequest(_helper, request))).Failure);
        Assert.Equal(HelpRequestStatus.Resolved, (await Network.RequestAsync(request)).Status);
    }

    [Fact]
    public async Task SayingThanksTwiceTakesItBack()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);
        var thank = Use<ThankAnswerHandler>();

        Assert.True((await thank.HandleAsync(new ThankAnswer(_lyonMember, request, answer))).Value);
        Assert.Equal(1, (await Network.RequestAsync(request)).Answers.Single().ThanksCount);

        Assert.False((await thank.HandleAsync(new ThankAnswer(_lyonMember, request, answer))).Value);
        var stored = (await Network.RequestAsync(request)).Answers.Single();
        Assert.Equal(0, stored.ThanksCount);
        Assert.Empty(stored.Thanks);
    }

    [Fact]
    public async Task SheCannotThankHerOwnAnswer()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);

        var result = await Use<ThankAnswerHandler>().HandleAsync(new ThankAnswer(_helper, request, answer));

        Assert.Equal(["Vous ne pouvez pas vous remercier vous-même."], result.Problems.Select(p => p.Message));
        Assert.Equal(0, (await Network.RequestAsync(request)).Answers.Single().ThanksCount);
    }

    [Fact]
    public async Task EditingKeepsThePreviousVersionAndMarksTheRequestEdited()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network, "Titre de départ de la demande");
        Network.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await Use<EditHelpRequestHandler>().HandleAsync(
            new EditHelpRequest(_asker, request, "Titre corrigé de la demande", "Des détails plus précis qu'avant, promis."));

        Assert.True(result.Succeeded);
        var view = await Use<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, _helper));
        Assert.Equal("Titre corrigé de la demande", view!.Title);
        Assert.Equal(Network.Clock.GetUtcNow().UtcDateTime, view.EditedAt);
        Assert.Equal("Titre de départ de la demande", Assert.Single(view.PreviousVersions).Title);
    }

    [Fact]
    public async Task NobodyEditsSomeoneElsesRequestOrAnswer()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network, "Titre de départ de la demande");
        var answer = await Network.AnswerAsync(_helper, request, "Ma réponse d'origine.");

        var editRequest = await Use<EditHelpRequestHandler>().HandleAsync(
            new EditHelpRequest(_helper, request, "Titre piraté par une autre", "Des détails réécrits par quelqu'un d'autre."));
        var editAnswer = await Use<EditAnswerHandler>().HandleAsync(new EditAnswer(_asker, request, answer, "Réponse réécrite."));
        var withdraw = await Use<WithdrawContentHandler>().HandleAsync(new WithdrawContent(_asker, request, answer));

        Assert.Equal(FailureKind.Forbidden, editRequest.Failure);
        Assert.Equal(["Seule l'autrice de la demande peut la modifier ou la retirer."], editRequest.Problems.Select(p => p.Message));
        Assert.Equal(FailureKind.Forbidden, editAnswer.Failure);
        Assert.Equal(FailureKind.Forbidden, withdraw.Failure);
        var stored = await Network.RequestAsync(request);
        Assert.Equal("Titre de départ de la demande", stored.Title);
        Assert.Equal("Ma réponse d'origine.", stored.Answers.Single().Body);
        Assert.False(stored.Answers.Single().IsWithdrawn);
    }

    [Fact]
    public async Task EditingAnAnswerKeepsItsPreviousVersion()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request, "Première version.");

        await Use<EditAnswerHandler>().HandleAsync(new EditAnswer(_helper, request, answer, "Version corrigée."));

        var message = (await Use<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, _asker)))!.Thread.Single();
        Assert.Equal("Version corrigée.", message.Body);
        Assert.NotNull(message.EditedAt);
        Assert.Equal("Première version.", Assert.Single(message.PreviousVersions).Body);
    }

    [Fact]
    public async Task AWithdrawnRequestDisappearsForEveryone()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);

        var result = await Use<WithdrawContentHandler>().HandleAsync(new WithdrawContent(_asker, request));

        Assert.True(result.Succeeded);
        Assert.Null(await Use<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, _helper)));
        Assert.Null(await Use<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, _asker)));
        Assert.Empty((await Use<BrowseBoardHandler>().HandleAsync(new BrowseBoard(_helper))).Items);
        Assert.True(await Network.QueryAsync(db => db.HelpRequests.AnyAsync(r => r.Id == request)));
    }

    [Fact]
    public async Task WithdrawingTheOnlyAnswerPutsTheRequestBackToOpen()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var answer = await Network.AnswerAsync(_helper, request);

        await Use<WithdrawContentHandler>().HandleAsync(new WithdrawContent(_helper, request, answer));

        var stored = await Network.RequestAsync(request);
        Assert.Equal(HelpRequestStatus.Open, stored.Status);
        Assert.Equal(0, stored.AnswerCount);
        var message = (await Use<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, _asker)))!.Thread.Single();
        Assert.True(message.IsWithdrawn);
        Assert.Equal(string.Empty, message.Body);
    }

    [Fact]
    public async Task TwoMembersAnsweringAtTheSameMomentAreBothCounted()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var helpers = new[] { _helper, _lyonMember, await Network.AddMemberAsync(Lyon), await Network.AddMemberAsync(Rennes) };

        await Task.WhenAll(helpers.Select(h => Network.AnswerAsync(h, request, "Une réponse simultanée.")));

        var stored = await Network.RequestAsync(request);
        Assert.Equal(4, stored.Answers.Count);
        Assert.Equal(4, stored.AnswerCount);
    }

    [Fact]
    public async Task ACoordinatriceClosesARequestOfHerCoordinationButNotOfAnother()
    {
        var request = await Network.PostAsync(_asker, Visibility.Network);
        var coordinatriceOfLyon = await Network.AddMemberAsync(Lyon, coordinates: Lyon);
        var coordinatriceOfRennes = await Network.AddMemberAsync(Rennes, coordinates: Rennes);
        var close = Use<CloseHelpRequestHandler>();

        var refused = await close.HandleAsync(new CloseHelpRequest(coordinatriceOfLyon, request));
        Assert.Equal(FailureKind.Forbidden, refused.Failure);
        Assert.Equal(HelpRequestStatus.Open, (await Network.RequestAsync(request)).Status);

        Assert.True((await close.HandleAsync(new CloseHelpRequest(coordinatriceOfRennes, request))).Succeeded);
        Assert.Equal(HelpRequestStatus.Closed, (await Network.RequestAsync(request)).Status);
        var late = await Use<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(_helper, request, "Trop tard ?"));
        Assert.Equal(["Cette demande est fermée : elle n'accepte plus de réponses."], late.Problems.Select(p => p.Message));
    }
}
