using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoupDePouce.Domain.Persistence;

/// <summary>Where the database lives and how it is brought up to date at start-up.</summary>
public static class BoardDatabase
{
    public const string DefaultConnectionString = "Data Source=App_Data/coupdepouce.db";

    /// <summary>Resolves a relative file path against the app's folder (not the shell's current directory)
    /// and creates the folder, so a fresh clone runs with nothing to prepare.</summary>
    public static string ResolveConnectionString(string? configured, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        var isFile = !string.IsNullOrEmpty(builder.DataSource)
            && builder.DataSource != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory;
        if (isFile)
        {
            if (!Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>The folder that holds the database file (the app's data folder).</summary>
    public static string DataDirectory(string connectionString) =>
        Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource) is { Length: > 0 } folder
            ? folder
            : AppContext.BaseDirectory;

    /// <summary>Applies the migrations of the store's engine; a SQLite file is first switched to WAL (readers never
    /// block the writer; a crash loses no committed transaction). Never EnsureCreated: the schema only moves by
    /// migrations. Several instances starting at once on PostgreSQL take turns (EF locks the migrations history).</summary>
    public static async Task MigrateAsync(IDbContextFactory<BoardDbContext> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A write refused by a unique index (the same thing stored twice at the same instant), on either engine.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>The database could not be reached or answered too late (a server restarting, a network cut, a file
    /// held by another writer past its wait): nothing was stored, and trying again in a moment may work. Anything
    /// else is a fault, not an outage.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException
                or SqliteException { SqliteErrorCode: 5 or 6 } or RetryLimitExceededException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The health probe: true when the database answers a real query on the board's schema.</summary>
    public static Task<bool> AnswersAsync(BoardDbContext db, CancellationToken ct) => db.Themes.AnyAsync(ct);
}
