using CoupDePouce.Domain.Members;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The confidentiality rule, in one place: a coordination-only request is for that coordination's
/// members (and its coordinatrices and admins); a network request is for every member; nothing is for
/// anonymous visitors. Hidden and withdrawn requests are for nobody.</summary>
public static class RequestVisibility
{
    public static IQueryable<HelpRequest> VisibleTo(this IQueryable<HelpRequest> requests, Viewer viewer)
    {
        if (!viewer.IsSignedIn)
        {
            return requests.Where(_ => false);
        }

        var listed = requests.Where(r => !r.IsHidden && !r.IsWithdrawn);
        if (viewer.IsAdmin)
        {
            return listed;
        }

        var home = viewer.HomeCoordinationId ?? 0;
        var coordinated = viewer.CoordinatedCoordinationIds.ToList();
        return listed.Where(r =>
            r.Visibility == Visibility.Network || r.CoordinationId == home || coordinated.Contains(r.CoordinationId));
    }

    public static bool CanSee(this Viewer viewer, HelpRequest request) =>
        viewer.IsSignedIn
        && !request.IsHidden
        && !request.IsWithdrawn
        && (request.Visibility == Visibility.Network || viewer.BelongsTo(request.CoordinationId));
}
