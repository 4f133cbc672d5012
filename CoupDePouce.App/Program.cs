using CoupDePouce.App.Benchmarks;
using CoupDePouce.App.Components;
using CoupDePouce.App.Diagnostics;
using CoupDePouce.App.Hosting;
using CoupDePouce.App.Live;
using CoupDePouce.Domain;
using CoupDePouce.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;

if (args is ["benchmark", "board", ..])
{
    return await BoardBenchmark.RunAsync(args[2..]);
}

if (args is ["benchmark", "ssr", ..])
{
    return await BoardSsrBenchmark.RunAsync(args[2..]);
}

if (args is ["benchmark", "writers", ..])
{
    return await WritersBenchmark.RunAsync(args[2..]);
}

if (DatabaseCommands.Handles(args))
{
    return DatabaseCommands.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
// http://localhost:5000 unless --urls or ASPNETCORE_URLS says otherwise (not in appsettings.json, which would
// override the environment variable).
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:5000");
}

// Where the board lives: a SQLite file by default, PostgreSQL when Database:Provider says so (decision 033). A setting
// the app cannot use stops it here, in one line that names it.
BoardStore store;
try
{
    store = BoardStore.FromSettings(builder.Configuration[BoardStore.ProviderSetting], builder.Configuration.GetConnectionString("Board"), builder.Environment.ContentRootPath);
}
catch (BoardStoreException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// The network's time zone (Network:TimeZone, Europe/Paris by default): the dashboards' days and weeks.
builder.Services.AddSingleton(CoupDePouce.Domain.Engagement.NetworkTimeZone.Named(builder.Configuration["Network:TimeZone"]));
builder.Services.AddCoupDePouceDomain(store);
// Sign-in cookies survive restarts and are shared by every instance: beside the SQLite file, or in PostgreSQL.
var dataProtection = builder.Services.AddDataProtection().SetApplicationName("CoupDePouce");
if (store.IsPostgres)
{
    dataProtection.PersistKeysToDbContext<CoupDePouce.Domain.Persistence.Postgres.PostgresBoardDbContext>();
}
else
{
    dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(BoardDatabase.DataDirectory(store.ConnectionString), "keys")));
}

builder.Services.AddCoupDePouceAccounts(builder.Configuration);
builder.Services.AddCoupDePouceLive(builder.Configuration);
if (LiveDiagnostics.IsOn(builder.Configuration))
{
    builder.Services.AddLiveDiagnostics();
}
builder.Services.AddCoupDePouceLocalization();
// French pages stay readable and small: accented letters are not turned into entities.
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents(options =>
    {
        // A member whose connection drops (a train, a lift) finds her page as she left it for three minutes; past
        // that, or beyond 100 such pages, the oldest are released and she starts afresh.
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
        options.DisconnectedCircuitMaxRetained = 100;
        options.DetailedErrors = builder.Environment.IsDevelopment();
    })
    // What one message from a page may weigh: a request's longest details are 5,000 characters.
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 32 * 1024);
// One popover provider, in the layout: MudBlazor need not ask every new page to count them (a round trip per page).
builder.Services.AddMudServices(mud => mud.PopoverOptions.ThrowOnDuplicateProvider = false);
builder.Services.AddNetworkTheme();
builder.Services.AddHealthChecks().AddDbContextCheck<BoardDbContext>(
    customTestQuery: static (db, ct) => BoardDatabase.AnswersAsync(db, ct));
builder.Services.Configure<NetworkOptions>(builder.Configuration.GetSection(NetworkOptions.Section));
// Held invitations and the escalation of unanswered requests, on the app's clock (decision 029).
builder.Services.Configure<TimedChecksOptions>(builder.Configuration.GetSection(TimedChecksOptions.Section));
builder.Services.AddHostedService<TimedChecks>();
// What a member does often, inside her circuit (Domain), and the account forms, per address (ASP.NET).
builder.Services.Configure<CoupDePouce.Domain.Limits.LimitOptions>(builder.Configuration.GetSection(CoupDePouce.Domain.Limits.LimitOptions.Section));
builder.Services.AddAccountFormLimits(builder.Configuration);

var app = builder.Build();

try
{
    await app.PrepareDatabaseAsync();
}
catch (BoardStoreException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/erreur", createScopeForErrors: true);
}

app.UseSecurityHeaders();

// An unknown address gets the network's own « page introuvable » (the Router's NotFoundPage), with a 404.
app.UseStatusCodePagesWithReExecute(NotFoundAddress, createScopeForStatusCodePages: true);
app.UseCoupDePouceLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapNetworkTheme();
app.MapHealthChecks("/health");
app.MapAccountEndpoints();
app.MapPrivacyEndpoints();
app.MapCultureEndpoint();
app.MapDashboardExport();
if (LiveDiagnostics.IsOn(app.Configuration))
{
    app.MapLiveDiagnostics();
}

app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Visible to the host tests' WebApplicationFactory.</summary>
public partial class Program
{
    /// <summary>Where unknown addresses are answered (Components/Pages/NotFound.razor).</summary>
    public const string NotFoundAddress = "/introuvable";
}
