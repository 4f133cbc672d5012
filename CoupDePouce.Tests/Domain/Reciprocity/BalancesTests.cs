using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Reciprocity;
using CoupDePouce.Tests.Support;

namespace CoupDePouce.Tests.Domain.Reciprocity;

/// <summary>A coordinatrice reads what each member of her coordination gave and received; nobody else reads it.</summary>
public abstract class BalancesTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : BalancesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BalancesTests(DatabaseProvider.Postgres);

    private Guid _coordinatrice;
    private Guid _camille;
    private Guid _sophie;
    private Guid _lea;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _coordinatrice = await Network.AddMemberAsync(Rennes, "Claire", coordinates: Rennes);
        _camille = await Network.AddMemberAsync(Rennes, "Camille");
        _sophie = await Network.AddMemberAsync(Rennes, "Sophie");
        _lea = await Network.AddMemberAsync(Lyon, "Léa");
    }

    [Fact]
    public async Task CountsTheAnswersEachMemberGaveAndReceivedButNotHerOwnRepliesNorWhatWasWithdrawnOrHidden()
    {
        var camillesNeed = await Network.PostAsync(_camille, Visibility.Network);
        await Network.AnswerAsync(_sophie, camillesNeed);
        await Network.AnswerAsync(_lea, camillesNeed, "Je connais une avocate à Lyon, je vous mets en contact.");
        await Network.AnswerAsync(_camille, camillesNeed, "Merci à vous deux, je regarde cela.");
        var hidden = await Network.AnswerAsync(_sophie, camillesNeed, "Une seconde piste : la chambre des métiers.");
        Assert.True((await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideAnswer(_coordinatrice, camillesNeed, hidden, "Vérification en cours"))).Succeeded);
        var leasNeed = await Network.PostAsync(_lea, Visibility.Network, "Qui connaît un bon expert-comptable ?");
        await Network.AnswerAsync(_sophie, leasNeed);

        var balances = await ReadAsync(_coordinatrice);

        Assert.Equal(
            [("Camille", 0, 2), ("Claire", 0, 0), ("Sophie", 2, 0)],
            balances.Value!.Select(b => (b.DisplayName, b.Given, b.Received)));
        Assert.All(balances.Value!, b => Assert.Equal("Rennes", b.CoordinationName));
    }

    [Fact]
    public async Task IsRefusedToAMemberToAnotherCoordinationsCoordinatriceReadingNothingOfHersAndToAnAdminWhoCoordinatesNone()
    {
        var lyonCoordinatrice = await Network.AddMemberAsync(Lyon, "Zoé", coordinates: Lyon);
        var admin = await Network.AddMemberAsync(Lyon, "Admin", admin: true);
        using var _ = CultureScope.French();

        var refused = await ReadAsync(_camille);
        var admins = await ReadAsync(admin);
        var lyon = await ReadAsync(lyonCoordinatrice);

        Assert.Equal(FailureKind.Forbidden, refused.Failure);
        Assert.Equal("Les équilibres entre donné et reçu ne sont lisibles que par les coordinatrices, pour les membres de leur coordination.", Assert.Single(refused.Problems).Message);
        Assert.Equal(FailureKind.Forbidden, admins.Failure);
        Assert.Equal(["Admin", "Léa", "Zoé"], lyon.Value!.Select(b => b.DisplayName));
    }

    private Task<Result<IReadOnlyList<MemberBalance>>> ReadAsync(Guid viewer) =>
        Network.Get<ReadBalancesHandler>().HandleAsync(new ReadBalances(viewer));
}
