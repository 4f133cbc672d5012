using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Offers;

/// <summary>« Je propose un coup de pouce »: from her home coordination, on a theme, until a day at most
/// <see cref="HelpOffer.MaxDays"/> ahead.</summary>
public sealed record PostOffer(Guid AuthorId, OfferKind Kind, string? Title, string? Details, int ThemeId, Visibility Visibility, DateOnly? EndsOn);

public sealed class PostOfferValidator : AbstractValidator<PostOffer>
{
    public PostOfferValidator()
    {
        // A request's lengths, in words about an offer rather than a need.
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.OfferTitleRequired)
            .Must(v => Text.Length(v) >= HelpRequest.TitleMinLength).WithMessage(_ => Text.Format(Messages.OfferTitleTooShort, HelpRequest.TitleMinLength))
            .Must(v => Text.Length(v) <= HelpRequest.TitleMaxLength).WithMessage(_ => Text.Format(Messages.TitleTooLong, HelpRequest.TitleMaxLength));
        RuleFor(c => c.Details).Cascade(CascadeMode.Stop)
            .Must(v => Text.Length(v) > 0).WithMessage(_ => Messages.OfferDetailsRequired)
            .Must(v => Text.Length(v) >= HelpRequest.DetailsMinLength).WithMessage(_ => Text.Format(Messages.OfferDetailsTooShort, HelpRequest.DetailsMinLength))
            .Must(v => Text.Length(v) <= HelpOffer.DetailsMaxLength).WithMessage(_ => Text.Format(Messages.DetailsTooLong, HelpOffer.DetailsMaxLength));
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => Messages.OfferKindUnknown);
        RuleFor(c => c.ThemeId).GreaterThan(0).WithMessage(_ => Messages.ThemeRequired);
        RuleFor(c => c.Visibility).IsInEnum().WithMessage(_ => Messages.VisibilityUnknown);
        RuleFor(c => c.EndsOn).NotNull().WithMessage(_ => Messages.OfferEndRequired);
    }
}

public sealed class PostOfferHandler(
    IDbContextFactory<BoardDbContext> dbFactory, IValidator<PostOffer> validator, TimeProvider clock, Engagement.NetworkTimeZone zone,
    Limits.MemberLimits limits)
{
    /// <summary>Where the form's end date starts: a month from today (network time).</summary>
    public DateOnly SuggestedEnd => zone.Today(clock.GetUtcNow().UtcDateTime).AddDays(30);

    public async Task<Result<long>> HandleAsync(PostOffer command, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return Result<long>.Invalid(validation);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = zone.Today(now);
        if (command.EndsOn < today || command.EndsOn > today.AddDays(HelpOffer.MaxDays))
        {
            return Result<long>.Invalid(new Problem(nameof(PostOffer.EndsOn), Text.Format(Messages.OfferEndOutOfRange, HelpOffer.MaxDays)));
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

        if (Moderation.SuspendMemberHandler.Refusal(author.SuspendedUntil, author.SuspensionReason, now) is { } suspended)
        {
            return Result<long>.Forbidden(suspended);
        }

        if (command.Visibility == Visibility.Coordination && !PostHelpRequestHandler.MayKeepToCoordination(author.Membership))
        {
            return Result<long>.Invalid(new Problem(nameof(PostOffer.Visibility), Messages.MembershipNotApprovedYet));
        }

        if (!await db.Themes.AnyAsync(t => t.Id == command.ThemeId, ct))
        {
            return Result<long>.Invalid(new Problem(nameof(PostOffer.ThemeId), Messages.ThemeUnknown));
        }

        if (limits.Refusal(command.AuthorId, Limits.LimitedAction.Offer) is { } limited)
        {
            return Result<long>.Forbidden(limited);
        }

        var offer = new HelpOffer(
            command.AuthorId, author.HomeCoordinationId, command.ThemeId, command.Visibility, command.Kind, command.Title!, command.Details!, command.EndsOn!.Value, now);
        db.HelpOffers.Add(offer);
        await db.SaveChangesAsync(ct);
        return Result<long>.Success(offer.Id);
    }
}
