using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Live;
using CoupDePouce.Domain.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoupDePouce.Domain;

public static class DomainServices
{
    /// <summary>Registers the database (one context per operation through the factory; the scoped context is
    /// for Identity's store within a request), the validators and the use cases.</summary>
    public static IServiceCollection AddCoupDePouceDomain(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Days and weeks of the dashboards are the network's (the app may name another zone).
        services.TryAddSingleton(Engagement.NetworkTimeZone.Named(null));
        // Live screens hear of a change only once it is committed (the app supplies the publisher).
        services.TryAddSingleton<IBoardChangePublisher, NoScreensToUpdate>();
        services.AddSingleton<PublishAfterCommit>();
        services.AddSingleton<LiveAudience>();
        services.AddDbContextFactory<BoardDbContext>((provider, options) =>
            BoardDbContext.AddBoardInterceptors(options.UseSqlite(connectionString)).AddInterceptors(provider.GetRequiredService<PublishAfterCommit>()));
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
}
