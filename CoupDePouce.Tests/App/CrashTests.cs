using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CoupDePouce.Tests.EndToEnd;
using CoupDePouce.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CoupDePouce.Tests.App;

/// <summary>SQLite's own crash testing, at the board's scale: the app's executable posts a burst from eight members at
/// once and is killed with SIGKILL in the middle, twenty times on the same file; every post it acknowledged is there.</summary>
public sealed partial class CrashTests
{
    private const int Rounds = 20;

    [Fact]
    public async Task EveryAcknowledgedPostSurvivesTwentyKillsInTheMiddleOfABurstAndNothingIsDuplicated()
    {
        using var folder = new TempFolder();
        var database = folder.File("board.db");
        var acknowledged = new Dictionary<long, string>();
        var random = new Random(20);

        for (var round = 0; round < Rounds; round++)
        {
            var killAfter = random.Next(20, 200);
            foreach (var (id, key) in await PostUntilKilledAsync(database, killAfter))
            {
                acknowledged.Add(id, key);
            }
        }

        Assert.True(acknowledged.Count >= Rounds * 20, $"only {acknowledged.Count} posts were acknowledged");
        Assert.Equal("ok", IntegrityCheck(database));
        var stored = BurstRequests(database);
        Assert.All(acknowledged, ack => Assert.Equal(ack.Key, stored.GetValueOrDefault(ack.Value)));
        Assert.Equal(0, BurstRequestsWithoutTheirAuthorFollowing(database));

        await using var app = new AppServer(folder);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    /// <summary>Starts the app's writers burst on the file and kills it (SIGKILL, no chance to flush or close) once it
    /// has acknowledged <paramref name="killAfter"/> posts; returns those it acknowledged.</summary>
    private static async Task<List<(long Id, string Key)>> PostUntilKilledAsync(string database, int killAfter)
    {
        var (appFolder, executable) = AppServer.LocateApp();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "benchmark", "writers", "--writers", "8", "--seconds", "120", "--database", database, "--acknowledge" })
        {
            start.ArgumentList.Add(argument);
        }

        var acknowledged = new List<(long, string)>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Acknowledgement().Match(e.Data) is { Success: true } ack)
            {
                lock (acknowledged)
                {
                    acknowledged.Add((long.Parse(ack.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), ack.Groups[2].Value));
                    if (acknowledged.Count >= killAfter)
                    {
                        enough.TrySetResult();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = await Task.WhenAny(enough.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        Assert.True(finished == enough.Task, $"the burst stopped before {killAfter} posts:\n{errors}");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        lock (acknowledged)
        {
            // A line read after the kill was still written before it: the post was acknowledged.
            return [.. acknowledged];
        }
    }

    private static string IntegrityCheck(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }

    private static Dictionary<string, long> BurstRequests(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Title FROM HelpRequests WHERE Title LIKE 'Rafale d''écriture %';";
        using var reader = command.ExecuteReader();
        var byKey = new Dictionary<string, long>();
        while (reader.Read())
        {
            var key = reader.GetString(1)["Rafale d'écriture ".Length..];
            Assert.True(byKey.TryAdd(key, reader.GetInt64(0)), $"« {key} » is stored twice");
        }

        return byKey;
    }

    private static long BurstRequestsWithoutTheirAuthorFollowing(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM HelpRequests r
            WHERE r.Title LIKE 'Rafale d''écriture %'
              AND NOT EXISTS (SELECT 1 FROM Follows f WHERE f.HelpRequestId = r.Id AND f.MemberId = r.AuthorId);
            """;
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }

    [GeneratedRegex(@"^ack (\d+) (\S+) end$")]
    private static partial Regex Acknowledgement();
}
