using System.Data.Common;
using System.Runtime.CompilerServices;
using CoupDePouce.Domain.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoupDePouce.Domain.Persistence;

/// <summary>What every connection the board opens is given: the search index's functions (decision 019), and reads
/// through a memory map of the database file rather than copies into each connection's own small page cache (the
/// dashboards' statements read megabytes of index on several connections at once; BENCHMARKS.md, « Dashboards »).</summary>
public sealed class BoardConnections : DbConnectionInterceptor
{
    /// <summary>How much of the file is mapped: all of it up to this size (the rest is read as usual).</summary>
    public const long MemoryMapBytes = 256L * 1024 * 1024;

    public static BoardConnections Instance { get; } = new();

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Mapped = new();
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            SearchFunctions.AddTo(sqlite);
            // A pooled connection keeps its native handle, and the handle its settings: mapped once per handle.
            if (sqlite.Handle is { } handle && Mapped.TryAdd(handle, Done))
            {
                using var pragma = sqlite.CreateCommand();
                pragma.CommandText = $"PRAGMA mmap_size = {MemoryMapBytes};";
                pragma.ExecuteNonQuery();
            }
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
