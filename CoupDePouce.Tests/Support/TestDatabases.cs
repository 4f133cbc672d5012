using CoupDePouce.Domain;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupDePouce.Tests.Support;

/// <summary>A fresh, migrated board database for one test, on either engine (decision 033): a copy of a SQLite file
/// migrated once per run, or a PostgreSQL database made from a template migrated once per run on the run's own
/// server (<see cref="PostgresServer"/>, started on first use and stopped when the run ends).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder? _folder;
    private readonly string? _postgresName;

    private TestDatabase(BoardStore store, TempFolder? folder, string? postgresName)
    {
        Store = store;
        _folder = folder;
        _postgresName = postgresName;
    }

    public BoardStore Store { get; }

    public DatabaseProvider Provider => Store.Provider;

    /// <summary>The SQLite file (SQLite only).</summary>
    public string FilePath => _folder?.File("board.db") ?? throw new InvalidOperationException("A PostgreSQL database has no file.");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = new TempFolder();
            // A copy of a database migrated once per test run (hundreds of tests each need a fresh one); migrating it
            // again finds nothing to do, as on any start-up. The migrations themselves are tested from an empty file.
            File.Copy(await SqliteTemplate.Value, folder.File("board.db"));
            return new TestDatabase(BoardStore.Sqlite($"Data Source={folder.File("board.db")}"), folder, null);
        }

        var server = await Server.Value;
        await PostgresTemplate.Value;
        var name = $"t_{Guid.NewGuid():N}";
        await ExecuteAsync(server.ConnectionString(), $"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        return new TestDatabase(BoardStore.Postgres(Pooled(server, name)), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync((await Server.Value).ConnectionString(), $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }

        _folder?.Dispose();
    }

    private const string TemplateName = "board_template";

    /// <summary>The run's PostgreSQL, started the first time a test asks for it.</summary>
    public static readonly Lazy<Task<PostgresServer>> Server = new(StartServerAsync);

    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);

    private static readonly Lazy<Task> PostgresTemplate = new(CreatePostgresTemplateAsync);

    private static string Pooled(PostgresServer server, string database) =>
        server.ConnectionString(database).Replace("Pooling=false", "Pooling=true;Maximum Pool Size=20", StringComparison.Ordinal);

    private static async Task<PostgresServer> StartServerAsync()
    {
        var server = new PostgresServer();
        await server.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var folder = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        var path = folder.File("template.db");
        await using (var services = new ServiceCollection().AddLogging().AddCoupDePouceDomain($"Data Source={path}").BuildServiceProvider())
        {
            var dbFactory = services.GetRequiredService<IDbContextFactory<BoardDbContext>>();
            await BoardDatabase.MigrateAsync(dbFactory);
            await using var db = await dbFactory.CreateDbContextAsync();
            // Everything in the file itself, nothing left in the write-ahead log.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    private static async Task CreatePostgresTemplateAsync()
    {
        var server = await Server.Value;
        await ExecuteAsync(server.ConnectionString(), $"CREATE DATABASE {TemplateName}");
        await using (var services = new ServiceCollection().AddLogging()
            .AddCoupDePouceDomain(BoardStore.Postgres(server.ConnectionString(TemplateName))).BuildServiceProvider())
        {
            await BoardDatabase.MigrateAsync(services.GetRequiredService<IDbContextFactory<BoardDbContext>>());
        }

        // A template in use cannot be copied: nothing may stay connected to it.
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
