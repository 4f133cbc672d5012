namespace CoupDePouce.Domain.Members;

/// <summary>A coordinatrice runs this coordination. A coordination can have several.</summary>
public sealed class CoordinatorAssignment
{
    private CoordinatorAssignment()
    {
    }

    public CoordinatorAssignment(Guid memberId, int coordinationId, DateTime since)
    {
        MemberId = memberId;
        CoordinationId = coordinationId;
        Since = since;
    }

    public Guid MemberId { get; private set; }

    public int CoordinationId { get; private set; }

    public DateTime Since { get; private set; }
}
