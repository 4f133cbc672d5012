using CoupDePouce.Domain.Coordinations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePouce.Domain.Persistence.Configurations;

internal sealed class CoordinationConfiguration : IEntityTypeConfiguration<Coordination>
{
    public void Configure(EntityTypeBuilder<Coordination> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Coordination.MaxNameLength).IsRequired();
        builder.Property(c => c.Region).HasMaxLength(Coordination.MaxRegionLength).IsRequired();
        builder.Property(c => c.Country).HasMaxLength(Coordination.MaxCountryLength).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
    }
}
