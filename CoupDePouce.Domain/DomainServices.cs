using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
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
        services.AddDbContextFactory<BoardDbContext>(options => options.UseSqlite(connectionString));

        // FluentValidation.DependencyInjectionExtensions is not obtainable here: validators are registered by hand.
        services.AddSingleton<IValidator<PostHelpRequest>, PostHelpRequestValidator>();
        services.AddSingleton<IValidator<RegisterMember>, RegisterMemberValidator>();

        services.AddScoped<RegisterMemberHandler>();
        services.AddTransient<PostHelpRequestHandler>();
        services.AddTransient<PrepareHelpRequestHandler>();
        services.AddTransient<BrowseBoardHandler>();
        services.AddTransient<ViewHelpRequestHandler>();
        services.AddTransient<ListCoordinations>();
        services.AddTransient<DemoNetworkSeeder>();
        return services;
    }
}
