using CoupDePouce.App.Benchmarks;
using CoupDePouce.App.Hosting;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Persistence.Postgres;
using CoupDePouce.Domain.Search;
using CoupDePouce.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Persistence;

/// <summary>Backups on PostgreSQL (issue 21, point 7; decisions 023 and 033): pg_dump's snapshot while members post,
/// checked before it replaces anything; pg_restore in one transaction; a damaged or foreign archive refused with the
/// board unchanged; the app's own commands.</summary>
public sealed class PostgresBackupTests() : RennesAndLyonTest(DatabaseProvider.Postgres), IDisposable
{
    private readonly TempFolder _folder = new();

    private string File(string name) => _folder.File(name);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ABackupTakenWhileMembersPostIsOneConsistentSnapshotThatRestoresWhole()
    {
        var members = new[] { await Network.AddMemberAsync(Rennes), await Network.AddMemberAsync(Lyon), await Network.AddMemberAsync(Rennes) };
        using var stop = new CancellationTokenSource();
        var posting = members.Select(m => Task.Run(async () =>
        {
            var posted = 0;
            while (!stop.IsCancellationRequested && posted < 60)
            {
                await Network.PostAsync(m, Visibility.Network, $"Demande numéro {++posted} pendant la sauvegarde");
            }
        })).ToList();
        await Task.Delay(300);

        var backup = PostgresBackup.Backup(Network.Store.ConnectionString, File("board.dump"));
        await stop.CancelAsync();
        await Task.WhenAll(posting);

        Assert.True(backup.Succeeded, backup.Problem);
        Assert.Equal("ok", backup.IntegrityCheck);
        var afterPosting = await Network.CountRequestsAsync();
        var restored = PostgresBackup.Restore(Network.Store.ConnectionString, File("board.dump"));
        Assert.True(restored.Succeeded, restored.Problem);
        var inBackup = await Network.CountRequestsAsync();
        Assert.InRange(inBackup, 1, afterPosting);
        // One snapshot: every request it holds came with its author's following of it (the same commit).
        Assert.Equal(inBackup, await Network.QueryAsync(db => db.HelpRequests.CountAsync(r => db.Follows.Any(f => f.HelpRequestId == r.Id && f.MemberId == r.AuthorId))));
    }

    [Fact]
    public async Task RestoringABackupBringsTheBoardBackAsItWasWithItsSearchAndTheBoardGoesOn()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        var kept = await Network.PostAsync(claire, Visibility.Network, "Avant la sauvegarde : un conseil juridique");
        Assert.True(PostgresBackup.Backup(Network.Store.ConnectionString, File("board.dump")).Succeeded);
        await Network.PostAsync(claire, Visibility.Network, "Après la sauvegarde : perdue à la restauration");

        var restored = PostgresBackup.Restore(Network.Store.ConnectionString, File("board.dump"));

        Assert.True(restored.Succeeded, restored.Problem);
        Assert.Equal([kept], await Network.QueryAsync(db => db.HelpRequests.Select(r => r.Id).ToListAsync()));
        var next = await Network.PostAsync(claire, Visibility.Network, "Une déclaration à reprendre après la restauration");
        Assert.Equal([kept], await FoundAsync(claire, "conseil"));
        Assert.Equal([next], await FoundAsync(claire, "reprendre"));
    }

    [Fact]
    public async Task ADamagedBackupIsRefusedAndTheBoardIsUnchanged()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.PostAsync(claire, Visibility.Network);
        Assert.True(PostgresBackup.Backup(Network.Store.ConnectionString, File("board.dump")).Succeeded);
        var bytes = await System.IO.File.ReadAllBytesAsync(File("board.dump"));
        await System.IO.File.WriteAllBytesAsync(File("damaged.dump"), bytes[..(bytes.Length / 2)]);

        var refused = PostgresBackup.Restore(Network.Store.ConnectionString, File("damaged.dump"));

        Assert.False(refused.Succeeded);
        Assert.Contains("unchanged", refused.Problem);
        Assert.Equal(1, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task AnArchiveOfAnotherDatabaseIsRefusedAndTheBoardIsUnchanged()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.PostAsync(claire, Visibility.Network);
        var server = await TestDatabase.Server.Value;
        // The backup command refuses to keep it…
        var other = PostgresBackup.Backup(server.ConnectionString("postgres"), File("other.dump"));
        Assert.False(other.Succeeded);
        Assert.False(System.IO.File.Exists(File("other.dump")));
        // …and the restore refuses one made by hand.
        using (var dump = System.Diagnostics.Process.Start(Path.Combine(PostgresServer.Binaries()!, "pg_dump"),
                   ["--format=custom", "-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", PostgresServer.User, "-d", "postgres", $"--file={File("other.dump")}"]))
        {
            await dump.WaitForExitAsync();
            Assert.Equal(0, dump.ExitCode);
        }

        var refused = PostgresBackup.Restore(Network.Store.ConnectionString, File("other.dump"));

        Assert.False(refused.Succeeded);
        Assert.StartsWith("not a CoupDePouce database", refused.IntegrityCheck, StringComparison.Ordinal);
        Assert.Equal(1, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task TheAppsBackupAndRestoreCommandsWorkOnPostgresToo()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.PostAsync(claire, Visibility.Network, "Avant la sauvegarde : un conseil juridique");
        string[] settings = ["--Database:Provider=Postgres", $"--ConnectionStrings:Board={Network.Store.ConnectionString}"];

        Assert.Equal(0, DatabaseCommands.Run(["backup", File("sauvegarde.dump"), .. settings]));
        await Network.PostAsync(claire, Visibility.Network, "Après la sauvegarde : perdue à la restauration");
        Assert.Equal(0, DatabaseCommands.Run(["restore", File("sauvegarde.dump"), .. settings]));

        Assert.Equal(1, await Network.CountRequestsAsync());
        Assert.Equal(1, DatabaseCommands.Run(["restore", File("absente.dump"), .. settings]));
    }

    private async Task<List<long>> FoundAsync(Guid viewer, string text) =>
        (await Network.Get<SearchHelpRequestsHandler>().HandleAsync(new SearchHelpRequests(viewer, text))).Hits.Select(h => h.Item.Id).ToList();
}
