using CoupDePouce.Domain.DemoData;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.App.Hosting;

public static class DatabaseStartup
{
    /// <summary>Applies the migrations, then seeds the demo network when asked to (Development) and the
    /// database holds no member yet. A PostgreSQL the app cannot reach stops it with one line (<see cref="BoardStoreException"/>).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<BoardDbContext>>();
        var store = app.Services.GetRequiredService<BoardStore>();
        try
        {
            await BoardDatabase.MigrateAsync(dbFactory);
        }
        catch (Exception e) when (store.IsPostgres && e is Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Unreachable, refused, a wrong password or database: said in one line naming the setting, no stack trace.
            throw new BoardStoreException($"{BoardStore.ConnectionSetting}: {store.Describe()} cannot be used ({e.Message.Split('\n')[0].Trim()}).", e);
        }

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
