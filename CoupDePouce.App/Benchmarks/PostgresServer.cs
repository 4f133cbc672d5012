using System.Diagnostics;

namespace CoupDePouce.App.Benchmarks;

/// <summary>A throw-away PostgreSQL from Debian's binaries (issue 21), for the tests and the benchmarks: <c>initdb</c>
/// into a temporary folder, <c>pg_ctl</c> on a free loopback port with trust authentication, stopped and deleted
/// afterwards. As root (CI containers), PostgreSQL refuses to run, so its commands run as the <c>postgres</c> user the
/// package creates. Missing binaries say how to install them (.ci/run does it). Not durable unless asked (the tests
/// need no <c>fsync</c>; a benchmark of commits does).</summary>
public sealed class PostgresServer(bool durable = false) : IAsyncDisposable
{
    public const string User = "coupdepouce";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cdp-pg-{Guid.NewGuid():N}");
    private string? _bin;

    public int Port { get; private set; }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=false";

    /// <summary>Where Debian puts the newest PostgreSQL's binaries, or null.</summary>
    public static string? Binaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public async Task StartAsync()
    {
        _bin = Binaries() ?? throw new InvalidOperationException(
            "PostgreSQL's throw-away server needs Debian's postgresql (initdb, pg_ctl under /usr/lib/postgresql): run `apt-get install -y postgresql` (.ci/run does it).");
        await StopLeftoversAsync();
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "owner"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:postgres", _folder);
        }

        Port = FreePort();
        var data = Path.Combine(_folder, "data");
        await RunPostgresAsync("initdb", "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await RunPostgresAsync("pg_ctl", "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync={(durable ? "on" : "off")} -c max_connections=200", "start");
    }

    /// <summary>A new empty database on this server.</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the server as an administrator restarting it would (open connections are cut), then starts it
    /// again on the same port and data.</summary>
    public async Task RestartAsync()
    {
        var data = Path.Combine(_folder, "data");
        await RunPostgresAsync("pg_ctl", "-D", data, "-m", "fast", "-w", "stop");
        await RunPostgresAsync("pg_ctl", "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync={(durable ? "on" : "off")} -c max_connections=200", "start");
    }

    public async ValueTask DisposeAsync()
    {
        if (_bin is not null && Directory.Exists(Path.Combine(_folder, "data")))
        {
            try
            {
                await RunPostgresAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Not running (it failed to start): nothing to stop.
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary folder is cleaned by the system.
        }
    }

    /// <summary>A test run that was killed (a hang, Ctrl+C) could not stop its server: the next one stops it, and
    /// deletes its folder, when the process that started it is gone.</summary>
    private async Task StopLeftoversAsync()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "cdp-pg-*"))
        {
            var owner = Path.Combine(folder, "owner");
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            try
            {
                await RunPostgresAsync("pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the system's cleaning of temporary files.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPostgresAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, tool), .. arguments])
            : RunAsync(Path.Combine(_bin!, tool), arguments);

    private static async Task RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error} {await output}");
        }
    }
}
