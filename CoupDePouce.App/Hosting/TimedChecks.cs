using CoupDePouce.Domain.Escalation;
using CoupDePouce.Domain.FollowUps;
using CoupDePouce.Domain.Matching;

namespace CoupDePouce.App.Hosting;

/// <summary>How often the server looks for what time makes due (<c>TimedChecks</c> section).</summary>
public sealed class TimedChecksOptions
{
    public const string Section = "TimedChecks";

    /// <summary>Off in the test hosts, whose clocks and data other tests own.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>On a timer of the app's <see cref="TimeProvider"/>, asks the Domain what time has made due: invitations
/// held by quiet hours, requests whose first answer is awaited too long, and a week after a request was resolved, its
/// asker's « est-ce que ça a marché ? ». It holds nothing itself (each run reads the database), so stopping,
/// restarting or running it on several instances changes nothing of what members are told.</summary>
public sealed class TimedChecks(
    IServiceProvider services, TimeProvider clock, Microsoft.Extensions.Options.IOptions<TimedChecksOptions> options, ILogger<TimedChecks> logger)
    : BackgroundService
{
    /// <summary>One pass, also what the timer runs.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var told = await scope.ServiceProvider.GetRequiredService<DeliverHeldInvitationsHandler>().HandleAsync(ct);
        var escalated = await scope.ServiceProvider.GetRequiredService<EscalateWaitingRequestsHandler>().HandleAsync(ct);
        var followedUp = await scope.ServiceProvider.GetRequiredService<AskForFollowUpsHandler>().HandleAsync(ct);
        if (told > 0 || escalated.CoordinationsAlerted > 0 || escalated.AskersOffered > 0 || followedUp > 0)
        {
            logger.LogInformation(
                "Timed checks: {Told} held invitations told, {Alerted} requests alerted to their coordinatrices, {Offered} askers offered the network, {Asked} askers asked whether it worked",
                told, escalated.CoordinationsAlerted, escalated.AskersOffered, followedUp);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Nothing was half-told (each delivery is one commit): the next tick tries again.
                    logger.LogWarning(exception, "Timed checks failed; the next run tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
