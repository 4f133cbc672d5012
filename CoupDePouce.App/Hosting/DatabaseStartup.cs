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
        catch (Exception e) when (store.IsPostgres && Why(e) is { } why)
        {
            // Unreachable, refused, a wrong password or database: said in one line naming the setting, no stack trace.
            throw new BoardStoreException($"{BoardStore.ConnectionSetting}: {store.Describe()} cannot be used ({why}).", e);
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

    /// <summary>What PostgreSQL or the way to it said, when that is why the database could not be used.</summary>
    private static string? Why(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return e.Message.Split('\n')[0].Trim();
            }
        }

        return null;
    }
}
