using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Domain.DemoData;

/// <summary>A large synthetic network for benchmarks: thousands of requests and answers written with prepared
/// statements in one transaction (EF's change tracker would spend minutes on it). Deterministic.</summary>
public sealed class VolumeSeeder(IDbContextFactory<BoardDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Volume(int Coordinations, IReadOnlyList<Guid> Members, int Requests, int Answers);

    public async Task<Volume> SeedAsync(int requests, int answers, int members = 500, int coordinations = 40, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(42);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var coordinationIds = new List<int>();
        for (var i = 0; i < coordinations; i++)
        {
            var coordination = new Coordination($"Coordination {i + 1:00}", "Région", "France");
            db.Coordinations.Add(coordination);
            await db.SaveChangesAsync(ct);
            coordinationIds.Add(coordination.Id);
        }

        var memberIds = new List<Guid>();
        var homes = new Dictionary<Guid, int>();
        for (var i = 0; i < members; i++)
        {
            var home = coordinationIds[i % coordinationIds.Count];
            var email = $"membre{i}@volume.test";
            var member = Member.Register($"Membre {i}", email, "Entrepreneuse", home, now.AddYears(-1));
            member.NormalizedEmail = member.NormalizedUserName = email.ToUpperInvariant();
            member.SecurityStamp = Guid.NewGuid().ToString("N");
            db.Members.Add(member);
            memberIds.Add(member.Id);
            homes[member.Id] = home;
            // Three skills each, a third of the themes apart, so that every theme has helpers everywhere.
            for (var s = 0; s < 3; s++)
            {
                db.MemberSkills.Add(new MemberSkill(member.Id, Themes.Theme.Initial[(i + (s * 3)) % Themes.Theme.Initial.Count].Id));
            }
        }

        await db.SaveChangesAsync(ct);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);

        // The search index is rebuilt once at the end rather than row by row through its triggers.
        await ExecuteAsync(connection, transaction, SearchIndexSql.Drop, ct);

        await using var insertRequest = connection.CreateCommand();
        insertRequest.Transaction = transaction;
        insertRequest.CommandText = """
            INSERT INTO HelpRequests (Title, Details, ThemeId, Visibility, CoordinationId, AuthorId, CreatedAt, LastActivityAt, Status, FirstAnsweredAt, FirstAnswerWaitMs, ResolvedAt, AnswerCount, IsHidden)
            VALUES ($title, $details, $theme, $visibility, $coordination, $author, $created, $created, $status, $firstAnswer, $firstWaitMs, NULL, $answers, 0)
            """;
        var parameters = new[] { "$title", "$details", "$theme", "$visibility", "$coordination", "$author", "$created", "$status", "$firstAnswer", "$firstWaitMs", "$answers" }
            .ToDictionary(name => name, name => insertRequest.Parameters.Add(new SqliteParameter { ParameterName = name }));

        // Answers are spread over requests up front so the request rows carry consistent counts and statuses.
        var answersPerRequest = new int[requests];
        for (var i = 0; i < answers; i++)
        {
            answersPerRequest[random.Next(requests)]++;
        }

        // How long each request waited for its first answer: mostly hours, some days (its own generator, so the
        // words and authors stay what they were before delays varied).
        var waits = new Random(11);
        var firstWait = Enumerable.Range(0, requests).Select(_ => TimeSpan.FromMinutes(Math.Pow(waits.NextDouble(), 2) * 72 * 60 + 5)).ToArray();
        var span = TimeSpan.FromDays(730).Ticks;
        var createdAt = new DateTime[requests];
        var authors = new Guid[requests];
        for (var i = 0; i < requests; i++)
        {
            // Oldest first: ids grow with time, as in real use.
            createdAt[i] = now.AddTicks(-span + (span / requests * i));
            authors[i] = memberIds[random.Next(memberIds.Count)];
            var theme = Themes.Theme.Initial[random.Next(Themes.Theme.Initial.Count)];
            parameters["$title"].Value = $"{Words(random, 6)} {i}";
            parameters["$details"].Value = Words(random, 40);
            parameters["$theme"].Value = theme.Id;
            parameters["$visibility"].Value = random.NextDouble() < 0.4 ? (int)Visibility.Coordination : (int)Visibility.Network;
            parameters["$coordination"].Value = homes[authors[i]];
            parameters["$author"].Value = authors[i].ToString().ToUpperInvariant();
            parameters["$created"].Value = createdAt[i];
            parameters["$status"].Value = answersPerRequest[i] == 0 ? (int)HelpRequestStatus.Open : (int)HelpRequestStatus.Answered;
            parameters["$firstAnswer"].Value = answersPerRequest[i] == 0 ? DBNull.Value : createdAt[i] + firstWait[i];
            parameters["$firstWaitMs"].Value = answersPerRequest[i] == 0 ? DBNull.Value : HelpRequest.WaitMs(createdAt[i], createdAt[i] + firstWait[i]);
            parameters["$answers"].Value = answersPerRequest[i];
            await insertRequest.ExecuteNonQueryAsync(ct);
        }

        await using var firstId = connection.CreateCommand();
        firstId.Transaction = transaction;
        firstId.CommandText = "SELECT MIN(Id) FROM HelpRequests";
        var baseId = (long)(await firstId.ExecuteScalarAsync(ct))!;

        await using var insertAnswer = connection.CreateCommand();
        insertAnswer.Transaction = transaction;
        insertAnswer.CommandText = """
            INSERT INTO Answers (HelpRequestId, AuthorId, AuthorCoordinationId, Body, CreatedAt, IsHelpful)
            VALUES ($request, $author, $authorCoordination, $body, $created, 0)
            """;
        var request = insertAnswer.Parameters.Add(new SqliteParameter { ParameterName = "$request" });
        var author = insertAnswer.Parameters.Add(new SqliteParameter { ParameterName = "$author" });
        var body = insertAnswer.Parameters.Add(new SqliteParameter { ParameterName = "$body" });
        var authorCoordination = insertAnswer.Parameters.Add(new SqliteParameter { ParameterName = "$authorCoordination" });
        var created = insertAnswer.Parameters.Add(new SqliteParameter { ParameterName = "$created" });
        for (var i = 0; i < requests; i++)
        {
            for (var a = 0; a < answersPerRequest[i]; a++)
            {
                Guid helper;
                do
                {
                    helper = memberIds[random.Next(memberIds.Count)];
                }
                while (helper == authors[i]);

                request.Value = baseId + i;
                author.Value = helper.ToString().ToUpperInvariant();
                authorCoordination.Value = homes[helper];
                body.Value = Words(random, 25);
                created.Value = createdAt[i] + firstWait[i] + TimeSpan.FromHours(a);
                await insertAnswer.ExecuteNonQueryAsync(ct);
            }
        }

        await ExecuteAsync(connection, transaction, SearchIndexSql.CreateTable, ct);
        await ExecuteAsync(connection, transaction, SearchIndexSql.Fill, ct);
        await ExecuteAsync(connection, transaction, SearchIndexSql.CreateTriggers, ct);
        await transaction.CommitAsync(ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        return new Volume(coordinations, memberIds, requests, answers);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Common words first, then the trade's words: drawn with a skew (like real text, a few words are
    /// everywhere and most are rare), so a search term matches a realistic share of requests.</summary>
    private static readonly string[] Vocabulary =
    [
        "je", "de", "la", "le", "et", "pour", "une", "un", "des", "mon", "ma", "mes", "en", "sur", "avec", "qui", "est",
        "pas", "vous", "bonjour", "merci", "besoin", "conseil", "aide", "question", "activité", "entreprise", "client",
        "projet", "idée", "temps", "mois", "année", "premier", "première", "travail", "réseau", "coordination",
        "statut", "financement", "banque", "prêt", "facture", "salon", "atelier", "site", "internet", "réseaux",
        "sociaux", "communication", "juridique", "contrat", "associée", "prospection", "tarifs", "logo", "trésorerie",
        "subvention", "formation", "local", "commande", "fournisseur", "assurance", "TVA", "devis", "marketing",
        "newsletter", "boutique", "stock", "recrutement", "salariée", "mentorat", "confiance", "comptabilité",
        "comptable", "expert", "logiciel", "tableur", "rendez-vous", "dossier", "région", "département", "mairie",
        "chambre", "commerce", "artisanat", "micro-entreprise", "SASU", "SARL", "EURL", "capital", "associés", "bail",
        "loyer", "assurance", "mutuelle", "retraite", "cotisations", "URSSAF", "impôts", "déclaration", "bilan",
        "prévisionnel", "rentabilité", "marge", "prix", "remise", "fidélité", "parrainage", "Instagram", "LinkedIn",
        "Facebook", "photographe", "graphiste", "plaquette", "flyers", "kakémono", "stand", "exposante", "marché",
        "dépôt-vente", "créatrice", "bijoux", "céramique", "couture", "fleuriste", "coach", "consultante", "traductrice",
        "naturopathe", "sophrologue", "paysagiste", "libraire", "boulangère", "maraîchère", "architecte", "décoratrice",
        "esthéticienne", "formatrice", "avocate", "notaire", "banquière", "crowdfunding", "plateforme", "campagne",
        "business", "angels", "garantie", "caution", "apport", "investissement", "matériel", "véhicule", "utilitaire",
        "ordinateur", "imprimante", "signature", "électronique", "visio", "agenda", "réservation", "paiement",
        "terminal", "encaissement", "référencement", "mobile", "lenteur", "hébergement", "domaine", "messagerie",
        "sauvegarde", "RGPD", "données", "mentions", "légales", "CGV", "marque", "INPI", "brevet", "embauche",
        "apprentie", "stagiaire", "garde", "enfants", "covoiturage", "imprimeur", "cartes", "visite", "salle",
        "déménagement", "bras", "partenariat", "association", "podcast", "apéro", "petit-déjeuner", "témoignage",
        "imposteur", "motivation", "solitude", "limites", "parole", "public", "pitch", "speed-meeting", "négociation",
        "délais", "appel", "offres", "public", "grand", "compte", "relance", "impayé", "courrier", "modèle",
    ];

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[(int)(Math.Pow(random.NextDouble(), 2.2) * Vocabulary.Length)]));
}
