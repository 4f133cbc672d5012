namespace CoupDePouce.Domain.DemoData;

/// <summary>The words of the demo network: realistic French-speaking coordinations, members and needs.</summary>
internal static class DemoNetworkContent
{
    public static readonly (string Name, string Region, string Country)[] Coordinations =
    [
        ("Rennes", "Bretagne", "France"),
        ("Lyon", "Auvergne-Rhône-Alpes", "France"),
        ("Lille", "Hauts-de-France", "France"),
        ("Marseille", "Provence-Alpes-Côte d'Azur", "France"),
        ("Bordeaux", "Nouvelle-Aquitaine", "France"),
        ("Genève", "Canton de Genève", "Suisse"),
        ("Montréal", "Québec", "Canada"),
    ];

    public static readonly string[] Names =
    [
        "Hélène Girard", "Camille Martin", "Sophie Bernard", "Nathalie Dubois", "Isabelle Thomas", "Émilie Robert",
        "Claire Richard", "Aurélie Petit", "Julie Durand", "Sandrine Leroy", "Céline Moreau", "Stéphanie Simon",
        "Laetitia Laurent", "Marie Lefebvre", "Anne Michel", "Caroline Garcia", "Valérie David", "Sarah Bertrand",
        "Élodie Roux", "Audrey Vincent", "Virginie Fournier", "Delphine Morel", "Pauline André", "Karine Mercier",
        "Fatima Benali", "Aïcha Diallo", "Nadia Haddad", "Léa Blanc", "Chloé Guérin", "Manon Faure",
        "Mélanie Rousseau", "Sylvie Muller", "Béatrice Henry", "Agnès Perrin", "Corinne Morin", "Patricia Mathieu",
        "Véronique Clément", "Lucie Gauthier", "Justine Dumont", "Inès Lopez", "Océane Fontaine", "Geneviève Tremblay",
        "Marie-Ève Gagnon",
    ];

    public static readonly string[] Activities =
    [
        "Graphiste indépendante", "Fleuriste", "Coach en reconversion professionnelle", "Experte-comptable",
        "Créatrice de bijoux", "Consultante RH", "Photographe de portrait", "Architecte d'intérieur", "Traductrice",
        "Développeuse web freelance", "Naturopathe", "Couturière et retoucheuse", "Boulangère bio",
        "Avocate en droit des affaires", "Formatrice en bureautique", "Gérante d'une agence de communication",
        "Paysagiste", "Céramiste", "Assistante administrative à distance", "Consultante en marketing digital",
        "Esthéticienne à domicile", "Libraire indépendante", "Maraîchère en circuit court",
        "Décoratrice événementielle", "Sophrologue",
    ];

    /// <summary>Nine needs per theme, keyed by the theme's slug.</summary>
    public static readonly Dictionary<string, string[]> Titles = new()
    {
        ["juridique"] =
        [
            "Quel statut choisir entre micro-entreprise et SASU ?",
            "Mentions légales obligatoires sur mon site e-commerce",
            "Un client refuse de payer ma facture : quelles démarches ?",
            "Rédiger des CGV pour mes prestations de coaching",
            "Protéger le nom de ma marque : dépôt INPI, comment faire ?",
            "Bail commercial : clause de révision du loyer à négocier",
            "Embaucher une première salariée : par où commencer ?",
            "Droit à l'image pour les photos de mes clientes",
            "RGPD : que dois-je faire pour mon fichier clients ?",
        ],
        ["financement"] =
        [
            "Prêt d'honneur : vos retours d'expérience ?",
            "Préparer mon rendez-vous avec la banque pour un premier prêt",
            "Aides régionales pour l'achat d'un véhicule utilitaire",
            "Financement participatif : quelle plateforme choisir ?",
            "Comment construire un prévisionnel crédible sur 3 ans ?",
            "Garantie bancaire pour les entrepreneuses : ça marche ?",
            "Subvention pour la transition numérique de ma boutique",
            "Trésorerie tendue cet hiver : quelles solutions rapides ?",
            "Business angels au féminin : des réseaux à conseiller ?",
        ],
        ["communication"] =
        [
            "Instagram ou LinkedIn pour une activité de conseil RH ?",
            "Trouver une photographe pour des portraits professionnels",
            "Combien de publications par semaine pour rester visible ?",
            "Relecture de ma plaquette de présentation avant impression",
            "Idées pour une newsletter mensuelle qui donne envie d'ouvrir",
            "Comment parler de mes tarifs sans mettre mal à l'aise ?",
            "Préparer une interview pour la presse locale",
            "Créer un logo moi-même ou passer par une graphiste ?",
            "Mon compte Facebook pro a été piraté, que faire ?",
        ],
        ["comptabilite"] =
        [
            "Logiciel de facturation simple pour une auto-entrepreneuse",
            "Expert-comptable en ligne ou cabinet local : vos avis ?",
            "Comment calculer mon seuil de rentabilité ?",
            "Déclarer la TVA pour la première fois : je suis perdue",
            "Séparer compte perso et compte pro : quelle banque ?",
            "Notes de frais et indemnités kilométriques : bonnes pratiques",
            "Passer au régime réel : à partir de quel chiffre d'affaires ?",
            "Relances de factures impayées : un modèle de courrier ?",
            "Tableau de bord mensuel : quels indicateurs suivre ?",
        ],
        ["commercial"] =
        [
            "Réussir mon premier salon professionnel en tant qu'exposante",
            "Trouver mes premiers clients en B2B sans budget publicité",
            "Répondre à un appel d'offres public pour la première fois",
            "Augmenter mes prix sans perdre mes clientes fidèles",
            "Script d'appel pour prospecter les entreprises locales",
            "Vendre mes créations en dépôt-vente : des conseils ?",
            "Négocier avec un grand compte qui impose ses délais de paiement",
            "Préparer un pitch de 3 minutes pour un speed-meeting",
            "Fidéliser ma clientèle avec un programme de parrainage",
        ],
        ["numerique"] =
        [
            "Quel outil pour prendre des rendez-vous en ligne ?",
            "Créer ma boutique en ligne : quelle solution choisir ?",
            "Sauvegarder mes fichiers clients en toute sécurité",
            "Automatiser mes devis et factures avec un tableur",
            "Améliorer le référencement local de mon site",
            "Signature électronique des contrats : quel service ?",
            "Visio avec mes clientes : quelles alternatives ?",
            "Mon site est très lent sur mobile, par où commencer ?",
            "Outil de gestion de projet pour travailler avec une associée",
        ],
        ["developpement-personnel"] =
        [
            "Syndrome de l'imposteur face à des clients très expérimentés",
            "Concilier vie de famille et lancement d'entreprise",
            "Retrouver la motivation après un trimestre difficile",
            "Apprendre à dire non aux demandes hors de mon cœur de métier",
            "Prise de parole en public : des exercices qui marchent ?",
            "Gérer la solitude de l'entrepreneuse qui travaille seule",
            "Fixer des limites avec une cliente très envahissante",
            "Trouver une mentore dans le secteur du bâtiment",
            "Se former au management avant d'embaucher",
        ],
        ["entraide-pratique"] =
        [
            "Cherche un local partagé pour des ateliers le samedi",
            "Qui peut me prêter un stand parapluie pour un marché ?",
            "Garde d'enfants ponctuelle pendant un salon professionnel",
            "Covoiturage pour la rencontre régionale du mois prochain",
            "Bonne adresse d'imprimeur pour des cartes de visite écoresponsables",
            "Recherche une couturière pour une petite série de sacs",
            "Échange de services : comptabilité contre création de site ?",
            "Salle de réunion à prix doux en centre-ville",
            "Déménagement de mon atelier : besoin de bras samedi",
        ],
        ["autre"] =
        [
            "Présentation : nouvelle dans le réseau, je suis fleuriste",
            "Idées de sujets pour notre prochain petit-déjeuner de coordination",
            "Comment rejoindre une cellule d'entraide près de chez moi ?",
            "Retour d'expérience : créer son entreprise après 50 ans",
            "Quel podcast sur l'entrepreneuriat féminin écoutez-vous ?",
            "Organiser un apéro réseau dans mon atelier : bonne idée ?",
            "Partenariat avec une association locale : par où commencer ?",
            "Tester mon nouveau service auprès de quelques membres",
            "Bilan de ma première année : ce que j'aurais aimé savoir",
        ],
    };

    public static readonly string[] Details =
    [
        "Bonjour à toutes,\n\nJe me pose la question depuis quelques semaines et je tourne en rond. J'ai lu pas mal de choses en ligne, mais j'aimerais surtout des **retours d'expérience** de membres qui sont passées par là.\n\nMerci d'avance pour vos conseils !",
        "Bonjour,\n\nJe développe mon activité depuis quelques mois et je bloque sur ce point. Concrètement :\n\n- ce que j'ai déjà essayé ne donne pas grand-chose ;\n- je n'ai pas de budget pour un accompagnement payant ;\n- j'ai besoin d'y voir clair avant la fin du mois.\n\nToute piste est la bienvenue.",
        "Hello !\n\nPetite question pratique : comment faites-vous, vous ? J'ai l'impression de réinventer la roue alors que certaines d'entre vous ont sûrement trouvé une solution simple.\n\nUn grand merci, et au plaisir de vous croiser à la prochaine rencontre.",
        "Bonjour à toutes,\n\nNouvelle venue dans le réseau, je n'ose pas trop demander mais je me lance ! Je cherche un avis extérieur et bienveillant avant de prendre une décision qui engage mon entreprise pour plusieurs années.\n\nMerci de m'avoir lue.",
        "Bonsoir,\n\nJe sors d'un rendez-vous qui m'a laissée perplexe et j'aimerais confronter ce qu'on m'a dit à votre expérience. Si l'une d'entre vous connaît bien le sujet, je serais ravie d'échanger, ici ou autour d'un café.\n\nBelle soirée !",
    ];

    public static readonly string[] Answers =
    [
        "J'ai vécu exactement la même situation l'an dernier. Ce qui m'a aidée : prendre rendez-vous avec la CCI, c'est gratuit et ils sont de très bon conseil.",
        "Je peux t'envoyer le modèle que j'utilise, il m'a fait gagner un temps fou. Dis-moi si ça t'intéresse !",
        "Attention à bien lire les petites lignes. Je te conseille de demander un deuxième avis avant de signer quoi que ce soit.",
        "De mon côté, je fais appel à une experte du réseau sur ce sujet et j'en suis très contente. Je peux te mettre en relation.",
        "Il y a un atelier sur ce thème le mois prochain à la coordination, ça pourrait vraiment t'intéresser.",
        "Je suis passée par là il y a deux ans : commence petit, teste, et ajuste au fur et à mesure. L'important est de te lancer.",
        "Regarde du côté de ta région et des chambres consulaires : il existe souvent des dispositifs méconnus et gratuits.",
        "Je te recommande de noter tout ce que tu as déjà essayé, ça aide à voir ce qui marche. On peut en parler autour d'un café si tu veux !",
        "C'est mon métier, alors quelques points essentiels : sois claire sur ton objectif, fixe-toi un budget, et fais-toi accompagner sur la partie technique.",
        "Même question il y a six mois ! J'ai finalement choisi la solution la plus simple et je ne le regrette pas du tout.",
    ];

    /// <summary>Sophie Bernard's own requests (the README's demo member): one still waiting, one answered.</summary>
    public static readonly string[] SophieTitles =
    [
        "Quel outil simple pour prendre des rendez-vous en ligne ?",
        "Prêt d'honneur : comment préparer le passage en comité ?",
    ];

    public static readonly string[] SophieDetails =
    [
        "Je suis sophrologue et je gère encore mes rendez-vous par SMS. Je cherche un outil simple, pas trop cher, que mes clientes trouvent facile. Vos retours d'expérience ?",
        "Je passe devant le comité d'Initiative dans trois semaines pour un prêt d'honneur. Comment vous y êtes-vous préparées ? Qu'est-ce qui a compté ?",
    ];

    public const string ReportText = "Ressemble à une publicité pour une formation payante.";

    public const string HideReason = "Coordonnées personnelles d'une cliente dans la demande : masquée le temps que l'autrice les retire.";

    public static readonly string[] AskerReplies =
    [
        "Merci beaucoup pour vos réponses, je regarde tout ça de près !",
        "Précision : mon budget est très limité pour l'instant, si ça peut orienter vos conseils.",
    ];
}
