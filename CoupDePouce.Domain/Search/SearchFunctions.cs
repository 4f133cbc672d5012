using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoupDePouce.Domain.Search;

/// <summary>The functions the search index's triggers call (<c>fr_stems(text)</c>, <c>fr_theme(slug)</c>), given
/// to every connection the board opens, so that every write, whatever its path, indexes French stems in its own
/// transaction (decision 019). A connection without them cannot write a request: the trigger fails, nothing is
/// half-indexed.</summary>
public sealed class SearchFunctions : DbConnectionInterceptor
{
    public static SearchFunctions Instance { get; } = new();

    public static void AddTo(SqliteConnection connection)
    {
        connection.CreateFunction("fr_stems", (string? text) => FrenchText.Stems(text), isDeterministic: true);
        connection.CreateFunction("fr_theme", (string? slug) => ThemeNames.Stems(slug), isDeterministic: true);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            AddTo(sqlite);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
