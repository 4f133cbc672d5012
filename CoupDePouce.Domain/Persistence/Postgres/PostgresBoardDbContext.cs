using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Themes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Persistence.Postgres;

/// <summary>The board on PostgreSQL (decision 033): the same model as <see cref="BoardDbContext"/>, with its own
/// migrations (Postgres/Migrations), the partial indexes' filters written in PostgreSQL's terms, and the words and
/// stems of each text kept beside it for the search index (<see cref="PostgresSearchText"/>; on SQLite the index's
/// triggers compute them through functions the connection is given), and the sign-in keys every instance shares.</summary>
public sealed class PostgresBoardDbContext(DbContextOptions<PostgresBoardDbContext> options) : BoardDbContext(options), IDataProtectionKeyContext
{
    /// <summary>The sign-in cookies' keys, shared by every instance (on SQLite they are files beside the database).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The SQLite context's interceptors (its functions, its write gate) are not for this engine.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var index in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredIndexes()))
        {
            if (index.GetFilter() is { } filter)
            {
                index.SetFilter(Filters.TryGetValue(filter, out var translated)
                    ? translated
                    : throw new InvalidOperationException($"The partial index {index.GetDatabaseName()} has a filter PostgreSQL has no translation for: {filter}"));
            }
        }

        // The Domain counts a limit in characters as she sees them (an emoji is one, Text.Length); PostgreSQL would count
        // code points in a varchar(n) and refuse a name of sixty emoji that the Domain accepts: its texts are unbounded,
        // the Domain's limits hold (SQLite never enforced the lengths either).
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetMaxLength(null);
        }

        foreach (var column in PostgresSearchText.HelpRequestColumns)
        {
            builder.Entity<HelpRequest>().Property<string>(column).IsRequired().HasDefaultValue(string.Empty);
        }

        foreach (var column in PostgresSearchText.AnswerColumns)
        {
            builder.Entity<Answer>().Property<string>(column).IsRequired().HasDefaultValue(string.Empty);
        }

        builder.Entity<Theme>().Property<string>(PostgresSearchText.ThemeColumn).IsRequired().HasDefaultValue(string.Empty);
    }

    /// <summary>Each SQLite filter of the model and its PostgreSQL text: quoted names, real booleans. A new filter
    /// fails the model until it is written here too.</summary>
    private static readonly Dictionary<string, string> Filters = new(StringComparer.Ordinal)
    {
        ["PinnedAt IS NOT NULL"] = "\"PinnedAt\" IS NOT NULL",
        ["FollowUp IS NOT NULL"] = "\"FollowUp\" IS NOT NULL",
        ["Status = 2 AND FollowUpAskedAt IS NULL"] = "\"Status\" = 2 AND \"FollowUpAskedAt\" IS NULL",
        ["Status = 0 AND IsHidden = 0 AND IsWithdrawn = 0"] = "\"Status\" = 0 AND NOT \"IsHidden\" AND NOT \"IsWithdrawn\"",
        ["DeliveredAt IS NULL AND Dropped = 0"] = "\"DeliveredAt\" IS NULL AND NOT \"Dropped\"",
        ["WithdrawnAt IS NULL"] = "\"WithdrawnAt\" IS NULL",
    };
}
