using CoupDePouce.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePouce.Domain.Persistence.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Slug).HasMaxLength(Theme.MaxSlugLength).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasData(Theme.Initial.Select(t => new { t.Id, t.Slug, t.Position }));
    }
}
