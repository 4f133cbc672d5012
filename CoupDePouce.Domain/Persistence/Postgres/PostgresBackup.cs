using System.Diagnostics;
using Npgsql;

namespace CoupDePouce.Domain.Persistence.Postgres;

/// <summary>Backup and restore of the board on PostgreSQL with its own tools (decisions 023 and 033): <c>pg_dump</c> in
/// its custom format reads one consistent snapshot while the app serves, into a partial file checked (<c>pg_restore
/// --list</c>: a whole archive, holding the board's tables) before it replaces an older backup; <c>pg_restore</c> puts
/// a checked archive back in one transaction (all or nothing). The password goes through the environment, never on a
/// command line.</summary>
public static class PostgresBackup
{
    /// <summary>The tables that make an archive a board's.</summary>
    private static readonly string[] BoardTables = ["__EFMigrationsHistory", "HelpRequests", "AspNetUsers"];

    public static BackupOutcome Backup(string connectionString, string file)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        var dump = Run("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--file={partial}"]);
        if (dump.ExitCode != 0)
        {
            File.Delete(partial);
            return new BackupOutcome(file, 0, string.Empty, $"pg_dump failed: {dump.Error}");
        }

        var check = Check(partial);
        if (check != "ok")
        {
            File.Delete(partial);
            return new BackupOutcome(file, 0, check, "The archive did not pass pg_restore's check; the previous backup is kept.");
        }

        // The finished copy replaces an older one in one step: a crash leaves the old backup or the new one.
        File.Move(partial, target, overwrite: true);
        return new BackupOutcome(file, new FileInfo(target).Length, check);
    }

    /// <summary>Puts a checked archive back over the board's database, in one transaction: a damaged or foreign
    /// file, or a failure half-way, changes nothing. The app must be stopped (README, « Backup and restore »).</summary>
    public static BackupOutcome Restore(string connectionString, string file)
    {
        if (!File.Exists(file))
        {
            return new BackupOutcome(file, 0, string.Empty, $"No backup at {file}.");
        }

        var check = Check(file);
        if (check != "ok")
        {
            return new BackupOutcome(file, 0, check, "The backup did not pass pg_restore's check; the database is unchanged.");
        }

        NpgsqlConnection.ClearAllPools();
        var restore = Run("pg_restore", connectionString,
            ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", $"--dbname={Database(connectionString)}", Path.GetFullPath(file)]);
        return restore.ExitCode == 0
            ? new BackupOutcome(file, new FileInfo(file).Length, check)
            : new BackupOutcome(file, 0, check, $"pg_restore failed, the database is unchanged: {restore.Error}");
    }

    /// <summary>« ok » when <c>pg_restore --list</c> reads the whole archive and finds the board's tables in it.</summary>
    public static string Check(string file)
    {
        var list = Run("pg_restore", connectionString: null, ["--list", Path.GetFullPath(file)]);
        if (list.ExitCode != 0)
        {
            return $"not a readable archive ({list.Error})";
        }

        var missing = BoardTables.Where(t => !System.Text.RegularExpressions.Regex.IsMatch(list.Output, $@"^\d+; \d+ \d+ TABLE public ""?{t}""?( |$)", System.Text.RegularExpressions.RegexOptions.Multiline)).ToList();
        return missing.Count == 0 ? "ok" : $"not a CoupDePouce database (no {string.Join(", ", missing)})";
    }

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";

    private sealed record Outcome(int ExitCode, string Output, string Error);

    private static Outcome Run(string tool, string? connectionString, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Tool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (connectionString is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            start.Environment["PGHOST"] = builder.Host;
            start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["PGUSER"] = builder.Username;
            start.Environment["PGDATABASE"] = builder.Database;
            if (!string.IsNullOrEmpty(builder.Password))
            {
                start.Environment["PGPASSWORD"] = builder.Password;
            }
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new Outcome(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult().Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Outcome(-1, string.Empty, $"{tool} was not found ({e.Message}); install PostgreSQL's client (apt-get install -y postgresql-client)");
        }
    }

    /// <summary>The newest PostgreSQL's own tool when Debian's packages are there (a dump must be taken by a pg_dump
    /// at least as new as the server), else the one on the PATH.</summary>
    private static string Tool(string name) =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", name))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault() ?? name
            : name;
}
