using Microsoft.Data.Sqlite;

namespace CoupDePouce.Domain.Search;

/// <summary>The functions the search index's triggers call (<c>fr_stems(text)</c>, <c>fr_theme(slug)</c>), given
/// to every connection the board opens (<see cref="Persistence.BoardConnections"/>), so that every write, whatever its
/// path, indexes French stems in its own transaction (decision 019). A connection without them cannot write a
/// request: the trigger fails, nothing is half-indexed.</summary>
public static class SearchFunctions
{
    public static void AddTo(SqliteConnection connection)
    {
        connection.CreateFunction("fr_stems", (string? text) => FrenchText.Stems(text), isDeterministic: true);
        connection.CreateFunction("fr_theme", (string? slug) => ThemeNames.Stems(slug), isDeterministic: true);
    }
}
