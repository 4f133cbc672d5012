using CoupDePouce.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Search;

/// <summary>What only SQLite's index has: its triggers read French through functions every board connection is given,
/// so a write from a connection without them is refused whole (decision 019). On PostgreSQL the Domain reads the text
/// as it saves it and the triggers index what it read (decision 033).</summary>
public sealed class Fts5IndexTests : CamilleAndJulieSearchTest
{
    public Fts5IndexTests()
        : base(CoupDePouce.Domain.Persistence.DatabaseProvider.Sqlite)
    {
    }

    private async Task<List<long>> FoundAsync(string text) => (await SearchPageAsync(text)).Hits.Select(h => h.Item.Id).ToList();

    [Fact]
    public async Task AWriteThatCannotIndexItsTextIsRefusedWholeNeverHalfIndexed()
    {
        await PostAsync("Une demande indexée", "Des détails assez longs pour passer.");
        await using var bare = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Network.DatabasePath};Pooling=False");
        await bare.OpenAsync();
        await using var insert = bare.CreateCommand();
        insert.CommandText = "UPDATE HelpRequests SET Title = 'Un titre changé sans index' WHERE Title = 'Une demande indexée'";

        // A connection without the index's functions (every board connection has them) cannot write text at all.
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => insert.ExecuteNonQueryAsync());

        Assert.NotEmpty(await FoundAsync("indexée"));
        Assert.Empty(await FoundAsync("changé"));
        Assert.Equal(
            await Network.QueryAsync(db => db.HelpRequests.CountAsync()),
            await Network.QueryAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM HelpRequestSearch").SingleAsync()));
    }
}
