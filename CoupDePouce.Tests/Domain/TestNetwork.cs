using CoupDePouce.App.Hosting;
using CoupDePouce.Domain;
using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain;

/// <summary>A small network on a real, migrated database (a SQLite file by default, or PostgreSQL: decision 033):
/// coordinations and members made to measure, the Domain's use cases wired as the app wires them, and a clock the
/// test controls.</summary>
public sealed class TestNetwork : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;
    private int _memberNumber;

    private TestNetwork(TestDatabase database, ServiceProvider services, ManualClock clock)
    {
        _database = database;
        _services = services;
        Clock = clock;
    }

    public ManualClock Clock { get; }

    public IServiceProvider Services => _services;

    public BoardStore Store => _database.Store;

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>The SQLite file (the tests of what only SQLite has: its file, its journal, its backups).</summary>
    public string DatabasePath => _database.FilePath;

    /// <param name="configure">Replaces services after the Domain's (a publisher that records, say).</param>
    /// <param name="provider">The database engine the network lives on.</param>
    public static async Task<TestNetwork> CreateAsync(Action<IServiceCollection>? configure = null, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        await CreateOnAsync(await TestDatabase.CreateAsync(provider), configure);

    /// <summary>A network on a given database (one of a server the test owns).</summary>
    public static async Task<TestNetwork> CreateOnAsync(TestDatabase database, Action<IServiceCollection>? configure = null)
    {
        var clock = new ManualClock();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<TimeProvider>(clock)
            .AddCoupDePouceDomain(database.Store)
            .AddCoupDePouceLocalization()
            .AddCoupDePouceAccounts(new ConfigurationBuilder().Build())
            // Tests act many times as the same member; those about limits set their own (configure runs after).
            .Configure<CoupDePouce.Domain.Limits.LimitOptions>(CoupDePouce.Domain.Limits.LimitOptions.Lift);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
        await BoardDatabase.MigrateAsync(services.GetRequiredService<IDbContextFactory<BoardDbContext>>());
        return new TestNetwork(database, services, clock);
    }

    /// <summary>Another instance of the app's Domain on the same database and clock: a restart (dispose this one
    /// first) or a second server running beside the first.</summary>
    public ServiceProvider AnotherInstance(Action<IServiceCollection>? configure = null)
    {
        var collection = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<TimeProvider>(Clock)
            .AddCoupDePouceDomain(Store);
        configure?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    /// <summary>A use case, resolved as the app resolves it (in its own scope, like one request).</summary>
    public T Get<T>()
        where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task<TResult> QueryAsync<TResult>(Func<BoardDbContext, Task<TResult>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async Task<int> AddCoordinationAsync(string name)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync();
        var coordination = new Coordination(name, "Région", "France");
        db.Coordinations.Add(coordination);
        await db.SaveChangesAsync();
        return coordination.Id;
    }

    /// <summary>A member of a home coordination; optionally admin, or coordinatrice of some coordinations, or still
    /// waiting for her membership to be approved.</summary>
    public async Task<Guid> AddMemberAsync(int homeCoordinationId, string? name = null, bool admin = false, bool pending = false, params int[] coordinates)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<BoardDbContext>>().CreateDbContextAsync();
        var number = Interlocked.Increment(ref _memberNumber);
        var email = $"membre{number}@exemple.test";
        var member = Member.Register(name ?? $"Membre {number}", email, "Entrepreneuse", homeCoordinationId, Clock.GetUtcNow().UtcDateTime, pending);
        member.NormalizedEmail = member.NormalizedUserName = email.ToUpperInvariant();
        member.SecurityStamp = Guid.NewGuid().ToString("N");
        db.Members.Add(member);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = member.Id, RoleId = MemberRoles.MemberRoleId });
        if (admin)
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = member.Id, RoleId = MemberRoles.AdminRoleId });
        }

        foreach (var coordinationId in coordinates)
        {
            db.CoordinatorAssignments.Add(new CoordinatorAssignment(member.Id, coordinationId, Clock.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync();
        return member.Id;
    }

    /// <summary>Posts a valid request through the real use case and returns its id.</summary>
    public async Task<long> PostAsync(Guid authorId, Visibility visibility, string title = "Besoin d'un conseil sur mon statut juridique")
    {
        var result = await Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
            authorId, title, "Je démarre mon activité et j'hésite entre deux statuts.", ThemeId: 1, visibility));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Value;
    }

    /// <summary>Writes in a request's thread through the real use case; returns the new answer's id.</summary>
    public async Task<long> AnswerAsync(Guid memberId, long requestId, string body = "Regarde du côté de la chambre de commerce.")
    {
        var result = await Get<AnswerHelpRequestHandler>().HandleAsync(new AnswerHelpRequest(memberId, requestId, body));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Value;
    }

    public Task<HelpRequest> RequestAsync(long id) =>
        QueryAsync(db => db.HelpRequests.Include(r => r.Answers).ThenInclude(a => a.Thanks).AsSplitQuery().SingleAsync(r => r.Id == id));

    public Task<int> CountRequestsAsync() => QueryAsync(db => db.HelpRequests.CountAsync());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
