using Bunit;
using CoupDePouce.App.Components.Pages.Moderation;
using CoupDePouce.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.App.Components.Moderation;

public sealed class PendingMembersPageTests : ModerationTest
{
    /// <summary>Rennes' coordinatrice on her memberships queue, Maëlle waiting in it.</summary>
    private async Task<(IRenderedComponent<PendingMembersPage> Page, Guid Newcomer)> RennesQueueWithANewcomerAsync()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var newcomer = await Network.AddMemberAsync(rennes, "Maëlle Rennaise", pending: true);
        var coordinatrice = await Network.AddMemberAsync(rennes, "Coordinatrice", coordinates: rennes);
        SignIn(coordinatrice, moderates: true);
        return (RenderPage<PendingMembersPage>(), newcomer);
    }

    [Fact]
    public async Task AMemberIsToldThePageIsNotForHerAndSeesNoQueue()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        await Network.AddMemberAsync(rennes, "Maëlle Rennaise", pending: true);
        var member = await Network.AddMemberAsync(rennes);
        SignIn(member);

        var page = RenderPage<PendingMembersPage>();

        page.WaitForAssertion(() => Assert.Contains("Cette page est réservée aux coordinatrices et aux administratrices.", page.Markup));
        Assert.Empty(page.FindAll(".pending-member"));
        Assert.DoesNotContain("Maëlle Rennaise", page.Markup);
    }

    [Fact]
    public async Task ACoordinatriceSeesOnlyTheMembersWaitingForHerCoordination()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var lyon = await Network.AddCoordinationAsync("Lyon");
        await Network.AddMemberAsync(rennes, "Maëlle Rennaise", pending: true);
        await Network.AddMemberAsync(lyon, "Lucie Lyonnaise", pending: true);
        var coordinatrice = await Network.AddMemberAsync(rennes, "Coordinatrice", coordinates: rennes);
        SignIn(coordinatrice, moderates: true);

        var page = RenderPage<PendingMembersPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".pending-member")));
        Assert.Contains("Maëlle Rennaise", page.Find(".pending-member").TextContent);
        Assert.DoesNotContain("Lucie Lyonnaise", page.Markup);
        Assert.Contains("1 en attente", page.Find(".moderation-count").TextContent);
    }

    [Fact]
    public async Task ApprovingAMemberApprovesHerAndSaysSo()
    {
        var (page, newcomer) = await RennesQueueWithANewcomerAsync();

        page.WaitForElement("[data-membership=approve]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".pending-member")));
        Assert.Equal(MembershipStatus.Approved, await MembershipOfAsync(newcomer));
        Assert.Contains("L'adhésion de Maëlle Rennaise est validée.", Snackbars);
    }

    [Fact]
    public async Task DecliningWithoutAMessageIsRefusedInTheDomainsWordsAndKeepsWhatSheTyped()
    {
        var (page, newcomer) = await RennesQueueWithANewcomerAsync();

        page.WaitForElement("[data-membership=decline]").Click();
        Dialogs.WaitForElement(".mud-dialog textarea[name=DeclineMessage]");
        TypeInDialog("Non");
        ConfirmDialog();

        Dialogs.WaitForAssertion(() => Assert.Contains("Écrivez un message de 5 à 500 caractères", Dialogs.Find(".mud-dialog").TextContent));
        Assert.Equal("Non", Dialogs.Find(".mud-dialog textarea").GetAttribute("value") ?? Dialogs.Find(".mud-dialog textarea").TextContent);
        Assert.Equal(MembershipStatus.Pending, await MembershipOfAsync(newcomer));
        Assert.Single(page.FindAll(".pending-member"));
    }

    [Fact]
    public async Task DecliningWithAMessageDeclinesHerWithItAndClosesTheDialog()
    {
        var (page, newcomer) = await RennesQueueWithANewcomerAsync();

        page.WaitForElement("[data-membership=decline]").Click();
        Dialogs.WaitForElement(".mud-dialog textarea");
        TypeInDialog("Votre activité est hors de notre territoire : rejoignez Lyon.");
        ConfirmDialog();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".pending-member")));
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".mud-dialog")));
        var declined = await Network.QueryAsync(db => db.Members.SingleAsync(m => m.Id == newcomer));
        Assert.Equal(MembershipStatus.Declined, declined.Membership);
        Assert.Equal("Votre activité est hors de notre territoire : rejoignez Lyon.", declined.MembershipMessage);
        Assert.Contains("L'adhésion de Maëlle Rennaise est refusée ; elle lira votre message.", Snackbars);
    }

    private Task<MembershipStatus> MembershipOfAsync(Guid memberId) =>
        Network.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Membership).SingleAsync());
}
