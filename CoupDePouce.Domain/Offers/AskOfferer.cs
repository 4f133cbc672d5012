using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Offers;

/// <summary>« Lui demander »: the asker asks an offerer for her offer on her request; the offerer is told at once
/// (live, in her notifications), once per offer and request.</summary>
public sealed record AskOfferer(Guid AskerId, long RequestId, long OfferId);

public sealed class AskOffererHandler(HelpRequestActions actions, Engagement.NetworkTimeZone zone, Limits.MemberLimits limits)
{
    public Task<Result<bool>> HandleAsync(AskOfferer command, CancellationToken ct = default) =>
        actions.RunAsync(command.AskerId, command.RequestId, async context =>
        {
            var request = context.Request;
            if (request.AuthorId != context.MemberId)
            {
                throw DomainRuleViolation.Forbidden(Messages.OfferAskNotYourRequest);
            }

            if (request.Status is HelpRequestStatus.Resolved or HelpRequestStatus.Closed || request.IsLocked)
            {
                throw new DomainRuleViolation(Messages.OfferAskRequestClosed);
            }

            if (await Moderation.SuspendMemberHandler.RefusalForAsync(context.Db, context.MemberId, context.Now, ct) is { } suspended)
            {
                throw DomainRuleViolation.Forbidden(suspended);
            }

            var offer = await context.Db.HelpOffers.SingleOrDefaultAsync(o => o.Id == command.OfferId, ct);
            if (offer is null || offer.AuthorId == context.MemberId || !offer.IsVisibleTo(context.Viewer) || !offer.StandsOn(zone.Today(context.Now))
                || offer.ThemeId != request.ThemeId)
            {
                throw DomainRuleViolation.NotFound(Messages.OfferNotAvailable);
            }

            var offerer = await Viewer.LoadAsync(context.Db, offer.AuthorId, ct);
            if (!offerer.CanSee(request))
            {
                throw new DomainRuleViolation(Messages.OfferAskOffererCannotSee);
            }

            if (await context.Db.OfferAsks.AnyAsync(a => a.OfferId == offer.Id && a.HelpRequestId == request.Id, ct))
            {
                throw new DomainRuleViolation(Messages.OfferAlreadyAsked);
            }

            if (limits.Refusal(context.MemberId, Limits.LimitedAction.Offer) is { } limited)
            {
                throw DomainRuleViolation.Forbidden(limited);
            }

            context.Db.OfferAsks.Add(new OfferAsk(offer.Id, request.Id, context.Now));
            request.AskOfferer(offer.AuthorId, context.MemberId, context.Now);
            return true;
        }, ct);
}
