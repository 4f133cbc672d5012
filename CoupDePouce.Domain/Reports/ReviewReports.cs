using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Reports;

/// <summary>The reports are right: the item is hidden (it stays hidden if the reports hid it), with the
/// coordinatrice's reason, which its author reads.</summary>
public sealed record ResolveReports(Guid ModeratorId, long RequestId, long? AnswerId, string Reason);

/// <summary>The reason's rule, for the form that asks for it (the handler checks it the same way).</summary>
public sealed class ResolveReportsValidator : AbstractValidator<ResolveReports>
{
    public ResolveReportsValidator() => RuleFor(c => c.Reason).ValidReason(() => Messages.ModerationReasonLength);
}

/// <summary>Nothing wrong: the reports are closed and an item they had hidden is back.</summary>
public sealed record DismissReports(Guid ModeratorId, long RequestId, long? AnswerId);

public sealed record ReportedText(ReportReason Reason, string? Text, DateTime At);

/// <summary>One reported item in the queue, with its open reports counted by reason.</summary>
public sealed record ReportedItem(
    long RequestId,
    long? AnswerId,
    string RequestTitle,
    string? AnswerExcerpt,
    Guid AuthorId,
    string AuthorName,
    string CoordinationName,
    bool IsHidden,
    int Count,
    IReadOnlyDictionary<ReportReason, int> CountByReason,
    DateTime LatestAt,
    IReadOnlyList<ReportedText> Texts);

/// <summary>The coordinatrices' queue of reports: items grouped, most reported first; only the items she moderates
/// (her coordinations' requests, answers written by her members; everything for an admin).</summary>
public sealed class ReviewReportsHandler(IDbContextFactory<BoardDbContext> dbFactory, HelpRequestActions actions)
{
    private const int ExcerptLength = 200;

    public async Task<Result<IReadOnlyList<ReportedItem>>> QueueAsync(Guid moderatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, moderatorId, ct);
        if (!viewer.IsAdmin && viewer.CoordinatedCoordinationIds.Count == 0)
        {
            return Result<IReadOnlyList<ReportedItem>>.Forbidden(Messages.OnlyModeratorsReviewReports);
        }

        var reports = await OpenFor(db, viewer).ToListAsync(ct);
        var requestIds = reports.Select(r => r.HelpRequestId).Distinct().ToList();
        var answerIds = reports.Where(r => r.AnswerId != 0).Select(r => r.AnswerId).Distinct().ToList();
        var requests = await (
                from r in db.HelpRequests.AsNoTracking()
                where requestIds.Contains(r.Id)
                join m in db.Members on r.AuthorId equals m.Id
                join c in db.Coordinations on r.CoordinationId equals c.Id
                select new { r.Id, r.Title, r.AuthorId, m.DisplayName, CoordinationName = c.Name, r.IsHidden })
            .ToDictionaryAsync(r => r.Id, ct);
        var answers = await (
                from a in db.Answers.AsNoTracking()
                where answerIds.Contains(a.Id)
                join m in db.Members on a.AuthorId equals m.Id
                select new { a.Id, a.Body, a.AuthorId, m.DisplayName, a.IsHidden })
            .ToDictionaryAsync(a => a.Id, ct);

        return Result<IReadOnlyList<ReportedItem>>.Success(reports
            .GroupBy(r => (r.HelpRequestId, r.AnswerId))
            .Select(g =>
            {
                var request = requests[g.Key.HelpRequestId];
                var answer = g.Key.AnswerId == 0 ? null : answers[g.Key.AnswerId];
                return new ReportedItem(
                    request.Id,
                    answer?.Id,
                    request.Title,
                    answer is null ? null : Text.Excerpt(answer.Body, ExcerptLength),
                    answer?.AuthorId ?? request.AuthorId,
                    answer?.DisplayName ?? request.DisplayName,
                    request.CoordinationName,
                    answer?.IsHidden ?? request.IsHidden,
                    g.Count(),
                    g.GroupBy(r => r.Reason).ToDictionary(r => r.Key, r => r.Count()),
                    g.Max(r => r.At),
                    g.OrderBy(r => r.At).Select(r => new ReportedText(r.Reason, r.Text, r.At)).ToList());
            })
            .OrderByDescending(i => i.Count)
            .ThenByDescending(i => i.LatestAt)
            .ToList());
    }

    /// <summary>How many items wait for her (the count in her menu).</summary>
    public async Task<int> OpenCountAsync(Guid moderatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, moderatorId, ct);
        if (!viewer.IsAdmin && viewer.CoordinatedCoordinationIds.Count == 0)
        {
            return 0;
        }

        return await CountOpenItemsAsync(db, viewer, ct);
    }

    public Task<Result<bool>> HandleAsync(ResolveReports command, CancellationToken ct = default)
    {
        if (ModerationReason.Check(command.Reason, nameof(ResolveReports.Reason), Messages.ModerationReasonLength, out var reason) is { } problem)
        {
            return Task.FromResult(Result<bool>.Invalid(problem));
        }

        return DecideAsync(command.ModeratorId, command.RequestId, command.AnswerId ?? 0, ReportStatus.Resolved, reason, ct);
    }

    public Task<Result<bool>> HandleAsync(DismissReports command, CancellationToken ct = default) =>
        DecideAsync(command.ModeratorId, command.RequestId, command.AnswerId ?? 0, ReportStatus.Dismissed, null, ct);

    private Task<Result<bool>> DecideAsync(Guid moderatorId, long requestId, long answerId, ReportStatus decision, string? reason, CancellationToken ct) =>
        actions.RunAsync(moderatorId, requestId, async context =>
        {
            var request = context.Request;
            var answer = answerId == 0 ? null : request.FindAnswer(answerId);
            var authorCoordination = await context.HomeCoordinationOfAsync(answer?.AuthorId ?? request.AuthorId, ct);
            var allowed = answer is null ? context.Viewer.Moderates(request.CoordinationId) : request.CanModerateAnswer(context.Viewer, authorCoordination);
            if (!allowed)
            {
                throw DomainRuleViolation.Forbidden(Messages.OnlyModeratorsReviewReports);
            }

            var open = await context.Db.Set<Report>()
                .Where(r => r.HelpRequestId == request.Id && r.AnswerId == answerId && r.Status == ReportStatus.Open)
                .ToListAsync(ct);
            if (open.Count == 0)
            {
                throw new DomainRuleViolation(Messages.NoOpenReports);
            }

            foreach (var report in open)
            {
                report.Decide(decision, context.MemberId, context.Now);
            }

            if (decision == ReportStatus.Resolved)
            {
                request.ConfirmHidden(context.Viewer, answer?.Id, authorCoordination, reason!, context.Now);
            }
            else if (answer is null ? request.HiddenByReports : answer.HiddenByReports)
            {
                if (answer is null)
                {
                    request.Restore(context.Viewer, context.Now);
                }
                else
                {
                    request.RestoreAnswer(context.Viewer, answer.Id, authorCoordination, context.Now);
                }
            }

            context.Db.ModerationLog.Add(new ModerationEntry(
                context.Now, context.MemberId, answer is null ? request.CoordinationId : request.ModerationCoordinationFor(context.Viewer, authorCoordination),
                decision == ReportStatus.Resolved ? ModerationAction.ResolveReports : ModerationAction.DismissReports,
                answer is null ? ModerationTarget.Request : ModerationTarget.Answer,
                answer?.Id ?? request.Id,
                reason));
            return true;
        }, ct);

    /// <summary>How many reported items wait for her, one per item however many reports it has.</summary>
    internal static Task<int> CountOpenItemsAsync(BoardDbContext db, Viewer viewer, CancellationToken ct) =>
        OpenFor(db, viewer).Select(r => new { r.HelpRequestId, r.AnswerId }).Distinct().CountAsync(ct);

    private static IQueryable<Report> OpenFor(BoardDbContext db, Viewer viewer)
    {
        var mine = viewer.CoordinatedCoordinationIds.ToList();
        var admin = viewer.IsAdmin;
        // Only items still there to decide on (a withdrawn request or answer is gone for everyone). Her members'
        // answers elsewhere only on network-wide requests she may open (not hidden), by who is her member now.
        return db.Set<Report>().AsNoTracking().Where(r => r.Status == ReportStatus.Open
            && db.HelpRequests.Any(h => h.Id == r.HelpRequestId && !h.IsWithdrawn)
            && (r.AnswerId == 0 || db.Answers.Any(a => a.Id == r.AnswerId && !a.IsWithdrawn))
            && (admin || mine.Contains(r.CoordinationId)
                || (r.AnswerId != 0
                    && db.HelpRequests.Any(h => h.Id == r.HelpRequestId && h.Visibility == Visibility.Network && !h.IsHidden)
                    && db.Answers.Any(a => a.Id == r.AnswerId && db.Members.Any(m => m.Id == a.AuthorId && mine.Contains(m.HomeCoordinationId))))));
    }
}
