using System.Text.Json;

namespace CoupDePouce.Tests.Support.Hostile;

/// <summary>Hostile strings (issue 20, point 4): XSS vectors, Markdown link tricks, Unicode direction overrides and
/// zero-width characters, null bytes, emoji, SQL and FTS fragments, CSV formulas, odd lengths — from
/// hostile-strings.json (kept beside this file), plus two halves of an emoji and two strings of 1 MB built here.</summary>
public static class HostileCorpus
{
    public sealed record Entry(string Family, string Text)
    {
        /// <summary>What xunit shows for a case: the family and the start of the string, escaped.</summary>
        public override string ToString() =>
            $"{Family}: {JsonSerializer.Serialize(Text.Length > 60 ? Text[..60] + "…" : Text)} ({Text.Length} chars)";
    }

    public static IReadOnlyList<Entry> All { get; } = Load();

    public static IEnumerable<Entry> Family(string family) => All.Where(e => e.Family == family);

    private static List<Entry> Load()
    {
        var file = Path.Combine(Repository.PathTo("CoupDePouce.Tests"), "Support", "Hostile", "hostile-strings.json");
        var entries = JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(file), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        // Half an emoji (a lone surrogate): JSON cannot carry it, so it is built here.
        entries.Add(new Entry("unicode", "\uD83D"));
        entries.Add(new Entry("unicode", "\uDE00 demi"));
        entries.Add(new Entry("size", new string('A', 1024 * 1024)));
        entries.Add(new Entry("size", string.Concat(Enumerable.Repeat("<b>é😀</b>", 1024 * 1024 / 12))));
        return entries;
    }
}
