using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePouce.Domain.Persistence.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.DisplayName).HasMaxLength(Member.DisplayNameMaxLength).IsRequired();
        builder.Property(m => m.MembershipMessage).HasMaxLength(Moderation.ModerationEntry.MaxReasonLength * 2);
        builder.HasIndex(m => new { m.Membership, m.HomeCoordinationId });
        builder.Property(m => m.SuspensionReason).HasMaxLength(Moderation.ModerationEntry.MaxReasonLength * 2);
        builder.Property(m => m.Activity).HasMaxLength(Member.ActivityMaxLength).IsRequired();
        builder.HasOne<Coordination>().WithMany().HasForeignKey(m => m.HomeCoordinationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.HomeCoordinationId);
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(
            Role(MemberRoles.MemberRoleId, MemberRoles.Member),
            Role(MemberRoles.CoordinatorRoleId, MemberRoles.Coordinator),
            Role(MemberRoles.AdminRoleId, MemberRoles.Admin));

    private static IdentityRole<Guid> Role(Guid id, string name) =>
        new(name) { Id = id, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = id.ToString() };
}

internal sealed class CoordinatorAssignmentConfiguration : IEntityTypeConfiguration<CoordinatorAssignment>
{
    public void Configure(EntityTypeBuilder<CoordinatorAssignment> builder)
    {
        builder.HasKey(a => new { a.MemberId, a.CoordinationId });
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Coordination>().WithMany().HasForeignKey(a => a.CoordinationId).OnDelete(DeleteBehavior.Restrict);
    }
}
