using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CoupDePouce.Domain;
using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.App.Benchmarks;

/// <summary>`dotnet run -c Release --project CoupDePouce.App -- benchmark writers [--writers 50] [--seconds 30]
/// [--pace ms] [--database file] [--acknowledge]`: many members post at once through the Domain's use case, each as fast as
/// she can, on a SQLite file (a temporary one unless --database names one, seeded with a small network when it has
/// no member). Prints the latency of each post from the call to its acknowledged commit (p50/p95/p99/max) and every
/// error. With --acknowledge, prints « ack &lt;id&gt; &lt;key&gt; end » as each post returns success: the crash test
/// kills the process mid-burst and looks for every acknowledged request after the restart.</summary>
public static class WritersBenchmark
{
    public const string BurstTitle = "Rafale d'écriture";

    public static async Task<int> RunAsync(string[] args)
    {
        var writers = BoardBenchmark.Option(args, "--writers", 50);
        var seconds = BoardBenchmark.Option(args, "--seconds", 30);
        // 0: each writer posts again as soon as her post returns (closed loop); N: she posts once every N ms, and
        // the latency counts from when she meant to post (a slow commit delays the next ones, and that shows).
        var pace = BoardBenchmark.Option(args, "--pace", 0);
        var acknowledge = args.Contains("--acknowledge");
        var named = Array.IndexOf(args, "--database") is var at and >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : null;
        var folder = named is null ? Path.Combine(Path.GetTempPath(), "coupdepouce-writers-" + Guid.NewGuid().ToString("N")) : null;
        var file = named ?? Path.Combine(folder!, "board.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddCoupDePouceDomain($"Data Source={file}")
                // Each writer posts hundreds of requests: the limits on members are not what is measured.
                .Configure<CoupDePouce.Domain.Limits.LimitOptions>(CoupDePouce.Domain.Limits.LimitOptions.Lift)
                .BuildServiceProvider();
            var dbFactory = services.GetRequiredService<IDbContextFactory<BoardDbContext>>();
            await BoardDatabase.MigrateAsync(dbFactory);
            var (members, themes) = await NetworkAsync(dbFactory);

            var run = Guid.NewGuid().ToString("N")[..8];
            if (!acknowledge)
            {
                // Warm-up, not measured: the use case's first calls compile their queries.
                await using var scope = services.CreateAsyncScope();
                var warm = scope.ServiceProvider.GetRequiredService<PostHelpRequestHandler>();
                for (var i = 0; i < 200; i++)
                {
                    await warm.HandleAsync(new PostHelpRequest(members[i % members.Count], $"{BurstTitle} {run} échauffement {i}",
                        "Demande postée pour échauffer le banc d'essai avant la mesure.", themes[i % themes.Count], Visibility.Network));
                }
            }

            var timings = new ConcurrentBag<double>();
            var errors = new ConcurrentBag<string>();
            var deadline = Stopwatch.StartNew();
            var duration = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var post = scope.ServiceProvider.GetRequiredService<PostHelpRequestHandler>();
                var author = members[writer % members.Count];
                // Paced writers start spread over one period, as members would.
                var offset = pace == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(pace * (double)writer / writers);
                for (var n = 0; deadline.Elapsed < duration; n++)
                {
                    var key = $"{run}-{writer}-{n}";
                    var due = offset + TimeSpan.FromMilliseconds((double)pace * n);
                    if (pace > 0 && due > deadline.Elapsed)
                    {
                        await Task.Delay(due - deadline.Elapsed);
                    }

                    var started = pace > 0 ? due : deadline.Elapsed;
                    try
                    {
                        var posted = await post.HandleAsync(new PostHelpRequest(
                            author, $"{BurstTitle} {key}", $"Demande {key} postée pendant la rafale d'écriture du banc d'essai.",
                            themes[n % themes.Count], Visibility.Network));
                        var elapsed = (deadline.Elapsed - started).TotalMilliseconds;
                        if (!posted.Succeeded)
                        {
                            errors.Add($"{posted.Failure}: {string.Join(" ", posted.Problems.Select(p => p.Message))}");
                            continue;
                        }

                        timings.Add(elapsed);
                        if (acknowledge)
                        {
                            Console.WriteLine($"ack {posted.Value} {key} end");
                        }
                    }
                    catch (Exception e) when (e is SqliteException or DbUpdateException or InvalidOperationException)
                    {
                        errors.Add(e.GetBaseException().Message);
                    }
                }
            })));

            var all = timings.ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{writers} writers, {(pace == 0 ? "each posting again at once" : $"each posting every {pace} ms")}, {seconds} s: {all.Length:N0} posts acknowledged ({all.Length / deadline.Elapsed.TotalSeconds:F0}/s), {errors.Count} errors"));
            if (all.Length > 0)
            {
                Console.WriteLine("| figure | p50 ms | p95 ms | p99 ms | max ms |");
                Console.WriteLine("|---|---:|---:|---:|---:|");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| post → acknowledged commit | {BoardBenchmark.Percentile(all, 50):F2} | {BoardBenchmark.Percentile(all, 95):F2} | {BoardBenchmark.Percentile(all, 99):F2} | {all.Max():F2} |"));
                // Each post also ranks the skilled members and invites up to three (decision 029), within their caps.
                await using var counting = await dbFactory.CreateDbContextAsync();
                var invitations = await counting.HelpInvitations.CountAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"invitations made with these posts: {invitations:N0} (weekly caps of 3 stop most after the first posts)"));
            }

            foreach (var (message, count) in errors.CountBy(e => e).OrderByDescending(e => e.Value).Take(10))
            {
                Console.WriteLine($"  error ×{count}: {message}");
            }

            return errors.IsEmpty && all.Length > 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The members who post (one per writer, round the list) and the themes: a small network is seeded
    /// into an empty database, an existing one is used as it is (the crash test restarts on the same file).</summary>
    private static async Task<(List<Guid> Members, List<int> Themes)> NetworkAsync(IDbContextFactory<BoardDbContext> dbFactory)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (!await db.Members.AnyAsync())
            {
                await new VolumeSeeder(dbFactory, TimeProvider.System).SeedAsync(requests: 2_000, answers: 4_000, members: 100, coordinations: 10);
            }
        }

        await using var read = await dbFactory.CreateDbContextAsync();
        return (await read.Members.Where(m => m.SuspendedUntil == null).OrderBy(m => m.Email).Select(m => m.Id).Take(200).ToListAsync(),
            await read.Themes.Select(t => t.Id).ToListAsync());
    }
}
