using CoupDePouce.App;
using CoupDePouce.App.Components.Shared;
using CoupDePouce.Tests.Support;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoupDePouce.Tests.App.Components;

public sealed class RelativeTimeTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
        .Create(typeof(SharedResource));

    [Theory]
    [InlineData(20, "à l'instant")]
    [InlineData(60 * 7, "il y a 7 min")]
    [InlineData(60 * 60 * 3, "il y a 3 h")]
    [InlineData(60 * 60 * 24 * 2, "il y a 2 j")]
    public void SaysHowLongAgoTheWayPeopleSayIt(int secondsAgo, string expected)
    {
        using var _ = CultureScope.French();
        Assert.Equal(expected, RelativeTime.Format(Now.AddSeconds(-secondsAgo), Now, Text));
    }

    [Fact]
    public void GivesTheDateForAnythingOlderThanAMonth()
    {
        using var _ = CultureScope.French();
        Assert.Equal("le 3 mars 2026", RelativeTime.Format(new DateTime(2026, 3, 3, 8, 0, 0, DateTimeKind.Utc), Now, Text));
    }

    [Fact]
    public void SpeaksEnglishToo()
    {
        using var _ = CultureScope.English();
        Assert.Equal("3 h ago", RelativeTime.Format(Now.AddHours(-3), Now, Text));
    }
}
