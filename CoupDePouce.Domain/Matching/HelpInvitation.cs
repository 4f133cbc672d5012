namespace CoupDePouce.Domain.Matching;

/// <summary>A member invited, when a request was posted, to help with it because her skills include its theme. She is
/// told at once, or when her quiet hours end (<see cref="DeliverAt"/>); never twice for one request (the key says so
/// too). Every invitation counts in her weekly cap from the moment it is made, held or not.</summary>
public sealed class HelpInvitation
{
    private HelpInvitation()
    {
    }

    internal HelpInvitation(long helpRequestId, Guid memberId, DateTime now, DateTime deliverAt)
    {
        HelpRequestId = helpRequestId;
        MemberId = memberId;
        CreatedAt = now;
        DeliverAt = deliverAt > now ? deliverAt : now;
        DeliveredAt = deliverAt > now ? null : now;
    }

    public long HelpRequestId { get; private set; }

    public Guid MemberId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When she may be told: now, or the end of her quiet hours.</summary>
    public DateTime DeliverAt { get; private set; }

    /// <summary>When she was told (null while held).</summary>
    public DateTime? DeliveredAt { get; private set; }

    /// <summary>Held, and no longer worth telling when its time came (the request got its answer, was resolved, closed,
    /// withdrawn or hidden meanwhile): she is never told.</summary>
    public bool Dropped { get; private set; }

    public bool IsHeld => DeliveredAt is null && !Dropped;

    /// <summary>Her quiet hours ended: she is told now, or never when it is no longer worth it.</summary>
    internal void Settle(bool tell, DateTime now)
    {
        if (tell)
        {
            DeliveredAt = now;
        }
        else
        {
            Dropped = true;
        }
    }
}
