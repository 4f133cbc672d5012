using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Notifications;

/// <summary>Turns what happened into notifications, in the same transaction as the change itself (so an
/// acknowledged answer never loses its notification). Each recipient is checked: she must still be allowed to see
/// the request, and must not have turned that kind off. Unread notifications of one kind on one request group.</summary>
internal static class Notifier
{
    public static async Task NotifyAsync(BoardDbContext db, IEnumerable<IDomainEvent> events, DateTime now, CancellationToken ct)
    {
        var viewers = new Dictionary<Guid, Viewer>();
        foreach (var domainEvent in events.OfType<IHelpRequestEvent>())
        {
            var (kind, recipients) = await RecipientsAsync(db, domainEvent, ct);
            foreach (var recipient in recipients.Distinct().Where(r => r != domainEvent.ActorId))
            {
                if (!viewers.TryGetValue(recipient, out var viewer))
                {
                    viewers[recipient] = viewer = await Viewer.LoadAsync(db, recipient, ct);
                }

                if (!viewer.CanSee(domainEvent.Request))
                {
                    continue;
                }

                var settings = await db.NotificationSettings.FindAsync([recipient], ct);
                if (settings is not null && !settings.Allows(kind))
                {
                    continue;
                }

                await AddOrGroupAsync(db, recipient, kind, domainEvent, now, ct);
            }
        }
    }

    private static async Task<(NotificationKind Kind, IReadOnlyList<Guid> Recipients)> RecipientsAsync(
        BoardDbContext db, IHelpRequestEvent domainEvent, CancellationToken ct) =>
        domainEvent switch
        {
            HelpRequestAnswered answered => (NotificationKind.NewAnswer, await FollowersAsync(db, answered.Request, ct)),
            AnswerMarkedHelpful helpful => (NotificationKind.AnswerHelpful, [helpful.Answer.AuthorId]),
            AnswerThanked { Thanked: true } thanked => (NotificationKind.AnswerThanked, [thanked.Answer.AuthorId]),
            HelpRequestClosed closed => (NotificationKind.ResolvedByModeration, [closed.Request.AuthorId]),
            HelpRequestHidden hidden => (NotificationKind.HiddenByModeration, [hidden.Request.AuthorId]),
            AnswerHidden hidden => (NotificationKind.AnswerHiddenByModeration, [hidden.Answer.AuthorId]),
            HelpProposed proposed => (NotificationKind.ProposedToHelp, proposed.Recipients),
            HelpInvited invited => (NotificationKind.InvitedToHelp, invited.Recipients),
            FirstAnswerAwaited awaited => (NotificationKind.AwaitsFirstAnswer, awaited.Coordinatrices),
            NetworkOffered offered => (NotificationKind.MayOpenToNetwork, [offered.Request.AuthorId]),
            FollowUpAsked asked => (NotificationKind.FollowUpAsked, [asked.Request.AuthorId]),
            OffererAsked asked => (NotificationKind.OfferAsked, [asked.OffererId]),
            _ => (default, []),
        };

    private static async Task<IReadOnlyList<Guid>> FollowersAsync(BoardDbContext db, HelpRequest request, CancellationToken ct)
    {
        var stored = await db.Follows.Where(f => f.HelpRequestId == request.Id).Select(f => f.MemberId).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<Following.Follow>()
            .Where(e => e.State == EntityState.Added && e.Entity.HelpRequestId == request.Id)
            .Select(e => e.Entity.MemberId);
        return [.. stored.Union(added)];
    }

    private static async Task AddOrGroupAsync(
        BoardDbContext db, Guid recipient, NotificationKind kind, IHelpRequestEvent domainEvent, DateTime now, CancellationToken ct)
    {
        var requestId = domainEvent.Request.Id;
        var unread = db.Notifications.Local.FirstOrDefault(n =>
                n.RecipientId == recipient && n.HelpRequestId == requestId && n.Kind == kind && n.ReadAt is null)
            ?? await db.Notifications.FirstOrDefaultAsync(n =>
                n.RecipientId == recipient && n.HelpRequestId == requestId && n.Kind == kind && n.ReadAt == null, ct);
        if (unread is not null)
        {
            unread.Group(domainEvent.ActorId, now);
        }
        else
        {
            db.Notifications.Add(new Notification(recipient, kind, requestId, domainEvent.ActorId, now));
        }
    }
}
