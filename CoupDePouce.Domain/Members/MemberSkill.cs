namespace CoupDePouce.Domain.Members;

/// <summary>« Je peux aider sur… »: a theme on which she offers help.</summary>
public sealed class MemberSkill
{
    private MemberSkill()
    {
    }

    public MemberSkill(Guid memberId, int themeId)
    {
        MemberId = memberId;
        ThemeId = themeId;
    }

    public Guid MemberId { get; private set; }

    public int ThemeId { get; private set; }
}
