using CoupDePouce.App.Benchmarks;
using CoupDePouce.Domain;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupDePouce.Tests.Support;

/// <summary>A fresh, migrated board database for one test, on either engine (decision 033): a copy of a SQLite file
/// migrated once per run, or a PostgreSQL database on the run's own server (<see cref="PostgresServer"/>, started on
/// first use and stopped when the run ends): made from a template migrated once per run, and given back emptied to
/// its first rows for the next test (making one takes half a second, emptying one a few milliseconds).</summary>
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
        var reset = await PostgresTemplate.Value;
        if (!Emptied.TryTake(out var name))
        {
            name = $"t_{Guid.NewGuid():N}";
            await ExecuteAsync(server.ConnectionString(), $"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        }

        return new TestDatabase(BoardStore.Postgres(Pooled(server, name)), null, name) { _reset = reset };
    }

    private string? _reset;

    /// <summary>A database of its own on another server (a test that restarts it), migrated from empty; dropped with
    /// its server.</summary>
    public static async Task<TestDatabase> OnAsync(PostgresServer server)
    {
        var name = $"own_{Guid.NewGuid():N}";
        await ExecuteAsync(server.ConnectionString(), $"CREATE DATABASE {name}");
        return new TestDatabase(BoardStore.Postgres(Pooled(server, name)), null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            // Emptied to the template's rows (its seeds, the identities from 1) and given to the next test.
            await ExecuteAsync(Store.ConnectionString, _reset!);
            Emptied.Add(_postgresName);
        }

        _folder?.Dispose();
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Emptied = [];

    private const string TemplateName = "board_template";

    /// <summary>The run's PostgreSQL, started the first time a test asks for it.</summary>
    public static readonly Lazy<Task<PostgresServer>> Server = new(StartServerAsync);

    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);

    /// <summary>The template, migrated; its value is what empties a database made from it.</summary>
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

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

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var server = await Server.Value;
        await ExecuteAsync(server.ConnectionString(), $"CREATE DATABASE {TemplateName}");
        await using (var services = new ServiceCollection().AddLogging()
            .AddCoupDePouceDomain(BoardStore.Postgres(server.ConnectionString(TemplateName))).BuildServiceProvider())
        {
            await BoardDatabase.MigrateAsync(services.GetRequiredService<IDbContextFactory<BoardDbContext>>());
        }

        // The rows the migrations wrote (themes, roles, the history) are kept aside in the template, to be written back.
        var seeded = new List<string>();
        var emptied = new List<string>();
        await using (var connection = new NpgsqlConnection(server.ConnectionString(TemplateName)))
        {
            await connection.OpenAsync();
            var names = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            var tables = new List<(string Name, bool HasRows)>();
            foreach (var name in names)
            {
                await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM public.\"{name}\")", connection);
                tables.Add((name, (bool)(await any.ExecuteScalarAsync())!));
            }

            var sequences = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    sequences.Add(reader.GetString(0));
                }
            }

            var keep = new System.Text.StringBuilder("CREATE SCHEMA seed;");
            foreach (var (table, hasRows) in tables.Where(t => t.Name != "__EFMigrationsHistory"))
            {
                emptied.Add($"DELETE FROM public.\"{table}\";");
                if (hasRows)
                {
                    keep.Append($"CREATE TABLE seed.\"{table}\" AS SELECT * FROM public.\"{table}\";");
                    seeded.Add($"INSERT INTO public.\"{table}\" SELECT * FROM seed.\"{table}\";");
                }
            }

            emptied.AddRange(sequences.Select(s => $"ALTER SEQUENCE public.\"{s}\" RESTART;"));
            await using var copy = new NpgsqlCommand(keep.ToString(), connection);
            await copy.ExecuteNonQueryAsync();
        }

        // A template in use cannot be copied: nothing may stay connected to it.
        NpgsqlConnection.ClearAllPools();
        // Triggers (the log's guard, the search index's) are the database's own rules, not the test's: set aside while emptying.
        return $"BEGIN; SET LOCAL session_replication_role = replica; {string.Join(' ', emptied)} {string.Join(' ', seeded)} COMMIT;";
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
