using Microsoft.Data.Sqlite;

namespace CoupDePouce.Domain.Persistence;

/// <summary>What a backup or a restore did: the file, its size, and SQLite's <c>integrity_check</c> of the copy
/// (« ok » when sound). <see cref="Problem"/> says why nothing was done.</summary>
public sealed record BackupOutcome(string File, long Bytes, string IntegrityCheck, string? Problem = null)
{
    public bool Succeeded => Problem is null && IntegrityCheck == "ok";
}

/// <summary>Online backup and restore of the board's database through SQLite's backup API (decision 023): the copy
/// is one consistent snapshot even while the app writes, and every copy is checked before it is trusted.</summary>
public static class BoardBackup
{
    /// <summary>Copies the live database into <paramref name="file"/> (replaced if present), then checks the copy.
    /// The app may keep serving: the backup reads one snapshot, writers go on in the WAL.</summary>
    public static BackupOutcome Backup(string connectionString, string file)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!System.IO.File.Exists(source.DataSource))
        {
            return new BackupOutcome(file, 0, "", $"No database at {source.DataSource}.");
        }

        var target = Path.GetFullPath(file);
        if (string.Equals(target, Path.GetFullPath(source.DataSource), StringComparison.Ordinal))
        {
            return new BackupOutcome(file, 0, "", "The backup cannot replace the database it copies.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        System.IO.File.Delete(partial);
        using (var from = new SqliteConnection(source.ToString()))
        using (var to = new SqliteConnection(Unpooled(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
            // A self-contained file: no WAL beside it.
            Execute(to, "PRAGMA journal_mode=DELETE;");
        }

        var check = IntegrityCheck(partial);
        if (check != "ok")
        {
            System.IO.File.Delete(partial);
            return new BackupOutcome(file, 0, check, "The copy did not pass SQLite's integrity check; the previous backup is kept.");
        }

        // The finished copy replaces an older one in one step: a crash leaves the old backup or the new one.
        System.IO.File.Move(partial, target, overwrite: true);
        return new BackupOutcome(file, new FileInfo(target).Length, check);
    }

    /// <summary>Replaces the board's database with <paramref name="file"/>, checked first: a damaged or foreign
    /// file changes nothing. The app must be stopped (README, « Sauvegarde »).</summary>
    public static BackupOutcome Restore(string connectionString, string file)
    {
        if (!System.IO.File.Exists(file))
        {
            return new BackupOutcome(file, 0, "", $"No backup at {file}.");
        }

        var check = IntegrityCheck(file);
        if (check != "ok")
        {
            return new BackupOutcome(file, 0, check, "The backup did not pass SQLite's integrity check; the database is unchanged.");
        }

        if (!IsBoardDatabase(file))
        {
            return new BackupOutcome(file, 0, check, "This file is not a CoupDePouce database; the database is unchanged.");
        }

        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        using (var from = new SqliteConnection(Unpooled(file, SqliteOpenMode.ReadOnly)))
        using (var to = new SqliteConnection(Unpooled(target, SqliteOpenMode.ReadWriteCreate)))
        {
            from.Open();
            to.Open();
            // The backup API writes through the target's own journal: the restore is all or nothing.
            from.BackupDatabase(to);
            Execute(to, "PRAGMA journal_mode=WAL;");
        }

        return new BackupOutcome(file, new FileInfo(file).Length, IntegrityCheck(target));
    }

    /// <summary>SQLite's <c>PRAGMA integrity_check</c>: « ok », or the first problems it found.</summary>
    public static string IntegrityCheck(string file)
    {
        try
        {
            using var connection = new SqliteConnection(Unpooled(file, SqliteOpenMode.ReadOnly));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check(20);";
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join("; ", lines);
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    private static bool IsBoardDatabase(string file)
    {
        using var connection = new SqliteConnection(Unpooled(file, SqliteOpenMode.ReadOnly));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'HelpRequests', 'AspNetUsers');";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 3;
    }

    private static string Unpooled(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
