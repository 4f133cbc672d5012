using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Search;
using Xunit.Abstractions;

namespace CoupDePouce.Tests.Domain.Search;

/// <summary>Relevance, measured (issue 18): 60 requests written as members write them, 44 queries as members type
/// them, each with the requests a member would expect; recall at 10 and mean reciprocal rank are printed (the
/// benchmark command in BENCHMARKS.md runs this test) and recall at 10 must reach 0.9.</summary>
public abstract class SearchRelevanceTests(ITestOutputHelper output, DatabaseProvider provider) : RennesAndLyonTest(provider)
{
    public sealed class OnSqlite(ITestOutputHelper output) : SearchRelevanceTests(output, DatabaseProvider.Sqlite);

    public sealed class OnPostgres(ITestOutputHelper output) : SearchRelevanceTests(output, DatabaseProvider.Postgres);

    private const int Juridique = 1, Financement = 2, Communication = 3, Comptabilite = 4, Commercial = 5, Numerique = 6, Developpement = 7, Entraide = 8;

    /// <summary>Key, title, details, theme.</summary>
    private static readonly (string Key, string Title, string Details, int Theme)[] Requests =
    [
        ("expert", "Trouver un expert-comptable de confiance", "Je lance mon activité de couture et je veux être bien accompagnée dès la première année.", Comptabilite),
        ("logiciel-compta", "Quel logiciel de comptabilité pour une micro-entreprise ?", "J'hésite entre plusieurs outils en ligne, lequel est simple pour débuter ?", Comptabilite),
        ("bilan", "Préparer mon premier bilan annuel", "Que faut-il rassembler avant la clôture de l'exercice ?", Comptabilite),
        ("facture-impayee", "Une cliente ne paie pas ma facture", "Trois relances sans réponse, comment récupérer mon dû sans perdre la relation ?", Comptabilite),
        ("facturation", "Automatiser ma facturation", "J'émets une vingtaine de factures par mois à la main, je perds un temps fou.", Numerique),
        ("tva", "Passer à la TVA en cours d'année", "J'ai dépassé le seuil de franchise, que dois-je changer sur mes devis ?", Comptabilite),
        ("tresorerie", "Trésorerie tendue cet hiver", "Mes clients paient à 60 jours, je cherche des solutions rapides.", Financement),
        ("pret-honneur", "Préparer le comité pour un prêt d'honneur", "Comment présenter mon prévisionnel devant le comité d'Initiative France ?", Financement),
        ("banque", "Convaincre ma banque de financer mon local", "Le banquier veut un apport plus élevé, quels arguments lui donner ?", Financement),
        ("subvention", "Subventions régionales pour l'artisanat", "Existe-t-il des aides de la région pour équiper mon atelier ?", Financement),
        ("crowdfunding", "Lancer une campagne de financement participatif", "Je voudrais financer ma première collection grâce à mes futures clientes.", Financement),
        ("previsionnel", "Construire un prévisionnel crédible sur trois ans", "Mes hypothèses de chiffre d'affaires sont-elles réalistes ?", Financement),
        ("statut", "Micro-entreprise ou SASU pour démarrer ?", "Je quitte mon CDI et j'hésite sur le statut juridique le plus adapté.", Juridique),
        ("bail", "Négocier la clause de révision de mon bail commercial", "Le propriétaire veut augmenter le loyer de 15 %.", Juridique),
        ("cgv", "Rédiger mes conditions générales de vente", "Je vends en ligne et je n'ai aucun document juridique.", Juridique),
        ("marque", "Déposer ma marque à l'INPI", "Faut-il un avocat ou puis-je le faire seule ?", Juridique),
        ("rgpd", "Me mettre en conformité avec le RGPD", "Je collecte les adresses de mes clientes pour ma newsletter.", Juridique),
        ("embauche", "Embaucher ma première salariée", "Contrat, aides à l'embauche, démarches : par où commencer ?", Juridique),
        ("associee", "Me séparer de mon associée à l'amiable", "Nous ne voyons plus l'avenir de la société de la même façon.", Juridique),
        ("instagram", "Combien de publications par semaine sur Instagram ?", "Je ne sais pas quel rythme tenir pour rester visible sans m'épuiser.", Communication),
        ("newsletter", "Une newsletter mensuelle qui donne envie d'ouvrir", "Mes taux d'ouverture sont très bas, vos astuces ?", Communication),
        ("logo", "Refaire mon logo et mon identité visuelle", "Graphiste ou plateforme en ligne, comment choisir ?", Communication),
        ("site", "Créer mon site vitrine sans coder", "WordPress, Wix ou autre, qu'utilisez-vous ?", Numerique),
        ("photos", "Des photos professionnelles de mes créations", "Je cherche une photographe à Rennes pour un shooting produits.", Communication),
        ("linkedin", "Développer mon réseau sur LinkedIn", "Comment aborder des décideuses sans paraître insistante ?", Communication),
        ("presse", "Obtenir un article dans la presse locale", "À qui envoyer mon communiqué pour l'ouverture de ma boutique ?", Communication),
        ("salon", "Réussir mon premier salon professionnel", "Stand, budget et prospection : vos conseils d'exposante ?", Commercial),
        ("prix", "Fixer mes prix sans me brader", "Je n'ose pas augmenter mes tarifs alors que mes coûts montent.", Commercial),
        ("prospection", "Prospecter de nouvelles clientes en B2B", "Le démarchage téléphonique me paralyse, quelles autres méthodes ?", Commercial),
        ("devis", "Relancer un devis resté sans réponse", "Au bout de combien de jours relancer, et comment le formuler ?", Commercial),
        ("boutique-ephemere", "Ouvrir une boutique éphémère à Noël", "Partager un local avec d'autres créatrices, qui serait partante ?", Commercial),
        ("marketplace", "Vendre mes bijoux sur une marketplace", "Etsy ou une place de marché française, quelles commissions ?", Commercial),
        ("fidelisation", "Fidéliser mes clientes après le premier achat", "Carte de fidélité, offres, suivi : qu'est-ce qui marche ?", Commercial),
        ("rdv", "Un outil simple de prise de rendez-vous en ligne", "Mes clientes réservent par SMS, c'est ingérable.", Numerique),
        ("ordinateur", "Quel ordinateur portable pour du graphisme ?", "Budget serré, mais je travaille sur de gros fichiers.", Numerique),
        ("sauvegarde", "Sauvegarder mes fichiers clients", "J'ai failli tout perdre avec une panne de disque.", Numerique),
        ("ia", "Utiliser l'intelligence artificielle pour mes textes", "Est-ce fiable pour rédiger mes fiches produits ?", Numerique),
        ("caisse", "Choisir une caisse enregistreuse pour ma boutique", "Logiciel de caisse certifié, lequel recommandez-vous ?", Numerique),
        ("imposteur", "Le syndrome de l'imposteur face à de gros clients", "Je doute de ma légitimité à chaque rendez-vous important.", Developpement),
        ("dire-non", "Apprendre à dire non aux demandes hors de mon métier", "Je dis oui à tout et je m'épuise.", Developpement),
        ("solitude", "La solitude de l'entrepreneuse qui travaille seule", "Comment rompre l'isolement quand on travaille depuis chez soi ?", Developpement),
        ("organisation", "Mieux organiser mes journées", "Entre la production, l'administratif et les enfants, je n'y arrive plus.", Developpement),
        ("prise-parole", "Prendre la parole en public sans stress", "Je dois présenter mon projet devant cinquante personnes.", Developpement),
        ("burnout", "Éviter l'épuisement après deux ans d'activité", "Je travaille sept jours sur sept depuis des mois.", Developpement),
        ("mentor", "Trouver une mentore dans mon secteur", "Quelqu'un qui est passée par là avant moi.", Developpement),
        ("garde", "Garde d'enfants pendant un salon", "Je cherche une solution pour le week-end du salon de Lyon.", Entraide),
        ("covoiturage", "Covoiturage pour le forum des entrepreneuses", "Je pars de Rennes vendredi matin, deux places libres.", Entraide),
        ("pret-materiel", "Prêter ou emprunter un vidéoprojecteur", "Pour un atelier samedi, je le rends dimanche.", Entraide),
        ("local-partage", "Partager un local d'atelier", "Un espace lumineux à partager deux jours par semaine.", Entraide),
        ("demenagement", "Un coup de main pour déménager mon stock", "Une camionnette et deux paires de bras samedi matin.", Entraide),
        ("traduction", "Relire la traduction anglaise de mon site", "Une anglophone pourrait-elle jeter un œil ?", Entraide),
        ("assurance", "Quelle assurance responsabilité civile professionnelle ?", "Mon activité de conseil m'oblige-t-elle à en prendre une ?", Juridique),
        ("retraite", "Cotiser pour ma retraite en micro-entreprise", "Mes cotisations suffisent-elles à valider des trimestres ?", Comptabilite),
        ("remuneration", "Me verser un salaire en SASU", "Dividendes ou rémunération, comment arbitrer ?", Comptabilite),
        ("note-frais", "Gérer mes notes de frais et mes justificatifs", "Je perds mes tickets, une application à conseiller ?", Comptabilite),
        ("export", "Vendre à l'export en Belgique", "TVA, livraison, facturation : qu'est-ce qui change ?", Commercial),
        ("podcast", "Lancer un podcast sur mon métier", "Matériel, hébergement, durée des épisodes ?", Communication),
        ("video", "Filmer des vidéos courtes pour les réseaux sociaux", "Je suis mal à l'aise face caméra.", Communication),
        ("apero", "Organiser un apéro réseau dans mon atelier", "Bonne idée pour me faire connaître du quartier ?", Entraide),
        ("petit-dej", "Des idées de sujets pour notre petit-déjeuner de coordination", "Nous nous retrouvons chaque premier mardi du mois.", Autre),
    ];

    private const int Autre = 9;

    /// <summary>What she types, and the requests she would expect to find.</summary>
    private static readonly (string Query, string[] Expected)[] Queries =
    [
        ("compta", ["expert", "logiciel-compta"]),
        ("comptable", ["expert"]),
        ("comptabilite", ["logiciel-compta", "bilan", "tva"]),
        ("comptabilté", ["logiciel-compta"]),
        ("factures", ["facture-impayee", "facturation"]),
        ("facturation", ["facturation", "export"]),
        ("facture impayée", ["facture-impayee"]),
        ("embauche", ["embauche"]),
        ("embaucher salariée", ["embauche"]),
        ("salon pro", ["salon"]),
        ("salon", ["salon", "garde"]),
        ("entrepreneuses", ["solitude", "covoiturage"]),
        ("prêt d'honneur", ["pret-honneur"]),
        ("pret honneur", ["pret-honneur"]),
        ("tresorerie", ["tresorerie"]),
        ("financement", ["crowdfunding", "banque"]),
        ("financer", ["banque", "crowdfunding"]),
        ("subvention région", ["subvention"]),
        ("aides", ["subvention", "embauche"]),
        ("statut juridique", ["statut"]),
        ("sasu", ["statut", "remuneration"]),
        ("bail commercial", ["bail"]),
        ("loyer", ["bail"]),
        ("conditions générales", ["cgv"]),
        ("marque inpi", ["marque"]),
        ("rgpd", ["rgpd"]),
        ("instagram", ["instagram"]),
        ("réseaux sociaux", ["video", "instagram"]),
        ("newsletter", ["newsletter", "rgpd"]),
        ("logo", ["logo"]),
        ("site internet", ["site"]),
        ("photographe", ["photos"]),
        ("prospecter", ["prospection", "salon"]),
        ("tarifs", ["prix"]),
        ("relancer devis", ["devis"]),
        ("clientes", ["fidelisation", "crowdfunding"]),
        ("rendez-vous en ligne", ["rdv"]),
        ("logiciel", ["logiciel-compta", "caisse"]),
        ("imposteur", ["imposteur"]),
        ("épuisement", ["burnout"]),
        ("solitude", ["solitude"]),
        ("mentor", ["mentor"]),
        ("covoiturage rennes", ["covoiturage"]),
        ("assurance responsabilite", ["assurance"]),
    ];

    [Fact]
    public async Task FindsWhatMembersExpectInTheFirstTen()
    {
        var author = await Network.AddMemberAsync(Rennes, "Camille");
        var reader = await Network.AddMemberAsync(Lyon, "Julie");
        var ids = new Dictionary<long, string>();
        foreach (var (key, title, details, theme) in Requests)
        {
            var posted = await Network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(author, title, details, theme, Visibility.Network));
            Assert.True(posted.Succeeded, key);
            ids[posted.Value] = key;
        }

        var search = Network.Get<SearchHelpRequestsHandler>();
        double recall = 0, reciprocal = 0;
        foreach (var (query, expected) in Queries)
        {
            var found = (await search.HandleAsync(new SearchHelpRequests(reader, query, Take: 10))).Hits.Select(h => ids[h.Item.Id]).ToList();
            var queryRecall = expected.Count(found.Contains) / (double)expected.Length;
            var firstRelevant = found.FindIndex(expected.Contains);
            recall += queryRecall;
            reciprocal += firstRelevant < 0 ? 0 : 1.0 / (firstRelevant + 1);
            if (queryRecall < 1)
            {
                output.WriteLine($"  « {query} »: expected {string.Join(", ", expected)}; found {string.Join(", ", found)}");
            }
        }

        recall /= Queries.Length;
        reciprocal /= Queries.Length;
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"search.recall10 = {recall:F3}, search.mrr = {reciprocal:F3} ({Queries.Length} queries, {Requests.Length} requests)"));
        Assert.True(Queries.Length >= 40);
        Assert.True(recall >= 0.9, $"recall at 10 {recall:F3} < 0.9");
    }
}
