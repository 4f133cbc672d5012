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

        // The dashboards read a period's requests from these alone, never from the rows (titles and details are
        // large): the network's by date, a coordination's by coordination then date (decisions 020 and 026).
        builder.HasIndex(r => new { r.CreatedAt, r.CoordinationId, r.AuthorId, r.ThemeId, r.Status, r.FirstAnsweredAt, r.FirstAnswerWaitMs, r.ResolvedAt, r.IsHidden, r.IsWithdrawn }, "IX_HelpRequests_Engagement");
        builder.HasIndex(r => new { r.CoordinationId, r.CreatedAt, r.AuthorId, r.ThemeId, r.Status, r.FirstAnsweredAt, r.FirstAnswerWaitMs, r.ResolvedAt, r.IsHidden, r.IsWithdrawn }, "IX_HelpRequests_CoordinationEngagement");
        // « Je peux aider »: a month of requests in her themes, filtered and ordered from the index alone (decision 027).
        builder.HasIndex(r => new { r.ThemeId, r.CreatedAt, r.Status, r.CoordinationId, r.Visibility, r.AuthorId, r.IsHidden, r.IsWithdrawn, r.IsLocked }, "IX_HelpRequests_CanHelp");
        // Efficacité: the few requests whose asker said whether it worked.
        builder.HasIndex(r => new { r.CreatedAt, r.CoordinationId, r.FollowUp, r.FollowUpAnsweredAt, r.IsHidden, r.IsWithdrawn }, "IX_HelpRequests_FollowUp")
            .HasFilter("FollowUp IS NOT NULL");
        // The follow-ups to ask: resolved requests never asked.
        builder.HasIndex(r => r.ResolvedAt, "IX_HelpRequests_FollowUpDue").HasFilter("Status = 2 AND FollowUpAskedAt IS NULL");
        // « Sans réponse > 48 h », right now: the few requests still waiting for a first answer.
        builder.HasIndex(r => new { r.CoordinationId, r.CreatedAt }, "IX_HelpRequests_Waiting")
            .HasFilter("Status = 0 AND IsHidden = 0 AND IsWithdrawn = 0");
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
        // The dashboards read the answers to a period's requests from an index that holds all they need.
        builder.HasIndex(a => new { a.HelpRequestId, a.CreatedAt, a.AuthorId, a.AuthorCoordinationId, a.IsWithdrawn, a.IsHidden, a.IsHelpful }, "IX_Answers_Engagement");
        // Help a coordination's members gave elsewhere.
        builder.HasIndex(a => new { a.AuthorCoordinationId, a.CreatedAt });
        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(v => v.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Thanks).WithOne().HasForeignKey(t => t.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Thanks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
