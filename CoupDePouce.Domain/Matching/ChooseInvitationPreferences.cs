using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Matching;

/// <summary>She chooses how many invitations to help she accepts per week, and her quiet hours (both or none;
/// they may run past midnight). <see cref="ActorId"/> is who asks: only she may change hers.</summary>
public sealed record ChooseInvitationPreferences(Guid ActorId, Guid MemberId, int PerWeek, TimeOnly? QuietFrom, TimeOnly? QuietUntil);

/// <summary>Her invitation preferences as they are stored (the defaults when she never chose).</summary>
public sealed record InvitationChoices(int PerWeek, TimeOnly? QuietFrom, TimeOnly? QuietUntil);

public sealed class ChooseInvitationPreferencesValidator : AbstractValidator<ChooseInvitationPreferences>
{
    public ChooseInvitationPreferencesValidator()
    {
        RuleFor(c => c.PerWeek).InclusiveBetween(0, InvitationPreferences.MaxPerWeek)
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.InvitationsPerWeekRange, InvitationPreferences.MaxPerWeek));
        RuleFor(c => c.QuietUntil).NotNull().When(c => c.QuietFrom is not null).WithMessage(_ => Messages.QuietHoursBoth);
        RuleFor(c => c.QuietFrom).NotNull().When(c => c.QuietUntil is not null).WithMessage(_ => Messages.QuietHoursBoth);
        RuleFor(c => c.QuietUntil).NotEqual(c => c.QuietFrom).When(c => c.QuietFrom is not null).WithMessage(_ => Messages.QuietHoursSame);
    }
}

public sealed class ChooseInvitationPreferencesHandler(
    IDbContextFactory<BoardDbContext> dbFactory,
    IValidator<ChooseInvitationPreferences> validator,
    ILogger<ChooseInvitationPreferencesHandler> logger)
{
    public async Task<Result<InvitationChoices>> HandleAsync(ChooseInvitationPreferences command, CancellationToken ct = default)
    {
        if (command.ActorId != command.MemberId)
        {
            logger.LogWarning("Member {ActorId} tried to change the invitation preferences of member {MemberId}", command.ActorId, command.MemberId);
            return Result<InvitationChoices>.Forbidden(Messages.InvitationPreferencesNotYours);
        }

        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return Result<InvitationChoices>.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Members.StillMembers().AnyAsync(m => m.Id == command.MemberId, ct))
        {
            return Result<InvitationChoices>.Forbidden(Messages.MemberUnknown);
        }

        var preferences = await db.InvitationPreferences.SingleOrDefaultAsync(p => p.MemberId == command.MemberId, ct);
        if (preferences is null)
        {
            preferences = new InvitationPreferences(command.MemberId);
            db.InvitationPreferences.Add(preferences);
        }

        preferences.Choose(command.PerWeek, command.QuietFrom, command.QuietUntil);
        await db.SaveChangesAsync(ct);
        return Result<InvitationChoices>.Success(new(preferences.PerWeek, preferences.QuietFrom, preferences.QuietUntil));
    }

    public async Task<InvitationChoices> ReadAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InvitationPreferences.AsNoTracking().Where(p => p.MemberId == memberId)
                .Select(p => new InvitationChoices(p.PerWeek, p.QuietFrom, p.QuietUntil))
                .SingleOrDefaultAsync(ct)
            ?? new InvitationChoices(InvitationPreferences.DefaultPerWeek, null, null);
    }
}
