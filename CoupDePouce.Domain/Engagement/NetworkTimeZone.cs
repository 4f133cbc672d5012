namespace CoupDePouce.Domain.Engagement;

/// <summary>The network's time zone: days and weeks (from Monday) are counted in it; durations are exact elapsed
/// time. Europe/Paris unless the installation says otherwise (<c>Network:TimeZone</c>).</summary>
public sealed record NetworkTimeZone(TimeZoneInfo Zone)
{
    public const string Default = "Europe/Paris";

    public static NetworkTimeZone Named(string? id) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? Default : id));

    /// <summary>Today, as a calendar on the wall of the network reads it.</summary>
    public DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, Zone));

    /// <summary>The instant a local day begins (midnight; the first valid minute on a day whose midnight does not
    /// exist).</summary>
    public DateTime StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
