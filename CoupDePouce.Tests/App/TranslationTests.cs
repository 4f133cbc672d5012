using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Themes;
using CoupDePouce.Tests.Support;

namespace CoupDePouce.Tests.App;

/// <summary>Every text the member reads exists in French and in English.</summary>
public sealed partial class TranslationTests
{
    private static HashSet<string> Keys(params string[] resx) =>
        XDocument.Load(Repository.PathTo(resx)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Theory]
    [InlineData("CoupDePouce.App", "Resources", "SharedResource")]
    [InlineData("CoupDePouce.Domain", "Resources", "Messages")]
    public void FrenchAndEnglishHaveTheSameTexts(string project, string folder, string name)
    {
        var french = Keys(project, folder, name + ".resx");
        var english = Keys(project, folder, name + ".en.resx");

        Assert.Empty(french.Except(english));
        Assert.Empty(english.Except(french));
    }

    [Theory]
    [InlineData("SharedResource.resx", 0)]
    [InlineData("SharedResource.en.resx", 1)]
    public void SearchKnowsEachThemeByTheNameMembersRead(string resx, int language)
    {
        var labels = XDocument.Load(Repository.PathTo("CoupDePouce.App", "Resources", resx)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

        foreach (var theme in Theme.Initial)
        {
            Assert.Equal(labels[$"Theme.{theme.Slug}"], CoupDePouce.Domain.Search.ThemeNames.Of(theme.Slug)[language]);
        }
    }

    [Fact]
    public void EveryTextThePagesAskForExists()
    {
        var known = Keys("CoupDePouce.App", "Resources", "SharedResource.resx");
        var sources = Directory.EnumerateFiles(Repository.PathTo("CoupDePouce.App"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor") || f.EndsWith(".cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

        var asked = sources.SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

        Assert.NotEmpty(asked);
        Assert.Empty(asked.Except(known));
    }

    [Fact]
    public void EveryCountedTextHasItsSingularAndPlural()
    {
        var known = Keys("CoupDePouce.App", "Resources", "SharedResource.resx");
        var sources = Directory.EnumerateFiles(Repository.PathTo("CoupDePouce.App"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

        var counted = sources.SelectMany(f => PluralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

        Assert.NotEmpty(counted);
        Assert.All(counted, key =>
        {
            Assert.Contains(key + ".One", known);
            Assert.Contains(key + ".Many", known);
        });
    }

    [Fact]
    public void EveryThemeAndStatusHasALabel()
    {
        var known = Keys("CoupDePouce.App", "Resources", "SharedResource.resx");

        Assert.All(Theme.Initial, t => Assert.Contains($"Theme.{t.Slug}", known));
        Assert.All(Enum.GetNames<HelpRequestStatus>(), s => Assert.Contains($"Status.{s}", known));
        Assert.All(Enum.GetNames<CoupDePouce.Domain.Notifications.NotificationKind>(), k => Assert.Contains($"Settings.Kind.{k}", known));
    }

    [GeneratedRegex("""(?:\bL|\btext)\["([A-Za-z][\w.-]*)"[\],]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""\.Plural\("([A-Za-z][\w.-]*)",""")]
    private static partial Regex PluralKey();
}
