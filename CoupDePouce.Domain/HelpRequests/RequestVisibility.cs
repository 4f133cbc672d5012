using CoupDePouce.Domain.Members;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The confidentiality rule, in one place: a coordination-only request is for that coordination's
/// members (and its coordinatrices and admins); a network request is for every member; nothing is for
/// anonymous visitors. Withdrawn requests are for nobody; hidden ones are off every list and search, and open
/// (marked hidden) only to their author and their moderators.</summary>
public static class RequestVisibility
{
    /// <summary>What she may find in lists, search and suggestions.</summary>
    public static IQueryable<HelpRequest> VisibleTo(this IQueryable<HelpRequest> requests, Viewer viewer) =>
        InScopeOf(requests.Where(r => !r.IsHidden && !r.IsWithdrawn), viewer);

    /// <summary>What she may open by its address: what she may list, plus hidden requests she wrote or moderates.</summary>
    public static IQueryable<HelpRequest> OpenableBy(this IQueryable<HelpRequest> requests, Viewer viewer)
    {
        var me = viewer.MemberId ?? Guid.Empty;
        var moderated = viewer.CoordinatedCoordinationIds.ToList();
        var admin = viewer.IsAdmin;
        return InScopeOf(
            requests.Where(r => !r.IsWithdrawn && (!r.IsHidden || r.AuthorId == me || admin || moderated.Contains(r.CoordinationId))),
            viewer);
    }

    private static IQueryable<HelpRequest> InScopeOf(IQueryable<HelpRequest> requests, Viewer viewer)
    {
        if (!viewer.IsSignedIn)
        {
            return requests.Where(_ => false);
        }

        if (viewer.IsAdmin)
        {
            return requests;
        }

        var home = viewer.HomeCoordinationId ?? 0;
        var coordinated = viewer.CoordinatedCoordinationIds.ToList();
        return requests.Where(r =>
            r.Visibility == Visibility.Network || r.CoordinationId == home || coordinated.Contains(r.CoordinationId));
    }

    /// <summary>Whether she may open this request: a hidden one only if she wrote it or moderates it (both see it
    /// marked hidden, with the reason).</summary>
    public static bool CanSee(this Viewer viewer, HelpRequest request) =>
        viewer.IsSignedIn
        && !request.IsWithdrawn
        && (request.Visibility == Visibility.Network || viewer.BelongsTo(request.CoordinationId))
        && (!request.IsHidden || request.AuthorId == viewer.MemberId || viewer.Moderates(request.CoordinationId));
}
