using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Persistence.Postgres;

namespace CoupDePouce.App.Hosting;

/// <summary><c>dotnet run --project CoupDePouce.App -- backup &lt;file&gt;</c> and <c>-- restore &lt;file&gt;</c>: the
/// database the app would open (same configuration: appsettings, environment, <c>--ConnectionStrings:Board=…</c>
/// after the file), copied out while the app serves, or copied back while it is stopped (decision 023).</summary>
public static class DatabaseCommands
{
    public static bool Handles(string[] args) => args is ["backup" or "restore", ..];

    public static int Run(string[] args)
    {
        if (args is not [var verb, var file, .. var rest] || string.IsNullOrWhiteSpace(file))
        {
            Console.Error.WriteLine("Usage: backup <file> | restore <file>  [--ConnectionStrings:Board=\"Data Source=…\"] [--Database:Provider=Postgres]");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = rest });
        BoardStore store;
        try
        {
            store = BoardStore.FromSettings(builder.Configuration[BoardStore.ProviderSetting], builder.Configuration.GetConnectionString("Board"), builder.Environment.ContentRootPath);
        }
        catch (BoardStoreException e)
        {
            Console.Error.WriteLine($"{verb} failed: {e.Message}");
            return 1;
        }

        // Each engine with its own tools: SQLite's backup API, PostgreSQL's pg_dump and pg_restore (decision 033).
        var outcome = (verb, store.IsPostgres) switch
        {
            ("backup", false) => BoardBackup.Backup(store.ConnectionString, file),
            ("restore", false) => BoardBackup.Restore(store.ConnectionString, file),
            ("backup", true) => PostgresBackup.Backup(store.ConnectionString, file),
            _ => PostgresBackup.Restore(store.ConnectionString, file),
        };
        var check = store.IsPostgres ? "pg_restore --list" : "integrity_check";
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine($"{verb} failed: {outcome.Problem ?? outcome.IntegrityCheck}");
            return 1;
        }

        Console.WriteLine(verb == "backup"
            ? $"Backup of {store.Describe()} written to {Path.GetFullPath(file)} ({outcome.Bytes:N0} bytes), {check}: {outcome.IntegrityCheck}"
            : $"{store.Describe()} restored from {Path.GetFullPath(file)} ({outcome.Bytes:N0} bytes), {check}: {outcome.IntegrityCheck}");
        return 0;
    }
}
