namespace CoupDePouce.Domain.Matching;

/// <summary>How many invitations to help she accepts per week, and the hours she wants none. No row means the
/// defaults: <see cref="DefaultPerWeek"/> a week, no quiet hours.</summary>
public sealed class InvitationPreferences
{
    public const int DefaultPerWeek = 3;

    public const int MaxPerWeek = 20;

    /// <summary>Invitations count in the cap over this sliding window.</summary>
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private InvitationPreferences()
    {
    }

    internal InvitationPreferences(Guid memberId)
    {
        MemberId = memberId;
    }

    public Guid MemberId { get; private set; }

    /// <summary>At most this many invitations in seven days (0: none).</summary>
    public int PerWeek { get; private set; } = DefaultPerWeek;

    /// <summary>From this time of day (network time)…</summary>
    public TimeOnly? QuietFrom { get; private set; }

    /// <summary>…until this one, possibly the next morning. Both or neither.</summary>
    public TimeOnly? QuietUntil { get; private set; }

    internal void Choose(int perWeek, TimeOnly? quietFrom, TimeOnly? quietUntil)
    {
        PerWeek = perWeek;
        var quiet = quietFrom is { } from && quietUntil is { } until && from != until;
        QuietFrom = quiet ? quietFrom : null;
        QuietUntil = quiet ? quietUntil : null;
    }

    /// <summary>When an invitation made at <paramref name="utcNow"/> may reach her: now, or the end of her quiet
    /// hours (read on the network's clock, <paramref name="zone"/>).</summary>
    public static DateTime DeliveryTime(TimeOnly? quietFrom, TimeOnly? quietUntil, DateTime utcNow, TimeZoneInfo zone)
    {
        if (quietFrom is not { } from || quietUntil is not { } until || from == until)
        {
            return utcNow;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var time = TimeOnly.FromDateTime(local);
        var quiet = from < until ? time >= from && time < until : time >= from || time < until;
        if (!quiet)
        {
            return utcNow;
        }

        // The end is today, or tomorrow when the quiet hours started this evening and run past midnight.
        var endDay = DateOnly.FromDateTime(local).AddDays(from > until && time >= from ? 1 : 0);
        var end = endDay.ToDateTime(until, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(end))
        {
            end = end.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(end, zone);
    }
}
