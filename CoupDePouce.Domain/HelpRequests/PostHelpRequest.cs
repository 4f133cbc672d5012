using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Following;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A member posts a coup de pouce. <see cref="CoordinationId"/> may be left out (her home coordination
/// is used); when given, it must be hers.</summary>
public sealed record PostHelpRequest(
    Guid AuthorId, string? Title, string? Details, int ThemeId, Visibility Visibility, int? CoordinationId = null);

public sealed class PostHelpRequestHandler(
    IDbContextFactory<BoardDbContext> dbFactory,
    IValidator<PostHelpRequest> validator,
    TimeProvider clock,
    Limits.MemberLimits limits,
    Engagement.NetworkTimeZone zone,
    ILogger<PostHelpRequestHandler> logger)
{
    public async Task<Result<long>> HandleAsync(PostHelpRequest command, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return Result<long>.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var author = await db.Members.AsNoTracking().StillMembers()
            .Where(m => m.Id == command.AuthorId)
            .Select(m => new { m.HomeCoordinationId, m.Membership, m.SuspendedUntil, m.SuspensionReason })
            .SingleOrDefaultAsync(ct);
        if (author is null)
        {
            return Result<long>.Forbidden(Messages.MemberUnknown);
        }

        var coordinationId = command.CoordinationId ?? author.HomeCoordinationId;
        if (!await db.Coordinations.AnyAsync(c => c.Id == coordinationId, ct))
        {
            return Result<long>.Invalid(new Problem(nameof(PostHelpRequest.CoordinationId), Messages.CoordinationUnknown));
        }

        if (coordinationId != author.HomeCoordinationId)
        {
            logger.LogWarning("Member {MemberId} tried to post in coordination {CoordinationId}, which is not hers", command.AuthorId, coordinationId);
            return Result<long>.Invalid(new Problem(nameof(PostHelpRequest.CoordinationId), Messages.CoordinationNotYours));
        }

        if (Moderation.SuspendMemberHandler.Refusal(author.SuspendedUntil, author.SuspensionReason, clock.GetUtcNow().UtcDateTime) is { } suspended)
        {
            logger.LogWarning("Member {MemberId} tried to post a request while suspended", command.AuthorId);
            return Result<long>.Forbidden(suspended);
        }

        if (command.Visibility == Visibility.Coordination && !MayKeepToCoordination(author.Membership))
        {
            return Result<long>.Invalid(new Problem(nameof(PostHelpRequest.Visibility), Messages.MembershipNotApprovedYet));
        }

        if (!await db.Themes.AnyAsync(t => t.Id == command.ThemeId, ct))
        {
            return Result<long>.Invalid(new Problem(nameof(PostHelpRequest.ThemeId), Messages.ThemeUnknown));
        }

        if (limits.Refusal(command.AuthorId, Limits.LimitedAction.PostRequest) is { } limited)
        {
            return Result<long>.Forbidden(limited);
        }

        var request = HelpRequest.Post(
            command.AuthorId, coordinationId, command.ThemeId, command.Visibility, command.Title!, command.Details!,
            clock.GetUtcNow().UtcDateTime);
        // The request, her following of it and the members invited to help are one commit.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.HelpRequests.Add(request);
        await db.SaveChangesAsync(ct);
        db.Follows.Add(new Follow(command.AuthorId, request.Id, request.CreatedAt));
        await Matching.InviteSkilledMembers.InviteAsync(db, request, request.CreatedAt, zone.Zone, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<long>.Success(request.Id);
    }

    /// <summary>A request kept to her coordination needs her membership of it approved: until then she reads and
    /// posts only network-wide.</summary>
    public static bool MayKeepToCoordination(Members.MembershipStatus membership) => membership == Members.MembershipStatus.Approved;
}
