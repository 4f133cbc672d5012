namespace CoupDePouce.Domain.FollowUps;

/// <summary>« Est-ce que ça a marché ? »: what the asker said a week after her request was resolved.</summary>
public enum FollowUpAnswer
{
    Yes = 1,
    Partly = 2,
    No = 3,
}
