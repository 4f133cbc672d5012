using System.Diagnostics.Metrics;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Live;

namespace CoupDePouce.Domain.Diagnostics;

/// <summary>What the board does, counted (System.Diagnostics.Metrics, meter « CoupDePouce.Board »; the README says how
/// to watch it with dotnet-counters): posts once committed, and the actions the Domain refused, by why. No member,
/// request or text is ever a tag: the counters say how much, the logs say who.</summary>
public static class BoardMetrics
{
    public const string MeterName = "CoupDePouce.Board";

    public const string PostsInstrument = "coupdepouce.posts";

    public const string RefusalsInstrument = "coupdepouce.refusals";

    public const string LimitsInstrument = "coupdepouce.limits.reached";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Posts = Meter.CreateCounter<long>(
        PostsInstrument, unit: "{post}", description: "Requests and answers posted (committed)");

    private static readonly Counter<long> LimitsReached = Meter.CreateCounter<long>(
        LimitsInstrument, unit: "{refusal}", description: "Actions a per-member limit held back (each also a forbidden refusal)");

    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        RefusalsInstrument, unit: "{refusal}", description: "Actions the Domain refused: invalid, forbidden, not found");

    /// <summary>Counts the posts among changes that were just committed.</summary>
    internal static void Committed(IEnumerable<BoardChange> changes)
    {
        foreach (var change in changes)
        {
            var kind = change.Kind switch
            {
                BoardChangeKind.Posted => "request",
                BoardChangeKind.Answered => "answer",
                _ => null,
            };
            if (kind is not null)
            {
                Posts.Add(1, new KeyValuePair<string, object?>("kind", kind));
            }
        }
    }

    internal static void Refused(FailureKind kind) =>
        Refusals.Add(1, new KeyValuePair<string, object?>("reason", kind switch
        {
            FailureKind.Invalid => "invalid",
            FailureKind.Forbidden => "forbidden",
            FailureKind.NotFound => "not_found",
            _ => "other",
        }));

    /// <summary>A per-member limit said no (the result it gives is also counted, as « forbidden »).</summary>
    internal static void LimitReached(Limits.LimitedAction action) =>
        LimitsReached.Add(1, new KeyValuePair<string, object?>("action", action.ToString()));
}
