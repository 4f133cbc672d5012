using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.Following;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Notifications;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Themes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.Persistence;

/// <summary>The network's database: the board and the accounts (Identity) in one database, a SQLite file by default
/// (this context and its migrations, Migrations/) or PostgreSQL (<see cref="Postgres.PostgresBoardDbContext"/>, the
/// same model with its own migrations: decision 033).
/// Thin on purpose: each entity is configured in its own class under Configurations/.</summary>
public class BoardDbContext : IdentityDbContext<Member, IdentityRole<Guid>, Guid>
{
    public BoardDbContext(DbContextOptions<BoardDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context (its migrations are found by its type).</summary>
    protected BoardDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Coordination> Coordinations => Set<Coordination>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<CoordinatorAssignment> CoordinatorAssignments => Set<CoordinatorAssignment>();

    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<AnswerThanks> AnswerThanks => Set<AnswerThanks>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();

    public DbSet<MemberSkill> MemberSkills => Set<MemberSkill>();

    public DbSet<Relaunch.HelpProposal> HelpProposals => Set<Relaunch.HelpProposal>();

    public DbSet<Matching.HelpInvitation> HelpInvitations => Set<Matching.HelpInvitation>();

    public DbSet<Matching.InvitationPreferences> InvitationPreferences => Set<Matching.InvitationPreferences>();

    public DbSet<Offers.HelpOffer> HelpOffers => Set<Offers.HelpOffer>();

    public DbSet<Offers.OfferAsk> OfferAsks => Set<Offers.OfferAsk>();

    public DbSet<Moderation.ModerationEntry> ModerationLog => Set<Moderation.ModerationEntry>();

    public DbSet<Reports.Report> Reports => Set<Reports.Report>();

    public DbSet<Leases.Lease> Leases => Set<Leases.Lease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BoardDbContext).Assembly);
    }

    /// <summary>The interceptors every context needs: its connections get the functions the search index's triggers call
    /// and a memory map (decision 019), its writes take turns (decision 023).</summary>
    public static DbContextOptionsBuilder AddBoardInterceptors(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(BoardConnections.Instance, OneWriterAtATime.Instance);

    /// <summary>A context built from bare options (a test, the design-time factory) gets the interceptors here; the
    /// app's factory gives them once in its shared options, so that each new context does not copy its options.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var interceptors = optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.Contains(BoardConnections.Instance) != true)
        {
            AddBoardInterceptors(optionsBuilder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time zone: every DateTime is stored as UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
