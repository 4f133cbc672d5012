using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Tests.Domain.HelpRequests;

public abstract class ViewHelpRequestTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : ViewHelpRequestTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ViewHelpRequestTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task ShowsTheRequestToAMemberOfItsCoordination()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var camille = await Network.AddMemberAsync(rennes, "Camille");
        var request = await Network.PostAsync(camille, Visibility.Coordination, "Relire mes conditions générales de vente");

        var view = await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, await Network.AddMemberAsync(rennes)));

        Assert.NotNull(view);
        Assert.Equal("Relire mes conditions générales de vente", view.Title);
        Assert.Equal("Camille", view.AuthorName);
        Assert.Equal("Rennes", view.CoordinationName);
    }

    [Fact]
    public async Task HidesACoordinationOnlyRequestFromAnotherCoordinationAsIfItDidNotExist()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var lyon = await Network.AddCoordinationAsync("Lyon");
        var request = await Network.PostAsync(await Network.AddMemberAsync(rennes), Visibility.Coordination);
        var sophie = await Network.AddMemberAsync(lyon);

        var handler = Network.Get<ViewHelpRequestHandler>();
        Assert.Null(await handler.HandleAsync(new ViewHelpRequest(request, sophie)));
        Assert.Null(await handler.HandleAsync(new ViewHelpRequest(request, null)));
        Assert.Null(await handler.HandleAsync(new ViewHelpRequest(request + 1000, sophie)));
    }
}
