using System.Diagnostics;
using System.Globalization;
using CoupDePouce.Domain;
using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.App.Benchmarks;

/// <summary>`dotnet run -c Release --project CoupDePouce.App -- benchmark board [--requests N] [--answers M]
/// [--iterations K]`: seeds a large network into a temporary SQLite file and times the board's Domain queries
/// (each with its own DbContext, as the pages run them). Prints p50/p95/max per query as a Markdown table.</summary>
public static class BoardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 50_000);
        var answers = Option(args, "--answers", requests * 3);
        var iterations = Option(args, "--iterations", 300);
        var folder = Path.Combine(Path.GetTempPath(), "coupdepouce-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var services = new ServiceCollection()
                .AddLogging()
                .AddCoupDePouceDomain($"Data Source={Path.Combine(folder, "board.db")}")
                .BuildServiceProvider();
            var dbFactory = services.GetRequiredService<IDbContextFactory<BoardDbContext>>();
            await BoardDatabase.MigrateAsync(dbFactory);

            var seeding = Stopwatch.StartNew();
            var volume = await new VolumeSeeder(dbFactory, TimeProvider.System).SeedAsync(requests, answers);
            seeding.Stop();
            Console.WriteLine($"Seeded {requests:N0} requests and {answers:N0} answers ({volume.Members.Count} members, {volume.Coordinations} coordinations) in {seeding.Elapsed.TotalSeconds:F1} s");

            var browse = services.GetRequiredService<BrowseBoardHandler>();
            var view = services.GetRequiredService<ViewHelpRequestHandler>();
            var random = new Random(7);
            Guid Member() => volume.Members[random.Next(volume.Members.Count)];

            // A cursor about halfway down the board: the 1 250th page costs what the first does with keyset paging.
            var middle = await MiddleCursorAsync(dbFactory);

            var results = new List<(string Name, double[] Timings, int Items)>
            {
                await MeasureAsync("Board, first page (20 items)", iterations, async () => (await browse.HandleAsync(new BrowseBoard(Member()))).Items.Count),
                await MeasureAsync("Board, page in the middle (keyset)", iterations, async () => (await browse.HandleAsync(new BrowseBoard(Member(), middle))).Items.Count),
                await MeasureAsync("Mes demandes, first page", iterations, async () => (await browse.HandleAsync(new BrowseBoard(Member(), Filter: new BoardFilter(OnlyMine: true)))).Items.Count),
                await MeasureAsync("Request page with its thread", iterations, async () =>
                    (await view.HandleAsync(new ViewHelpRequest(random.Next(1, requests), Member())))?.Thread.Count ?? 0),
            };

            Console.WriteLine();
            Console.WriteLine($"| query ({requests:N0} requests, {answers:N0} answers) | p50 ms | p95 ms | max ms | items per call (mean) |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (name, timings, items) in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Percentile(timings, 50):F2} | {Percentile(timings, 95):F2} | {timings.Max():F2} | {items / (double)iterations:F1} |"));
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<BoardCursor> MiddleCursorAsync(IDbContextFactory<BoardDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var count = await db.HelpRequests.CountAsync();
        var row = await db.HelpRequests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(count / 2).Select(r => new { r.CreatedAt, r.Id }).FirstAsync();
        return new BoardCursor(row.CreatedAt, row.Id);
    }

    private static async Task<(string, double[], int)> MeasureAsync(string name, int iterations, Func<Task<int>> operation)
    {
        for (var i = 0; i < 20; i++)
        {
            await operation();
        }

        var timings = new double[iterations];
        var items = 0;
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            items += await operation();
            timings[i] = watch.Elapsed.TotalMilliseconds;
        }

        if (items == 0)
        {
            throw new InvalidOperationException($"{name} returned nothing: the benchmark would measure an empty query.");
        }

        return (name, timings, items);
    }

    private static double Percentile(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
