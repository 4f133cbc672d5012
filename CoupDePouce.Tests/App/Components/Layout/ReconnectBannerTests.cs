using Bunit;
using CoupDePouce.App.Components.Layout;
using CoupDePouce.Tests.Support;

namespace CoupDePouce.Tests.App.Components.Layout;

/// <summary>The reconnect banner is the element .NET 10's reconnection drives: it must carry the ids Blazor's script
/// looks for, and say each state in her language (the browser test shows which line each state shows).</summary>
public sealed class ReconnectBannerTests : ComponentTest
{
    [Fact]
    public void ItCarriesTheIdsBlazorsReconnectionLooksFor()
    {
        var banner = Context.Render<ReconnectBanner>();

        Assert.Equal("DIALOG", banner.Find("#components-reconnect-modal").TagName);
        Assert.NotNull(banner.Find("#components-seconds-to-next-attempt"));
        Assert.Equal("button", banner.Find("#components-reconnect-button").GetAttribute("type"));
        Assert.Equal("button", banner.Find("#components-resume-button").GetAttribute("type"));
        // Not a modal over her page: the banner is polite, and it keeps its own script.
        Assert.Equal("polite", banner.Find("dialog").GetAttribute("aria-live"));
        Assert.EndsWith("ReconnectBanner.razor.js", banner.Find("script").GetAttribute("src"));
    }

    [Theory]
    [InlineData("fr", "Connexion perdue, nous essayons de la rétablir…", "Toujours pas de connexion. Nouvel essai dans s…",
        "La connexion n'a pas pu être rétablie. Réessayer Recharger la page", "Connexion rétablie.")]
    [InlineData("en", "Connection lost, trying to reconnect…", "Still no connection. Trying again in s…",
        "The connection could not be restored. Try again Reload the page", "Connection restored.")]
    public void EachStateIsSaidInHerLanguage(string culture, string trying, string retrying, string failed, string resumed)
    {
        using var _ = new CultureScope(culture);

        var banner = Context.Render<ReconnectBanner>();

        string Line(string state) => System.Text.RegularExpressions.Regex.Replace(banner.Find($".reconnect-{state}").TextContent, @"\s+", " ").Trim();
        Assert.Equal(trying, Line("trying"));
        Assert.Equal(retrying, Line("retrying"));
        Assert.Equal(failed, Line("failed"));
        Assert.Equal(resumed, Line("resumed"));
        Assert.Equal(2, banner.FindAll(".reconnect-reload").Count);
    }
}
