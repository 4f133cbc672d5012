using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Notifications;

public sealed record NotificationItem(
    long Id, NotificationKind Kind, long RequestId, string RequestTitle, int Count, string? LastActorName, DateTime UpdatedAt, bool IsRead);

/// <summary>Her notifications (newest first) and her unread count: only about requests she may still see.</summary>
public sealed class NotificationInboxHandler(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<NotificationItem>> ListAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, memberId, ct);
        return await (
                from n in db.Notifications.AsNoTracking()
                where n.RecipientId == memberId
                join r in db.HelpRequests.OpenableBy(viewer) on n.HelpRequestId equals r.Id
                orderby n.UpdatedAt descending
                select new NotificationItem(
                    n.Id, n.Kind, r.Id, r.Title, n.Count,
                    db.Members.Where(m => m.Id == n.LastActorId).Select(m => m.DisplayName).FirstOrDefault(),
                    n.UpdatedAt, n.ReadAt != null))
            .Take(PageSize)
            .ToListAsync(ct);
    }

    public async Task<int> CountUnreadAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, memberId, ct);
        return await (
                from n in db.Notifications
                where n.RecipientId == memberId && n.ReadAt == null
                join r in db.HelpRequests.OpenableBy(viewer) on n.HelpRequestId equals r.Id
                select n.Id)
            .CountAsync(ct);
    }

    /// <summary>Marks one notification, or all of hers when <paramref name="notificationId"/> is null, as read.</summary>
    public async Task MarkReadAsync(Guid memberId, long? notificationId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications
            .Where(n => n.RecipientId == memberId && n.ReadAt == null && (notificationId == null || n.Id == notificationId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>Which kinds she receives, of those that can reach her (the alert about a waiting request only reaches
    /// coordinatrices).</summary>
    public async Task<IReadOnlyDictionary<NotificationKind, bool>> SettingsAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.MemberId == memberId, ct)
            ?? new NotificationSettings(memberId);
        var coordinates = await db.CoordinatorAssignments.AnyAsync(a => a.MemberId == memberId, ct);
        return Enum.GetValues<NotificationKind>()
            .Where(k => coordinates || k != NotificationKind.AwaitsFirstAnswer)
            .ToDictionary(k => k, settings.Allows);
    }

    public async Task ChangeSettingAsync(Guid memberId, NotificationKind kind, bool enabled, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct))
        {
            return;
        }

        var settings = await db.NotificationSettings.SingleOrDefaultAsync(s => s.MemberId == memberId, ct);
        if (settings is null)
        {
            settings = new NotificationSettings(memberId);
            db.NotificationSettings.Add(settings);
        }

        settings.Set(kind, enabled);
        await db.SaveChangesAsync(ct);
    }
}
