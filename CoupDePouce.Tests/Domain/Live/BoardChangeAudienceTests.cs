using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Live;
using CoupDePouce.Domain.Members;

namespace CoupDePouce.Tests.Domain.Live;

/// <summary>Who may hear of a change: exactly who may see its request.</summary>
public sealed class BoardChangeAudienceTests
{
    private const int Rennes = 1;
    private const int Lyon = 2;

    private static BoardChange Change(Visibility visibility) =>
        new(BoardChangeKind.Posted, 7, Rennes, visibility, Listed: true, Guid.NewGuid(), DateTime.UtcNow);

    private static Viewer Member(int home, bool admin = false, params int[] coordinates) =>
        new(Guid.NewGuid(), home, admin, coordinates.ToHashSet());

    public static TheoryData<string, Viewer, bool, bool> Matrix => new()
    {
        // who, viewer, hears of a coordination-only change, hears of a network change
        { "anonymous", Viewer.Anonymous, false, false },
        { "member of Rennes", Member(Rennes), true, true },
        { "member of Lyon", Member(Lyon), false, true },
        { "coordinatrice of Rennes living in Lyon", Member(Lyon, coordinates: Rennes), true, true },
        { "coordinatrice of Lyon", Member(Lyon, coordinates: Lyon), false, true },
        { "admin", Member(Lyon, admin: true), true, true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ReachesExactlyThoseWhoMaySeeTheRequest(string who, Viewer viewer, bool coordinationOnly, bool network)
    {
        Assert.True(coordinationOnly == Change(Visibility.Coordination).IsFor(viewer), who);
        Assert.True(network == Change(Visibility.Network).IsFor(viewer), who);
    }
}
