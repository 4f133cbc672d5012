namespace CoupDePouce.Domain.Following;

/// <summary>She follows a request: she hears of its new answers. Her own requests and those she answered are
/// followed automatically; she can follow or unfollow any request she may see.</summary>
public sealed class Follow
{
    private Follow()
    {
    }

    public Follow(Guid memberId, long helpRequestId, DateTime since)
    {
        MemberId = memberId;
        HelpRequestId = helpRequestId;
        Since = since;
    }

    public Guid MemberId { get; private set; }

    public long HelpRequestId { get; private set; }

    public DateTime Since { get; private set; }
}
