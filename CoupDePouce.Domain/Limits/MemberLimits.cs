using System.Globalization;
using System.Threading.RateLimiting;
using CoupDePouce.Domain.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupDePouce.Domain.Limits;

/// <summary>What a member does often enough to be limited (a flood, a script, a stuck key), each on its own count.</summary>
public enum LimitedAction
{
    PostRequest,
    Answer,
    Report,
    Thank,
    Search,

    /// <summary>Offering help, and asking an offerer for hers.</summary>
    Offer,
}

/// <summary>At most <see cref="PermitLimit"/> times in a row, then one more every <see cref="Window"/> divided by
/// <see cref="PermitLimit"/> (a token bucket: five requests an hour is five at once, then one every twelve minutes).</summary>
public sealed class ActionLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>The limits, from the <c>Limits</c> section of the configuration; the defaults leave any real use of the
/// board untouched (a member who posts six requests in an hour is not asking for help, she is flooding).</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    public ActionLimit Requests { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) };

    public ActionLimit Answers { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromHours(1) };

    public ActionLimit Reports { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    public ActionLimit Thanks { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromHours(1) };

    /// <summary>Searches and the similar-request suggestions shown while she types a title.</summary>
    public ActionLimit Searches { get; set; } = new() { PermitLimit = 90, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Offers posted and offerers asked.</summary>
    public ActionLimit Offers { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>No limit at all: for measurements and tests that act many times as one member.</summary>
    public static void Lift(LimitOptions options)
    {
        foreach (var limit in new[] { options.Requests, options.Answers, options.Reports, options.Thanks, options.Searches, options.Offers })
        {
            limit.PermitLimit = int.MaxValue;
        }
    }

    public ActionLimit For(LimitedAction action) => action switch
    {
        LimitedAction.PostRequest => Requests,
        LimitedAction.Answer => Answers,
        LimitedAction.Report => Reports,
        LimitedAction.Thank => Thanks,
        LimitedAction.Offer => Offers,
        _ => Searches,
    };
}

/// <summary>Per-member limits on what she does inside her page's circuit, where ASP.NET's rate limiter (which sees
/// HTTP requests) does not reach. The use cases ask before they act; a refusal says, in her language, when she may
/// go on. Counts live in this instance's memory (decision 022): they hold back floods, they are not quotas.</summary>
public sealed class MemberLimits : IDisposable
{
    private readonly PartitionedRateLimiter<(Guid Member, LimitedAction Action)> _limiter;
    private readonly ILogger<MemberLimits> _logger;

    public MemberLimits(IOptions<LimitOptions> options, ILogger<MemberLimits> logger)
    {
        _logger = logger;
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<(Guid Member, LimitedAction Action), (Guid Member, LimitedAction Action)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k =>
            {
                var limit = limits.For(k.Action);
                return new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limit.PermitLimit,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, limit.Window.Ticks / limit.PermitLimit)),
                    QueueLimit = 0,
                    // Refilled by the partitioned limiter's own heartbeat: no timer per member.
                    AutoReplenishment = false,
                };
            }));
    }

    /// <summary>Counts one more <paramref name="action"/> for her, or says why not (nothing is counted then).</summary>
    public string? Refusal(Guid memberId, LimitedAction action)
    {
        using var lease = _limiter.AttemptAcquire((memberId, action));
        if (lease.IsAcquired)
        {
            return null;
        }

        _logger.LogWarning("Member {MemberId} reached the limit on {Action}", memberId, action);
        Diagnostics.BoardMetrics.LimitReached(action);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : (TimeSpan?)null;
        return string.Format(CultureInfo.CurrentCulture, Message(action), Delay(wait));
    }

    public void Dispose() => _limiter.Dispose();

    private static string Message(LimitedAction action) => action switch
    {
        LimitedAction.PostRequest => Messages.LimitRequests,
        LimitedAction.Answer => Messages.LimitAnswers,
        LimitedAction.Report => Messages.LimitReports,
        LimitedAction.Thank => Messages.LimitThanks,
        LimitedAction.Offer => Messages.LimitOffers,
        _ => Messages.LimitSearches,
    };

    /// <summary>« dans 12 minutes », « dans une minute », « dans quelques instants ».</summary>
    private static string Delay(TimeSpan? wait) => wait switch
    {
        null => Messages.LimitSoon,
        { TotalMinutes: < 1 } => Messages.LimitSoon,
        { TotalMinutes: < 2 } => Messages.LimitInAMinute,
        { TotalHours: < 2 } w => string.Format(CultureInfo.CurrentCulture, Messages.LimitInMinutes, (int)Math.Ceiling(w.TotalMinutes)),
        var w => string.Format(CultureInfo.CurrentCulture, Messages.LimitInHours, (int)Math.Ceiling(w.Value.TotalHours)),
    };
}
