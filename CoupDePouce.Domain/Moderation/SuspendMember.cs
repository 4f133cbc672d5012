using System.Globalization;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Moderation;

/// <summary>A coordinatrice of her coordination (or an admin) suspends a member from posting requests and answers
/// for some days, saying why. Logged with it. Suspending again replaces the end date.</summary>
public sealed record SuspendMember(Guid ModeratorId, Guid MemberId, int Days, string? Reason);

/// <summary>The suspension's rules, for its form (the handler checks them the same way).</summary>
public sealed class SuspendMemberValidator : AbstractValidator<SuspendMember>
{
    public SuspendMemberValidator()
    {
        RuleFor(c => c.Days).Must(SuspendMemberHandler.ValidDays).WithMessage(_ => SuspendMemberHandler.DaysMessage());
        RuleFor(c => c.Reason).ValidReason(() => Messages.ModerationReasonLength);
    }
}

/// <summary>A running suspension, as she reads it: until when, and the coordinatrice's reason.</summary>
public sealed record Suspension(DateTime Until, string Reason);

public sealed class SuspendMemberHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<SuspendMemberHandler> logger)
{
    public const int MaxDays = 365;

    internal static bool ValidDays(int days) => days is >= 1 and <= MaxDays;

    internal static string DaysMessage() => string.Format(CultureInfo.CurrentCulture, Messages.SuspensionDays, MaxDays);

    public async Task<Result<DateTime>> HandleAsync(SuspendMember command, CancellationToken ct = default)
    {
        if (!ValidDays(command.Days))
        {
            return Result<DateTime>.Invalid(new Problem(nameof(SuspendMember.Days), DaysMessage()));
        }

        if (ModerationReason.Check(command.Reason, nameof(SuspendMember.Reason), Messages.ModerationReasonLength, out var reason) is { } problem)
        {
            return Result<DateTime>.Invalid(problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, command.ModeratorId, ct);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == command.MemberId, ct);
        if (!viewer.IsSignedIn || member is null || !viewer.Moderates(member.HomeCoordinationId) || member.Id == viewer.MemberId)
        {
            logger.LogWarning("Member {ModeratorId} was refused suspending {MemberId}", command.ModeratorId, command.MemberId);
            return Result<DateTime>.Forbidden(Messages.OnlyModeratorsSuspend);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddDays(command.Days);
        member.Suspend(until, reason);
        db.ModerationLog.Add(new ModerationEntry(now, command.ModeratorId, member.HomeCoordinationId, ModerationAction.SuspendMember,
            ModerationTarget.Member, command.Days, reason, member.Id));
        await db.SaveChangesAsync(ct);
        return Result<DateTime>.Success(until);
    }

    /// <summary>Her running suspension (null when she may post), so that she learns it before she tries to post.</summary>
    public async Task<Suspension?> OfAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var suspension = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId && m.SuspendedUntil > now)
            .Select(m => new { m.SuspendedUntil, m.SuspensionReason })
            .SingleOrDefaultAsync(ct);
        return suspension is null ? null : new Suspension(suspension.SuspendedUntil!.Value, suspension.SuspensionReason ?? string.Empty);
    }

    /// <summary>The refusal a suspended member reads when she tries to post (null when she may).</summary>
    internal static async Task<string?> RefusalForAsync(BoardDbContext db, Guid memberId, DateTime now, CancellationToken ct)
    {
        var suspension = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new { m.SuspendedUntil, m.SuspensionReason })
            .SingleOrDefaultAsync(ct);
        return Refusal(suspension?.SuspendedUntil, suspension?.SuspensionReason, now);
    }

    /// <summary>The same, from a suspension already read with the rest of the member.</summary>
    internal static string? Refusal(DateTime? suspendedUntil, string? reason, DateTime now) =>
        suspendedUntil is { } until && until > now
            ? string.Format(CultureInfo.CurrentCulture, Messages.SuspendedUntil, until.ToLocalTime().ToString("d MMMM yyyy", CultureInfo.CurrentCulture), reason)
            : null;
}
