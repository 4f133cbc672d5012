using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;

namespace CoupDePouce.Domain.Relaunch;

/// <summary>« Proposer aux membres compétentes »: a coordinatrice tells up to five members of her coordination whose
/// skills include the theme about a request that waits for a first answer for more than 24 h. Each is told once per
/// request, live, in her notifications (a kind she can turn off).</summary>
public sealed record ProposeToSkilledMembers(Guid CoordinatriceId, long RequestId);

public sealed class ProposeToSkilledMembersHandler(HelpRequestActions actions)
{
    /// <summary>How many members it was proposed to.</summary>
    public Task<Result<int>> HandleAsync(ProposeToSkilledMembers command, CancellationToken ct = default) =>
        actions.RunAsync(command.CoordinatriceId, command.RequestId, async context =>
        {
            var skilled = await SkilledMembers.ForAsync(context.Db, context.Request.CoordinationId, [context.Request], context.Now, ct);
            var chosen = skilled.AvailableFor(context.Request).Take(SkilledMembers.PerProposal).ToList();
            context.Request.ProposeTo(context.Viewer, chosen, context.Now);
            context.Db.HelpProposals.AddRange(chosen.Select(m => new HelpProposal(context.Request.Id, m, context.MemberId, context.Now)));
            return chosen.Count;
        }, ct);
}
