using System.Globalization;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Resources;

namespace CoupDePouce.Domain.Engagement;

/// <summary>The days a dashboard reads, first and last included, in the network's time zone: the last 7, 30 or
/// 90 days up to today, or dates she chose (at most two years, not after today).</summary>
public sealed record EngagementPeriod(DateOnly From, DateOnly To)
{
    public static readonly IReadOnlyList<int> Presets = [7, 30, 90];

    /// <summary>Two years of days, a leap day included.</summary>
    public const int MaxDays = 731;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length just before, for the change of each figure.</summary>
    public EngagementPeriod Previous => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>The preset it is, if it ends today and lasts 7, 30 or 90 days.</summary>
    public int? PresetDays(DateOnly today) => To == today && Presets.Contains(Days) ? Days : null;

    public static EngagementPeriod LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today);

    /// <summary>Reads a period from the address: « periode » (7, 30 or 90), or « du » and « au » (yyyy-MM-dd);
    /// nothing means the last 30 days. Anything else is refused with a message in her language.</summary>
    public static Result<EngagementPeriod> Read(string? days, string? from, string? to, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            if (string.IsNullOrWhiteSpace(days))
            {
                return Result<EngagementPeriod>.Success(LastDays(30, today));
            }

            return int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var preset) && Presets.Contains(preset)
                ? Result<EngagementPeriod>.Success(LastDays(preset, today))
                : Result<EngagementPeriod>.Invalid(new Problem("Days", Messages.PeriodUnknownPreset));
        }

        if (!TryDate(from, out var first))
        {
            return Result<EngagementPeriod>.Invalid(new Problem("From", string.Format(CultureInfo.CurrentCulture, Messages.PeriodUnreadableDate, from)));
        }

        if (!TryDate(to, out var last))
        {
            return Result<EngagementPeriod>.Invalid(new Problem("To", string.Format(CultureInfo.CurrentCulture, Messages.PeriodUnreadableDate, to)));
        }

        return Checked(new EngagementPeriod(first, last), today);
    }

    /// <summary>The rules a chosen period follows, whoever built it.</summary>
    public static Result<EngagementPeriod> Checked(EngagementPeriod period, DateOnly today)
    {
        if (period.To < period.From)
        {
            return Result<EngagementPeriod>.Invalid(new Problem("To", Messages.PeriodInverted));
        }

        if (period.To > today)
        {
            return Result<EngagementPeriod>.Invalid(new Problem("To", Messages.PeriodInFuture));
        }

        return period.Days > MaxDays
            ? Result<EngagementPeriod>.Invalid(new Problem("From", Messages.PeriodTooLong))
            : Result<EngagementPeriod>.Success(period);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
