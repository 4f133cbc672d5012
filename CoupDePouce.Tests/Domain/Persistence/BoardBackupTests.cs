using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain.Persistence;

public sealed class BoardBackupTests : RennesAndLyonTest
{
    private string Board => $"Data Source={Network.DatabasePath}";

    private string BackupFile => Path.Combine(Path.GetDirectoryName(Network.DatabasePath)!, "sauvegardes", "board-backup.db");

    [Fact]
    public async Task ABackupTakenWhileMembersPostIsOneConsistentSnapshotThatPassesTheIntegrityCheck()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        using var stop = new CancellationTokenSource();
        var post = Network.Get<PostHelpRequestHandler>();
        var posting = Task.Run(async () =>
        {
            var posted = 0;
            while (!stop.IsCancellationRequested || posted < 30)
            {
                var result = await post.HandleAsync(new PostHelpRequest(
                    claire, $"Besoin d'aide numéro {posted}", "Une demande postée pendant la sauvegarde du tableau.", 1, Visibility.Network));
                Assert.True(result.Succeeded);
                posted++;
            }

            return posted;
        });
        while (await Network.CountRequestsAsync() < 10)
        {
            await Task.Delay(5);
        }

        var outcome = BoardBackup.Backup(Board, BackupFile);
        await stop.CancelAsync();
        var posted = await posting;

        Assert.True(outcome.Succeeded, outcome.Problem);
        Assert.Equal("ok", outcome.IntegrityCheck);
        Assert.Equal("ok", BoardBackup.IntegrityCheck(BackupFile));
        var (requests, follows) = Counts(BackupFile);
        Assert.InRange(requests, 10, posted - 1);
        // Each request and her following of it are one commit: a snapshot never holds one without the other.
        Assert.Equal(requests, follows);
        Assert.False(File.Exists(BackupFile + ".partial"));
    }

    [Fact]
    public async Task RestoringABackupBringsTheBoardBackAsItWasAndTheBoardGoesOn()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        var kept = await Network.PostAsync(claire, Visibility.Network, "Avant la sauvegarde : un conseil juridique");
        Assert.True(BoardBackup.Backup(Board, BackupFile).Succeeded);
        await Network.PostAsync(claire, Visibility.Network, "Après la sauvegarde : perdue à la restauration");

        SqliteConnection.ClearAllPools();
        var outcome = BoardBackup.Restore(Board, BackupFile);

        Assert.True(outcome.Succeeded, outcome.Problem);
        Assert.Equal([kept], await Network.QueryAsync(db => db.HelpRequests.Select(r => r.Id).ToListAsync()));
        Assert.Equal("wal", Assert.Single(await Network.QueryAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync())));
        await Network.PostAsync(claire, Visibility.Network, "Après la restauration : le tableau repart");
        Assert.Equal(2, await Network.CountRequestsAsync());
    }

    [Fact]
    public async Task ADamagedBackupIsRefusedAndTheDatabaseIsUnchanged()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.PostAsync(claire, Visibility.Network);
        Assert.True(BoardBackup.Backup(Board, BackupFile).Succeeded);
        var bytes = await File.ReadAllBytesAsync(BackupFile);
        // The middle of the file scrambled, its header intact: SQLite opens it and finds the damage.
        new Random(3).NextBytes(bytes.AsSpan(bytes.Length / 2, 4096));
        await File.WriteAllBytesAsync(BackupFile, bytes);

        var outcome = BoardBackup.Restore(Board, BackupFile);

        Assert.False(outcome.Succeeded);
        Assert.NotEqual("ok", outcome.IntegrityCheck);
        Assert.Contains("unchanged", outcome.Problem);
        Assert.Equal(1, await Network.CountRequestsAsync());
        Assert.Equal("ok", BoardBackup.IntegrityCheck(Network.DatabasePath));
    }

    [Fact]
    public async Task AFileThatIsNotABoardIsRefusedAndTheDatabaseIsUnchanged()
    {
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.PostAsync(claire, Visibility.Network);
        var foreign = Path.Combine(Path.GetDirectoryName(Network.DatabasePath)!, "autre.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE Contacts (Name TEXT);";
            await create.ExecuteNonQueryAsync();
        }

        var outcome = BoardBackup.Restore(Board, foreign);

        Assert.False(outcome.Succeeded);
        Assert.Contains("not a CoupDePouce database", outcome.Problem);
        Assert.Equal(1, await Network.CountRequestsAsync());
    }

    [Fact]
    public void ABackupIsNeverWrittenOverTheDatabaseItCopies()
    {
        var outcome = BoardBackup.Backup(Board, Network.DatabasePath);

        Assert.False(outcome.Succeeded);
        Assert.Equal("ok", BoardBackup.IntegrityCheck(Network.DatabasePath));
    }

    [Fact]
    public async Task AWriterWhoseTransactionEndsWithoutACommitGivesTheNextWriterHerTurn()
    {
        await using (var db = await Network.Get<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync())
        {
            await db.Database.BeginTransactionAsync();
            Assert.True(OneWriterAtATime.Instance.IsWriting(Network.DatabasePath));
            // Disposed without commit or rollback, as when a use case throws mid-way.
        }

        Assert.False(OneWriterAtATime.Instance.IsWriting(Network.DatabasePath));
        var claire = await Network.AddMemberAsync(Rennes, "Claire");
        await Network.PostAsync(claire, Visibility.Network);
        Assert.False(OneWriterAtATime.Instance.IsWriting(Network.DatabasePath));
    }

    [Fact]
    public async Task ManyMembersPostingAtOnceAreTakenInTurnWithoutAnError()
    {
        var members = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            members.Add(await Network.AddMemberAsync(i % 2 == 0 ? Rennes : Lyon, $"Membre {i}"));
        }

        var results = await Task.WhenAll(members.Select(member => Task.Run(async () =>
        {
            await using var scope = Network.Services.CreateAsyncScope();
            var post = scope.ServiceProvider.GetRequiredService<PostHelpRequestHandler>();
            var ids = new List<long>();
            for (var n = 0; n < 5; n++)
            {
                var result = await post.HandleAsync(new PostHelpRequest(
                    member, $"Demande {n} de {member:N}", "Vingt membres postent en même temps sur le tableau.", 1, Visibility.Network));
                Assert.True(result.Succeeded);
                ids.Add(result.Value);
            }

            return ids;
        })));

        Assert.Equal(100, results.SelectMany(ids => ids).Distinct().Count());
        Assert.Equal(100, await Network.CountRequestsAsync());
        Assert.False(OneWriterAtATime.Instance.IsWriting(Network.DatabasePath));
    }

    private static (long Requests, long Follows) Counts(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM HelpRequests), (SELECT count(*) FROM Follows);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
