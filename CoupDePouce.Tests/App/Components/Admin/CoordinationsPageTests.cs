using Bunit;
using CoupDePouce.App.Components.Pages.Admin;
using CoupDePouce.Tests.App.Components.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.App.Components.Admin;

public sealed class CoordinationsPageTests : ModerationTest
{
    [Fact]
    public async Task ACoordinatriceIsToldOnlyAdminsManageCoordinationsAndSeesNone()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        SignIn(await Network.AddMemberAsync(rennes, coordinates: rennes), moderates: true);

        var page = RenderPage<CoordinationsPage>();

        page.WaitForAssertion(() => Assert.Contains("Seules les administratrices gèrent les coordinations.", page.Markup));
        Assert.Empty(page.FindAll(".managed-coordination"));
        Assert.Empty(page.FindAll(".coordination-create"));
    }

    [Fact]
    public async Task ArchivingAsksFirstAndCancellingChangesNothing()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var page = await AdminPageAsync(rennes);

        page.WaitForElement(".managed-coordination [data-coordination=archive]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Archiver « Rennes » ?", Dialogs.Markup));
        CancelDialog();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".mud-dialog")));
        Assert.False(await IsArchivedAsync(rennes));
        Assert.Empty(page.FindAll(".managed-coordination.archived"));
    }

    [Fact]
    public async Task ConfirmingArchivesTheCoordination()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var page = await AdminPageAsync(rennes);

        page.WaitForElement(".managed-coordination [data-coordination=archive]").Click();
        Dialogs.WaitForElement(".mud-dialog [data-dialog=confirm]");
        ConfirmDialog();

        page.WaitForElement(".managed-coordination.archived [data-coordination=unarchive]");
        Assert.True(await IsArchivedAsync(rennes));
        Assert.Contains("« Rennes » est archivée : plus de nouvelles adhésions.", Snackbars);
    }

    [Fact]
    public async Task ATooShortNameIsRefusedUnderItsFieldAndHerTextStays()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var page = await AdminPageAsync(rennes);

        page.WaitForElement(".coordination-create input[name=Name-new]").Input("N");
        page.Find(".coordination-create input[name=Region-new]").Input("Pays de la Loire");
        page.Find(".coordination-create input[name=Country-new]").Input("France");
        page.Find("[data-coordination=create]").Click();

        page.WaitForAssertion(() => Assert.Contains("Écrivez de 2 à 80 caractères.", page.Find(".coordination-create").TextContent));
        Assert.Equal("Pays de la Loire", page.Find(".coordination-create input[name=Region-new]").GetAttribute("value"));
        Assert.Equal(1, await Network.QueryAsync(db => db.Coordinations.CountAsync()));
    }

    private static string? ErrorUnder(IRenderedComponent<CoordinationsPage> page, string input) =>
        page.Find(input).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    private static void Fill(IRenderedComponent<CoordinationsPage> page, string name)
    {
        page.WaitForElement(".coordination-create input[name=Name-new]").Input(name);
        page.Find(".coordination-create input[name=Region-new]").Input("Bretagne");
        page.Find(".coordination-create input[name=Country-new]").Input("France");
    }

    [Fact]
    public async Task ATooShortNameIsSaidUnderItOnceSheCreatesAndNothingIsCreated()
    {
        var page = await AdminPageAsync(await Network.AddCoordinationAsync("Rennes"));

        page.WaitForElement(".coordination-create input[name=Name-new]").Input("N");
        Assert.Null(ErrorUnder(page, ".coordination-create input[name=Name-new]"));
        page.Find("[data-coordination=create]").Click();

        page.WaitForAssertion(() => Assert.Equal("Écrivez de 2 à 80 caractères.", ErrorUnder(page, ".coordination-create input[name=Name-new]")));
        Assert.Equal(1, await Network.QueryAsync(db => db.Coordinations.CountAsync()));
    }

    [Fact]
    public async Task ATakenNameIsRefusedUnderItUntilSheChangesIt()
    {
        var page = await AdminPageAsync(await Network.AddCoordinationAsync("Rennes"));
        Fill(page, "rennes");

        page.Find("[data-coordination=create]").Click();

        page.WaitForAssertion(() => Assert.Equal("Une coordination porte déjà ce nom.", ErrorUnder(page, ".coordination-create input[name=Name-new]")));
        Assert.Equal("rennes", page.Find(".coordination-create input[name=Name-new]").GetAttribute("value"));
        page.Find(".coordination-create input[name=Region-new]").Input("Ille-et-Vilaine");
        Assert.Equal("Une coordination porte déjà ce nom.", ErrorUnder(page, ".coordination-create input[name=Name-new]"));

        page.Find(".coordination-create input[name=Name-new]").Input("Rennes Sud");

        page.WaitForAssertion(() => Assert.Null(ErrorUnder(page, ".coordination-create input[name=Name-new]")));
        Assert.Equal(1, await Network.QueryAsync(db => db.Coordinations.CountAsync()));
    }

    [Fact]
    public async Task ADoubleClickCreatesOneCoordination()
    {
        var page = await AdminPageAsync(await Network.AddCoordinationAsync("Rennes"));
        Fill(page, "Saint-Malo");

        var create = page.Find("[data-coordination=create]");
        await Task.WhenAll(create.ClickAsync(new()), create.ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".managed-coordination"), row => row.TextContent.Contains("Saint-Malo")));
        Assert.Equal(2, await Network.QueryAsync(db => db.Coordinations.CountAsync()));
        Assert.Empty(page.FindAll(".coordination-create .form-alert"));
    }

    [Fact]
    public async Task CreatingACoordinationAddsItToTheList()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var page = await AdminPageAsync(rennes);

        page.WaitForElement(".coordination-create input[name=Name-new]").Input("Nantes");
        page.Find(".coordination-create input[name=Region-new]").Input("Pays de la Loire");
        page.Find(".coordination-create input[name=Country-new]").Input("France");
        page.Find("[data-coordination=create]").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".managed-coordination"), row => row.TextContent.Contains("Nantes")));
        Assert.Contains("Coordination « Nantes » créée.", Snackbars);
        Assert.Equal(string.Empty, page.Find(".coordination-create input[name=Name-new]").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task AssigningAnApprovedMemberByEmailMakesHerACoordinatrice()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var anne = await Network.AddMemberAsync(rennes, "Anne Michel");
        var email = await Network.QueryAsync(db => db.Members.Where(m => m.Id == anne).Select(m => m.Email!).SingleAsync());
        var page = await AdminPageAsync(rennes);

        var row = page.WaitForElement(".managed-coordination");
        row.QuerySelector("input[name=AssignEmail]")!.Change(email);
        page.Find(".managed-coordination [data-coordination=assign]").Click();

        page.WaitForAssertion(() => Assert.Contains("Anne Michel", page.Find(".managed-coordination .coordinatrices").TextContent));
        Assert.True(await Network.QueryAsync(db => db.CoordinatorAssignments.AnyAsync(a => a.MemberId == anne && a.CoordinationId == rennes)));
    }

    [Fact]
    public async Task AnUnknownEmailIsRefusedUnderTheFieldAndKept()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var page = await AdminPageAsync(rennes);

        page.WaitForElement(".managed-coordination input[name=AssignEmail]").Change("personne@exemple.test");
        page.Find(".managed-coordination [data-coordination=assign]").Click();

        page.WaitForAssertion(() => Assert.Contains("Aucune membre n'a cette adresse e-mail.", page.Find(".coordinatrice-assign").TextContent));
        Assert.Equal("personne@exemple.test", page.Find(".managed-coordination input[name=AssignEmail]").GetAttribute("value"));
        Assert.Empty(page.FindAll(".coordinatrices li"));
    }

    [Fact]
    public async Task RenamingInTheDialogRenamesTheCoordination()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var page = await AdminPageAsync(rennes);

        page.WaitForElement("[data-coordination=rename]").Click();
        Dialogs.WaitForElement($".mud-dialog input[name=Name-{rennes}]").Input("Rennes Métropole");
        ConfirmDialog();

        page.WaitForAssertion(() => Assert.Contains("Rennes Métropole", page.Find(".managed-coordination").TextContent));
        Assert.Equal("Rennes Métropole", await Network.QueryAsync(db => db.Coordinations.Where(c => c.Id == rennes).Select(c => c.Name).SingleAsync()));
        Assert.Contains("Modifications enregistrées.", Snackbars);
    }

    private async Task<IRenderedComponent<CoordinationsPage>> AdminPageAsync(int homeCoordinationId)
    {
        SignIn(await Network.AddMemberAsync(homeCoordinationId, "Admin", admin: true), admin: true);
        return RenderPage<CoordinationsPage>();
    }

    private Task<bool> IsArchivedAsync(int coordinationId) =>
        Network.QueryAsync(db => db.Coordinations.Where(c => c.Id == coordinationId).Select(c => c.IsArchived).SingleAsync());
}
