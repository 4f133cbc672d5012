using System.Globalization;
using System.Security.Claims;
using Bunit;
using CoupDePouce.App.Hosting;
using CoupDePouce.App.Live;
using CoupDePouce.Domain.Live;
using CoupDePouce.Tests.Domain;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace CoupDePouce.Tests.App.Components;

/// <summary>A component rendered by bunit with MudBlazor's services, on a real <see cref="TestNetwork"/> (SQLite
/// file, the Domain's use cases, a clock the test controls) and the app's live notifier, in French. The context is
/// disposed asynchronously: MudBlazor's popover service is only <see cref="IAsyncDisposable"/>.</summary>
public abstract class ComponentTest(CoupDePouce.Domain.Persistence.DatabaseProvider provider = CoupDePouce.Domain.Persistence.DatabaseProvider.Sqlite) : IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected BunitContext Context { get; } = new();

    protected TestNetwork Network { get; private set; } = default!;

    protected LiveBoard Live { get; private set; } = default!;

    public virtual async Task InitializeAsync()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("fr");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
        Network = await TestNetwork.CreateAsync(provider: provider, configure: services => services
            .AddSingleton<LiveBoard>()
            .AddSingleton<RequestPresence>()
            .AddSingleton<IBoardChangePublisher>(provider => provider.GetRequiredService<LiveBoard>()));
        Live = Network.Services.GetRequiredService<LiveBoard>();
        await Live.StartAsync(CancellationToken.None);

        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = Context.Services;
        services.AddMudServices();
        services.AddCoupDePouceLocalization();
        services.AddSingleton(Network.Clock);
        services.AddSingleton<TimeProvider>(Network.Clock);
        services.AddSingleton(Live);
        services.AddSingleton(Network.Services.GetRequiredService<RequestPresence>());
        services.AddSingleton(Network.Services.GetRequiredService<LiveAudience>());
        services.AddScoped<CircuitConnection>();
        services.AddOptions<NetworkOptions>();
        // The Domain's use cases, each resolved in the network's own container as the app resolves them.
        foreach (var useCase in typeof(CoupDePouce.Domain.DomainServices).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal)))
        {
            services.AddScoped(useCase, _ => Network.Services.CreateScope().ServiceProvider.GetRequiredService(useCase));
        }

        services.AddScoped(_ => Network.Services.CreateScope().ServiceProvider.GetRequiredService<CoupDePouce.Domain.Coordinations.ListCoordinations>());
        // The Domain's validators, as the app registers them: the forms show their rules while she types.
        services.AddValidatorsFromAssembly(typeof(CoupDePouce.Domain.DomainServices).Assembly, ServiceLifetime.Singleton);
    }

    /// <summary>Renders as on a live circuit (not prerendered). Called once every service is registered: it builds
    /// bunit's renderer.</summary>
    protected IRenderedComponent<TComponent> RenderLive<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Context.Render(parameters);
    }

    /// <summary>She is signed in (as the app's sign-in would describe her to components).</summary>
    protected void SignIn(Guid memberId, string displayName = "Camille Martin", bool moderates = false, bool admin = false)
    {
        var auth = Context.AddAuthorization();
        auth.SetAuthorized(displayName);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, memberId.ToString()),
            new(MemberClaimsPrincipalFactory.DisplayNameClaim, displayName),
        };
        if (moderates)
        {
            claims.Add(new Claim(MemberClaimsPrincipalFactory.ModeratesClaim, "true"));
        }

        // Roles first: bunit's SetRoles rebuilds the user and drops the claims set before it.
        if (admin)
        {
            auth.SetRoles(CoupDePouce.Domain.Members.MemberRoles.Admin);
        }

        auth.SetClaims([.. claims]);
    }

    public virtual async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await Live.StopAsync(CancellationToken.None);
        await Network.DisposeAsync();
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = null;
    }
}
