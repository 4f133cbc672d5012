using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Domain.Moderation;

/// <summary>Writes a log line for every moderation decision among an operation's events, before the commit that
/// carries them (so a decision and its line are stored together, or neither is).</summary>
internal static class ModerationLog
{
    public static void Record(BoardDbContext db, IEnumerable<object> domainEvents)
    {
        foreach (var decision in domainEvents.OfType<IModerationEvent>())
        {
            db.ModerationLog.Add(new ModerationEntry(
                decision.OccurredAt,
                decision.ActorId ?? Guid.Empty,
                decision.CoordinationId,
                decision.Action,
                decision.AnswerId is null ? ModerationTarget.Request : ModerationTarget.Answer,
                decision.AnswerId ?? decision.Request.Id,
                decision.Reason));
        }
    }
}
