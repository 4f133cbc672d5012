using Bunit;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CoupDePouce.Tests.App.Components.HelpRequests;

/// <summary>Closing as a duplicate: the original is found by its words among the requests she may see.</summary>
public sealed class DuplicatePickerTests : RequestPageTest
{
    [Fact]
    public async Task ThePickerListsOnlyRequestsSheMaySeeAndNotThisOne()
    {
        var lyonMember = await Network.AddMemberAsync(Lyon, "Julie Durand");
        var duplicate = await Network.PostAsync(Asker, Visibility.Coordination, "Statut juridique pour démarrer ma micro-entreprise");
        var rennesOnly = await Network.PostAsync(Helper, Visibility.Coordination, "Statut juridique : SASU ou micro-entreprise ?");
        var network = await Network.PostAsync(lyonMember, Visibility.Network, "Statut juridique et TVA pour une micro-entreprise");
        var lyonOnly = await Network.PostAsync(lyonMember, Visibility.Coordination, "Statut juridique réservé à Lyon, micro-entreprise");
        var coordinatrice = await Network.AddMemberAsync(Rennes, "Claire Coordinatrice", coordinates: Rennes);
        var page = Open(coordinatrice, duplicate, "Claire Coordinatrice", moderates: true);

        await TypeAsync(page, "statut juridique");

        Popovers.WaitForAssertion(() => Assert.Equal(2, Popovers.FindAll(".duplicate-option").Count), TimeSpan.FromSeconds(5));
        var listed = Popovers.FindAll(".duplicate-option").Select(o => o.TextContent).ToList();
        Assert.Contains(listed, o => o.Contains($"n°{rennesOnly}") && o.Contains("SASU ou micro-entreprise"));
        Assert.Contains(listed, o => o.Contains($"n°{network}") && o.Contains("TVA"));
        Assert.DoesNotContain(listed, o => o.Contains("réservé à Lyon") || o.Contains($"n°{lyonOnly}"));
        Assert.DoesNotContain(listed, o => o.Contains($"n°{duplicate}"));
    }

    [Fact]
    public async Task HerWordsStayAndAreSearchedWhenThePageRefreshesWhileSheTypes()
    {
        var duplicate = await Network.PostAsync(Asker, Visibility.Coordination, "Comptable pas cher à Rennes");
        var original = await Network.PostAsync(Helper, Visibility.Network, "Trouver une comptable à Rennes");
        var coordinatrice = await Network.AddMemberAsync(Rennes, "Claire Coordinatrice", coordinates: Rennes);
        var page = Open(coordinatrice, duplicate, "Claire Coordinatrice", moderates: true);

        await TypeAsync(page, "comptable");
        page.Render(); // someone comes onto the page, an answer arrives: the page renders again under her

        Popovers.WaitForAssertion(() => Assert.Contains($"n°{original}", Popovers.Find(".duplicate-option").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal("comptable", page.Find(".duplicate-picker input").GetAttribute("value"));
    }

    [Fact]
    public async Task PickingAnOriginalClosesTheRequestAsItsDuplicate()
    {
        var duplicate = await Network.PostAsync(Asker, Visibility.Coordination, "Comptable pas cher à Rennes");
        var original = await Network.PostAsync(Helper, Visibility.Network, "Trouver une comptable à Rennes");
        var coordinatrice = await Network.AddMemberAsync(Rennes, "Claire Coordinatrice", coordinates: Rennes);
        var page = Open(coordinatrice, duplicate, "Claire Coordinatrice", moderates: true);

        await TypeAsync(page, "comptable");
        Popovers.WaitForElement(".duplicate-option", TimeSpan.FromSeconds(5));
        await Popovers.Find(".duplicate-option").ParentElement!.ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.False(page.Find("[data-moderation=duplicate]").HasAttribute("disabled")));
        await page.Find("[data-moderation=duplicate]").ClickAsync(new MouseEventArgs());

        var stored = await Network.RequestAsync(duplicate);
        Assert.Equal(HelpRequestStatus.Closed, stored.Status);
        Assert.Equal(original, stored.DuplicateOfId);
        Assert.Contains("Demande fermée comme doublon.", Snackbars);
        page.WaitForAssertion(() => Assert.Contains($"/demandes/{original}", page.Find(".duplicate-note a").GetAttribute("href")));
    }

    [Fact]
    public async Task AnOriginalTheDomainFindsUnsuitableIsRefusedInASnackbarAndNothingChanges()
    {
        // Everyone in the network sees the duplicate; the original is for Rennes only: not a place to send them.
        var duplicate = await Network.PostAsync(Asker, Visibility.Network, "Assurance pour une micro-entreprise");
        var original = await Network.PostAsync(Helper, Visibility.Coordination, "Quelle assurance pour ma micro-entreprise ?");
        var coordinatrice = await Network.AddMemberAsync(Rennes, "Claire Coordinatrice", coordinates: Rennes);
        var refusal = await Network.Get<ModerateHelpRequestHandler>().HandleAsync(new CloseAsDuplicate(coordinatrice, duplicate, original));
        Assert.False(refusal.Succeeded);
        var page = Open(coordinatrice, duplicate, "Claire Coordinatrice", moderates: true);

        await TypeAsync(page, "assurance");
        Popovers.WaitForElement(".duplicate-option", TimeSpan.FromSeconds(5));
        await Popovers.Find(".duplicate-option").ParentElement!.ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.False(page.Find("[data-moderation=duplicate]").HasAttribute("disabled")));
        await page.Find("[data-moderation=duplicate]").ClickAsync(new MouseEventArgs());

        Assert.NotEqual(HelpRequestStatus.Closed, (await Network.RequestAsync(duplicate)).Status);
        Assert.Contains(refusal.Problems.Single().Message, Snackbars);
        Assert.DoesNotContain("Demande fermée comme doublon.", Snackbars);
    }

    /// <summary>She clicks into the picker, then types: the field has her focus, as on her screen.</summary>
    private static async Task TypeAsync(IRenderedComponent<CoupDePouce.App.Components.Pages.HelpRequests.HelpRequestPage> page, string words)
    {
        await page.Find(".duplicate-picker input").FocusAsync(new FocusEventArgs());
        await page.Find(".duplicate-picker input").InputAsync(new ChangeEventArgs { Value = words });
    }
}
