using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CoupDePouce.App.Hosting;
using CoupDePouce.Domain;
using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.App.Benchmarks;

/// <summary>`dotnet run -c Release --project CoupDePouce.App -- benchmark ssr [--requests 100000] [--connections 50]
/// [--seconds 30] [--rate 150] [--page file]`: seeds a network into a temporary SQLite file, starts this app's own executable on it (Production,
/// a free loopback port), signs one member in through the sign-in form and points wrk (Debian's `wrk`) at the
/// server-rendered board she gets on `/`: first with each connection pausing between pages so that
/// they offer --rate pages/s, then with no pause (the most the machine serves). Prints requests/s and p50/p95/p99
/// latency of both runs (wrk's own output on stderr); exit 1 on any non-2xx answer
/// or socket error. App and load share this machine. --page keeps the page she got, to look at.</summary>
public static partial class BoardSsrBenchmark
{
    private const string Password = "banc-d-essai-ssr-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BoardBenchmark.Option(args, "--requests", 100_000);
        var connections = BoardBenchmark.Option(args, "--connections", 50);
        var seconds = BoardBenchmark.Option(args, "--seconds", 30);
        var rate = BoardBenchmark.Option(args, "--rate", 150);
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("wrk is missing: apt-get install -y wrk");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "coupdepouce-ssr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "board.db");
        Process? app = null;
        try
        {
            var email = await SeedAsync(file, requests);
            var port = FreePort();
            var baseUrl = new Uri($"http://127.0.0.1:{port}");
            app = StartApp(file, baseUrl);
            await WaitForHealthAsync(app, baseUrl);

            var cookie = await SignInAsync(baseUrl, email);
            using (var check = new HttpClient { BaseAddress = baseUrl })
            {
                check.DefaultRequestHeaders.Add("Cookie", cookie);
                var board = await check.GetAsync("/");
                var html = await board.Content.ReadAsStringAsync();
                if (board.StatusCode != HttpStatusCode.OK || !html.Contains("request-card", StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"The board did not come back signed in ({(int)board.StatusCode}).");
                    return 1;
                }

                if (Array.IndexOf(args, "--page") is var at and >= 0 && at + 1 < args.Length)
                {
                    await File.WriteAllTextAsync(args[at + 1], html);
                }

                Console.WriteLine($"Board page: {html.Length:N0} characters, {Regex.Count(html, "<li class=\"request-card")} lines");
            }

            Console.WriteLine($"{requests:N0} requests on the board, {connections} connections, {seconds} s per run, app and wrk on this machine ({Environment.ProcessorCount} cores)");
            Console.WriteLine("| load | requests/s | p50 ms | p95 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            var failures = false;
            // Warm-up, not reported: the first pages compile the queries and the renderer's paths.
            await RunWrkAsync(folder, baseUrl, await SignInAsync(baseUrl, email), connections, 20, rate: 0);
            // As fast as the connections go (the most this machine serves, and its latency then), then members
            // arriving at the rate the goal names (pages sent on an even schedule, whichever connection is free).
            foreach (var (load, offered) in new[] { ("saturated (no pause)", 0), ($"{rate} pages/s offered", rate) })
            {
                // Signed in afresh for each run: wrk keeps the cookie it is given and never takes the renewed one.
                var run = await RunWrkAsync(folder, baseUrl, await SignInAsync(baseUrl, email), connections, seconds, offered);
                failures |= run.Failed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {load} | {run.RequestsPerSecond:F0} | {run.P50:F2} | {run.P95:F2} | {run.P99:F2} | {run.Max:F2} |"));
            }

            if (failures)
            {
                Console.WriteLine("Some answers were not 2xx or the sockets failed: see wrk's output above.");
            }

            return failures ? 1 : 0;
        }
        finally
        {
            if (app is { HasExited: false })
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }

            app?.Dispose();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record WrkRun(double RequestsPerSecond, double P50, double P95, double P99, double Max, bool Failed);

    private const int WrkThreads = 2;

    /// <summary>One wrk run on the board. With a <paramref name="rate"/>, each wrk thread sends its share of the pages
    /// on an even schedule (a connection that comes back waits for the next slot; a late slot is sent at once and
    /// the schedule does not catch up in a burst), so the achieved rate falls below the offered one only when the
    /// server cannot keep up. Without, each connection sends its next page as soon as the last one is back.</summary>
    private static async Task<WrkRun> RunWrkAsync(string folder, Uri baseUrl, string cookie, int connections, int seconds, int rate)
    {
        var script = Path.Combine(folder, $"board-{rate}.lua");
        var schedule = rate <= 0 ? string.Empty : $$"""
            local ffi = require("ffi")
            ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } timeval; int gettimeofday(timeval *tv, void *tz); ]]
            local tv = ffi.new("timeval")
            local function now() ffi.C.gettimeofday(tv, nil); return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000 end
            local period = {{(WrkThreads * 1000.0 / rate).ToString("F3", CultureInfo.InvariantCulture)}}
            local slot = nil
            delay = function()
              local t = now()
              if slot == nil or slot < t then slot = t end
              local wait = slot - t
              slot = slot + period
              return math.floor(wait)
            end
            """;
        await File.WriteAllTextAsync(script, $$"""
            {{schedule}}
            done = function(summary, latency, requests)
              io.write(string.format("percentiles %d %d %d %d\n",
                latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
            end
            """);
        var wrk = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     $"-t{WrkThreads}", $"-c{connections}", $"-d{seconds}s", "--timeout", "5s", "-H", $"Cookie: {cookie}",
                     "-H", "Accept-Language: fr-FR", "-s", script, baseUrl.ToString(),
                 })
        {
            wrk.ArgumentList.Add(argument);
        }

        using var load = Process.Start(wrk)!;
        var output = await load.StandardOutput.ReadToEndAsync();
        await load.WaitForExitAsync();
        Console.Error.WriteLine(output);
        var percentiles = Percentiles().Match(output).Groups.Values.Skip(1)
            .Select(g => long.Parse(g.Value, CultureInfo.InvariantCulture) / 1000.0).ToArray();
        return new WrkRun(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            percentiles[0], percentiles[1], percentiles[2], percentiles[3],
            output.Contains("Non-2xx", StringComparison.Ordinal) || output.Contains("Socket errors", StringComparison.Ordinal));
    }

    /// <summary>The volume network, plus a password for its first member, who reads the board.</summary>
    private static async Task<string> SeedAsync(string file, int requests)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddCoupDePouceDomain($"Data Source={file}")
            .BuildServiceProvider();
        var dbFactory = services.GetRequiredService<IDbContextFactory<BoardDbContext>>();
        await BoardDatabase.MigrateAsync(dbFactory);
        var seeding = Stopwatch.StartNew();
        var volume = await new VolumeSeeder(dbFactory, TimeProvider.System).SeedAsync(requests, requests * 3);
        Console.WriteLine($"Seeded {requests:N0} requests and {requests * 3:N0} answers in {seeding.Elapsed.TotalSeconds:F1} s");

        await using var db = await dbFactory.CreateDbContextAsync();
        var reader = await db.Members.SingleAsync(m => m.Id == volume.Members[0]);
        reader.PasswordHash = new PasswordHasher<Member>().HashPassword(reader, Password);
        await db.SaveChangesAsync();
        return reader.Email!;
    }

    private static Process StartApp(string file, Uri baseUrl)
    {
        // Under `dotnet run` this process is the app's own executable; under `dotnet CoupDePouce.App.dll`, dotnet.
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoupDePouce.App.dll"));
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Board"] = $"Data Source={file}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var app = Process.Start(start)!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"app: {e.Data}");
            }
        };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        return app;
    }

    private static async Task WaitForHealthAsync(Process app, Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {app.ExitCode}");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The app did not answer /health within 120 s");
    }

    /// <summary>Signs in through the server-rendered form, as a browser does, and returns her cookies.</summary>
    private static async Task<string> SignInAsync(Uri baseUrl, string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var form = await client.GetStringAsync(Accounts.LoginPath);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value);
        using var signIn = await client.PostAsync(Accounts.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.RememberMe"] = "true",
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect && signIn.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Signing {email} in answered {(int)signIn.StatusCode}");
        }

        return string.Join("; ", cookies.GetAllCookies().Select(c => $"{c.Name}={c.Value}"));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"percentiles (\d+) (\d+) (\d+) (\d+)")]
    private static partial Regex Percentiles();
}
