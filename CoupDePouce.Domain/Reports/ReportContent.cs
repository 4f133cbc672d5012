using CoupDePouce.Domain.Persistence;
using System.Globalization;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Domain.Reports;

/// <summary>A member reports a request (no <see cref="AnswerId"/>) or one of its answers to the coordinatrices.
/// "Other" needs a few words; the other reasons may add some.</summary>
public sealed record ReportContent(Guid MemberId, long RequestId, long? AnswerId, ReportReason Reason, string? Text = null);

/// <summary>The report's rules, for its form while she fills it in (the handler checks them the same way).</summary>
public sealed class ReportContentValidator : AbstractValidator<ReportContent>
{
    public ReportContentValidator()
    {
        RuleFor(c => c.Reason).IsInEnum().WithMessage(_ => Messages.ReportReasonRequired);
        RuleFor(c => c.Text).ValidReason(() => Messages.ReportTextLength).When(ReportContentHandler.TextIsChecked);
    }
}

/// <summary>What came of her report: whether it was the one that took the item off the board pending review.</summary>
public sealed record ReportOutcome(bool HiddenForReview);

/// <summary>Reports reach the coordinatrices of the request's coordination (and, for an answer, of its author's).
/// A member reports only what she can see, never her own words, once per item; the third open report from
/// different members hides the item until a coordinatrice reviews it. Refused attempts are logged.</summary>
public sealed class ReportContentHandler(HelpRequestActions actions, Limits.MemberLimits limits, ILogger<ReportContentHandler> logger)
{
    /// <summary>"Other" needs words; any other reason takes them when she gave some.</summary>
    internal static bool TextIsChecked(ReportContent command) =>
        command.Reason == ReportReason.Other || !string.IsNullOrWhiteSpace(command.Text);

    public async Task<Result<ReportOutcome>> HandleAsync(ReportContent command, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(command.Reason))
        {
            return Result<ReportOutcome>.Invalid(new Problem(nameof(ReportContent.Reason), Messages.ReportReasonRequired));
        }

        string? text = null;
        if (TextIsChecked(command))
        {
            if (ModerationReason.Check(command.Text, nameof(ReportContent.Text), Messages.ReportTextLength, out var checkedText) is { } problem)
            {
                return Result<ReportOutcome>.Invalid(problem);
            }

            text = checkedText;
        }

        var answerId = command.AnswerId ?? 0;
        try
        {
            return await actions.RunAsync(command.MemberId, command.RequestId, async context =>
            {
                var request = context.Request;
                var answer = answerId == 0 ? null : request.FindAnswer(answerId);
                var authorCoordination = answer is null ? 0 : await context.HomeCoordinationOfAsync(answer.AuthorId, ct);
                var reports = context.Db.Set<Report>();
                var already = await reports.AnyAsync(r => r.HelpRequestId == request.Id && r.AnswerId == answerId && r.ReporterId == context.MemberId, ct);
                switch (request.ReportRefusal(context.Viewer, answer, authorCoordination, already))
                {
                    // Reports can hide things: they count only from members a coordinatrice has approved (three fresh
                    // sign-ups cannot take a request off the board).
                    case HelpRequest.ReportRefused.NotApproved:
                        logger.LogWarning("Member {MemberId}, not yet approved, tried to report request {RequestId}", context.MemberId, request.Id);
                        throw DomainRuleViolation.Forbidden(Messages.ReportsNeedApprovedMembership);
                    case HelpRequest.ReportRefused.NotShown:
                        throw DomainRuleViolation.NotFound(Messages.AnswerNotOfThisRequest);
                    case HelpRequest.ReportRefused.OwnWords:
                        logger.LogWarning("Member {MemberId} tried to report her own words (request {RequestId}, answer {AnswerId})", context.MemberId, request.Id, answerId);
                        throw new DomainRuleViolation(Messages.CannotReportOwn);
                    case HelpRequest.ReportRefused.AlreadyReported:
                        logger.LogWarning("Member {MemberId} tried to report request {RequestId} (answer {AnswerId}) a second time", context.MemberId, request.Id, answerId);
                        throw new DomainRuleViolation(Messages.AlreadyReported);
                }

                if (limits.Refusal(context.MemberId, Limits.LimitedAction.Report) is { } limited)
                {
                    throw DomainRuleViolation.Forbidden(limited);
                }

                reports.Add(new Report(context.MemberId, request.Id, answerId, request.CoordinationId, command.Reason, text, context.Now));
                var open = await reports.CountAsync(r => r.HelpRequestId == request.Id && r.AnswerId == answerId && r.Status == ReportStatus.Open, ct) + 1;
                if (open < Report.HideThreshold)
                {
                    return new ReportOutcome(false);
                }

                var reason = string.Format(CultureInfo.CurrentCulture, Messages.HiddenPendingReview, open);
                if (answer is null)
                {
                    request.HideForReview(reason, context.Now);
                }
                else
                {
                    request.HideAnswerForReview(answer.Id, reason, context.Now);
                }

                return new ReportOutcome(true);
            }, ct);
        }
        catch (DbUpdateException e) when (BoardDatabase.IsUniqueViolation(e))
        {
            // The same report sent twice at the same instant: the unique index kept one.
            return Result<ReportOutcome>.Refused(new DomainRuleViolation(Messages.AlreadyReported));
        }
    }
}
