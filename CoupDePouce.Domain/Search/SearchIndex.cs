using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;

namespace CoupDePouce.Domain.Search;

/// <summary>Where search finds and ranks its matches: SQLite's FTS5 index (<see cref="Fts5SearchIndex"/>, decision
/// 019) or PostgreSQL's full-text index (<see cref="PostgresSearchIndex"/>, decision 033). Both read the same words and
/// stems (<see cref="FrenchText"/>); everything else of search (terms, tiers, typos, widening, visibility, snippets)
/// is <see cref="SearchHelpRequestsHandler"/>'s, the same on both.</summary>
public abstract class SearchIndex
{
    /// <summary>The best <paramref name="take"/> requests of a tier that hold every term (or any), among those
    /// <paramref name="visible"/> (what she may see, through her filter) and not <paramref name="given"/> already, best
    /// first (equal ones newest first).</summary>
    public abstract Task<List<long>> RankAsync(
        BoardDbContext db, IReadOnlyList<SearchTerm> terms, bool matchAny, SearchTier tier, IQueryable<HelpRequest> visible,
        IReadOnlyList<long> given, int take, CancellationToken ct);

    /// <summary>The terms with what each match weighs where the index does not weigh it itself (its rarity).</summary>
    public virtual Task<IReadOnlyList<SearchTerm>> WeighAsync(BoardDbContext db, IReadOnlyList<SearchTerm> terms, CancellationToken ct) =>
        Task.FromResult(terms);

    /// <summary>Whether a term matches anything in the whole index (it says nothing of any request).</summary>
    public abstract Task<bool> MatchesAnythingAsync(BoardDbContext db, SearchTerm term, CancellationToken ct);

    /// <summary>The details and the shown answers of a page's requests, for their snippets.</summary>
    public abstract Task<Dictionary<long, (string? Details, string? Answers)>> TextsAsync(BoardDbContext db, IReadOnlyList<long> ids, CancellationToken ct);
}

/// <summary>A match of the search index with its score (lower is better).</summary>
public sealed class RankedMatch
{
    public long Id { get; init; }

    public double Score { get; init; }
}
