using CoupDePouce.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CoupDePouce.Domain.Members;

/// <summary>Where she stands with her coordination. Approved is the zero value: members who were there before
/// approvals existed are approved.</summary>
public enum MembershipStatus
{
    Approved = 0,
    Pending = 1,
    Declined = 2,
}

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

    /// <summary>Her membership of <see cref="HomeCoordinationId"/>: until one of its coordinatrices approves it, she
    /// reads and answers only network-wide requests.</summary>
    public MembershipStatus Membership { get; private set; }

    /// <summary>What the coordinatrice said when she decided (a decline always says why).</summary>
    public string? MembershipMessage { get; private set; }

    /// <summary>The coordination she asked to move to: she stays in hers until one of its coordinatrices approves.</summary>
    public int? RequestedCoordinationId { get; private set; }

    /// <summary>Until then she may not post requests nor answers (a coordinatrice's decision, with a reason).</summary>
    public DateTime? SuspendedUntil { get; private set; }

    public string? SuspensionReason { get; private set; }

    public bool IsSuspendedAt(DateTime now) => SuspendedUntil > now;

    /// <summary>She chose not to appear among the members who helped most (the dashboards' helpers list).</summary>
    public bool HiddenFromHelperLists { get; private set; }

    internal void ChooseHelperListing(bool hidden) => HiddenFromHelperLists = hidden;

    /// <summary>Her rights changed: every session she has open (cookie or page) ends at its next check, and she signs
    /// in again with what she may do now (the security stamp Identity compares, see the App's SessionRevalidation).</summary>
    internal void EndSessions() => SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    /// <summary>The name her requests and answers keep once she has deleted her account.</summary>
    public const string DepartedName = "Membre partie";

    /// <summary>When she deleted her account: she can no longer sign in and her profile is gone; what she wrote stays,
    /// under <see cref="DepartedName"/>.</summary>
    public DateTime? DepartedAt { get; private set; }

    /// <summary>Deletes her account (GDPR erasure): every personal field is emptied or replaced, her password and her
    /// sessions end, and nobody can take her place at sign-in (a locked, unusable address).</summary>
    internal void Depart(DateTime now)
    {
        var placeholder = $"partie-{Id:N}@coupdepouce.invalid";
        DisplayName = DepartedName;
        Activity = string.Empty;
        Email = UserName = placeholder;
        NormalizedEmail = NormalizedUserName = placeholder.ToUpperInvariant();
        EmailConfirmed = false;
        PasswordHash = null;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        TwoFactorEnabled = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        HiddenFromHelperLists = true;
        SuspensionReason = null;
        MembershipMessage = null;
        RequestedCoordinationId = null;
        DepartedAt = now;
        EndSessions();
    }

    internal void Suspend(DateTime until, string reason)
    {
        SuspendedUntil = until;
        SuspensionReason = reason;
    }

    /// <summary>A coordinatrice ends her suspension before its date; there must be one running.</summary>
    internal void LiftSuspension(DateTime now)
    {
        if (!IsSuspendedAt(now))
        {
            throw new DomainRuleViolation(Resources.Messages.NotSuspended);
        }

        SuspendedUntil = null;
        SuspensionReason = null;
    }

    /// <summary>A new member. Through sign-up her membership waits for a coordinatrice (<paramref name="pending"/>);
    /// accounts created by the network itself (demo data, tests) are approved.</summary>
    public static Member Register(string displayName, string email, string activity, int homeCoordinationId, DateTime now, bool pending = false) =>
        new()
        {
            Membership = pending ? MembershipStatus.Pending : MembershipStatus.Approved,
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

    /// <summary>She asks to belong to another coordination. While her first membership waits, the request simply
    /// goes to the other coordination; once approved (or declined), she stays where she is until the other
    /// coordination's coordinatrices approve the move.</summary>
    internal void AskToMove(int coordinationId)
    {
        if (Membership == MembershipStatus.Approved)
        {
            if (coordinationId == HomeCoordinationId)
            {
                throw new DomainRuleViolation(Resources.Messages.AlreadyInThisCoordination);
            }

            RequestedCoordinationId = coordinationId;
            return;
        }

        // Declined: she may ask another coordination, not the one that just said no (that would undo its decision).
        if (Membership == MembershipStatus.Declined && coordinationId == HomeCoordinationId)
        {
            throw new DomainRuleViolation(Resources.Messages.MembershipDeclinedHere);
        }

        HomeCoordinationId = coordinationId;
        Membership = MembershipStatus.Pending;
        MembershipMessage = null;
    }

    internal void CancelMove()
    {
        if (RequestedCoordinationId is null)
        {
            throw new DomainRuleViolation(Resources.Messages.NoMoveAsked);
        }

        RequestedCoordinationId = null;
    }

    /// <summary>The coordination whose coordinatrices decide what she waits for (a move, or her first membership).</summary>
    public int? AwaitedCoordinationId =>
        RequestedCoordinationId ?? (Membership == MembershipStatus.Pending ? HomeCoordinationId : null);

    internal void DecideMembership(bool approve, string? message)
    {
        if (RequestedCoordinationId is { } requested)
        {
            if (approve)
            {
                HomeCoordinationId = requested;
            }

            RequestedCoordinationId = null;
            MembershipMessage = message;
            return;
        }

        if (Membership != MembershipStatus.Pending)
        {
            throw new DomainRuleViolation(Resources.Messages.MembershipAlreadyDecided);
        }

        Membership = approve ? MembershipStatus.Approved : MembershipStatus.Declined;
        MembershipMessage = message;
    }
}
