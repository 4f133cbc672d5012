using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.AspNetCore.Identity;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Coordinations;

public sealed record CreateCoordination(Guid AdminId, string Name, string Region, string Country);

public sealed record RenameCoordination(Guid AdminId, int CoordinationId, string Name, string Region, string Country);

/// <summary>The fields' rules, for the form while she types (the handler checks them the same way, and that the
/// name is not taken).</summary>
public sealed class CreateCoordinationValidator : AbstractValidator<CreateCoordination>
{
    public CreateCoordinationValidator()
    {
        RuleFor(c => c.Name).ValidCoordinationField(Coordination.MaxNameLength);
        RuleFor(c => c.Region).ValidCoordinationField(Coordination.MaxRegionLength);
        RuleFor(c => c.Country).ValidCoordinationField(Coordination.MaxCountryLength);
    }
}

public sealed class RenameCoordinationValidator : AbstractValidator<RenameCoordination>
{
    public RenameCoordinationValidator()
    {
        RuleFor(c => c.Name).ValidCoordinationField(Coordination.MaxNameLength);
        RuleFor(c => c.Region).ValidCoordinationField(Coordination.MaxRegionLength);
        RuleFor(c => c.Country).ValidCoordinationField(Coordination.MaxCountryLength);
    }
}

/// <summary>Archived: no new members nor moves in; what it holds stays readable. Unarchiving opens it again.</summary>
public sealed record ArchiveCoordination(Guid AdminId, int CoordinationId, bool Archived = true);

/// <summary>A member (found by her e-mail) becomes one of the coordination's coordinatrices.</summary>
public sealed record AssignCoordinatrice(Guid AdminId, int CoordinationId, string Email);

public sealed record RemoveCoordinatrice(Guid AdminId, int CoordinationId, Guid MemberId);

public sealed record CoordinatriceView(Guid Id, string DisplayName, string Email);

public sealed record ManagedCoordination(
    int Id, string Name, string Region, string Country, bool IsArchived, int Members, IReadOnlyList<CoordinatriceView> Coordinatrices);

/// <summary>Admins run the network's map: coordinations and who coordinates them (a coordination can have
/// several coordinatrices; a coordinatrice can run several). Assignments are logged.</summary>
public sealed class ManageCoordinationsHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<ManageCoordinationsHandler> logger)
{
    public async Task<Result<IReadOnlyList<ManagedCoordination>>> ListAsync(Guid adminId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefusalAsync(db, adminId, ct) is { } refusal)
        {
            return Result<IReadOnlyList<ManagedCoordination>>.Forbidden(refusal);
        }

        var coordinatrices = (await (
                from a in db.CoordinatorAssignments.AsNoTracking()
                join m in db.Members on a.MemberId equals m.Id
                orderby m.DisplayName
                select new { a.CoordinationId, View = new CoordinatriceView(m.Id, m.DisplayName, m.Email ?? string.Empty) })
            .ToListAsync(ct))
            .ToLookup(a => a.CoordinationId, a => a.View);
        var coordinations = await db.Coordinations.AsNoTracking()
            .OrderBy(c => c.IsArchived).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Region, c.Country, c.IsArchived, Members = db.Members.StillMembers().Count(m => m.HomeCoordinationId == c.Id) })
            .ToListAsync(ct);
        return Result<IReadOnlyList<ManagedCoordination>>.Success(coordinations
            .Select(c => new ManagedCoordination(c.Id, c.Name, c.Region, c.Country, c.IsArchived, c.Members, [.. coordinatrices[c.Id]]))
            .ToList());
    }

    public async Task<Result<int>> HandleAsync(CreateCoordination command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefusalAsync(db, command.AdminId, ct) is { } refusal)
        {
            return Result<int>.Forbidden(refusal);
        }

        if (await ProblemsAsync(db, null, command.Name, command.Region, command.Country, ct) is { Length: > 0 } problems)
        {
            return Result<int>.Invalid(problems);
        }

        var coordination = new Coordination(Text.Clean(command.Name), Text.Clean(command.Region), Text.Clean(command.Country));
        db.Coordinations.Add(coordination);
        await db.SaveChangesAsync(ct);
        return Result<int>.Success(coordination.Id);
    }

    public Task<Result<bool>> HandleAsync(RenameCoordination command, CancellationToken ct = default) =>
        ChangeAsync(command.AdminId, command.CoordinationId, async (db, coordination) =>
        {
            if (await ProblemsAsync(db, coordination.Id, command.Name, command.Region, command.Country, ct) is { Length: > 0 } problems)
            {
                return Result<bool>.Invalid(problems);
            }

            coordination.Rename(Text.Clean(command.Name), Text.Clean(command.Region), Text.Clean(command.Country));
            return null;
        }, ct);

    public Task<Result<bool>> HandleAsync(ArchiveCoordination command, CancellationToken ct = default) =>
        ChangeAsync(command.AdminId, command.CoordinationId, (_, coordination) =>
        {
            coordination.SetArchived(command.Archived);
            return Task.FromResult<Result<bool>?>(null);
        }, ct);

    public Task<Result<bool>> HandleAsync(AssignCoordinatrice command, CancellationToken ct = default) =>
        ChangeAsync(command.AdminId, command.CoordinationId, async (db, coordination) =>
        {
            var email = Text.Clean(command.Email).ToUpperInvariant();
            var member = await db.Members.SingleOrDefaultAsync(m => m.NormalizedEmail == email, ct);
            if (member is null)
            {
                return Result<bool>.Invalid(new Problem(nameof(AssignCoordinatrice.Email), Messages.NoMemberWithThisEmail));
            }

            // A coordinatrice reads her coordination's confidential requests: only a member the network has approved.
            if (member.Membership != MembershipStatus.Approved)
            {
                return Result<bool>.Invalid(new Problem(nameof(AssignCoordinatrice.Email), Messages.CoordinatriceMustBeApproved));
            }

            if (await db.CoordinatorAssignments.AnyAsync(a => a.MemberId == member.Id && a.CoordinationId == coordination.Id, ct))
            {
                return Result<bool>.Refused(new DomainRuleViolation(Messages.AlreadyCoordinatrice));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.CoordinatorAssignments.Add(new CoordinatorAssignment(member.Id, coordination.Id, now));
            if (!await db.UserRoles.AnyAsync(r => r.UserId == member.Id && r.RoleId == MemberRoles.CoordinatorRoleId, ct))
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = member.Id, RoleId = MemberRoles.CoordinatorRoleId });
            }

            db.ModerationLog.Add(new ModerationEntry(now, command.AdminId, coordination.Id, ModerationAction.AssignCoordinatrice, ModerationTarget.Member, 0, null, member.Id));
            return null;
        }, ct);

    public Task<Result<bool>> HandleAsync(RemoveCoordinatrice command, CancellationToken ct = default) =>
        ChangeAsync(command.AdminId, command.CoordinationId, async (db, coordination) =>
        {
            var assignment = await db.CoordinatorAssignments.SingleOrDefaultAsync(a => a.MemberId == command.MemberId && a.CoordinationId == coordination.Id, ct);
            if (assignment is null)
            {
                return Result<bool>.Refused(DomainRuleViolation.NotFound(Messages.NotCoordinatriceHere));
            }

            db.CoordinatorAssignments.Remove(assignment);
            // Her open pages and her cookie carry her moderation menu: they end, and she signs in as a member.
            (await db.Members.SingleAsync(m => m.Id == command.MemberId, ct)).EndSessions();
            if (!await db.CoordinatorAssignments.AnyAsync(a => a.MemberId == command.MemberId && a.CoordinationId != coordination.Id, ct)
                && await db.UserRoles.SingleOrDefaultAsync(r => r.UserId == command.MemberId && r.RoleId == MemberRoles.CoordinatorRoleId, ct) is { } role)
            {
                db.UserRoles.Remove(role);
            }

            db.ModerationLog.Add(new ModerationEntry(
                clock.GetUtcNow().UtcDateTime, command.AdminId, coordination.Id, ModerationAction.RemoveCoordinatrice, ModerationTarget.Member, 0, null, command.MemberId));
            return null;
        }, ct);

    /// <summary>Loads the coordination for an admin, applies the change (which returns a refusal, or null when
    /// it went through) and commits.</summary>
    private async Task<Result<bool>> ChangeAsync(Guid adminId, int coordinationId, Func<BoardDbContext, Coordination, Task<Result<bool>?>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefusalAsync(db, adminId, ct) is { } refusal)
        {
            return Result<bool>.Forbidden(refusal);
        }

        var coordination = await db.Coordinations.SingleOrDefaultAsync(c => c.Id == coordinationId, ct);
        if (coordination is null)
        {
            return Result<bool>.NotFound(Messages.CoordinationUnknown);
        }

        if (await change(db, coordination) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return Result<bool>.Success(true);
    }

    private async Task<string?> RefusalAsync(BoardDbContext db, Guid adminId, CancellationToken ct)
    {
        if ((await Viewer.LoadAsync(db, adminId, ct)).IsAdmin)
        {
            return null;
        }

        logger.LogWarning("Member {MemberId} was refused managing coordinations", adminId);
        return Messages.OnlyAdminsManageCoordinations;
    }

    private static async Task<Problem[]> ProblemsAsync(BoardDbContext db, int? id, string? name, string? region, string? country, CancellationToken ct)
    {
        var problems = new List<Problem>();
        void Check(string? value, int max, string field)
        {
            if (!CoordinationFields.Valid(value, max))
            {
                problems.Add(new Problem(field, CoordinationFields.Message(max)));
            }
        }

        Check(name, Coordination.MaxNameLength, nameof(CreateCoordination.Name));
        Check(region, Coordination.MaxRegionLength, nameof(CreateCoordination.Region));
        Check(country, Coordination.MaxCountryLength, nameof(CreateCoordination.Country));
        // Compared here, not in SQL: SQLite's lower() only folds ASCII (« Île-de-France » and « île-de-france »).
        var cleaned = Text.Clean(name);
        var others = await db.Coordinations.Where(c => c.Id != id).Select(c => c.Name).ToListAsync(ct);
        if (problems.Count == 0 && others.Any(other => string.Equals(other, cleaned, StringComparison.CurrentCultureIgnoreCase)))
        {
            problems.Add(new Problem(nameof(CreateCoordination.Name), Messages.CoordinationNameTaken));
        }

        return [.. problems];
    }
}

/// <summary>A coordination's name, region and country: 2 characters at least, each its own maximum.</summary>
internal static class CoordinationFields
{
    public const int MinLength = 2;

    public static bool Valid(string? value, int max) => Text.Length(value) >= MinLength && Text.Length(value) <= max;

    public static string Message(int max) => Text.Format(Messages.CoordinationFieldLength, MinLength, max);

    public static IRuleBuilderOptions<T, string> ValidCoordinationField<T>(this IRuleBuilder<T, string> rule, int max) =>
        rule.Must(v => Valid(v, max)).WithMessage(_ => Message(max));
}
