using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CoupDePouce.App.Components.Shared;

public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text (or an attribute value) made safe to write into HTML.</summary>
    public static string Encode(string text) => Encoder.Encode(text);
}
