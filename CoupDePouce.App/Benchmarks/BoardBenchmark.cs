using System.Diagnostics;
using System.Globalization;
using CoupDePouce.Domain;
using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.App.Benchmarks;

/// <summary>`dotnet run -c Release --project CoupDePouce.App -- benchmark board [--requests N] [--answers M]
/// [--iterations K] [--dashboards-only] [--postgres | --postgres-at "…"] [--already-seeded]` (default 100 000 requests, 300 000 answers): seeds a large network into a
/// temporary SQLite file (or a throw-away PostgreSQL) and times the board's and the search's Domain queries (each with its own DbContext, as the pages run
/// them). Prints p50/p95/max per query as a Markdown table.</summary>
public static class BoardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 100_000);
        var answers = Option(args, "--answers", requests * 3);
        var iterations = Option(args, "--iterations", 300);
        // --keep leaves the database in place for a closer look (sqlite3); otherwise it is removed.
        var keep = args.Contains("--keep");
        var folder = Path.Combine(Path.GetTempPath(), "coupdepouce-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // --postgres: the same on a throw-away PostgreSQL of its own (Debian's binaries, durable as in production);
        // --postgres-at "<connection string>": on an empty database of a server of yours, left filled afterwards.
        await using var postgres = args.Contains("--postgres") ? new PostgresServer(durable: true) : null;
        var store = BoardStore.Sqlite($"Data Source={Path.Combine(folder, "board.db")}");
        if (postgres is not null)
        {
            await postgres.StartAsync();
            await postgres.CreateDatabaseAsync("board");
            store = BoardStore.Postgres(postgres.ConnectionString("board").Replace("Pooling=false", "Pooling=true", StringComparison.Ordinal));
        }
        else if (Array.IndexOf(args, "--postgres-at") is var at and >= 0 && at + 1 < args.Length)
        {
            store = BoardStore.Postgres(args[at + 1]);
        }

        Console.WriteLine($"On {store.Describe()}");
        try
        {
            var services = new ServiceCollection()
                .AddLogging()
                .AddCoupDePouceDomain(store)
                // One member searches hundreds of times here: the limits on members are not what is measured.
                .Configure<CoupDePouce.Domain.Limits.LimitOptions>(CoupDePouce.Domain.Limits.LimitOptions.Lift)
                .BuildServiceProvider();
            var dbFactory = services.GetRequiredService<IDbContextFactory<BoardDbContext>>();
            await BoardDatabase.MigrateAsync(dbFactory);

            VolumeSeeder.Volume volume;
            if (args.Contains("--already-seeded"))
            {
                // A database a previous run filled (--keep, --postgres-at): measured again as it is.
                await using var db = await dbFactory.CreateDbContextAsync();
                volume = new VolumeSeeder.Volume(await db.Coordinations.CountAsync(), await db.Members.Select(m => m.Id).ToListAsync(), await db.HelpRequests.CountAsync(), await db.Answers.CountAsync());
                (requests, answers) = (volume.Requests, volume.Answers);
            }
            else
            {
                var seeding = Stopwatch.StartNew();
                volume = await new VolumeSeeder(dbFactory, TimeProvider.System).SeedAsync(requests, answers);
                seeding.Stop();
                Console.WriteLine($"Seeded {requests:N0} requests and {answers:N0} answers ({volume.Members.Count} members, {volume.Coordinations} coordinations) in {seeding.Elapsed.TotalSeconds:F1} s");
            }

            var browse = services.GetRequiredService<BrowseBoardHandler>();
            var view = services.GetRequiredService<ViewHelpRequestHandler>();
            var search = services.GetRequiredService<SearchHelpRequestsHandler>();
            var canHelp = services.GetRequiredService<Domain.Matching.ListRequestsSheCanHelpHandler>();
            var random = new Random(7);
            Guid Member() => volume.Members[random.Next(volume.Members.Count)];
            string Term() => SearchTerms[random.Next(SearchTerms.Length)];

            // A cursor about halfway down the board: the 1 250th page costs what the first does with keyset paging.
            var middle = await MiddleCursorAsync(dbFactory);

            // The dashboards, read by an admin (the network, then one coordination), over the last 90 days.
            var admin = volume.Members[0];
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlAsync($"DELETE FROM \"AspNetUserRoles\" WHERE \"UserId\" = {admin} AND \"RoleId\" = {Domain.Members.MemberRoles.AdminRoleId}");
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") VALUES ({admin}, {Domain.Members.MemberRoles.AdminRoleId})");
            }

            var engagement = services.GetRequiredService<Domain.Engagement.ReadEngagementHandler>();
            var last90 = Domain.Engagement.EngagementPeriod.LastDays(90, engagement.Today);
            var dashboardIterations = Math.Max(20, iterations / 5);
            var dashboards = new List<(string Name, double[] Timings, int Items)>
            {
                await MeasureAsync("Dashboard, network, 90 days (headline, previous, rows, weeks, themes, helpers)", dashboardIterations, async () =>
                    (await engagement.HandleAsync(new Domain.Engagement.ReadEngagement(admin, null, last90))).Value!.Current.Requests),
                await MeasureAsync("Dashboard, one coordination, 90 days", dashboardIterations, async () =>
                    (await engagement.HandleAsync(new Domain.Engagement.ReadEngagement(admin, random.Next(1, volume.Coordinations + 1), last90))).Value!.Current.Requests),
            };
            if (args.Contains("--dashboards-only"))
            {
                Print(dashboards, requests, answers);
                return 0;
            }

            var results = new List<(string Name, double[] Timings, int Items)>
            {
                await MeasureAsync("Board, first page (20 items)", iterations, async () => (await browse.HandleAsync(new BrowseBoard(Member()))).Items.Count),
                await MeasureAsync("Board, page in the middle (keyset)", iterations, async () => (await browse.HandleAsync(new BrowseBoard(Member(), middle))).Items.Count),
                await MeasureAsync("Mes demandes, first page", iterations, async () => (await browse.HandleAsync(new BrowseBoard(Member(), Filter: new BoardFilter(OnlyMine: true)))).Items.Count),
                await MeasureAsync("Board, unanswered for 48 h in one theme", iterations, async () =>
                    (await browse.HandleAsync(new BrowseBoard(Member(), Filter: new BoardFilter(ThemeId: random.Next(1, 10), Status: StatusFilter.Unanswered)))).Items.Count),
                await MeasureAsync("Je peux aider, first page (her three themes)", iterations, async () =>
                    (await canHelp.HandleAsync(new Domain.Matching.ListRequestsSheCanHelp(Member()))).Items.Count),
                await MeasureAsync("Je peux aider, her menu's count", iterations, async () => await canHelp.CountUnansweredAsync(Member())),
                await MeasureAsync("Request page with its thread", iterations, async () =>
                    (await view.HandleAsync(new ViewHelpRequest(random.Next(1, requests), Member())))?.Thread.Count ?? 0),
                await MeasureAsync("Search, 1–2 words, first page with snippets", iterations, async () =>
                    (await search.HandleAsync(new SearchHelpRequests(Member(), Term()))).Hits.Count),
                await MeasureAsync("Search with a filter (theme + status)", iterations, async () =>
                    (await search.HandleAsync(new SearchHelpRequests(Member(), Term(), new BoardFilter(ThemeId: random.Next(1, 10), Status: StatusFilter.Answered)))).Hits.Count),
                await MeasureAsync("Suggestions while typing a title (any word, 3 hits)", iterations, async () =>
                    (await search.HandleAsync(new SearchHelpRequests(Member(), Titles[random.Next(Titles.Length)], Take: 3, MatchAny: true))).Hits.Count),
            };

            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                Console.WriteLine();
                Console.WriteLine("Share of requests each search term matches:");
                if (store.IsPostgres)
                {
                    Console.WriteLine("  (counted on SQLite's index only)");
                }
                else
                {
                    await db.Database.OpenConnectionAsync();
                    foreach (var term in SearchTerms)
                    {
                        await using var command = db.Database.GetDbConnection().CreateCommand();
                        command.CommandText = "SELECT count(*) FROM HelpRequestSearch WHERE HelpRequestSearch MATCH $q";
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = "$q";
                        parameter.Value = FullTextQuery.Build(term);
                        command.Parameters.Add(parameter);
                        var count = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {term}: {count:N0} ({100.0 * count / requests:F1} %)"));
                    }
                }
            }

            Print([.. results, .. dashboards], requests, answers);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (keep)
            {
                Console.WriteLine($"Database kept: {Path.Combine(folder, "board.db")}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Print(List<(string Name, double[] Timings, int Items)> results, int requests, int answers)
    {
        Console.WriteLine();
        Console.WriteLine($"| query ({requests:N0} requests, {answers:N0} answers) | p50 ms | p95 ms | max ms | items per call (mean) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, timings, items) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Percentile(timings, 50):F2} | {Percentile(timings, 95):F2} | {timings.Max():F2} | {items / (double)timings.Length:F1} |"));
        }
    }

    /// <summary>What members search for: trade words of varied frequency, with and without accents.</summary>
    private static readonly string[] SearchTerms =
    [
        "comptabilite", "trésorerie", "salon stand", "banque prêt", "site internet", "facture relance", "logiciel",
        "recrutement salariée", "tarifs", "subvention région", "URSSAF cotisations", "céramique", "Instagram",
        "bail loyer", "micro-entreprise statut",
    ];

    private static readonly string[] Titles =
    [
        "Quel logiciel de comptabilité pour débuter ?", "Préparer mon premier salon professionnel",
        "Trouver une subvention pour ma boutique", "Relancer une facture impayée", "Choisir entre SASU et micro-entreprise",
    ];

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

    internal static double Percentile(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
