namespace CoupDePouce.Domain.Engagement;

/// <summary>Every figure of PRODUCT.md's « Engagement metrics » for one scope and period, as the counts they come
/// from (so a figure can be checked by hand) and the shares and delays derived from them. A share over nothing is
/// null (shown « — »), never 0 %.</summary>
public sealed record EngagementFigures
{
    /// <summary>Demandes: requests posted in the period (hidden and withdrawn ones aside).</summary>
    public int Requests { get; init; }

    /// <summary>Of them, answered by someone other than the asker (by the end of the period).</summary>
    public int Answered { get; init; }

    public int Resolved { get; init; }

    /// <summary>Time to first answer over the answered requests, in hours (percentile_cont: between two middle
    /// values, as PostgreSQL and spreadsheets compute it).</summary>
    public double? MedianHours { get; init; }

    public double? P90Hours { get; init; }

    /// <summary>Requests whose first answer came 24 h (exactly elapsed) or less after posting.</summary>
    public int AnsweredWithin24h { get; init; }

    public int AnsweredWithin48h { get; init; }

    /// <summary>Open requests waiting for a first answer for more than 48 h, right now (null for a past period:
    /// it is a figure of the present).</summary>
    public int? UnansweredOver48h { get; init; }

    /// <summary>Members who posted, answered or thanked in the 30 days up to the period's end.</summary>
    public int ActiveMembers { get; init; }

    /// <summary>Approved members (of the coordination, for a coordination) at the period's end.</summary>
    public int Members { get; init; }

    /// <summary>Aidantes: distinct members who answered the period's requests (the asker's own replies aside).</summary>
    public int Helpers { get; init; }

    public int HelperAnswers { get; init; }

    /// <summary>Answers written by the three members who answered most.</summary>
    public int TopThreeAnswers { get; init; }

    /// <summary>Entraide entre coordinations: answers given to the period's requests of another coordination than
    /// the one the helper belonged to when she wrote (for a coordination: given by its members).</summary>
    public int AnswersToOtherCoordinations { get; init; }

    /// <summary>Distinct askers of the period's requests, and those of them who answered someone in the period.</summary>
    public int Askers { get; init; }

    public int ReciprocalAskers { get; init; }

    /// <summary>Askers whose first request ever is in the period, and those whose first request got an answer.</summary>
    public int FirstTimeAskers { get; init; }

    public int FirstTimeAskersHelped { get; init; }

    /// <summary>Efficacité: of the period's requests, those whose asker said (by the period's end), when asked a week
    /// after the resolution, whether it worked; and those she said worked, fully or in part.</summary>
    public int FollowUps { get; init; }

    public int FollowUpsWorked { get; init; }

    public double? AnswerRate => Share(Answered, Requests);

    public double? Effectiveness => Share(FollowUpsWorked, FollowUps);

    public double? ResolutionRate => Share(Resolved, Requests);

    public double? Within24hRate => Share(AnsweredWithin24h, Requests);

    public double? Within48hRate => Share(AnsweredWithin48h, Requests);

    public double? ActiveRate => Share(ActiveMembers, Members);

    /// <summary>Dépendance: the share of answers written by the top three helpers.</summary>
    public double? Dependence => Share(TopThreeAnswers, HelperAnswers);

    public double? Reciprocity => Share(ReciprocalAskers, Askers);

    public double? FirstTimeAskersHelpedRate => Share(FirstTimeAskersHelped, FirstTimeAskers);

    public static EngagementFigures None { get; } = new();

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

/// <summary>One row of the dashboard's table.</summary>
public sealed record CoordinationFigures(int CoordinationId, string Name, EngagementFigures Figures);

/// <summary>One week of the charts (Monday to Sunday, in the network's time zone, clipped to the period).</summary>
public sealed record WeekFigures(DateOnly Monday, int Requests, int Answers, double? MedianHours, double? P90Hours);

public sealed record ThemeCount(int ThemeId, string Slug, int Requests);

/// <summary>A member who helped in the scope and period: her answers to its requests and how many helped.</summary>
public sealed record HelperLine(Guid MemberId, string Name, int Answers, int Helpful);
