using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePouce.Domain.Persistence.Configurations;

internal sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> builder)
    {
        builder.Ignore(r => r.DomainEvents);
        builder.Property(r => r.Title).HasMaxLength(HelpRequest.TitleMaxLength * 2).IsRequired();
        // Partial: only pinned requests are in it, so the board's main query (PinnedAt IS NULL) never picks it over
        // the CreatedAt order, while the pinned head of the board reads it directly.
        builder.HasIndex(r => r.PinnedAt).HasFilter("PinnedAt IS NOT NULL");
        builder.Property(r => r.HiddenReason).HasMaxLength(Moderation.ModerationEntry.MaxReasonLength * 2);
        builder.Property(r => r.Details).IsRequired();
        builder.HasOne<Theme>().WithMany().HasForeignKey(r => r.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Coordination>().WithMany().HasForeignKey(r => r.CoordinationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Optimistic concurrency: two members acting on one request at once never lose each other's change.
        builder.Property<int>("Version").IsConcurrencyToken();

        // The board reads newest first (whole network, one coordination, or one author).
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.CoordinationId, r.CreatedAt });
        builder.HasIndex(r => new { r.AuthorId, r.CreatedAt });
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.Property(a => a.Body).IsRequired();
        builder.Property(a => a.HiddenReason).HasMaxLength(Moderation.ModerationEntry.MaxReasonLength * 2);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.HelpRequestId, a.CreatedAt });
        builder.HasIndex(a => new { a.AuthorId, a.CreatedAt });
        // The dashboards' weekly answers and the members active in the last 30 days read answers by date.
        builder.HasIndex(a => a.CreatedAt);
        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(v => v.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Thanks).WithOne().HasForeignKey(t => t.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Thanks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
