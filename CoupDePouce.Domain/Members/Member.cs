using CoupDePouce.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CoupDePouce.Domain.Members;

/// <summary>A member of the network (an adhérente). She is also the Identity account she signs in with.</summary>
public sealed class Member : IdentityUser<Guid>
{
    public const int DisplayNameMinLength = 2;
    public const int DisplayNameMaxLength = 60;
    public const int ActivityMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 256;

    private Member()
    {
        DisplayName = string.Empty;
        Activity = string.Empty;
    }

    public string DisplayName { get; private set; }

    /// <summary>Her business or activity, in one line ("Graphiste indépendante à Rennes").</summary>
    public string Activity { get; private set; }

    public int HomeCoordinationId { get; private set; }

    public DateTime JoinedAt { get; private set; }

    public static Member Register(string displayName, string email, string activity, int homeCoordinationId, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            DisplayName = Text.Clean(displayName),
            UserName = email.Trim(),
            Email = email.Trim(),
            Activity = Text.Clean(activity).Replace('\n', ' '),
            HomeCoordinationId = homeCoordinationId,
            JoinedAt = now,
            // Every account locks after repeated wrong passwords, however it was created.
            LockoutEnabled = true,
        };
}
