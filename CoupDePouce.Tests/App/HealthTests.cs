using System.Net;
using CoupDePouce.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CoupDePouce.Tests.App;

public sealed class HealthTests
{
    [Fact]
    public async Task AnswersOkWhileTheDatabaseAnswersAndServiceUnavailableOnceItIsGone()
    {
        using var folder = new TempFolder();
        var database = folder.File("board.db");
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Board", $"Data Source={database}");
        });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // The database file disappears (disk lost, volume unmounted): the board's tables no longer answer.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(folder.Path, "board.db*"))
        {
            File.Delete(file);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }
}
