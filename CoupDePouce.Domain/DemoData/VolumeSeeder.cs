using CoupDePouce.Domain.Coordinations;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Persistence.Postgres;
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

        // The rows, drawn first (the same draws in the same order as always: a deterministic network), then written
        // the fastest way each engine has.
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
        var requestRows = new RequestRow[requests];
        for (var i = 0; i < requests; i++)
        {
            // Oldest first: ids grow with time, as in real use.
            var created = now.AddTicks(-span + (span / requests * i));
            var author = memberIds[random.Next(memberIds.Count)];
            var theme = Themes.Theme.Initial[random.Next(Themes.Theme.Initial.Count)];
            var title = $"{Words(random, 6)} {i}";
            var details = Words(random, 40);
            var visibility = random.NextDouble() < 0.4 ? Visibility.Coordination : Visibility.Network;
            var answered = answersPerRequest[i] > 0;
            requestRows[i] = new RequestRow(title, details, theme.Id, visibility, homes[author], author, created,
                answered ? HelpRequestStatus.Answered : HelpRequestStatus.Open,
                answered ? created + firstWait[i] : null,
                answered ? HelpRequest.WaitMs(created, created + firstWait[i]) : null,
                answersPerRequest[i]);
        }

        var answerRows = new List<AnswerRow>(answers);
        for (var i = 0; i < requests; i++)
        {
            for (var a = 0; a < answersPerRequest[i]; a++)
            {
                Guid helper;
                do
                {
                    helper = memberIds[random.Next(memberIds.Count)];
                }
                while (helper == requestRows[i].Author);

                answerRows.Add(new AnswerRow(i, helper, homes[helper], Words(random, 25), requestRows[i].Created + firstWait[i] + TimeSpan.FromHours(a)));
            }
        }

        if (db.Database.IsNpgsql())
        {
            await PostgresVolume.WriteAsync(db, requestRows, answerRows, ct);
        }
        else
        {
            await WriteToSqliteAsync(db, requestRows, answerRows, ct);
        }

        return new Volume(coordinations, memberIds, requests, answers);
    }

    internal sealed record RequestRow(
        string Title, string Details, int ThemeId, Visibility Visibility, int CoordinationId, Guid Author, DateTime Created,
        HelpRequestStatus Status, DateTime? FirstAnsweredAt, long? FirstWaitMs, int Answers);

    /// <summary>An answer to the request at <paramref name="Request"/> (its place in the list).</summary>
    internal sealed record AnswerRow(int Request, Guid Author, int AuthorCoordinationId, string Body, DateTime Created);

    /// <summary>Prepared statements in one transaction; the search index rebuilt once at the end rather than row by row
    /// through its triggers.</summary>
    private static async Task WriteToSqliteAsync(BoardDbContext db, RequestRow[] requests, List<AnswerRow> answers, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction, SearchIndexSql.Drop, ct);

        await using var insertRequest = connection.CreateCommand();
        insertRequest.Transaction = transaction;
        insertRequest.CommandText = """
            INSERT INTO HelpRequests (Title, Details, ThemeId, Visibility, CoordinationId, AuthorId, CreatedAt, LastActivityAt, Status, FirstAnsweredAt, FirstAnswerWaitMs, ResolvedAt, AnswerCount, IsHidden)
            VALUES ($title, $details, $theme, $visibility, $coordination, $author, $created, $created, $status, $firstAnswer, $firstWaitMs, NULL, $answers, 0)
            """;
        var parameters = new[] { "$title", "$details", "$theme", "$visibility", "$coordination", "$author", "$created", "$status", "$firstAnswer", "$firstWaitMs", "$answers" }
            .ToDictionary(name => name, name => insertRequest.Parameters.Add(new SqliteParameter { ParameterName = name }));
        foreach (var row in requests)
        {
            parameters["$title"].Value = row.Title;
            parameters["$details"].Value = row.Details;
            parameters["$theme"].Value = row.ThemeId;
            parameters["$visibility"].Value = (int)row.Visibility;
            parameters["$coordination"].Value = row.CoordinationId;
            parameters["$author"].Value = row.Author.ToString().ToUpperInvariant();
            parameters["$created"].Value = row.Created;
            parameters["$status"].Value = (int)row.Status;
            parameters["$firstAnswer"].Value = (object?)row.FirstAnsweredAt ?? DBNull.Value;
            parameters["$firstWaitMs"].Value = (object?)row.FirstWaitMs ?? DBNull.Value;
            parameters["$answers"].Value = row.Answers;
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
        foreach (var row in answers)
        {
            request.Value = baseId + row.Request;
            author.Value = row.Author.ToString().ToUpperInvariant();
            authorCoordination.Value = row.AuthorCoordinationId;
            body.Value = row.Body;
            created.Value = row.Created;
            await insertAnswer.ExecuteNonQueryAsync(ct);
        }

        await ExecuteAsync(connection, transaction, SearchIndexSql.CreateTable, ct);
        await ExecuteAsync(connection, transaction, SearchIndexSql.Fill, ct);
        await ExecuteAsync(connection, transaction, SearchIndexSql.CreateTriggers, ct);
        await transaction.CommitAsync(ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
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
