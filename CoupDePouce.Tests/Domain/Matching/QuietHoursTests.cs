using CoupDePouce.Domain.Matching;

namespace CoupDePouce.Tests.Domain.Matching;

/// <summary>Quiet hours read on the network's clock (Paris): an invitation made during them waits for their end.</summary>
public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    // Winter (UTC+1): 23:30 in Paris, quiet 22:00–07:00 → 07:00 the next morning in Paris.
    [InlineData("2026-11-02T22:30:00Z", "22:00", "07:00", "2026-11-03T06:00:00Z")]
    // Just after midnight, still in the same quiet night.
    [InlineData("2026-11-03T00:30:00Z", "22:00", "07:00", "2026-11-03T06:00:00Z")]
    // 10:00 in Paris: not quiet, told at once.
    [InlineData("2026-11-02T09:00:00Z", "22:00", "07:00", "2026-11-02T09:00:00Z")]
    // Quiet hours within a day (12:00–14:00), at 13:00 in Paris.
    [InlineData("2026-11-02T12:00:00Z", "12:00", "14:00", "2026-11-02T13:00:00Z")]
    // Summer (UTC+2): 23:00 in Paris → 07:00 in Paris is 05:00 UTC.
    [InlineData("2026-07-01T21:00:00Z", "22:00", "07:00", "2026-07-02T05:00:00Z")]
    // The night the clocks go forward, quiet until 02:00 (which does not exist) → the first minute that does.
    [InlineData("2026-03-29T00:30:00Z", "01:00", "02:00", "2026-03-29T01:00:00Z")]
    public void AnInvitationMadeDuringThemWaitsForTheirEnd(string now, string from, string until, string expected)
    {
        var at = InvitationPreferences.DeliveryTime(
            TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
            Utc(now), Paris);

        Assert.Equal(Utc(expected), at);
    }

    [Fact]
    public void WithoutQuietHoursSheIsToldAtOnce()
    {
        var now = Utc("2026-11-02T23:30:00Z");

        Assert.Equal(now, InvitationPreferences.DeliveryTime(null, null, now, Paris));
    }

    private static DateTime Utc(string value) =>
        DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
