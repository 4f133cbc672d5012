using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using AngleSharp.Dom;
using AngleSharp.Html;
using Ganss.Xss;

namespace CoupDePouce.App.Components.Shared;

/// <summary>Members' Markdown to HTML that can do no harm: raw HTML is not interpreted (it shows as text), and a
/// link or an image survives only with an absolute http, https or mailto address (checked after Markdig has
/// decoded entities and escapes, so encoded variants are caught too); any other becomes plain text. Links open
/// in a new tab with rel="noopener nofollow ugc"; images load lazily without sending the page's address. The HTML
/// then goes through HtmlSanitizer, keeping only the elements and attributes Markdown produces (belt and braces:
/// a bug in either layer alone lets nothing through).</summary>
public static class SafeMarkdown
{
    public const string LinkRel = "noopener nofollow ugc";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly string[] AllowedSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    public static string ToHtml(string? markdown)
    {
        Markdig.Syntax.MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting deeper than it can render (« > > > … » five hundred times): her text is shown as
            // it is, encoded, rather than the page failing.
            return $"<p>{System.Net.WebUtility.HtmlEncode(markdown)}</p>\n";
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var safe = SafeUrl(link.Url);
            if (safe is null)
            {
                // Its words stay (an image's alt text, a link's label), as plain text.
                link.ReplaceBy(new LiteralInline(PlainText(link) is { Length: > 0 } text ? text : link.Url ?? string.Empty), copyChildren: false);
                continue;
            }

            link.Url = safe;
            var attributes = link.GetAttributes();
            if (link.IsImage)
            {
                attributes.AddPropertyIfNotExist("loading", "lazy");
                attributes.AddPropertyIfNotExist("referrerpolicy", "no-referrer");
            }
            else
            {
                attributes.AddPropertyIfNotExist("rel", LinkRel);
                attributes.AddPropertyIfNotExist("target", "_blank");
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var safe = autolink.IsEmail ? SafeUrl("mailto:" + autolink.Url) : SafeUrl(autolink.Url);
            if (safe is null)
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
            else
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", LinkRel);
                autolink.GetAttributes().AddPropertyIfNotExist("target", "_blank");
            }
        }

        return Sanitizer.Sanitize(document.ToHtml(Pipeline), outputFormatter: QuotesEncoded.Formatter);
    }

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Text written back with its quotes encoded too, as Markdig writes it: a member's « &lt;a href="…"&gt; »
    /// typed as text never reads like an attribute.</summary>
    private sealed class QuotesEncoded : HtmlMarkupFormatter
    {
        public static readonly QuotesEncoded Formatter = new();

        public override string Text(ICharacterData text) => base.Text(text).Replace("\"", "&quot;", StringComparison.Ordinal);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "rel", "target", "loading", "referrerpolicy", "start", "class",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        });
        return sanitizer;
    }

    /// <summary>The normalised address when it is absolute and of an allowed scheme; null otherwise.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so do we, before judging.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        return Uri.TryCreate(compact, UriKind.Absolute, out var uri)
               && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
               && (uri.Scheme == Uri.UriSchemeMailto || !string.IsNullOrEmpty(uri.Host))
            ? uri.AbsoluteUri
            : null;
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in container)
        {
            text.Append(child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                ContainerInline nested => PlainText(nested),
                _ => string.Empty,
            });
        }

        return text.ToString();
    }
}
