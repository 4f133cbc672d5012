namespace CoupDePouce.Domain.Members;

/// <summary>The three kinds of user. A coordinatrice's coordinations are in <see cref="CoordinatorAssignment"/>.</summary>
public static class MemberRoles
{
    public const string Member = "Member";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";

    /// <summary>Fixed ids so the roles can be seeded by a migration.</summary>
    public static readonly Guid MemberRoleId = new("0f3f6a7e-1c1a-4d1e-9a57-6f0c1d9b0001");
    public static readonly Guid CoordinatorRoleId = new("0f3f6a7e-1c1a-4d1e-9a57-6f0c1d9b0002");
    public static readonly Guid AdminRoleId = new("0f3f6a7e-1c1a-4d1e-9a57-6f0c1d9b0003");
}
