using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Moderation;

/// <summary>Read the moderation log, newest first: a coordinatrice reads her coordinations' lines, an admin reads
/// everything; filters narrow it (one coordination, one kind of decision, a period).</summary>
public sealed record ReadModerationLog(
    Guid ViewerId,
    int? CoordinationId = null,
    ModerationAction? Action = null,
    DateTime? From = null,
    DateTime? To = null,
    int Skip = 0)
{
    public const int PageSize = 50;
}

public sealed record ModerationLogLine(
    long Id,
    DateTime At,
    Guid ActorId,
    string ActorName,
    int CoordinationId,
    string CoordinationName,
    ModerationAction Action,
    ModerationTarget Target,
    long TargetId,
    string? TargetTitle,
    string? Reason,
    Guid? TargetMemberId = null,
    long? RequestId = null);

public sealed record ModerationLogExcerpt(IReadOnlyList<ModerationLogLine> Lines, bool HasMore, IReadOnlyList<(int Id, string Name)> Coordinations);

public sealed class ReadModerationLogHandler(IDbContextFactory<BoardDbContext> dbFactory)
{
    public async Task<Result<ModerationLogExcerpt>> HandleAsync(ReadModerationLog query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var viewer = await Viewer.LoadAsync(db, query.ViewerId, ct);
        if (!viewer.IsAdmin && viewer.CoordinatedCoordinationIds.Count == 0)
        {
            return Result<ModerationLogExcerpt>.Forbidden(Messages.OnlyModeratorsReadLog);
        }

        if (query.CoordinationId is { } asked && !viewer.Moderates(asked))
        {
            return Result<ModerationLogExcerpt>.Forbidden(Messages.OnlyModeratorsReadLog);
        }

        var mine = viewer.CoordinatedCoordinationIds.ToList();
        var entries = db.ModerationLog.AsNoTracking();
        if (!viewer.IsAdmin)
        {
            entries = entries.Where(e => mine.Contains(e.CoordinationId));
        }

        if (query.CoordinationId is { } coordination)
        {
            entries = entries.Where(e => e.CoordinationId == coordination);
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        var lines = await (
                from e in entries
                join m in db.Members on e.ActorId equals m.Id into actors
                from actor in actors.DefaultIfEmpty()
                join c in db.Coordinations on e.CoordinationId equals c.Id
                join a in db.Answers on e.Target == ModerationTarget.Answer ? e.TargetId : -1 equals a.Id into answers
                from answer in answers.DefaultIfEmpty()
                join r in db.HelpRequests on e.Target == ModerationTarget.Answer && answer != null ? answer.HelpRequestId : e.TargetId equals r.Id into requests
                from request in requests.DefaultIfEmpty()
                join t in db.Members on e.TargetMemberId equals t.Id into targets
                from target in targets.DefaultIfEmpty()
                orderby e.At descending, e.Id descending
                select new ModerationLogLine(
                    e.Id, e.At, e.ActorId, actor == null ? string.Empty : actor.DisplayName, e.CoordinationId, c.Name, e.Action, e.Target,
                    e.TargetId,
                    (e.Target == ModerationTarget.Request || e.Target == ModerationTarget.Answer) && request != null ? request.Title
                        : e.Target == ModerationTarget.Member && target != null ? target.DisplayName : null,
                    e.Reason,
                    e.TargetMemberId,
                    (e.Target == ModerationTarget.Request || e.Target == ModerationTarget.Answer) && request != null ? request.Id : null))
            .Skip(Math.Max(0, query.Skip))
            .Take(ReadModerationLog.PageSize + 1)
            .ToListAsync(ct);
        var coordinations = await db.Coordinations.AsNoTracking()
            .Where(c => viewer.IsAdmin || mine.Contains(c.Id))
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        return Result<ModerationLogExcerpt>.Success(new ModerationLogExcerpt(
            lines.Take(ReadModerationLog.PageSize).ToList(),
            lines.Count > ReadModerationLog.PageSize,
            coordinations.Select(c => (c.Id, c.Name)).ToList()));
    }
}
