using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Search;
using CoupDePouce.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoupDePouce.Domain.Persistence.Postgres;

/// <summary>On PostgreSQL, the search index's triggers cannot call the Domain's reading of French: each text is read
/// here as it is saved (its folded words, its stems: <see cref="FrenchText"/>, the same reading as SQLite's index and
/// as her query), in the same command as the text itself, and the triggers build the index from these columns
/// (<see cref="PostgresSql.SearchIndex"/>, decision 033).</summary>
public sealed class PostgresSearchText : SaveChangesInterceptor
{
    public static PostgresSearchText Instance { get; } = new();

    public static readonly string[] HelpRequestColumns = ["TitleWords", "TitleStems", "DetailsWords", "DetailsStems"];

    public static readonly string[] AnswerColumns = ["BodyWords", "BodyStems"];

    public const string ThemeColumn = "NameStems";

    /// <summary>The folded words of a text, separated by spaces (what her words are matched with, as written).</summary>
    public static string Words(string? text) => string.Join(' ', FrenchText.Words(text).Select(w => w.Folded));

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Read(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Read(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Read(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case HelpRequest request:
                    Set(entry, nameof(HelpRequest.Title), request.Title, "TitleWords", "TitleStems");
                    Set(entry, nameof(HelpRequest.Details), request.Details, "DetailsWords", "DetailsStems");
                    break;
                case Answer answer:
                    Set(entry, nameof(Answer.Body), answer.Body, "BodyWords", "BodyStems");
                    break;
                case Theme theme when entry.State == EntityState.Added || entry.Property(nameof(Theme.Slug)).IsModified:
                    entry.Property(ThemeColumn).CurrentValue = ThemeNames.Stems(theme.Slug);
                    break;
            }
        }
    }

    private static void Set(EntityEntry entry, string property, string? text, string words, string stems)
    {
        if (entry.State == EntityState.Added || entry.Property(property).IsModified)
        {
            entry.Property(words).CurrentValue = Words(text);
            entry.Property(stems).CurrentValue = FrenchText.Stems(text);
        }
    }
}
