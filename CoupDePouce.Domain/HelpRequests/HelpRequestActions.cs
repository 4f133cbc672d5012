using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>What every action on a request has in common: her rights from the database, the request if she may
/// see it, the aggregate's own rule, notifications, one commit. When two members change the same request at the
/// same moment, the later one is re-applied on fresh data instead of overwriting the first.
/// Refused attempts (a request she may not see, an action her role does not allow) are logged.</summary>
public sealed class HelpRequestActions(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock, ILogger<HelpRequestActions> logger)
{
    /// <summary>Tries on one request changed by others meanwhile. On PostgreSQL writers truly run at once (on SQLite
    /// they take turns, decision 023), so several members answering the same second may each need a few.</summary>
    private const int Attempts = 8;

    public sealed record Context(HelpRequest Request, Viewer Viewer, BoardDbContext Db, DateTime Now)
    {
        public Guid MemberId => Viewer.MemberId!.Value;

        /// <summary>A member's home coordination (for an answer: whose coordinatrices may moderate it).</summary>
        public Task<int> HomeCoordinationOfAsync(Guid memberId, CancellationToken ct) =>
            Db.Members.Where(m => m.Id == memberId).Select(m => m.HomeCoordinationId).SingleAsync(ct);
    }

    /// <summary>For an action that only changes the aggregate.</summary>
    public Task<Result<T>> RunAsync<T>(Guid memberId, long requestId, Func<Context, T> act, CancellationToken ct = default) =>
        RunAsync(memberId, requestId, context => Task.FromResult(act(context)), ct);

    public async Task<Result<T>> RunAsync<T>(Guid memberId, long requestId, Func<Context, Task<T>> act, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var viewer = await Viewer.LoadAsync(db, memberId, ct);
            if (!viewer.IsSignedIn)
            {
                return Result<T>.Forbidden(Messages.MemberUnknown);
            }

            var request = await db.HelpRequests
                .Include(r => r.Answers).ThenInclude(a => a.Thanks)
                .AsSplitQuery()
                .SingleOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null || !viewer.CanSee(request))
            {
                logger.LogWarning("Member {MemberId} acted on request {RequestId}, which she may not see (or which does not exist)", memberId, requestId);
                return Result<T>.NotFound(Messages.RequestNotAvailable);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            T value;
            try
            {
                value = await act(new Context(request, viewer, db, now));
            }
            catch (DomainRuleViolation violation)
            {
                if (violation.Kind == FailureKind.Forbidden)
                {
                    logger.LogWarning("Member {MemberId} was refused an action on request {RequestId}: {Reason}", memberId, requestId, violation.Message);
                }

                return Result<T>.Refused(violation);
            }

            // Anything an action stores about this request (its own changes, a report, a decision on reports)
            // changes its version: two actions at once on one request never both decide on stale data.
            if (request.DomainEvents.Count > 0 || db.ChangeTracker.HasChanges())
            {
                db.Entry(request).Property<int>("Version").CurrentValue++;
            }

            await Notifier.NotifyAsync(db, request.DomainEvents, now, ct);
            Moderation.ModerationLog.Record(db, request.DomainEvents);
            try
            {
                await db.SaveChangesAsync(ct);
                return Result<T>.Success(value);
            }
            catch (DbUpdateException e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || Persistence.BoardDatabase.IsUniqueViolation(e)))
            {
                // Someone else changed this request meanwhile, or stored the same thing first (her following of it, a
                // second click of hers): start again from what is now stored, after a short pause that differs from
                // one writer to the next (so that they do not meet again at once).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10) * attempt), ct);
            }
        }
    }
}
