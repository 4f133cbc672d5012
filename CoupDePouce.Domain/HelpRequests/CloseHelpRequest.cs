using CoupDePouce.Domain.Common;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>A coordinatrice of the request's coordination (or an admin) closes it; the asker is told.</summary>
public sealed record CloseHelpRequest(Guid ModeratorId, long RequestId);

public sealed class CloseHelpRequestHandler(HelpRequestActions actions)
{
    public Task<Result<bool>> HandleAsync(CloseHelpRequest command, CancellationToken ct = default) =>
        actions.RunAsync(command.ModeratorId, command.RequestId, context =>
        {
            context.Request.Close(context.Viewer, context.Now);
            return true;
        }, ct);
}
