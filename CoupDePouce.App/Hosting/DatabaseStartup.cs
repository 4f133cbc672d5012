using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.App.Hosting;

public static class DatabaseStartup
{
    /// <summary>Applies the migrations, then seeds the demo network when asked to (Development) and the
    /// database holds no member yet.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<BoardDbContext>>();
        await BoardDatabase.MigrateAsync(dbFactory);

        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoNetworkSeeder>().SeedIfEmptyAsync();
            if (seeded)
            {
                app.Logger.LogInformation(
                    "Demo network seeded: sign in as {Email} with the password {Password}",
                    DemoNetworkSeeder.AdminEmail, DemoNetworkSeeder.Password);
            }
        }
    }
}
