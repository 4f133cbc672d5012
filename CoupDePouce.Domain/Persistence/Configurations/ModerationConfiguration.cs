using CoupDePouce.Domain.Moderation;
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
