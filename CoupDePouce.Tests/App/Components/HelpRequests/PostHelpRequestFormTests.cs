using CoupDePouce.Domain.Persistence.Postgres;
using CoupDePouce.Domain.Persistence;
using IElement = AngleSharp.Dom.IElement;
using Bunit;
using CoupDePouce.App.Components.Pages.HelpRequests;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>The posting form on MudBlazor: the Domain's messages next to her fields, her text kept, suggestions while
/// she types, and only the visibility the Domain will accept.</summary>
public sealed class PostHelpRequestFormTests : ComponentTest
{
    private const string Details = "Je rencontre ma banque mardi pour un premier prêt. Des conseils ?";

    private Guid _member;

    private async Task<IRenderedComponent<PostHelpRequestPage>> RenderForAsync(bool pending = false, bool suspended = false)
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        _member = await Network.AddMemberAsync(rennes, pending: pending);
        if (suspended)
        {
            var coordinatrice = await Network.AddMemberAsync(rennes, "Claire Moreau", coordinates: rennes);
            await Network.Get<SuspendMemberHandler>().HandleAsync(new SuspendMember(coordinatrice, _member, 7, "Messages publicitaires répétés"));
        }

        SignIn(_member);
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var form = Context.Render<PostHelpRequestPage>();
        form.WaitForElement("input[name=Title]");
        return form;
    }

    /// <summary>As a browser does: an input event per keystroke (here one for the whole text), then she leaves the
    /// field (the fields bind as she types, so they listen to input and blur, not change).</summary>
    private static void Type(IRenderedComponent<PostHelpRequestPage> form, string input, string text)
    {
        form.Find(input).Input(new ChangeEventArgs { Value = text });
        form.Find(input).Blur();
    }

    private static IElement FieldOf(IRenderedComponent<PostHelpRequestPage> form, string input) =>
        form.Find(input).Closest(".mud-input-control")!;

    [Fact]
    public async Task AnEmptyTitleIsRefusedWithTheDomainsMessageNextToItAndHerDetailsAreKept()
    {
        var form = await RenderForAsync();
        Type(form, "textarea[name=Details]", Details);

        await form.Find("[data-submit=post-request]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal(
            "Donnez un titre à votre demande.", FieldOf(form, "input[name=Title]").QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim()));
        Assert.Equal(Details, form.Find("textarea[name=Details]").GetAttribute("value"));
        Assert.Equal("Choisissez une thématique.", form.Find(".theme-select .mud-input-helper-text.mud-input-error").TextContent.Trim());
        Assert.Null(FieldOf(form, "textarea[name=Details]").QuerySelector(".mud-input-helper-text.mud-input-error"));
        Assert.Equal(0, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task HerCountersFollowWhatSheTypesAsTheDomainCountsIt()
    {
        var form = await RenderForAsync();

        // While she types (before she leaves the field), from the input events alone.
        form.Find("input[name=Title]").Input(new ChangeEventArgs { Value = "  Mon statut  " });

        // Trimmed as the Domain trims it: what the counter says is what the rule counts.
        Assert.Equal($"10 / {HelpRequest.TitleMaxLength}", form.Find("#Title-hint .counter").TextContent.Trim());
        Assert.Equal($"0 / {HelpRequest.DetailsMaxLength}", form.Find("#Details-hint .counter").TextContent.Trim());
    }

    [Fact]
    public async Task SimilarRequestsAreSuggestedWhileSheTypesATitle()
    {
        var form = await RenderForAsync();
        var other = await Network.AddMemberAsync(await Network.AddCoordinationAsync("Lyon"));
        await Network.PostAsync(other, Visibility.Network, "Logiciel de facturation simple pour une auto-entrepreneuse");

        form.Find("input[name=Title]").Input(new ChangeEventArgs { Value = "logiciel de facturation" });

        form.WaitForAssertion(
            () => Assert.Contains("Logiciel de facturation simple", form.Find(".suggestions li a").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal("logiciel de facturation", form.Find("input[name=Title]").GetAttribute("value"));
    }

    [Fact]
    public async Task AMemberAwaitingApprovalCannotChooseHerCoordinationOnlyAndStartsWithTheWholeNetwork()
    {
        var form = await RenderForAsync(pending: true);

        var coordinationOnly = form.Find("input[name=Visibility][data-visibility=Coordination]");
        var network = form.Find("input[name=Visibility][data-visibility=Network]");

        Assert.True(coordinationOnly.HasAttribute("disabled"));
        Assert.Contains("Possible une fois votre adhésion validée par une coordinatrice.", coordinationOnly.Closest("label")!.TextContent);
        Assert.False(network.HasAttribute("disabled"));
        Assert.True(network.HasAttribute("checked"));
    }

    [Fact]
    public async Task AnApprovedMemberStartsWithHerCoordinationOnly()
    {
        var form = await RenderForAsync();

        var coordinationOnly = form.Find("input[name=Visibility][data-visibility=Coordination]");

        Assert.False(coordinationOnly.HasAttribute("disabled"));
        Assert.True(coordinationOnly.HasAttribute("checked"));
    }

    /// <summary>She fills in a request the Domain accepts (the theme picked as MudSelect's list would).</summary>
    private async Task FillAsync(IRenderedComponent<PostHelpRequestPage> form)
    {
        var theme = await Network.QueryAsync(db => db.Themes.Select(t => t.Id).FirstAsync());
        await form.Find("input[name=Title]").InputAsync(new ChangeEventArgs { Value = "Quel statut pour démarrer ?" });
        await form.Find("textarea[name=Details]").InputAsync(new ChangeEventArgs { Value = Details });
        await form.InvokeAsync(() => form.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(theme));
    }

    [Fact]
    public async Task ATooShortTitleIsSaidUnderItInFrenchOnceSheSendsAndGoesAsSoonAsItIsLongEnough()
    {
        var form = await RenderForAsync();

        // Her first letters are not judged: nothing under the field while she starts.
        await form.Find("input[name=Title]").InputAsync(new ChangeEventArgs { Value = "Statut" });
        Assert.Null(FieldOf(form, "input[name=Title]").QuerySelector(".mud-input-helper-text.mud-input-error"));

        await form.Find("[data-submit=post-request]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("Le titre doit faire au moins 10 caractères : décrivez votre besoin en une phrase.",
            FieldOf(form, "input[name=Title]").QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim()));
        await form.Find("input[name=Title]").InputAsync(new ChangeEventArgs { Value = "Statut juridique" });

        form.WaitForAssertion(() => Assert.Null(FieldOf(form, "input[name=Title]").QuerySelector(".mud-input-helper-text.mud-input-error")));
        Assert.Equal(0, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task WhenTheDatabaseDoesNotAnswerSheIsToldToTryAgainAndHerTextStays()
    {
        // Her request goes to a database that refuses every connection (a server restarting, a network cut).
        Context.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<PostHelpRequestHandler>(
            Network.Services.CreateScope().ServiceProvider, (IDbContextFactory<BoardDbContext>)new UnreachableDatabase()));
        var form = await RenderForAsync();
        await FillAsync(form);

        await form.Find("[data-submit=post-request]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal(
            "Le tableau n'a pas pu enregistrer : le serveur ne répond pas pour l'instant. Votre texte est gardé, réessayez dans un instant.",
            form.Find("form.post-form .form-alert").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal("Quel statut pour démarrer ?", form.Find("input[name=Title]").GetAttribute("value"));
        Assert.Equal(Details, form.Find("textarea[name=Details]").GetAttribute("value"));
        Assert.Equal(0, await Network.CountRequestsAsync());
        Assert.False(form.Find("[data-submit=post-request]").HasAttribute("disabled"));
    }

    /// <summary>A PostgreSQL nobody listens for: every connection is refused at once.</summary>
    private sealed class UnreachableDatabase : IDbContextFactory<BoardDbContext>
    {
        public BoardDbContext CreateDbContext() => new PostgresBoardDbContext(
            new DbContextOptionsBuilder<PostgresBoardDbContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=nowhere;Timeout=2").Options);
    }

    [Fact]
    public async Task ASuspensionIsSaidAboveTheFormAndHerTextStays()
    {
        var form = await RenderForAsync(suspended: true);
        await FillAsync(form);

        await form.Find("[data-submit=post-request]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.StartsWith("Vous ne pouvez pas publier jusqu'au", form.Find("form.post-form .form-alert").TextContent.Trim()));
        Assert.Equal("Quel statut pour démarrer ?", form.Find("input[name=Title]").GetAttribute("value"));
        Assert.Equal(Details, form.Find("textarea[name=Details]").GetAttribute("value"));
        Assert.Equal(0, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task ADoubleClickPostsOneRequest()
    {
        var form = await RenderForAsync();
        await FillAsync(form);

        var publish = form.Find("[data-submit=post-request]");
        await Task.WhenAll(publish.ClickAsync(new()), publish.ClickAsync(new()));

        Assert.Equal(1, await Network.CountRequestsAsync());
        Assert.Matches(@"/demandes/\d+\?publiee=1$", Context.Services.GetRequiredService<NavigationManager>().Uri);
    }
}
