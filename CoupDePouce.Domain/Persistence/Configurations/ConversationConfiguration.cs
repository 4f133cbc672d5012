using CoupDePouce.Domain.Following;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePouce.Domain.Persistence.Configurations;

internal sealed class HelpRequestRevisionConfiguration : IEntityTypeConfiguration<HelpRequestRevision>
{
    public void Configure(EntityTypeBuilder<HelpRequestRevision> builder)
    {
        builder.Property(r => r.Title).IsRequired();
        builder.Property(r => r.Details).IsRequired();
        builder.HasIndex(r => r.HelpRequestId);
    }
}

internal sealed class AnswerRevisionConfiguration : IEntityTypeConfiguration<AnswerRevision>
{
    public void Configure(EntityTypeBuilder<AnswerRevision> builder)
    {
        builder.Property(r => r.Body).IsRequired();
        builder.HasIndex(r => r.AnswerId);
    }
}

internal sealed class AnswerThanksConfiguration : IEntityTypeConfiguration<AnswerThanks>
{
    public void Configure(EntityTypeBuilder<AnswerThanks> builder)
    {
        // Once per member and answer: the database says so too.
        builder.HasKey(t => new { t.AnswerId, t.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        // The members active in the last 30 days: has she thanked anyone lately.
        builder.HasIndex(t => new { t.MemberId, t.At });
    }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.HasKey(f => new { f.HelpRequestId, f.MemberId });
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(f => f.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.MemberId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(n => n.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        // Her list (newest first), her unread count, and the grouping look-up.
        builder.HasIndex(n => new { n.RecipientId, n.UpdatedAt });
        builder.HasIndex(n => new { n.RecipientId, n.HelpRequestId, n.Kind, n.ReadAt });
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.HasKey(s => s.MemberId);
        builder.HasOne<Member>().WithOne().HasForeignKey<NotificationSettings>(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberSkillConfiguration : IEntityTypeConfiguration<MemberSkill>
{
    public void Configure(EntityTypeBuilder<MemberSkill> builder)
    {
        builder.HasKey(s => new { s.MemberId, s.ThemeId });
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(s => s.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HelpProposalConfiguration : IEntityTypeConfiguration<Relaunch.HelpProposal>
{
    public void Configure(EntityTypeBuilder<Relaunch.HelpProposal> builder)
    {
        // Never the same member twice for one request: the database says so too.
        builder.HasKey(p => new { p.HelpRequestId, p.MemberId });
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(p => p.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        // Who was asked lately (so the same few are not always asked).
        builder.HasIndex(p => new { p.MemberId, p.At });
    }
}

internal sealed class HelpInvitationConfiguration : IEntityTypeConfiguration<Matching.HelpInvitation>
{
    public void Configure(EntityTypeBuilder<Matching.HelpInvitation> builder)
    {
        // Never the same member twice for one request.
        builder.HasKey(i => new { i.HelpRequestId, i.MemberId });
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(i => i.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
        // Her week's invitations (the cap) and those she still carries (the ranking).
        builder.HasIndex(i => new { i.MemberId, i.CreatedAt });
        // Those held by quiet hours, by when they may go.
        builder.HasIndex(i => i.DeliverAt, "IX_HelpInvitations_Held").HasFilter("DeliveredAt IS NULL AND Dropped = 0");
    }
}

internal sealed class InvitationPreferencesConfiguration : IEntityTypeConfiguration<Matching.InvitationPreferences>
{
    public void Configure(EntityTypeBuilder<Matching.InvitationPreferences> builder)
    {
        builder.HasKey(p => p.MemberId);
        builder.HasOne<Member>().WithOne().HasForeignKey<Matching.InvitationPreferences>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HelpOfferConfiguration : IEntityTypeConfiguration<Offers.HelpOffer>
{
    public void Configure(EntityTypeBuilder<Offers.HelpOffer> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(HelpRequest.TitleMaxLength * 2).IsRequired();
        builder.Property(o => o.Details).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(o => o.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Coordinations.Coordination>().WithMany().HasForeignKey(o => o.CoordinationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Theme>().WithMany().HasForeignKey(o => o.ThemeId).OnDelete(DeleteBehavior.Restrict);
        // « Propositions » and the offers beside a request: the standing ones, by theme, newest first.
        builder.HasIndex(o => new { o.ThemeId, o.EndsOn, o.CreatedAt }).HasFilter("WithdrawnAt IS NULL");
        builder.HasIndex(o => new { o.AuthorId, o.CreatedAt });
    }
}

internal sealed class OfferAskConfiguration : IEntityTypeConfiguration<Offers.OfferAsk>
{
    public void Configure(EntityTypeBuilder<Offers.OfferAsk> builder)
    {
        // Once per offer and request: the database says so too.
        builder.HasKey(a => new { a.OfferId, a.HelpRequestId });
        builder.HasOne<Offers.HelpOffer>().WithMany().HasForeignKey(a => a.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HelpRequest>().WithMany().HasForeignKey(a => a.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
