namespace CoupDePouce.Domain.Members;

public static class StillMembersQuery
{
    /// <summary>The members who have not deleted their account: a departed member is nobody to the Domain (she cannot
    /// act, be shown, be counted or be decided on), though what she wrote still names her row (decision 025).</summary>
    public static IQueryable<Member> StillMembers(this IQueryable<Member> members) => members.Where(m => m.DepartedAt == null);
}
