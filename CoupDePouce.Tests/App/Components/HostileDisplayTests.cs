using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using CoupDePouce.App.Components.Pages.Board;
using CoupDePouce.App.Components.Shared;
using CoupDePouce.App.Hosting;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Tests.Support.Hostile;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App.Components;

/// <summary>What the hostile corpus becomes where it is shown: a board line, a request's Markdown, a dashboard's CSV
/// cell. Always inert: no element or attribute that runs something, no link to an unsafe address, no formula.</summary>
public sealed class HostileDisplayTests : ComponentTest
{
    private static readonly string[] Running = ["script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "meta", "link", "style", "form", "svg", "math", "template"];

    [Fact]
    public void EveryStringRenderedAsMarkdownRunsNothingAndLinksOnlyToWebAndMailAddresses()
    {
        var failures = new List<string>();
        foreach (var entry in HostileCorpus.All)
        {
            failures.AddRange(Dangers(entry, new HtmlParser().ParseDocument(SafeMarkdown.ToHtml(entry.Text)).Body!));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public void MarkdownNestedTooDeeplyIsShownAsItsTextInsteadOfFailingThePage()
    {
        var html = SafeMarkdown.ToHtml(string.Concat(Enumerable.Repeat("> ", 500)) + "<b>profond</b>");

        Assert.StartsWith("<p>&gt; &gt; ", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;profond&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStringAsABoardLineTitleAuthorCoordinationAndSearchSnippetIsShownAsTextAndRunsNothing()
    {
        var l = Context.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CoupDePouce.App.SharedResource>>();
        var failures = new List<string>();
        var id = 0L;
        foreach (var entry in HostileCorpus.All.Where(e => e.Text.Length <= 10_000))
        {
            var item = new BoardItem(++id, entry.Text, "juridique", 1, entry.Text, Guid.NewGuid(), entry.Text, Network.Clock.GetUtcNow().UtcDateTime,
                HelpRequestStatus.Open, 0, CoupDePouce.Domain.HelpRequests.Visibility.Network);
            var snippet = $"avant {CoupDePouce.Domain.Search.SearchHelpRequests.HighlightStart}{entry.Text}{CoupDePouce.Domain.Search.SearchHelpRequests.HighlightEnd} après";
            var line = Context.Render(RequestLine.Content(item, snippet, l, Network.Clock));
            var body = new HtmlParser().ParseDocument($"<ul><li>{line.Markup}</li></ul>").Body!;
            failures.AddRange(Dangers(entry, body));
            // As a browser reads her text once encoded (a null byte shows as U+FFFD, as the HTML standard says).
            var expected = new HtmlParser().ParseDocument($"<p>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(entry.Text)}</p>").Body!.TextContent;
            if (body.QuerySelector(".request-title")?.TextContent != expected)
            {
                failures.Add($"{entry}: the title shows as « {body.QuerySelector(".request-title")?.TextContent} »");
            }

            if (body.QuerySelector(".snippet mark")?.TextContent != expected)
            {
                failures.Add($"{entry}: the snippet's match shows as « {body.QuerySelector(".snippet mark")?.TextContent} »");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public void EveryStringInADashboardCsvCellStaysTextForASpreadsheet()
    {
        var failures = new List<string>();
        foreach (var entry in HostileCorpus.All)
        {
            foreach (var (separator, numbers) in new[] { (';', CultureInfo.GetCultureInfo("fr-FR")), (',', CultureInfo.InvariantCulture) })
            {
                var cell = EngagementCsv.Cell(entry.Text, separator, numbers);
                var value = cell.StartsWith('"') ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;
                if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, numbers, out _))
                {
                    failures.Add($"{entry}: a spreadsheet would read « {value[..Math.Min(40, value.Length)]} » as a formula");
                }

                if (value.TrimStart('\'') != entry.Text && value != entry.Text)
                {
                    failures.Add($"{entry}: the cell changed the text");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal("'=HYPERLINK(\"x\")", EngagementCsv.Cell("=HYPERLINK(\"x\")", ';', CultureInfo.InvariantCulture).Replace("\"\"", "\"", StringComparison.Ordinal).Trim('"'));
        Assert.Equal("-12,5", EngagementCsv.Cell("-12,5", ';', CultureInfo.GetCultureInfo("fr-FR")));
    }

    /// <summary>What in this HTML could run or lead somewhere unsafe.</summary>
    private static IEnumerable<string> Dangers(HostileCorpus.Entry entry, IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            // The app's own icons are inline SVG paths, never her words.
            if (Running.Contains(name) && !(name == "svg" && element.ClassList.Contains("icon")) && !(name == "path" && element.Closest("svg.icon") is not null))
            {
                yield return $"{entry}: <{name}> rendered";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"{entry}: {attribute.Name} on <{name}>";
                }

                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "poster" or "background"
                    && !attribute.Value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    && !attribute.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    && !attribute.Value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                    && !attribute.Value.StartsWith('/'))
                {
                    yield return $"{entry}: {attribute.Name}=\"{attribute.Value}\" on <{name}>";
                }

                if (attribute.Name is "href" && attribute.Value.StartsWith("//", StringComparison.Ordinal))
                {
                    yield return $"{entry}: protocol-relative link {attribute.Value}";
                }
            }
        }
    }
}
