using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Reciprocity;

/// <summary>Coups de pouce given and received: the answers she wrote to others' requests, and the answers others
/// wrote to hers (neither withdrawn nor hidden). Shown to herself and to her coordination's coordinatrices, to
/// nobody else (decision 028).</summary>
public sealed record GiveAndReceive(int Given, int Received)
{
    /// <summary>She received more than she gave: her page suggests, kindly, requests she could help with.</summary>
    public bool ReceivedMore => Received > Given;
}

/// <summary>One member's balance, as her coordinatrice reads it.</summary>
public sealed record MemberBalance(Guid MemberId, string DisplayName, string CoordinationName, int Given, int Received)
{
    /// <summary>The same reading as her own page's (<see cref="GiveAndReceive.ReceivedMore"/>).</summary>
    public bool ReceivedMore => new GiveAndReceive(Given, Received).ReceivedMore;
}

/// <summary>The balances of the members of the coordinations she coordinates (an admin who coordinates none reads
/// none: a balance is between a member and her coordinatrice).</summary>
public sealed record ReadBalances(Guid ViewerId);

public sealed class ReadBalancesHandler(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<Result<IReadOnlyList<MemberBalance>>> HandleAsync(ReadBalances query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (viewer.CoordinatedCoordinationIds.Count == 0)
        {
            return Result<IReadOnlyList<MemberBalance>>.Forbidden(Messages.BalancesNotAvailable);
        }

        var coordinations = viewer.CoordinatedCoordinationIds.ToList();
        var members = await db.Members.AsNoTracking().StillMembers()
            .Where(m => m.Membership == MembershipStatus.Approved && coordinations.Contains(m.HomeCoordinationId))
            .Join(db.Coordinations, m => m.HomeCoordinationId, c => c.Id, (m, c) => new { m.Id, m.DisplayName, Coordination = c.Name })
            .ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var exchanges = HelpExchanges.Of(db);
        var given = await exchanges.Where(e => ids.Contains(e.Giver)).GroupBy(e => e.Giver)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var received = await exchanges.Where(e => ids.Contains(e.Receiver)).GroupBy(e => e.Receiver)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        return Result<IReadOnlyList<MemberBalance>>.Success(members
            .Select(m => new MemberBalance(m.Id, m.DisplayName, m.Coordination, given.GetValueOrDefault(m.Id), received.GetValueOrDefault(m.Id)))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .ToList());
    }
}

/// <summary>Every answer that counts in a balance: who gave it, to whom.</summary>
internal static class HelpExchanges
{
    internal sealed class Exchange
    {
        public Guid Giver { get; init; }

        public Guid Receiver { get; init; }
    }

    public static IQueryable<Exchange> Of(BoardDbContext db) =>
        from a in db.Answers
        where !a.IsWithdrawn && !a.IsHidden
        join r in db.HelpRequests on a.HelpRequestId equals r.Id
        where r.AuthorId != a.AuthorId
        select new Exchange { Giver = a.AuthorId, Receiver = r.AuthorId };

    /// <summary>Her balance, to herself and to her coordination's coordinatrices; null to anyone else.</summary>
    public static async Task<GiveAndReceive?> BalanceForAsync(BoardDbContext db, Viewer viewer, Guid memberId, int homeCoordinationId, CancellationToken ct)
    {
        if (viewer.MemberId != memberId && !viewer.CoordinatedCoordinationIds.Contains(homeCoordinationId))
        {
            return null;
        }

        var exchanges = Of(db);
        return new GiveAndReceive(
            await exchanges.CountAsync(e => e.Giver == memberId, ct),
            await exchanges.CountAsync(e => e.Receiver == memberId, ct));
    }
}
