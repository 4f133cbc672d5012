namespace CoupDePouce.Domain.Relaunch;

/// <summary>A request proposed to one member by a coordinatrice: at most once per member and request (the key says
/// so too).</summary>
public sealed class HelpProposal
{
    private HelpProposal()
    {
    }

    internal HelpProposal(long helpRequestId, Guid memberId, Guid proposedById, DateTime at)
    {
        HelpRequestId = helpRequestId;
        MemberId = memberId;
        ProposedById = proposedById;
        At = at;
    }

    public long HelpRequestId { get; private set; }

    public Guid MemberId { get; private set; }

    public Guid ProposedById { get; private set; }

    public DateTime At { get; private set; }
}
