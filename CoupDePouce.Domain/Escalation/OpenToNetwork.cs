using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;

namespace CoupDePouce.Domain.Escalation;

/// <summary>« Ouvrir à tout le réseau »: the asker of a request kept to her coordination, that nobody answered for
/// two days, lets every member of the network see it (one click; only she may).</summary>
public sealed record OpenToNetwork(Guid MemberId, long RequestId);

public sealed class OpenToNetworkHandler(HelpRequestActions actions)
{
    public Task<Result<bool>> HandleAsync(OpenToNetwork command, CancellationToken ct = default) =>
        actions.RunAsync(command.MemberId, command.RequestId, context =>
        {
            context.Request.OpenToNetwork(context.MemberId, context.Now);
            return true;
        }, ct);
}
