using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Following;

/// <summary>She follows (or stops following) a request she may see.</summary>
public sealed record FollowHelpRequest(Guid MemberId, long RequestId, bool Follow);

public sealed class FollowHelpRequestHandler(HelpRequestActions actions)
{
    public Task<Result<bool>> HandleAsync(FollowHelpRequest command, CancellationToken ct = default) =>
        actions.RunAsync(command.MemberId, command.RequestId, async context =>
        {
            if (command.Follow)
            {
                await EnsureFollowingAsync(context.Db, context.MemberId, context.Request.Id, context.Now, ct);
            }
            else
            {
                await context.Db.Follows.Where(f => f.MemberId == context.MemberId && f.HelpRequestId == context.Request.Id)
                    .ExecuteDeleteAsync(ct);
            }

            return command.Follow;
        }, ct);

    internal static async Task EnsureFollowingAsync(BoardDbContext db, Guid memberId, long requestId, DateTime now, CancellationToken ct)
    {
        var tracked = db.Follows.Local.Any(f => f.MemberId == memberId && f.HelpRequestId == requestId);
        if (!tracked && !await db.Follows.AnyAsync(f => f.MemberId == memberId && f.HelpRequestId == requestId, ct))
        {
            db.Follows.Add(new Follow(memberId, requestId, now));
        }
    }
}
