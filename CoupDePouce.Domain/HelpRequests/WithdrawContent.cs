using CoupDePouce.Domain.Common;

namespace CoupDePouce.Domain.HelpRequests;

/// <summary>The author takes back her request (it disappears for everyone), or one of her answers (it no longer
/// counts; the thread says an answer was withdrawn). Nothing is deleted.</summary>
public sealed record WithdrawContent(Guid MemberId, long RequestId, long? AnswerId = null);

public sealed class WithdrawContentHandler(HelpRequestActions actions)
{
    public Task<Result<bool>> HandleAsync(WithdrawContent command, CancellationToken ct = default) =>
        actions.RunAsync(command.MemberId, command.RequestId, context =>
        {
            if (command.AnswerId is { } answerId)
            {
                context.Request.WithdrawAnswer(context.MemberId, answerId, context.Now);
            }
            else
            {
                context.Request.Withdraw(context.MemberId, context.Now);
            }

            return true;
        }, ct);
}
