using System.Data.Common;
using System.Runtime.CompilerServices;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Live;

/// <summary>Publishes what the aggregates recorded only once it is committed: after SaveChanges when no
/// transaction is open, or when the open transaction commits; nothing when saving fails or the transaction rolls
/// back. So no screen ever shows something that was not stored.</summary>
public sealed class PublishAfterCommit(IServiceProvider services, ILogger<PublishAfterCommit> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Resolved on first use: the publisher (the app's live notifier) itself reads the database, whose options
    // hold this interceptor, so taking it in the constructor would be a dependency cycle.
    private IBoardChangePublisher Publisher => field ??= services.GetRequiredService<IBoardChangePublisher>();

    private TimeProvider Clock => field ??= services.GetService<TimeProvider>() ?? TimeProvider.System;

    private sealed class Pending
    {
        public List<IHelpRequestEvent> Saving { get; } = [];

        /// <summary>Coordinations whose moderation queues (reports, memberships) this save changes.</summary>
        public HashSet<int> SavingQueues { get; } = [];

        public List<BoardChange> Committing { get; } = [];

        /// <summary>Moderation entries this save adds, logged as security events once committed.</summary>
        public List<Moderation.ModerationEntry> Moderation { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var pending = _pending.GetOrCreateValue(context);
            foreach (var aggregate in context.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity))
            {
                pending.Saving.AddRange(aggregate.DomainEvents.OfType<IHelpRequestEvent>());
                aggregate.ClearDomainEvents();
            }

            QueuesChangedBy(context, pending.SavingQueues);
            pending.Moderation.AddRange(context.ChangeTracker.Entries<Moderation.ModerationEntry>()
                .Where(e => e.State == EntityState.Added).Select(e => e.Entity));
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            // Ids exist now (a new request got its id from the insert).
            pending.Committing.AddRange(pending.Saving.Select(BoardChange.From).OfType<BoardChange>());
            pending.Saving.Clear();
            pending.Committing.AddRange(pending.SavingQueues.Select(id => BoardChange.QueueChanged(id, Clock.GetUtcNow().UtcDateTime)));
            pending.SavingQueues.Clear();
            if (context.Database.CurrentTransaction is null)
            {
                await FlushAsync(context, pending, cancellationToken);
            }
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            pending.Saving.Clear();
            pending.SavingQueues.Clear();
            if (context.Database.CurrentTransaction is null)
            {
                pending.Committing.Clear();
                pending.Moderation.Clear();
            }
        }

        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            await FlushAsync(context, pending, cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Saving.Clear();
            pending.SavingQueues.Clear();
            pending.Committing.Clear();
            pending.Moderation.Clear();
        }
    }

    /// <summary>A report sent or decided, a member who asks to join or to move, or who is decided on, changes what
    /// waits for the coordinatrices of that coordination (before and after a move).</summary>
    private static void QueuesChangedBy(DbContext context, HashSet<int> coordinations)
    {
        foreach (var entry in context.ChangeTracker.Entries<Report>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            coordinations.Add(entry.Entity.CoordinationId);
        }

        foreach (var entry in context.ChangeTracker.Entries<Member>())
        {
            var membership = entry.Property(m => m.Membership);
            var requested = entry.Property(m => m.RequestedCoordinationId);
            // Changed, not merely marked: Identity's store marks every property of her row on each update (a sign-in
            // that resets her failed attempts), and that changes no queue.
            if ((entry.State == EntityState.Added && entry.Entity.AwaitedCoordinationId is not null)
                || (entry.State == EntityState.Modified && (Changed(membership) || Changed(requested))))
            {
                coordinations.Add(entry.Entity.HomeCoordinationId);
                if (requested.CurrentValue is { } now)
                {
                    coordinations.Add(now);
                }

                if (entry.State == EntityState.Modified && requested.OriginalValue is { } before)
                {
                    coordinations.Add(before);
                }
            }
        }
    }

    private static bool Changed<TProperty>(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<Member, TProperty> property) =>
        property.IsModified && !EqualityComparer<TProperty>.Default.Equals(property.OriginalValue, property.CurrentValue);

    private async Task FlushAsync(DbContext context, Pending pending, CancellationToken ct)
    {
        foreach (var entry in pending.Moderation)
        {
            // Who did what to which, never the reason she typed (it may quote the member).
            logger.LogInformation(
                "Moderation: {ModeratorId} did {Action} on {Target} {TargetId} (member {TargetMemberId}, coordination {CoordinationId})",
                entry.ActorId, entry.Action, entry.Target, entry.TargetId, entry.TargetMemberId, entry.CoordinationId);
        }

        pending.Moderation.Clear();
        if (pending.Committing.Count == 0)
        {
            return;
        }

        var changes = pending.Committing.ToList();
        pending.Committing.Clear();
        Diagnostics.BoardMetrics.Committed(changes);
        try
        {
            await Publisher.PublishAsync(changes, ct);
        }
        catch (Exception exception)
        {
            // The change is stored; a screen that misses it shows it on its next load. Never fail the member's action.
            logger.LogWarning(exception, "Could not publish {Count} board changes of {Context}", changes.Count, context.ContextId);
        }
    }
}
