using Bunit;
using CoupDePouce.App.Components.Pages.Dashboard;
using CoupDePouce.Domain.Engagement;

namespace CoupDePouce.Tests.App.Components.Dashboard;

/// <summary>The headline as she reads it: French numbers, the change against the previous period coloured by
/// whether it is better, « — » where there is nothing to measure, and each figure linked to its definition.</summary>
public sealed class HeadlineFiguresTests : ComponentTest
{
    private static readonly EngagementFigures Now = new()
    {
        Requests = 12, Answered = 9, Resolved = 3, MedianHours = 5.25, P90Hours = 30, AnsweredWithin24h = 6, AnsweredWithin48h = 8,
        UnansweredOver48h = 2, Members = 40, ActiveMembers = 10, Helpers = 7, HelperAnswers = 20, TopThreeAnswers = 10,
        AnswersToOtherCoordinations = 4, Askers = 10, ReciprocalAskers = 5, FirstTimeAskers = 0, FirstTimeAskersHelped = 0,
        FollowUps = 4, FollowUpsWorked = 3,
    };

    private static readonly EngagementFigures Before = Now with { Requests = 10, Answered = 5, MedianHours = 8, UnansweredOver48h = null };

    [Fact]
    public void EachFigureReadsInFrenchWithItsChangeAndItsDefinition()
    {
        var headline = Context.Render<HeadlineFigures>(p => p.Add(x => x.Current, Now).Add(x => x.Previous, Before));

        Assert.Equal(DashboardMetric.All.Count, headline.FindAll(".figure-card").Count);
        Assert.Equal("12", Card(headline, "demandes").QuerySelector(".figure-value")!.TextContent);
        Assert.Contains("+2", Card(headline, "demandes").QuerySelector(".figure-change")!.TextContent);
        // 9 / 12 now against 5 / 10 before: 75 % (+25 pts), better (French puts a no-break space before « % »).
        Assert.Equal(0.75.ToString("P0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), Card(headline, "taux-de-reponse").QuerySelector(".figure-value")!.TextContent);
        Assert.Equal("9 / 12", Card(headline, "taux-de-reponse").QuerySelector(".figure-detail")!.TextContent);
        Assert.Contains("better", Card(headline, "taux-de-reponse").QuerySelector(".figure-change")!.ClassName);
        Assert.Contains("+25 pts", Card(headline, "taux-de-reponse").QuerySelector(".figure-change")!.TextContent);
        // A shorter delay is better: 5,3 h against 8 h.
        Assert.Equal("5,3 h", Card(headline, "delai-median").QuerySelector(".figure-value")!.TextContent);
        Assert.Contains("better", Card(headline, "delai-median").QuerySelector(".figure-change")!.ClassName);
        Assert.Contains("−2,8 h", Card(headline, "delai-median").QuerySelector(".figure-change")!.TextContent);
        // Nobody asked for the first time: no share, no comparison.
        Assert.Equal("—", Card(headline, "primo-demandeuses-aidees").QuerySelector(".figure-value")!.TextContent);
        Assert.Contains("Pas de comparaison possible", Card(headline, "sans-reponse-48h").TextContent);
        Assert.Equal("/tableau-de-bord/definitions#dependance", Card(headline, "dependance").QuerySelector("a")!.GetAttribute("href"));
        // Efficacité: 3 of the 4 followed-up requests worked, fully or in part.
        Assert.Equal(0.75.ToString("P0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), Card(headline, "efficacite").QuerySelector(".figure-value")!.TextContent);
        Assert.Equal("3 / 4", Card(headline, "efficacite").QuerySelector(".figure-detail")!.TextContent);
        Assert.Equal("/tableau-de-bord/definitions#efficacite", Card(headline, "efficacite").QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void TheDefinitionsPageSaysWhatEfficaciteCounts()
    {
        var page = Context.Render<DefinitionsPage>();

        Assert.Equal("Efficacité", page.Find("dt#efficacite").TextContent);
        Assert.Contains("la part où elle a répondu oui ou en partie", page.Find("dt#efficacite + dd").TextContent, StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement Card(IRenderedComponent<HeadlineFigures> headline, string metric) =>
        headline.Find($".figure-card[data-metric='{metric}']");
}
