using Npgsql;

namespace CoupDePouce.Domain.Persistence;

/// <summary>Which database engine holds the board (decision 033).</summary>
public enum DatabaseProvider
{
    /// <summary>A file beside the app: one machine, the demo, the default.</summary>
    Sqlite,

    /// <summary>A server several instances share.</summary>
    Postgres,
}

/// <summary>Where the board lives: one setting chooses the engine (<see cref="ProviderSetting"/>), the connection
/// string says where (<see cref="ConnectionSetting"/>). Nothing else in the Domain asks which engine it runs on, but
/// for what a decision says why (search, the dashboards' SQL, backups: decision 033).</summary>
public sealed record BoardStore(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderSetting = "Database:Provider";
    public const string ConnectionSetting = "ConnectionStrings:Board";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static BoardStore Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, connectionString);

    public static BoardStore Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>The store the settings name: SQLite's relative file resolved against <paramref name="baseDirectory"/>
    /// (and its folder created); a PostgreSQL connection string checked for its form. A setting that cannot be read
    /// is refused in one line that names it (<see cref="BoardStoreException"/>).</summary>
    public static BoardStore FromSettings(string? provider, string? connectionString, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Sqlite(BoardDatabase.ResolveConnectionString(connectionString, baseDirectory));
            }
            catch (ArgumentException e)
            {
                throw new BoardStoreException($"{ConnectionSetting} is not a SQLite connection string ({e.Message}).");
            }
        }

        if (!provider.Equals(nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            && !provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            throw new BoardStoreException($"{ProviderSetting} is « {provider} »: it must be Sqlite (the default) or Postgres.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new BoardStoreException($"{ConnectionSetting} is empty: PostgreSQL needs one, such as « Host=localhost;Database=coupdepouce;Username=coupdepouce;Password=… ».");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new BoardStoreException($"{ConnectionSetting} names no Host for PostgreSQL.");
            }

            return Postgres(builder.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new BoardStoreException($"{ConnectionSetting} is not a PostgreSQL connection string ({e.Message}).");
        }
    }

    /// <summary>Where it is, for a log line or a refusal: the file, or the server and database (never a password).</summary>
    public string Describe()
    {
        if (!IsPostgres)
        {
            return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}

/// <summary>A database setting the app cannot start with; its message names the setting, in one line.</summary>
public sealed class BoardStoreException(string message, Exception? inner = null) : Exception(message, inner);
