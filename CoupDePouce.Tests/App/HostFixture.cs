using System.Net;
using System.Text.RegularExpressions;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Tests.App;

/// <summary>The real host, in memory, on its own SQLite file holding the demo network.</summary>
public sealed class HostFixture : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();

    public string DatabasePath => _folder.File("board.db");

    /// <summary>What the host logged, as its configuration filters it.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Packages' static files (MudBlazor's _content/) come from the build's manifest, as in Development.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Board", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:Seed", "true");
        // The timed checks would notify demo members at a moment no test chooses: their own tests run them.
        builder.UseSetting("TimedChecks:Enabled", "false");
        // Every host test signs in from the same address and as the same few members: the limits tests set theirs.
        foreach (var limited in LiftedLimits)
        {
            builder.UseSetting(limited.Replace("__", ":", StringComparison.Ordinal), int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>The limits a test run would reach (configuration keys as environment variables spell them).</summary>
    public static readonly string[] LiftedLimits =
    [
        .. new[] { typeof(CoupDePouce.Domain.Limits.LimitOptions), typeof(CoupDePouce.App.Hosting.AccountFormLimitOptions) }
            .SelectMany(options => options.GetProperties())
            .Where(p => p.PropertyType == typeof(CoupDePouce.Domain.Limits.ActionLimit))
            .Select(p => $"Limits__{p.Name}__PermitLimit"),
    ];

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new approved member of Rennes with this password, for a test that signs her in, locks her out or
    /// deletes her (never one of the demo members other tests sign in as).</summary>
    public async Task<Guid> CreateMemberAsync(string name, string email, string password)
    {
        var rennes = await QueryAsync(db => db.Coordinations.Where(c => c.Name == "Rennes").Select(c => c.Id).SingleAsync());
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CoupDePouce.Domain.Members.Member>>();
        var member = CoupDePouce.Domain.Members.Member.Register(name, email, "Consultante", rennes, DateTime.UtcNow);
        var created = await users.CreateAsync(member, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return member.Id;
    }

    public async Task<TResult> QueryAsync<TResult>(Func<BoardDbContext, Task<TResult>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}

/// <summary>Reads and posts the app's server-rendered forms as a browser would (antiforgery token included).</summary>
public static partial class Forms
{
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, $"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, path),
            ["_handler"] = formName,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>The sign-in form, filled and sent.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostAsync(client, CoupDePouce.App.Hosting.Accounts.LoginPath, "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        });

    /// <summary>The page as she reads it: HTML entities decoded.</summary>
    public static async Task<string> GetPageAsync(HttpClient client, string path) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(path));

    public static async Task<string> ReadPageAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
