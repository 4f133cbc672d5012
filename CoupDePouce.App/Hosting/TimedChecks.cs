using CoupDePouce.Domain.Escalation;
using CoupDePouce.Domain.FollowUps;
using CoupDePouce.Domain.Leases;
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
/// asker's « est-ce que ça a marché ? ». It holds nothing itself (each run reads the database), so stopping or
/// restarting changes nothing of what members are told; with several instances, the one holding the database's lease
/// runs the checks and the others wait (decision 033), and each check still tells once (decision 029).</summary>
public sealed class TimedChecks(
    IServiceProvider services, TimeProvider clock, Microsoft.Extensions.Options.IOptions<TimedChecksOptions> options, ILogger<TimedChecks> logger)
    : BackgroundService
{
    public const string LeaseName = "timed-checks";

    /// <summary>This instance, as the lease names it.</summary>
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>How long a run's lease lasts: an instance that stops is replaced within this time.</summary>
    private TimeSpan LeaseFor => options.Value.Every * 3;

    /// <summary>One pass, also what the timer runs: false when another instance holds the lease.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<TakeLeaseHandler>().TryTakeAsync(LeaseName, _holder, LeaseFor, ct))
        {
            return false;
        }

        var told = await scope.ServiceProvider.GetRequiredService<DeliverHeldInvitationsHandler>().HandleAsync(ct);
        var escalated = await scope.ServiceProvider.GetRequiredService<EscalateWaitingRequestsHandler>().HandleAsync(ct);
        var followedUp = await scope.ServiceProvider.GetRequiredService<AskForFollowUpsHandler>().HandleAsync(ct);
        if (told > 0 || escalated.CoordinationsAlerted > 0 || escalated.AskersOffered > 0 || followedUp > 0)
        {
            logger.LogInformation(
                "Timed checks: {Told} held invitations told, {Alerted} requests alerted to their coordinatrices, {Offered} askers offered the network, {Asked} askers asked whether it worked",
                told, escalated.CoordinationsAlerted, escalated.AskersOffered, followedUp);
        }

        return true;
    }

    /// <summary>Gives the lease back on the way out: another instance need not wait for it to run out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TakeLeaseHandler>().ReleaseAsync(LeaseName, _holder, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database is gone first: the lease runs out by itself.
            logger.LogInformation(exception, "The timed checks' lease was not given back; it runs out by itself");
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
