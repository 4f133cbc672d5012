using CoupDePouce.App.Components.Shared;

namespace CoupDePouce.Tests.App.Components;

/// <summary>A hostile corpus: whatever a member writes, the rendered HTML runs nothing and links nowhere unsafe.</summary>
public sealed class SafeMarkdownTests
{
    public static TheoryData<string> Hostile => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">clic</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[clic](javascript:alert(1))",
        "[clic](JaVaScRiPt:alert(1))",
        "[clic]( javascript:alert(1) )",
        "[clic](java\tscript:alert(1))",
        "[clic](jav&#x61;script:alert(1))",
        "[clic](&#106;avascript:alert(1))",
        "[clic](javascript&colon;alert(1))",
        "[clic](%6A%61vascript:alert(1))",
        "[clic](vbscript:msgbox(1))",
        "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![image](javascript:alert(1))",
        "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[clic][ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "[clic](file:///etc/passwd)",
        "[clic](//evil.example/phish)",
        "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[<img src=x onerror=alert(1)>](https://ok.example)",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void RendersHostileInputInert(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        // Attribute values are always double-quoted with quotes encoded inside, so outside them no on*= handler may appear.
        var withoutValues = System.Text.RegularExpressions.Regex.Replace(html, "\"[^\"]*\"", "\"\"");
        Assert.DoesNotMatch("<[a-z]+[^>]*\\son[a-z]+\\s*=", withoutValues);
        foreach (var url in Attributes(html, "href").Concat(Attributes(html, "src")))
        {
            Assert.Matches("^(https?://[^/]|mailto:)", url);
        }
    }

    [Fact]
    public void KeepsTheWordsOfARefusedLink()
    {
        Assert.Equal("<p>clic</p>\n", SafeMarkdown.ToHtml("[clic](javascript:alert(1))"));
    }

    [Fact]
    public void RendersSafeLinksToOpenInANewTabWithoutPassingTrust()
    {
        var html = SafeMarkdown.ToHtml("Voir [le guide](https://www.bpifrance.fr/guide) ou écrire à <contact@exemple.fr>.");

        Assert.Contains("<a href=\"https://www.bpifrance.fr/guide\" rel=\"noopener nofollow ugc\" target=\"_blank\">le guide</a>", html);
        Assert.Contains("href=\"mailto:contact@exemple.fr\"", html);
    }

    [Fact]
    public void TurnsBareAddressesIntoSafeLinks()
    {
        var html = SafeMarkdown.ToHtml("Le site https://www.femmesdesterritoires.fr est utile.");
        Assert.Contains("rel=\"noopener nofollow ugc\"", html);
    }

    [Fact]
    public void RendersTheUsualFormatting()
    {
        var html = SafeMarkdown.ToHtml("**gras** et *italique*\n\n- un\n- deux");

        Assert.Contains("<strong>gras</strong>", html);
        Assert.Contains("<em>italique</em>", html);
        Assert.Contains("<li>un</li>", html);
    }

    [Fact]
    public void ShowsRawHtmlAsText()
    {
        Assert.Contains("&lt;b&gt;", SafeMarkdown.ToHtml("<b>pas du HTML</b>"));
    }

    private static IEnumerable<string> Attributes(string html, string name) =>
        System.Text.RegularExpressions.Regex.Matches(html, $"{name}=\"([^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
}
