using System.Diagnostics;
using CoupDePouce.Tests.EndToEnd;

namespace CoupDePouce.Tests.App;

/// <summary>A database setting the app cannot use stops it at start, in one line that names the setting, never a
/// stack trace (issue 21); the app's own executable, started as an operator would.</summary>
public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData("Oracle", "Host=localhost", "Database:Provider is « Oracle »: it must be Sqlite (the default) or Postgres.")]
    [InlineData("Postgres", "", "ConnectionStrings:Board is empty: PostgreSQL needs one")]
    [InlineData("Postgres", "Host=localhost;Port=abc", "ConnectionStrings:Board is not a PostgreSQL connection string")]
    [InlineData("Postgres", "Port=5432;Database=board", "ConnectionStrings:Board names no Host for PostgreSQL.")]
    [InlineData("Postgres", "Host=127.0.0.1;Port=1;Database=board;Username=board", "ConnectionStrings:Board: PostgreSQL 127.0.0.1:1/board cannot be used (Failed to connect to 127.0.0.1:1).")]
    public async Task ASettingTheAppCannotUseStopsItInOneLineThatNamesIt(string provider, string connectionString, string said)
    {
        var (exitCode, error) = await RunAppAsync(provider, connectionString);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(said, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Error)> RunAppAsync(string provider, string connectionString)
    {
        var (folder, executable) = AppServer.LocateApp();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{AppServer.FreePort()}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Board"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }
}
