using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Search;

/// <summary>Full-text search over titles, details, answers and theme names of the requests she may see, best match
/// first, reading French (stems, elisions, accents, the last word as a prefix, one typo: decision 019).
/// <see cref="MatchAny"/> finds requests sharing any word (for "similar requests" suggestions).</summary>
public sealed record SearchHelpRequests(
    Guid? ViewerId, string? Text, BoardFilter? Filter = null, int Skip = 0, int Take = 20, bool MatchAny = false)
{
    /// <summary>Marks the start and the end of a matched word in <see cref="SearchHit.Snippet"/> (private-use
    /// characters, so nothing she wrote can fake them once the snippet is encoded for the page).</summary>
    public const char HighlightStart = '\uE000';
    public const char HighlightEnd = '\uE001';

    /// <summary>Fewer letters than this in a title being typed say too little to look for similar requests.</summary>
    public const int SimilarTitleMinLength = 4;

    /// <summary>The three requests most like a title she is typing (sharing any of its words), or nothing to look
    /// for while it is shorter than <see cref="SimilarTitleMinLength"/>.</summary>
    public static SearchHelpRequests? SimilarTo(Guid viewerId, string? title)
    {
        var text = title?.Trim() ?? string.Empty;
        return text.Length < SimilarTitleMinLength ? null : new(viewerId, text, Take: 3, MatchAny: true);
    }
}

/// <summary>A request found: its line, its title with the matched words marked, and the part of its details or
/// answers that shows them (marked the same way).</summary>
public sealed record SearchHit(BoardItem Item, string Snippet, string MarkedTitle);

/// <summary>A page of results. <see cref="Widened"/>: nothing matched what she asked, these match a looser search
/// (any of her words rather than all, or every theme and coordination rather than her filter).</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, bool HasMore, bool Widened = false)
{
    /// <summary>She searched too often in a short time (<see cref="Limits.MemberLimits"/>): what to tell her.</summary>
    public string? Refusal { get; init; }

    public static SearchPage Empty { get; } = new([], false);
}

/// <summary>Ranks every match — in tiers: her words in the title first, then anywhere; BM25 within a tier, the title
/// weighing more than the details, the details more than the answers, her words as written more than their stems — and keeps, in rank order, those she may see
/// and that pass her filter (joined in the ranking query, so nothing else is ranked), until the page is full. When
/// nothing is found, a word of six letters or more that matches nothing on its own is looked for with one typo; when
/// still nothing matches, the search is widened (any word, then no filter) and the page says so. Snippets and marks are written here, by the same reading of French as the index.
/// See docs/decisions/019-french-search.md.</summary>
public sealed class SearchHelpRequestsHandler(IDbContextFactory<BoardDbContext> dbFactory, SearchIndex index, TimeProvider clock, Limits.MemberLimits limits)
{
    /// <summary>Words of one query looked for with a typo, at most (each brings a few hundred alternatives).</summary>
    public const int MaxCorrectedWords = 3;

    /// <summary>A page of suggestions this small is read from the titles' index only.</summary>
    public const int SuggestionsFromTitlesUpTo = 5;

    public async Task<SearchPage> HandleAsync(SearchHelpRequests query, CancellationToken ct = default)
    {
        var terms = FullTextQuery.Terms(query.Text);
        if (terms.Count == 0)
        {
            return SearchPage.Empty;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (!viewer.IsSignedIn)
        {
            return SearchPage.Empty;
        }

        if (limits.Refusal(viewer.MemberId!.Value, Limits.LimitedAction.Search) is { } limited)
        {
            return SearchPage.Empty with { Refusal = limited };
        }

        await db.Database.OpenConnectionAsync(ct);
        terms = await index.WeighAsync(db, terms, ct);
        var filter = query.Filter ?? BoardFilter.None;
        var page = await RankedAsync(db, viewer, terms, query.MatchAny, filter, query, ct);
        if (page.Hits.Count > 0)
        {
            return page;
        }

        // Found nothing: a word may be mistyped (when something is found, every word exists, so this is only asked
        // now). Suggestions follow a title being typed: no typo is looked for in a word she has not finished.
        if (!query.MatchAny && await WithTyposWhereNothingMatchesAsync(db, terms, ct) is { } corrected)
        {
            terms = await index.WeighAsync(db, corrected, ct);
            page = await RankedAsync(db, viewer, terms, matchAny: false, filter, query, ct);
            if (page.Hits.Count > 0)
            {
                return page;
            }
        }

        // Nothing matched: a looser search, said to be one (never « nobody asked » when something is near).
        if (!query.MatchAny && terms.Count > 1)
        {
            page = await RankedAsync(db, viewer, terms, matchAny: true, filter, query, ct);
        }

        if (page.Hits.Count == 0 && filter != BoardFilter.None)
        {
            page = await RankedAsync(db, viewer, terms, matchAny: true, BoardFilter.None, query, ct);
        }

        return page.Hits.Count == 0 ? page : page with { Widened = true };
    }

    /// <summary>Each long word that matches nothing on its own (written, stemmed or as a prefix) also accepts the words
    /// one typo away. Whether a word exists is asked of the whole index: it says nothing of any request.</summary>
    /// <returns>The terms with their typos, or null when every word matches something as it is.</returns>
    private async Task<IReadOnlyList<SearchTerm>?> WithTyposWhereNothingMatchesAsync(BoardDbContext db, IReadOnlyList<SearchTerm> terms, CancellationToken ct)
    {
        var corrected = new List<SearchTerm>(terms.Count);
        var corrections = 0;
        foreach (var term in terms)
        {
            if (term.Folded.Length < SearchTerm.TypoMinLength || corrections == MaxCorrectedWords)
            {
                corrected.Add(term);
                continue;
            }

            var exists = await index.MatchesAnythingAsync(db, term, ct);
            corrections += exists ? 0 : 1;
            corrected.Add(exists ? term : term.WithTypos());
        }

        return corrections == 0 ? null : corrected;
    }

    private async Task<SearchPage> RankedAsync(
        BoardDbContext db, Viewer viewer, IReadOnlyList<SearchTerm> terms, bool matchAny, BoardFilter filter, SearchHelpRequests query, CancellationToken ct)
    {
        var wanted = query.Skip + query.Take + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var found = new List<long>();
        var visible = db.HelpRequests.AsNoTracking().VisibleTo(viewer).Apply(filter, viewer, db.Answers, now);
        foreach (var (tier, any) in Steps(terms, matchAny, query.Take))
        {
            // What she may not see or her filter drops is never ranked; those a step above already gave are left out.
            found.AddRange(await index.RankAsync(db, terms, any, tier, visible, found.ToList(), wanted - found.Count, ct));
            if (found.Count >= wanted)
            {
                break;
            }
        }

        var pageIds = found.Skip(query.Skip).Take(query.Take).ToList();
        var items = await db.HelpRequests.AsNoTracking().Where(r => EF.Constant(pageIds).Contains(r.Id)).ToBoardItems(db).ToDictionaryAsync(i => i.Id, ct);
        var texts = await index.TextsAsync(db, pageIds, ct);
        return new SearchPage(
            pageIds.Where(items.ContainsKey).Select(id =>
            {
                var (details, answers) = texts.GetValueOrDefault(id);
                return new SearchHit(items[id], Highlighter.Snippet(details, answers, terms), Highlighter.Mark(items[id].Title, terms));
            }).ToList(),
            found.Count > query.Skip + query.Take);
    }

    /// <summary>Where a page is looked for, in rank order. A search: her words in the titles, then anywhere.
    /// Suggestions (requests like the title she types, sharing any of its words) are read from the titles alone: first
    /// those that share all her words, then those that share some (a title with more of her words is more like hers,
    /// as Lucene's coordination factor has it; and the few that share all of them are ranked without ranking every
    /// title that shares one common word).</summary>
    private static IEnumerable<(SearchTier Tier, bool MatchAny)> Steps(IReadOnlyList<SearchTerm> terms, bool matchAny, int take)
    {
        if (matchAny && take <= SuggestionsFromTitlesUpTo)
        {
            if (terms.Count > 1)
            {
                yield return (SearchTier.Titles, false);
            }

            yield return (SearchTier.Titles, true);
            yield break;
        }

        foreach (var tier in SearchTier.InRankOrder)
        {
            yield return (tier, matchAny);
        }
    }
}
