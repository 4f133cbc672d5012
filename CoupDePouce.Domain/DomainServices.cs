using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Live;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Persistence.Postgres;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoupDePouce.Domain;

public static class DomainServices
{
    /// <summary>The board on a SQLite file (the default store).</summary>
    public static IServiceCollection AddCoupDePouceDomain(this IServiceCollection services, string connectionString) =>
        services.AddCoupDePouceDomain(BoardStore.Sqlite(connectionString));

    /// <summary>Registers the database (one context per operation through the factory; the scoped context is
    /// for Identity's store within a request), the validators and the use cases.</summary>
    public static IServiceCollection AddCoupDePouceDomain(this IServiceCollection services, BoardStore store)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Days and weeks of the dashboards are the network's (the app may name another zone).
        services.TryAddSingleton(Engagement.NetworkTimeZone.Named(null));
        // Live screens hear of a change only once it is committed (the app supplies the publisher).
        services.TryAddSingleton<IBoardChangePublisher, NoScreensToUpdate>();
        services.AddSingleton<PublishAfterCommit>();
        services.AddSingleton<LiveAudience>();
        services.AddSingleton(store);
        services.AddBoardContexts(store);
        // Search reads the engine's own full-text index (decisions 019 and 033).
        services.AddSingleton<Search.SearchIndex>(store.IsPostgres ? new Search.PostgresSearchIndex() : new Search.Fts5SearchIndex());
        services.AddScoped<HelpRequestActions>();
        // Per-member limits on what she does often (the app binds them to its Limits section).
        services.AddOptions<Limits.LimitOptions>();
        services.TryAddSingleton<Limits.MemberLimits>();

        var types = typeof(DomainServices).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }).ToList();

        // The validators hold no state: one of each for the whole app.
        services.AddValidatorsFromAssembly(typeof(DomainServices).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);

        // Use cases: one per circuit or request scope, each taking its own DbContext per operation.
        foreach (var useCase in types.Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal) || t.Name.EndsWith("Seeder", StringComparison.Ordinal)))
        {
            services.AddScoped(useCase);
        }

        services.AddScoped<Coordinations.ListCoordinations>();
        return services;
    }

    /// <summary>One context per operation from the factory, on the store's engine: SQLite's context with its
    /// interceptors, or PostgreSQL's (its own migrations, its search columns) handed out as the board's context
    /// (decision 033). Events go out after the commit either way.</summary>
    private static void AddBoardContexts(this IServiceCollection services, BoardStore store)
    {
        if (!store.IsPostgres)
        {
            services.AddDbContextFactory<BoardDbContext>((provider, options) =>
                BoardDbContext.AddBoardInterceptors(options.UseSqlite(store.ConnectionString)).AddInterceptors(provider.GetRequiredService<PublishAfterCommit>()));
            return;
        }

        services.AddDbContextFactory<PostgresBoardDbContext>((provider, options) =>
            options.UseNpgsql(store.ConnectionString).AddInterceptors(PostgresSearchText.Instance, provider.GetRequiredService<PublishAfterCommit>()));
        services.AddSingleton<IDbContextFactory<BoardDbContext>, BoardContexts<PostgresBoardDbContext>>();
        services.AddScoped<BoardDbContext>(provider => provider.GetRequiredService<PostgresBoardDbContext>());
    }

    /// <summary>The board's contexts, made by an engine's own context factory.</summary>
    private sealed class BoardContexts<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<BoardDbContext>
        where TContext : BoardDbContext
    {
        public BoardDbContext CreateDbContext() => contexts.CreateDbContext();

        public async Task<BoardDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await contexts.CreateDbContextAsync(cancellationToken);
    }
}
