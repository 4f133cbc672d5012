using System.Globalization;
using System.Text;
using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.DemoData;

/// <summary>Seeds a realistic demo network into an empty database: coordinations, members with one
/// coordinatrice per coordination, an admin, and 81 requests across every theme and status, with answers.
/// Deterministic (fixed random seed) so every fresh clone shows the same network.</summary>
public sealed class DemoNetworkSeeder(
    IDbContextFactory<BoardDbContext> dbFactory, IPasswordHasher<Member> hasher, TimeProvider clock)
{
    public const string Password = "coupdepouce-demo";
    public const string EmailDomain = "coupdepouce.demo";
    public const string AdminEmail = "admin@" + EmailDomain;
    public const int MembersPerCoordination = 5;

    /// <summary>The coordinatrice of a demo coordination signs in with this address.</summary>
    public static string CoordinatorEmail(string coordinationName) => $"coord.{Slug(coordinationName)}@{EmailDomain}";

    /// <summary>Returns false and does nothing when the database already holds members.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Members.AnyAsync(ct) || await db.Coordinations.AnyAsync(ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(20261122);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var coordinations = DemoNetworkContent.Coordinations.Select(c => new Coordination(c.Name, c.Region, c.Country)).ToList();
        db.Coordinations.AddRange(coordinations);
        await db.SaveChangesAsync(ct);

        var members = SeedMembers(db, coordinations, random, now);
        await db.SaveChangesAsync(ct);

        var admin = members[0];
        var moderator = new Viewer(admin.Id, admin.HomeCoordinationId, IsAdmin: true, new HashSet<int>());
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).ToListAsync(ct);
        var requests = new List<HelpRequest>();
        foreach (var theme in themes)
        {
            foreach (var title in DemoNetworkContent.Titles[theme.Slug])
            {
                requests.Add(SeedRequest(members, moderator, theme.Id, title, random, now));
            }
        }

        // Inserted oldest first, so ids grow with time as they do in real use.
        foreach (var request in requests.OrderBy(r => r.CreatedAt))
        {
            request.ClearDomainEvents();
            db.HelpRequests.Add(request);
        }

        await db.SaveChangesAsync(ct);
        SeedWhatWaitsForCoordinatrices(db, coordinations, members, requests, random, now);
        SeedOffers(db, members, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>So that a newcomer sees every feature at once: Sophie's own requests (one waiting, one answered and
    /// waiting for her « ça m'a aidée »), members waiting for their membership or their move, a few reports, and a
    /// history of moderation decisions in the log. Pinned and locked requests are kept to coordinations the demo
    /// accounts of the README do not belong to, so that the boards they open first look like a day like any other.</summary>
    private void SeedWhatWaitsForCoordinatrices(
        BoardDbContext db, List<Coordination> coordinations, List<Member> members, List<HelpRequest> requests, Random random, DateTime now)
    {
        var byName = coordinations.ToDictionary(c => c.Name);
        Coordination Named(string name) => byName[name];
        Member CoordinatriceOf(Coordination c) => members.First(m => m.Email == CoordinatorEmail(c.Name));
        Viewer ModeratorOf(Coordination c) => new(CoordinatriceOf(c).Id, c.Id, IsAdmin: false, new HashSet<int> { c.Id });
        var rennes = Named("Rennes");
        var lyon = Named("Lyon");

        // Sophie's own requests.
        var sophie = members.First(m => m.Email == "sophie.bernard@" + EmailDomain);
        var waiting = HelpRequest.Post(sophie.Id, sophie.HomeCoordinationId, ThemeOf("numerique"), Visibility.Network,
            DemoNetworkContent.SophieTitles[0], DemoNetworkContent.SophieDetails[0], now.AddHours(-5));
        var answered = HelpRequest.Post(sophie.Id, sophie.HomeCoordinationId, ThemeOf("financement"), Visibility.Coordination,
            DemoNetworkContent.SophieTitles[1], DemoNetworkContent.SophieDetails[1], now.AddDays(-2));
        var neighbours = members.Where(m => m.HomeCoordinationId == rennes.Id && m.Id != sophie.Id).ToList();
        answered.AddAnswer(neighbours[1].Id, DemoNetworkContent.Answers[0], now.AddDays(-2).AddHours(3), neighbours[1].HomeCoordinationId);
        answered.AddAnswer(neighbours[2].Id, DemoNetworkContent.Answers[1], now.AddDays(-1), neighbours[2].HomeCoordinationId);
        foreach (var request in new[] { waiting, answered })
        {
            request.ClearDomainEvents();
            db.HelpRequests.Add(request);
        }

        // Members waiting for a coordinatrice: two newcomers in Rennes, one in Lyon, and a Lyon member moving to Rennes.
        foreach (var (name, coordination, days) in new[] { ("Maëlle Le Goff", rennes, 1), ("Inès Moreau", rennes, 3), ("Chloé Garnier", lyon, 2) })
        {
            var email = PersonalEmail(name);
            var newcomer = Member.Register(name, email, DemoNetworkContent.Activities[random.Next(DemoNetworkContent.Activities.Length)], coordination.Id, now.AddDays(-days), pending: true);
            newcomer.PasswordHash = members[0].PasswordHash;
            newcomer.NormalizedEmail = newcomer.NormalizedUserName = email.ToUpperInvariant();
            newcomer.SecurityStamp = Guid.NewGuid().ToString("N");
            db.Members.Add(newcomer);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = newcomer.Id, RoleId = MemberRoles.MemberRoleId });
        }

        members.First(m => m.HomeCoordinationId == lyon.Id && m.Email != CoordinatorEmail("Lyon") && m.Email != "julie.durand@" + EmailDomain)
            .AskToMove(rennes.Id);

        // Reports: two members of Rennes find a network request off-topic; one flags an answer in Lyon.
        var reported = requests.Where(r => r.CoordinationId == rennes.Id && r.Visibility == Visibility.Network && r.AuthorId != sophie.Id).OrderBy(r => r.CreatedAt).Last();
        var reporters = neighbours.Where(m => m.Id != reported.AuthorId).Take(2).ToList();
        db.Reports.Add(new Reports.Report(reporters[0].Id, reported.Id, 0, rennes.Id, Reports.ReportReason.Spam, null, now.AddHours(-6)));
        db.Reports.Add(new Reports.Report(reporters[1].Id, reported.Id, 0, rennes.Id, Reports.ReportReason.Other, DemoNetworkContent.ReportText, now.AddHours(-2)));
        if (requests.Where(r => r.CoordinationId == lyon.Id).SelectMany(r => r.Answers).FirstOrDefault() is { } flagged)
        {
            var reporter = members.First(m => m.HomeCoordinationId == lyon.Id && m.Id != flagged.AuthorId && m.Email != CoordinatorEmail("Lyon"));
            db.Reports.Add(new Reports.Report(reporter.Id, flagged.HelpRequestId, flagged.Id, lyon.Id, Reports.ReportReason.NotKind, null, now.AddHours(-20)));
        }

        // A history in the moderation log: a pin in Marseille, a lock in Lille, a request hidden in Bordeaux.
        void Moderate(string coordinationName, Action<HelpRequest, Viewer> decide)
        {
            var coordination = Named(coordinationName);
            // Kept to the coordination's own requests: a pin on a network-wide request would head every board.
            var request = requests
                .Where(r => r.CoordinationId == coordination.Id && r.Visibility == Visibility.Coordination && r.Status != HelpRequestStatus.Closed)
                .OrderByDescending(r => r.CreatedAt).FirstOrDefault();
            if (request is null)
            {
                return;
            }

            decide(request, ModeratorOf(coordination));
            Moderation.ModerationLog.Record(db, request.DomainEvents);
            request.ClearDomainEvents();
        }

        Moderate("Marseille", (r, m) => r.SetPinned(m, pinned: true, now.AddDays(-3)));
        Moderate("Lille", (r, m) => r.SetLocked(m, locked: true, now.AddDays(-1)));
        Moderate("Bordeaux", (r, m) => r.Hide(m, DemoNetworkContent.HideReason, now.AddHours(-30)));

        // Skills: three themes each, dealt in turn within a coordination so that every theme has someone to propose
        // a waiting request to (« À relancer »).
        var themes = Themes.Theme.Initial.OrderBy(t => t.Position).Select(t => t.Id).ToList();
        foreach (var coordination in members.Where(m => m.Email != AdminEmail).GroupBy(m => m.HomeCoordinationId))
        {
            var dealt = 0;
            foreach (var member in coordination)
            {
                for (var k = 0; k < 3; k++)
                {
                    db.MemberSkills.Add(new MemberSkill(member.Id, themes[dealt++ % themes.Count]));
                }
            }
        }
    }

    /// <summary>A few offers (« Propositions »), one of them kept to its coordination, so that requests of those themes
    /// show them beside them.</summary>
    private static void SeedOffers(BoardDbContext db, List<Member> members, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        // Two of Sophie's coordination (one offer kept to it), two from elsewhere.
        var sophie = members.First(m => m.Email == "sophie.bernard@" + EmailDomain);
        var others = members.Where(m => m.Email != AdminEmail && !m.Email!.StartsWith("coord.", StringComparison.Ordinal) && m.Id != sophie.Id).ToList();
        var givers = others.Where(m => m.HomeCoordinationId != sophie.HomeCoordinationId).Take(2)
            .Concat(others.Where(m => m.HomeCoordinationId == sophie.HomeCoordinationId).Take(2)).ToList();
        (string Slug, Offers.OfferKind Kind, HelpRequests.Visibility Visibility, string Title, string Details)[] offers =
        [
            ("juridique", Offers.OfferKind.TimeSlot, HelpRequests.Visibility.Network, "Une heure pour relire un contrat de prestation",
                "Juriste de formation, je relis un contrat ou des conditions générales de vente, en visio le jeudi matin."),
            ("financement", Offers.OfferKind.Skill, HelpRequests.Visibility.Network, "Monter un dossier de prêt d'honneur",
                "J'ai obtenu deux prêts d'honneur : je vous aide à préparer le dossier et à répéter le passage en comité."),
            ("communication", Offers.OfferKind.Contact, HelpRequests.Visibility.Coordination, "Une photographe pour vos portraits pro",
                "Je vous mets en relation avec la photographe qui a fait les portraits de mon site, à un tarif d'entraide."),
            ("numerique", Offers.OfferKind.Skill, HelpRequests.Visibility.Network, "Prendre en main un outil de facturation",
                "Je vous montre comment paramétrer un outil de facturation en ligne et automatiser vos relances."),
        ];
        foreach (var ((slug, kind, visibility, title, details), giver) in offers.Zip(givers))
        {
            db.HelpOffers.Add(new Offers.HelpOffer(giver.Id, giver.HomeCoordinationId, ThemeOf(slug), visibility, kind, title, details, today.AddDays(30), now.AddDays(-2)));
        }
    }

    private static int ThemeOf(string slug) => Themes.Theme.Initial.Single(t => t.Slug == slug).Id;

    private List<Member> SeedMembers(BoardDbContext db, List<Coordination> coordinations, Random random, DateTime now)
    {
        var names = new Queue<string>(DemoNetworkContent.Names);
        var members = new List<Member>();
        string? passwordHash = null;

        Member Add(string email, int coordinationId, string role)
        {
            var name = names.Dequeue();
            var activity = DemoNetworkContent.Activities[random.Next(DemoNetworkContent.Activities.Length)];
            var member = Member.Register(name, email, activity, coordinationId, now.AddDays(-random.Next(90, 720)));
            // One hash for the shared demo password: hashing is deliberately slow and the password is the same.
            passwordHash ??= hasher.HashPassword(member, Password);
            member.PasswordHash = passwordHash;
            member.NormalizedEmail = email.ToUpperInvariant();
            member.NormalizedUserName = email.ToUpperInvariant();
            member.SecurityStamp = Guid.NewGuid().ToString("N");
            db.Members.Add(member);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = member.Id, RoleId = MemberRoles.MemberRoleId });
            if (role == MemberRoles.Admin)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = member.Id, RoleId = MemberRoles.AdminRoleId });
            }

            if (role == MemberRoles.Coordinator)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = member.Id, RoleId = MemberRoles.CoordinatorRoleId });
                db.CoordinatorAssignments.Add(new CoordinatorAssignment(member.Id, coordinationId, member.JoinedAt));
            }

            members.Add(member);
            return member;
        }

        Add(AdminEmail, coordinations[1].Id, MemberRoles.Admin);
        foreach (var coordination in coordinations)
        {
            Add(CoordinatorEmail(coordination.Name), coordination.Id, MemberRoles.Coordinator);
            for (var i = 0; i < MembersPerCoordination; i++)
            {
                Add(PersonalEmail(names.Peek()), coordination.Id, MemberRoles.Member);
            }
        }

        return members;
    }

    private static HelpRequest SeedRequest(List<Member> members, Viewer moderator, int themeId, string title, Random random, DateTime now)
    {
        var author = members[random.Next(members.Count)];
        var visibility = random.NextDouble() < 0.4 ? Visibility.Coordination : Visibility.Network;
        var roll = random.NextDouble();
        // Some open requests are recent, some have waited more than 48 h: the coordinatrices' to-do list.
        var age = roll < 0.2
            ? TimeSpan.FromHours(random.Next(2, 120))
            : TimeSpan.FromHours(random.Next(6, 24 * 60));
        var createdAt = now - age;
        var details = DemoNetworkContent.Details[random.Next(DemoNetworkContent.Details.Length)];
        var request = HelpRequest.Post(author.Id, author.HomeCoordinationId, themeId, visibility, title, details, createdAt);

        var helpers = members
            .Where(m => m.Id != author.Id && (visibility == Visibility.Network || m.HomeCoordinationId == author.HomeCoordinationId))
            .ToList();
        if (roll < 0.2 || helpers.Count == 0)
        {
            if (random.NextDouble() < 0.3)
            {
                request.AddAnswer(author.Id, DemoNetworkContent.AskerReplies[1], createdAt.AddMinutes(random.Next(10, 90)), author.HomeCoordinationId);
            }

            return request;
        }

        var answerCount = random.Next(1, 5);
        var at = createdAt.AddMinutes(random.Next(20, (int)Math.Min(age.TotalMinutes / 2, 60 * 36)));
        var answers = new List<Answer>();
        for (var i = 0; i < answerCount && at < now; i++)
        {
            var helper = helpers[random.Next(helpers.Count)];
            answers.Add(request.AddAnswer(helper.Id, DemoNetworkContent.Answers[random.Next(DemoNetworkContent.Answers.Length)], at, helper.HomeCoordinationId));
            at = at.AddMinutes(random.Next(30, 60 * 24));
        }

        if (at < now && random.NextDouble() < 0.5)
        {
            request.AddAnswer(author.Id, DemoNetworkContent.AskerReplies[0], at, author.HomeCoordinationId);
            at = at.AddMinutes(random.Next(10, 600));
        }

        if (roll > 0.93)
        {
            request.Close(moderator, at < now ? at : now);
        }
        else if (roll > 0.55 && at < now)
        {
            foreach (var helpful in answers.Where((_, i) => i == 0 || random.NextDouble() < 0.3))
            {
                request.MarkHelpful(author.Id, helpful, at);
            }
        }

        return request;
    }

    private static string PersonalEmail(string name) =>
        $"{Slug(name.Replace(' ', '.'))}@{EmailDomain}";

    /// <summary>"Marie-Ève Gagnon" → "marie-eve.gagnon": ASCII, lower case, for demo e-mail addresses.</summary>
    private static string Slug(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
