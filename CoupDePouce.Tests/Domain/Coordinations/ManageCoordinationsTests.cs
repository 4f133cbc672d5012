using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Coordinations;

/// <summary>Admins draw the network's map: they create, rename and archive coordinations and choose their
/// coordinatrices (several per coordination if they like). Nobody else can.</summary>
public abstract class ManageCoordinationsTests(DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite() : ManageCoordinationsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ManageCoordinationsTests(DatabaseProvider.Postgres);

    private Guid _admin;
    private Guid _claire;
    private Guid _agnes;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await Network.AddMemberAsync(Lyon, "Admin", admin: true);
        _claire = await Network.AddMemberAsync(Rennes, "Claire");
        _agnes = await Network.AddMemberAsync(Rennes, "Agnès");
    }

    private ManageCoordinationsHandler Manage => Network.Get<ManageCoordinationsHandler>();

    private Task<string> EmailOfAsync(Guid member) => Network.QueryAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.Email!).SingleAsync());

    private Task<Viewer> ViewerAsync(Guid member) => Network.QueryAsync(db => Viewer.LoadAsync(db, member));

    [Fact]
    public async Task AnAdminCreatesACoordinationThatNewMembersCanJoin()
    {
        var created = await Manage.HandleAsync(new CreateCoordination(_admin, "Nantes", "Pays de la Loire", "France"));

        Assert.True(created.Succeeded);
        var open = await Network.Get<ListCoordinations>().OpenToNewMembersAsync();
        Assert.Contains(open, c => c.Id == created.Value && c.Name == "Nantes" && c.Region == "Pays de la Loire");
    }

    [Fact]
    public async Task ANameAlreadyTakenOrTooShortIsRefusedNextToItsField()
    {
        var taken = await Manage.HandleAsync(new CreateCoordination(_admin, "rennes", "Bretagne", "France"));
        var empty = await Manage.HandleAsync(new CreateCoordination(_admin, "N", "", "France"));

        Assert.Equal((FailureKind.Invalid, nameof(CreateCoordination.Name)), (taken.Failure, taken.Problems.Single().Field));
        Assert.Equal([nameof(CreateCoordination.Name), nameof(CreateCoordination.Region)], empty.Problems.Select(p => p.Field));
        Assert.Equal(2, await Network.QueryAsync(db => db.Coordinations.CountAsync()));
    }

    [Fact]
    public async Task AnAdminRenamesACoordination()
    {
        Assert.True((await Manage.HandleAsync(new RenameCoordination(_admin, Rennes, "Rennes Métropole", "Bretagne", "France"))).Succeeded);

        var list = (await Manage.ListAsync(_admin)).Value!;
        Assert.Contains(list, c => c.Id == Rennes && c.Name == "Rennes Métropole" && c.Region == "Bretagne");
    }

    [Fact]
    public async Task AnArchivedCoordinationTakesNoNewMembersNorMovesButKeepsItsRequests()
    {
        var member = await Network.AddMemberAsync(Lyon);
        var request = await Network.PostAsync(_claire, Visibility.Coordination);

        Assert.True((await Manage.HandleAsync(new ArchiveCoordination(_admin, Rennes))).Succeeded);

        Assert.DoesNotContain(await Network.Get<ListCoordinations>().OpenToNewMembersAsync(), c => c.Id == Rennes);
        var move = await Network.Get<MoveCoordinationHandler>().HandleAsync(new AskToMoveCoordination(member, Rennes));
        Assert.Equal(FailureKind.Invalid, move.Failure);
        Assert.NotNull(await Network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, _agnes)));

        Assert.True((await Manage.HandleAsync(new ArchiveCoordination(_admin, Rennes, Archived: false))).Succeeded);
        Assert.Contains(await Network.Get<ListCoordinations>().OpenToNewMembersAsync(), c => c.Id == Rennes);
    }

    [Fact]
    public async Task ACoordinationCanHaveSeveralCoordinatricesWhoAllModerateIt()
    {
        await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, await EmailOfAsync(_claire)));
        await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, await EmailOfAsync(_agnes)));

        Assert.True((await ViewerAsync(_claire)).Moderates(Rennes));
        Assert.True((await ViewerAsync(_agnes)).Moderates(Rennes));
        var rennes = (await Manage.ListAsync(_admin)).Value!.Single(c => c.Id == Rennes);
        Assert.Equal(["Agnès", "Claire"], rennes.Coordinatrices.Select(c => c.DisplayName));
        Assert.True(await Network.QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == _claire && r.RoleId == MemberRoles.CoordinatorRoleId)));
        Assert.Equal(2, await Network.QueryAsync(db => db.ModerationLog.CountAsync(e => e.Action == ModerationAction.AssignCoordinatrice)));
    }

    [Fact]
    public async Task ARemovedCoordinatriceNoLongerModerates()
    {
        await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, await EmailOfAsync(_claire)));

        Assert.True((await Manage.HandleAsync(new RemoveCoordinatrice(_admin, Rennes, _claire))).Succeeded);

        Assert.False((await ViewerAsync(_claire)).Moderates(Rennes));
        Assert.False(await Network.QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == _claire && r.RoleId == MemberRoles.CoordinatorRoleId)));
        Assert.Contains(ModerationAction.RemoveCoordinatrice, await Network.QueryAsync(db => db.ModerationLog.Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task ARemovedCoordinatricesSessionsEndSoSheSignsInAgainAsAMember()
    {
        await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, await EmailOfAsync(_claire)));
        var before = await StampOfAsync(_claire);

        await Manage.HandleAsync(new RemoveCoordinatrice(_admin, Rennes, _claire));

        Assert.NotEqual(before, await StampOfAsync(_claire));
    }

    [Fact]
    public async Task AnAssignedCoordinatriceKeepsHerSession()
    {
        var before = await StampOfAsync(_claire);

        await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, await EmailOfAsync(_claire)));

        Assert.Equal(before, await StampOfAsync(_claire));
    }

    private Task<string?> StampOfAsync(Guid memberId) =>
        Network.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.SecurityStamp).SingleAsync());

    [Fact]
    public async Task AnUnknownEmailOrATwiceAssignedCoordinatriceIsRefused()
    {
        await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, await EmailOfAsync(_claire)));

        var unknown = await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, "personne@exemple.test"));
        var twice = await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, await EmailOfAsync(_claire)));

        Assert.Equal((FailureKind.Invalid, nameof(AssignCoordinatrice.Email)), (unknown.Failure, unknown.Problems.Single().Field));
        Assert.False(twice.Succeeded);
        Assert.Equal(1, await Network.QueryAsync(db => db.CoordinatorAssignments.CountAsync()));
    }

    [Fact]
    public async Task ACoordinatriceOrAMemberCannotManageCoordinationsAndNothingChanges()
    {
        var coordinatrice = await Network.AddMemberAsync(Rennes, coordinates: Rennes);

        var results = new[]
        {
            (await Manage.HandleAsync(new CreateCoordination(coordinatrice, "Nantes", "Pays de la Loire", "France"))).Failure,
            (await Manage.HandleAsync(new RenameCoordination(coordinatrice, Rennes, "Rennes Nord", "Bretagne", "France"))).Failure,
            (await Manage.HandleAsync(new ArchiveCoordination(_claire, Lyon))).Failure,
            (await Manage.HandleAsync(new AssignCoordinatrice(coordinatrice, Rennes, await EmailOfAsync(_claire)))).Failure,
            (await Manage.HandleAsync(new RemoveCoordinatrice(coordinatrice, Rennes, coordinatrice))).Failure,
            (await Manage.ListAsync(_claire)).Failure,
        };

        Assert.All(results, failure => Assert.Equal(FailureKind.Forbidden, failure));
        var coordinations = await Network.QueryAsync(db => db.Coordinations.OrderBy(c => c.Id).Select(c => new { c.Name, c.IsArchived }).ToListAsync());
        Assert.Equal(["Rennes", "Lyon"], coordinations.Select(c => c.Name));
        Assert.All(coordinations, c => Assert.False(c.IsArchived));
        Assert.Equal(1, await Network.QueryAsync(db => db.CoordinatorAssignments.CountAsync()));
    }

    [Fact]
    public async Task OnlyAnApprovedMemberCanBecomeCoordinatrice()
    {
        var newcomer = await Network.AddMemberAsync(Rennes, "Nouvelle", pending: true);

        var refused = await Manage.HandleAsync(new AssignCoordinatrice(_admin, Rennes, await EmailOfAsync(newcomer)));

        Assert.Equal((FailureKind.Invalid, nameof(AssignCoordinatrice.Email)), (refused.Failure, refused.Problems.Single().Field));
        Assert.False((await ViewerAsync(newcomer)).Moderates(Rennes));
    }

    [Fact]
    public async Task ANameDifferingOnlyByTheCaseOfAnAccentedLetterIsTaken()
    {
        await Manage.HandleAsync(new CreateCoordination(_admin, "Île-de-France", "Île-de-France", "France"));

        var again = await Manage.HandleAsync(new CreateCoordination(_admin, "île-de-france", "Île-de-France", "France"));

        Assert.Equal(FailureKind.Invalid, again.Failure);
        Assert.Equal(3, await Network.QueryAsync(db => db.Coordinations.CountAsync()));
    }
}
