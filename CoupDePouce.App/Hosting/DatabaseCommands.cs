using CoupDePouce.Domain.Persistence;

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
            Console.Error.WriteLine("Usage: backup <file> | restore <file>  [--ConnectionStrings:Board=\"Data Source=…\"]");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = rest });
        var connectionString = BoardDatabase.ResolveConnectionString(
            builder.Configuration.GetConnectionString("Board"), builder.Environment.ContentRootPath);
        var outcome = verb == "backup"
            ? BoardBackup.Backup(connectionString, file)
            : BoardBackup.Restore(connectionString, file);
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine($"{verb} failed: {outcome.Problem ?? outcome.IntegrityCheck}");
            return 1;
        }

        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        Console.WriteLine(verb == "backup"
            ? $"Backup of {database} written to {Path.GetFullPath(file)} ({outcome.Bytes:N0} bytes), integrity_check: {outcome.IntegrityCheck}"
            : $"{database} restored from {Path.GetFullPath(file)} ({outcome.Bytes:N0} bytes), integrity_check: {outcome.IntegrityCheck}");
        return 0;
    }
}
