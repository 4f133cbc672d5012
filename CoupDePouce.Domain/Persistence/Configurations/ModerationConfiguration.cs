using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePouce.Domain.Persistence.Configurations;

internal sealed class ModerationConfiguration : IEntityTypeConfiguration<ModerationEntry>
{
    public void Configure(EntityTypeBuilder<ModerationEntry> builder)
    {
        builder.ToTable("ModerationLog");
        builder.Property(e => e.Reason).HasMaxLength(ModerationEntry.MaxReasonLength * 2);
        builder.HasIndex(e => new { e.CoordinationId, e.At });
        builder.HasIndex(e => e.At);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(Report.MaxTextLength * 2);
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(r => r.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Restrict);
        // Once per member and item, down to the database (two clicks at the same instant keep one).
        builder.HasIndex(r => new { r.HelpRequestId, r.AnswerId, r.ReporterId }).IsUnique();
        // The queue reads open reports by coordination.
        builder.HasIndex(r => new { r.Status, r.CoordinationId });
    }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Leases.Lease>
{
    public void Configure(EntityTypeBuilder<Leases.Lease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(Leases.Lease.MaxNameLength);
        builder.Property(l => l.Holder).HasMaxLength(Leases.Lease.MaxHolderLength).IsRequired();
    }
}
