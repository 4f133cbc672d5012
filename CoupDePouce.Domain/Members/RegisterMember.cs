using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Members;

/// <summary>A person joins the network: her account and her membership of a home coordination.</summary>
public sealed record RegisterMember(string? DisplayName, string? Email, string? Password, int? HomeCoordinationId, string? Activity);

/// <summary>Creates the account and gives it the Member role in one transaction, so a half-made account never exists.
/// Runs on the request's scoped context because Identity's store works on it.</summary>
public sealed class RegisterMemberHandler(
    UserManager<Member> users,
    BoardDbContext db,
    IValidator<RegisterMember> validator,
    TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RegisterMember command, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return Result<Guid>.Invalid(validation);
        }

        var coordination = await db.Coordinations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == command.HomeCoordinationId, ct);
        if (coordination is null)
        {
            return Result<Guid>.Invalid(new Problem(nameof(RegisterMember.HomeCoordinationId), Messages.CoordinationUnknown));
        }

        if (coordination.IsArchived)
        {
            return Result<Guid>.Invalid(new Problem(nameof(RegisterMember.HomeCoordinationId), Messages.CoordinationArchived));
        }

        var email = command.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Result<Guid>.Invalid(new Problem(nameof(RegisterMember.Email), Messages.EmailTaken));
        }

        var member = Member.Register(command.DisplayName!, email, command.Activity ?? string.Empty, coordination.Id, clock.GetUtcNow().UtcDateTime, pending: true);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(member, command.Password!);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(member, MemberRoles.Member);
        }

        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            var reasons = string.Join(" ", created.Errors.Select(e => e.Description));
            return Result<Guid>.Invalid(new Problem(string.Empty, Text.Format(Messages.AccountNotCreated, reasons)));
        }

        await transaction.CommitAsync(ct);
        return Result<Guid>.Success(member.Id);
    }
}
