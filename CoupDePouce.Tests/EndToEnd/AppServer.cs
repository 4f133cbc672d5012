using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CoupDePouce.Tests.Support;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>Starts the real app the way a user does (its own executable, Development environment, demo data)
/// on a free loopback port with a temporary database, and removes both afterwards.</summary>
public sealed class AppServer(TempFolder? sharedFolder = null, IReadOnlyDictionary<string, string>? environment = null) : IAsyncDisposable
{
    private readonly TempFolder _folder = sharedFolder ?? new TempFolder();
    private readonly bool _ownsFolder = sharedFolder is null;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>The app's database, for a test that changes it behind the app's back (no live event).</summary>
    public string DatabasePath => _folder.File("board.db");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task StartAsync()
    {
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        var (appFolder, executable) = LocateApp();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Board"] = $"Data Source={_folder.File("board.db")}";
        start.Environment["Demo__Seed"] = "true";
        // The tests count listening screens and cut connections through the opt-in diagnostics (/dev/live).
        start.Environment["Diagnostics__Live"] = "true";
        // The timed checks would notify demo members at a moment no test chooses.
        start.Environment["TimedChecks__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var limited in App.HostFixture.LiftedLimits)
        {
            start.Environment[limited] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
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

        throw new TimeoutException($"The app did not answer /health within 90 s:\n{Log}");
    }

    /// <summary>Ends the app at once (SIGKILL), as a crash or a lost machine would: nothing of it runs afterwards.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_ownsFolder)
        {
            _folder.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>The app's own build output, next to this test build (same configuration, framework and RID).</summary>
    internal static (string Folder, string Executable) LocateApp()
    {
        var testsFolder = Repository.PathTo("CoupDePouce.Tests");
        var buildPath = Path.GetRelativePath(testsFolder, AppContext.BaseDirectory);
        var appFolder = Repository.PathTo("CoupDePouce.App");
        var executable = Path.Combine(appFolder, buildPath, OperatingSystem.IsWindows() ? "CoupDePouce.App.exe" : "CoupDePouce.App");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException("Build the solution first: the app's executable is missing.", executable);
        }

        return (appFolder, executable);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
