using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoupDePouce.Domain.Persistence;

/// <summary>SQLite lets one writer in at a time; when another is writing, Microsoft.Data.Sqlite retries by putting
/// the thread to sleep (150 ms at a time), so under a burst of posts a few wait for seconds while others get in
/// (BENCHMARKS.md, « Writers »). This gate queues the process's own writers in turn instead, without holding a
/// thread: a transaction, or a save outside one, waits its turn for its database file before it begins and gives
/// it back when it ends (committed, rolled back, failed, or its connection closed). Another process on the same
/// file still meets SQLite's own locking and retries (decision 023).</summary>
public sealed class OneWriterAtATime : SaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>Past this wait a writer goes on without the gate and meets SQLite's own busy handling: a writer of
    /// this process that opened a second context while holding the first's turn is not blocked for ever.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    public static OneWriterAtATime Instance { get; } = new();

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> _heldByTransaction = [];
    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> _heldBySave = [];

    /// <summary>Whether a writer of this process holds the turn of this database file now.</summary>
    public bool IsWriting(string databaseFile) => _turns.TryGetValue(databaseFile, out var turn) && turn.CurrentCount == 0;

    private SemaphoreSlim TurnOf(DbConnection connection) =>
        _turns.GetOrAdd(connection is SqliteConnection sqlite ? sqlite.DataSource : connection.DataSource, static _ => new SemaphoreSlim(1, 1));

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || SavingAlready(context))
        {
            return result;
        }

        var turn = TurnOf(connection);
        if (await turn.WaitAsync(LongestWait, cancellationToken))
        {
            Hold(_heldByTransaction, context, turn);
        }

        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (eventData.Context is not { } context || SavingAlready(context))
        {
            return result;
        }

        var turn = TurnOf(connection);
        if (turn.Wait(LongestWait))
        {
            Hold(_heldByTransaction, context, turn);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(_heldByTransaction, eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(_heldByTransaction, eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(_heldByTransaction, eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(_heldByTransaction, eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(_heldByTransaction, eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(_heldByTransaction, eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without a commit or a rollback (an exception in between) ends with its
    /// connection: the turn is given back then.</summary>
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(_heldByTransaction, eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(_heldByTransaction, eventData.Context);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(_heldByTransaction, eventData.Context);

    public ValueTask ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(_heldByTransaction, eventData.Context);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            var turn = TurnOf(context.Database.GetDbConnection());
            if (await turn.WaitAsync(LongestWait, cancellationToken))
            {
                Hold(_heldBySave, context, turn);
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            var turn = TurnOf(context.Database.GetDbConnection());
            if (turn.Wait(LongestWait))
            {
                Hold(_heldBySave, context, turn);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(_heldBySave, eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(_heldBySave, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(_heldBySave, eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(_heldBySave, eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(_heldBySave, eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(_heldBySave, eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A save outside any transaction holds the turn already when EF opens its own transaction for it.</summary>
    private bool SavingAlready(DbContext context) => _heldBySave.TryGetValue(context, out _);

    private static void Hold<TKey>(ConditionalWeakTable<TKey, SemaphoreSlim> held, TKey key, SemaphoreSlim turn)
        where TKey : class
    {
        if (!held.TryAdd(key, turn))
        {
            // Already holding this file's turn under this key: never hold it twice.
            turn.Release();
        }
    }

    private static void Release<TKey>(ConditionalWeakTable<TKey, SemaphoreSlim> held, TKey? key)
        where TKey : class
    {
        if (key is not null && held.TryGetValue(key, out var turn) && held.Remove(key))
        {
            turn.Release();
        }
    }
}
