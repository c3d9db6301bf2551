# ruff: noqa: E501 - one labelled item per line reads better than wrapped data
"""Labelled evaluation set for matching: 60 French needs, 150+ actors.

Each topic (a human judgement of "what this is about": meeting rooms, a
professional kitchen, bookkeeping…) has a kind, themes, four actors in Lille
written in different words (plurals, accents, synonyms), the same offer once
in Roubaix (another territory: must come after) and once from an actor who
opted out of contact (must never appear). Each need of a topic is labelled
with that topic's four Lille actors: they are the ones that should come
first. The scorer never sees the topic: it has to find them from kinds,
words, themes and places. Thirty further actors make generic or unrelated
offers (noise), a few with hidden profiles.

`ACTORS` and `NEEDS` are built below from `TOPICS`; ids are stable strings.
"""

TERRITORIES = {
    "lille": ["Wazemmes", "Moulins", "Fives", "Vauban", "Lille-Sud", "Bois-Blancs", "Vieux-Lille"],
    "roubaix": ["Épeule", "Alma"],
}
THEMES = {
    "alimentation": "Alimentation", "solidarite": "Solidarité",
    "environnement": "Environnement", "culture": "Culture", "numerique": "Numérique",
    "jeunesse": "Jeunesse", "education": "Éducation", "mobilite": "Mobilité",
    "sante": "Santé", "economie": "Économie sociale",
}  # fmt: skip

# topic: (kind, themes, offers [(actor type, name, title, description, skill, neighbourhood)],
#         needs [(title, description, skill, neighbourhood)])
ORG, PER = "organisation", "person"
TOPICS = {
    "salle": ("premises", ["solidarite"], [
        (ORG, "Centre social Moulins", "Salle de réunion de 40 places", "Salle équipée d'un vidéoprojecteur, disponible en soirée pour les réunions associatives.", "", "Moulins"),
        (ORG, "Maison de quartier Wazemmes", "Salles pour vos assemblées", "Deux salles de réunions prêtées gratuitement aux collectifs du quartier.", "", "Wazemmes"),
        (ORG, "Mairie de quartier Fives", "Prêt d'une salle municipale", "Une salle polyvalente pour réunir vos adhérents le soir et le week-end.", "", "Fives"),
        (ORG, "Tiers-lieu La Filature", "Espace de réunion partagé", "Salle lumineuse pour ateliers et réunions, 25 personnes.", "", "Bois-Blancs"),
    ], [
        ("Une salle pour nos réunions mensuelles", "Nous réunissons une trentaine de bénévoles chaque mois et n'avons pas de lieu.", "", "Moulins"),
        ("Lieu pour l'assemblée générale", "Il nous faut une salle de 40 personnes pour notre AG en juin.", "", "Wazemmes"),
        ("Salle de réunion le mardi soir", "Le collectif cherche une salle pour se réunir chaque mardi.", "", "Fives"),
    ]),
    "cuisine": ("premises", ["alimentation"], [
        (ORG, "Restaurant solidaire Le Partage", "Cuisine professionnelle à partager", "Notre cuisine équipée (fourneaux, chambre froide) est libre l'après-midi.", "", "Wazemmes"),
        (ORG, "Lycée hôtelier Vauban", "Cuisines pédagogiques", "Les cuisines du lycée peuvent accueillir des ateliers culinaires pendant les vacances.", "", "Vauban"),
        (ORG, "Traiteur d'insertion Les Toqués", "Laboratoire de cuisine agréé", "Cuisine aux normes d'hygiène pour transformer des denrées.", "", "Lille-Sud"),
        (ORG, "Maison de quartier Moulins", "Cuisine équipée de la maison", "Une cuisine collective avec four et plaques pour des repas partagés.", "", "Moulins"),
    ], [
        ("Une cuisine équipée pour nos repas solidaires", "Nous préparons 80 repas chaque samedi et cherchons une cuisine aux normes.", "", "Wazemmes"),
        ("Cuisine pour ateliers culinaires", "Ateliers de cuisine anti-gaspillage avec des familles.", "", "Moulins"),
        ("Local de cuisine pour transformer des invendus", "Transformer des fruits et légumes invendus en confitures et soupes.", "", "Lille-Sud"),
    ]),
    "stockage": ("premises", ["solidarite"], [
        (ORG, "Banque alimentaire du Nord", "Entrepôt de stockage", "Espace de stockage sec et palettes disponibles.", "", "Lille-Sud"),
        (ORG, "Ressourcerie Fives", "Zone de stockage dans notre hangar", "Nous partageons une partie de notre hangar pour entreposer du matériel.", "", "Fives"),
        (PER, "Karim Benali", "Garage libre pour entreposer", "Mon garage fermé de 20 m² peut servir à stocker des cartons.", "", "Moulins"),
        (ORG, "Bailleur social LMH", "Caves et locaux de stockage", "Locaux en pied d'immeuble pour stocker du matériel associatif.", "", "Bois-Blancs"),
    ], [
        ("Un local pour stocker les denrées", "Nous cherchons un endroit sec pour entreposer des colis alimentaires.", "", "Moulins"),
        ("Stockage de vêtements collectés", "Nos dons de vêtements s'entassent : il nous faut un espace de stockage.", "", "Fives"),
        ("Garage ou cave pour notre matériel", "Stocker tables, tentes et outils entre deux événements.", "", "Lille-Sud"),
    ]),
    "atelier": ("premises", ["environnement"], [
        (ORG, "Fablab Les Bricoleurs", "Atelier bois avec établis", "Atelier partagé avec établis, scies et perceuses.", "", "Fives"),
        (ORG, "Repair café Wazemmes", "Atelier de réparation ouvert", "Notre atelier de bricolage accueille d'autres collectifs le jeudi.", "", "Wazemmes"),
        (ORG, "Compagnons bâtisseurs", "Atelier de menuiserie", "Un atelier équipé pour construire du mobilier.", "", "Lille-Sud"),
        (PER, "Lucie Martin", "Mon atelier de bricolage", "Petit atelier avec établi dans ma cour, prêté volontiers.", "", "Vauban"),
    ], [
        ("Un atelier pour fabriquer des bacs à compost", "Nous voulons construire des composteurs en bois de palette.", "", "Fives"),
        ("Atelier de bricolage pour réparer des vélos et objets", "Un lieu avec établis pour nos ateliers de réparation.", "", "Wazemmes"),
        ("Espace atelier pour construire du mobilier", "Fabriquer les meubles de notre futur tiers-lieu.", "", "Lille-Sud"),
    ]),
    "jardin": ("premises", ["environnement", "alimentation"], [
        (ORG, "Jardins partagés des Moulins", "Parcelles de jardin disponibles", "Quelques parcelles cultivables dans notre jardin partagé.", "", "Moulins"),
        (ORG, "Paroisse Saint-Maurice", "Terrain à cultiver", "Un terrain de 300 m² derrière la salle paroissiale, à jardiner.", "", "Fives"),
        (PER, "Monique Delattre", "Mon jardin à partager", "Grand jardin potager que je ne peux plus entretenir seule.", "", "Bois-Blancs"),
        (ORG, "Ville de Lille - espaces verts", "Friches et terrains pour jardins", "Mise à disposition de terrains pour des jardins collectifs.", "", "Lille-Sud"),
    ], [
        ("Un terrain pour un potager collectif", "Cultiver des légumes avec les habitants de la résidence.", "", "Moulins"),
        ("Parcelle pour jardin pédagogique", "Un bout de terrain pour jardiner avec les enfants de l'école.", "", "Bois-Blancs"),
        ("Jardins à cultiver pour des familles", "Des familles veulent cultiver leurs légumes.", "", "Fives"),
    ]),
    "velo": ("equipment", ["mobilite"], [
        (ORG, "L'Heureux Cyclage", "Vélos reconditionnés à prêter", "Flotte de vélos réparés prêtée aux associations.", "", "Wazemmes"),
        (ORG, "Droit au vélo ADAV", "Vélo cargo et remorques", "Prêt de vélos cargos et de remorques pour transporter du matériel.", "", "Vieux-Lille"),
        (PER, "Thomas Leroy", "Mon vélo-cargo disponible", "Je prête mon biporteur le week-end.", "", "Fives"),
        (ORG, "Atelier vélo Lille-Sud", "Vélos et pièces détachées", "Des vélos d'occasion et des pièces pour les remettre en état.", "", "Lille-Sud"),
    ], [
        ("Des vélos pour une vélo-école", "Apprendre à pédaler à des adultes : il nous faut une dizaine de vélos.", "", "Wazemmes"),
        ("Vélo cargo pour livrer les paniers", "Livrer les paniers de légumes sans voiture.", "", "Fives"),
        ("Remorque vélo pour transporter du matériel", "Transporter nos outils entre les jardins à vélo.", "", "Vieux-Lille"),
    ]),
    "informatique": ("equipment", ["numerique"], [
        (ORG, "Emmaüs Connect", "Ordinateurs reconditionnés", "Ordinateurs portables et smartphones reconditionnés à prix solidaire.", "", "Fives"),
        (ORG, "Entreprise Numérique Solidaire", "Dons de PC portables", "Notre entreprise donne ses anciens ordinateurs portables.", "", "Vieux-Lille"),
        (ORG, "Médiathèque Jean Lévy", "Prêt de tablettes numériques", "Tablettes et ordinateurs pour des ateliers numériques.", "", "Vauban"),
        (PER, "Julien Caron", "Ordinateur portable à donner", "Deux ordinateurs en bon état, Linux installé.", "", "Moulins"),
    ], [
        ("Ordinateurs pour un atelier d'initiation au numérique", "Initier des seniors à l'informatique : il nous manque des ordinateurs.", "", "Fives"),
        ("Des PC portables pour l'aide aux devoirs", "Des collégiens n'ont pas d'ordinateur à la maison.", "", "Moulins"),
        ("Tablettes pour des ateliers numériques", "Ateliers de démarches en ligne avec des tablettes.", "", "Vauban"),
    ]),
    "sono": ("equipment", ["culture"], [
        (ORG, "Collectif Son de Rue", "Sonorisation pour concerts", "Enceintes, table de mixage et micros pour vos concerts.", "", "Wazemmes"),
        (ORG, "Maison Folie Moulins", "Matériel son et lumière", "Prêt de matériel de sonorisation et d'éclairage scénique.", "", "Moulins"),
        (PER, "Antoine Dubois", "Mes enceintes et micros", "Je prête une petite sono et deux micros sans fil.", "", "Fives"),
        (ORG, "Radio Campus Lille", "Micros et enregistreurs", "Micros, enregistreurs et une sono portable.", "", "Vieux-Lille"),
    ], [
        ("Une sono pour la fête de quartier", "Il nous faut des enceintes et un micro pour la fête de juin.", "", "Wazemmes"),
        ("Matériel de sonorisation pour un concert", "Concert de jeunes musiciens : table de mixage et enceintes.", "", "Moulins"),
        ("Micros pour des lectures publiques", "Des micros et une petite sono pour lire des contes dehors.", "", "Fives"),
    ]),
    "barnum": ("equipment", ["culture"], [
        (ORG, "Comité des fêtes de Fives", "Barnums, tables et chaises", "Prêt de barnums, de tables et de chaises pliantes.", "", "Fives"),
        (ORG, "Mairie de quartier Vauban", "Tentes et barrières pour événements", "Matériel d'événement : tentes, barrières et grilles d'exposition.", "", "Vauban"),
        (ORG, "Association Les Guinguettes", "Tonnelles et mobilier de fête", "Tonnelles, bancs et tables pour vos fêtes.", "", "Bois-Blancs"),
        (PER, "Sophie Lambert", "Barnum 3x3 à prêter", "J'ai un barnum et six chaises pliantes.", "", "Moulins"),
    ], [
        ("Des tables et chaises pour un repas de rue", "Repas partagé dans la rue pour 150 voisins.", "", "Fives"),
        ("Barnums pour le marché de producteurs", "Abriter les stands du marché en cas de pluie.", "", "Moulins"),
        ("Tentes pour la fête de l'été", "Il faut des tentes et des tables pour la fête.", "", "Bois-Blancs"),
    ]),
    "compta": ("skills", ["economie"], [
        (PER, "Nadia Haddad", "Tenue de la comptabilité associative", "Comptable à la retraite, j'aide les associations à tenir leurs comptes.", "Comptabilité", "Wazemmes"),
        (ORG, "Cabinet Expertise Solidaire", "Bilans et comptes annuels", "Nos experts-comptables font gratuitement le bilan de petites associations.", "Comptabilité", "Vieux-Lille"),
        (PER, "Pierre Vasseur", "Aide au budget et à la trésorerie", "Je peux construire votre budget prévisionnel et suivre la trésorerie.", "Gestion financière", "Fives"),
        (PER, "Fatou Diallo", "Comptable bénévole", "Saisie comptable et préparation du bilan.", "Comptabilité", "Moulins"),
    ], [
        ("Un ou une comptable pour notre bilan", "Personne dans l'équipe ne sait faire la comptabilité de l'association.", "comptabilité", "Wazemmes"),
        ("Aide pour tenir les comptes", "Nous avons besoin d'aide pour la comptabilité et le budget.", "comptabilité", "Moulins"),
        ("Budget prévisionnel et trésorerie", "Construire notre budget et suivre la trésorerie de l'épicerie.", "gestion financière", "Fives"),
    ]),
    "web": ("skills", ["numerique"], [
        (PER, "Maxime Petit", "Création de sites internet", "Développeur web, je crée des sites simples pour les associations.", "Développement web", "Fives"),
        (ORG, "Coopérative Code Commun", "Développement web solidaire", "Nous développons sites et applications web pour l'ESS.", "Développement web", "Vieux-Lille"),
        (PER, "Léa Moreau", "Mise en ligne de votre site", "Je monte des sites WordPress et forme les bénévoles à les mettre à jour.", "Site internet", "Wazemmes"),
        (PER, "Hugo Bernard", "Développeur bénévole", "Développement de sites internet et d'outils en ligne.", "Développement web", "Moulins"),
    ], [
        ("Créer le site internet de l'association", "Notre site est en panne, il nous faut un développeur web.", "site internet", "Fives"),
        ("Un site web pour la recyclerie", "Présenter nos horaires et notre boutique en ligne.", "développement web", "Wazemmes"),
        ("Développeuse ou développeur pour une carte en ligne", "Une carte interactive des points de collecte sur notre site.", "développement web", "Moulins"),
    ]),
    "graphisme": ("skills", ["culture"], [
        (PER, "Camille Roussel", "Graphiste : affiches et logos", "Je dessine des affiches, des flyers et des logos.", "Graphisme", "Wazemmes"),
        (ORG, "Studio Graphique Nord", "Identité visuelle pour associations", "Création de logo et de charte graphique.", "Graphisme", "Vieux-Lille"),
        (PER, "Inès Mercier", "Illustration et mise en page", "Illustratrice, je mets en page vos affiches et brochures.", "Illustration", "Moulins"),
        (PER, "Baptiste Morel", "Création d'affiches", "Graphisme d'affiches et de visuels pour réseaux sociaux.", "Graphisme", "Fives"),
    ], [
        ("Une affiche pour le festival", "Il nous faut un ou une graphiste pour l'affiche et les flyers.", "graphisme", "Wazemmes"),
        ("Créer notre logo", "Un logo pour la nouvelle association de locataires.", "graphisme", "Fives"),
        ("Mise en page d'une brochure illustrée", "Brochure de recettes illustrée à mettre en page.", "illustration", "Moulins"),
    ]),
    "menuiserie": ("skills", ["environnement"], [
        (PER, "Jean-Marc Lefebvre", "Menuisier bénévole", "Menuisier retraité, je construis bacs, étagères et bancs.", "Menuiserie", "Fives"),
        (PER, "Olivier Blanchard", "Construction en bois de palette", "Je fabrique du mobilier en palettes récupérées.", "Menuiserie", "Wazemmes"),
        (ORG, "Chantier d'insertion Bois & Co", "Travaux de menuiserie", "Notre équipe réalise des travaux de menuiserie pour les associations.", "Menuiserie", "Lille-Sud"),
        (PER, "Yasmine Cherif", "Bricolage et petite menuiserie", "Charpente légère, bricolage, assemblage.", "Bricolage", "Moulins"),
    ], [
        ("Construire des bacs potagers en bois", "Il faut un menuisier pour fabriquer six bacs surélevés.", "menuiserie", "Fives"),
        ("Fabriquer des bancs pour la place", "Construire des bancs en palettes avec les habitants.", "menuiserie", "Wazemmes"),
        ("Étagères pour la bibliothèque de rue", "Construire des étagères en bois pour une boîte à livres.", "menuiserie", "Moulins"),
    ]),
    "traduction": ("skills", ["education", "solidarite"], [
        (PER, "Samira Khelifi", "Traduction arabe-français", "Je traduis documents et entretiens entre l'arabe et le français.", "Traduction", "Moulins"),
        (PER, "Olga Ivanova", "Interprète russe et ukrainien", "Interprétariat pour l'accueil de familles ukrainiennes.", "Traduction", "Fives"),
        (ORG, "Association Langues Partagées", "Traducteurs bénévoles", "Réseau de traducteurs bénévoles en dix langues.", "Traduction", "Vieux-Lille"),
        (PER, "Daniel Okafor", "Traduction anglais", "Traduction de documents de l'anglais vers le français.", "Traduction", "Wazemmes"),
    ], [
        ("Traduire nos documents en arabe", "Traduire le livret d'accueil pour les familles arabophones.", "traduction", "Moulins"),
        ("Interprète pour accueillir des familles ukrainiennes", "Besoin d'une personne qui parle ukrainien ou russe.", "traduction", "Fives"),
        ("Traductions en anglais du site", "Traduire notre présentation en anglais.", "traduction", "Wazemmes"),
    ]),
    "distribution": ("volunteers", ["alimentation", "solidarite"], [
        (ORG, "Restos du cœur Lille", "Bénévoles pour distributions alimentaires", "Nos bénévoles renforcent les distributions de colis alimentaires.", "", "Moulins"),
        (PER, "Martine Caudron", "Disponible pour les distributions", "Je donne deux matinées par semaine pour distribuer des repas.", "", "Wazemmes"),
        (ORG, "Secours populaire Fives", "Équipe de bénévoles pour la collecte", "Collectes et distributions de denrées avec nos bénévoles.", "", "Fives"),
        (PER, "Ahmed Saidi", "Bénévole pour maraudes", "Maraudes et distribution de repas chauds le soir.", "", "Lille-Sud"),
    ], [
        ("Bénévoles pour distribuer des colis alimentaires", "Distribution chaque jeudi : il nous manque des bras.", "", "Moulins"),
        ("Des bénévoles pour la maraude du soir", "Distribuer repas chauds et couvertures le soir.", "", "Lille-Sud"),
        ("Renforts pour la collecte de la banque alimentaire", "Collecte nationale : tenir les stands dans les supermarchés.", "", "Fives"),
    ]),
    "devoirs": ("volunteers", ["education", "jeunesse"], [
        (PER, "Claire Fontaine", "Aide aux devoirs", "Professeure retraitée, disponible pour l'aide aux devoirs.", "", "Wazemmes"),
        (ORG, "AFEV Lille", "Étudiants pour le soutien scolaire", "Des étudiants accompagnent des élèves dans leur scolarité.", "", "Vieux-Lille"),
        (PER, "Rachid Amrani", "Soutien scolaire en maths", "Je donne des cours de soutien en mathématiques.", "", "Fives"),
        (PER, "Élodie Garnier", "Accompagnement scolaire", "Accompagnement à la scolarité pour collégiens.", "", "Moulins"),
    ], [
        ("Bénévoles pour l'aide aux devoirs", "Des enfants du quartier ont besoin d'aide pour leurs devoirs.", "", "Wazemmes"),
        ("Soutien scolaire pour collégiens", "Accompagner des collégiens en français et en maths.", "", "Moulins"),
        ("Accompagnement à la scolarité", "Un accompagnement scolaire le mercredi après-midi.", "", "Fives"),
    ]),
    "juridique": ("expertise", ["economie"], [
        (ORG, "Maison des associations", "Conseils juridiques aux associations", "Permanences sur les statuts, la gouvernance et le droit associatif.", "Droit associatif", "Vauban"),
        (PER, "Maître Hélène Roche", "Avocate bénévole", "Conseil juridique en droit des associations et des contrats.", "Droit", "Vieux-Lille"),
        (ORG, "Dispositif local d'accompagnement", "Accompagnement juridique et statuts", "Aide à la rédaction des statuts et au choix de la forme juridique.", "Droit associatif", "Fives"),
        (PER, "Paul Girard", "Juriste en économie sociale", "Conseils sur les statuts de coopérative et d'association.", "Droit", "Wazemmes"),
    ], [
        ("Conseils pour rédiger nos statuts", "Nous créons l'association et voulons de l'aide pour les statuts.", "", "Vauban"),
        ("Un avis juridique sur un contrat de bail", "Relire le contrat avant de signer le bail du local.", "", "Vieux-Lille"),
        ("Choisir la forme juridique : association ou coopérative ?", "Hésitation entre association et SCIC.", "", "Wazemmes"),
    ]),
    "subvention": ("expertise", ["economie"], [
        (ORG, "France Active Nord", "Accompagnement au financement", "Nous aidons à monter les dossiers de subvention et de prêt.", "Financement", "Vieux-Lille"),
        (PER, "Catherine Delmas", "Montage de dossiers de subvention", "Ancienne chargée de mission, je relis vos demandes de subvention.", "Subventions", "Moulins"),
        (ORG, "Réseau des entrepreneurs solidaires", "Mentorat pour projets solidaires", "Des mentors pour structurer votre modèle économique et vos financements.", "Modèle économique", "Fives"),
        (PER, "Marc Dupuis", "Conseil en recherche de financements", "Je vous aide à trouver des financeurs et à rédiger les dossiers.", "Subventions", "Wazemmes"),
    ], [
        ("Aide pour monter un dossier de subvention", "Première demande de subvention à la région : nous sommes perdus.", "", "Moulins"),
        ("Un mentor pour notre modèle économique", "Rendre l'épicerie viable : trouver un modèle économique.", "", "Fives"),
        ("Conseils pour trouver des financeurs", "Qui financer notre projet ? Nous cherchons des conseils.", "", "Wazemmes"),
    ]),
    "financement": ("funding", ["solidarite"], [
        (ORG, "Fondation du Nord", "Subventions aux projets solidaires", "Appel à projets annuel pour les initiatives de solidarité.", "", "Vieux-Lille"),
        (ORG, "Crédit Coopératif", "Mécénat et prêts solidaires", "Mécénat d'entreprise et microcrédit pour les associations.", "", "Vauban"),
        (ORG, "Fonds de participation des habitants", "Petites subventions pour initiatives d'habitants", "Jusqu'à 1 500 € pour un projet porté par des habitants.", "", "Moulins"),
        (ORG, "Entreprise Lesaffre", "Mécénat financier", "Notre entreprise soutient financièrement des projets locaux.", "", "Fives"),
    ], [
        ("Financement pour lancer l'épicerie solidaire", "Il manque 5 000 euros pour ouvrir l'épicerie.", "", "Moulins"),
        ("Un mécène pour le festival", "Recherche de mécénat pour financer le festival de quartier.", "", "Fives"),
        ("Subvention pour la fête des voisins", "Une petite subvention pour financer la fête.", "", "Vauban"),
    ]),
    "communication": ("communication", ["culture"], [
        (ORG, "Radio Boomerang", "Annonces à la radio locale", "Nous parlons de vos projets à l'antenne et dans l'agenda.", "", "Wazemmes"),
        (ORG, "Journal La Brique", "Articles dans le journal local", "Nos journalistes relaient les initiatives du quartier.", "", "Moulins"),
        (PER, "Chloé Vidal", "Community manager bénévole", "J'anime vos réseaux sociaux et rédige vos publications.", "Réseaux sociaux", "Fives"),
        (ORG, "Agence Com'Ensemble", "Relations presse et réseaux sociaux", "Communiqués de presse et campagnes sur les réseaux sociaux.", "", "Vieux-Lille"),
    ], [
        ("Faire connaître notre projet à la radio et dans la presse", "Passer à la radio et dans le journal local.", "", "Wazemmes"),
        ("Animer nos réseaux sociaux", "Publier régulièrement sur nos réseaux sociaux.", "", "Fives"),
        ("Un article dans le journal local", "Faire parler du jardin dans la presse.", "", "Moulins"),
    ]),
}  # fmt: skip

# Thirty unrelated or generic offers (noise); "hidden" ones must never appear.
NOISE = [
    (PER, f"Voisin {i}", title, desc, "", hood, flags)
    for i, (title, desc, hood, flags) in enumerate(
        [
            ("Coup de main le week-end", "Disponible pour aider ponctuellement.", "Moulins", ""),
            ("Cours de yoga", "Séances de yoga en plein air.", "Fives", ""),
            ("Promenades de chiens", "Je promène les chiens du quartier.", "Wazemmes", ""),
            ("Tricot et couture", "Atelier tricot le jeudi.", "Vauban", ""),
            ("Photographie", "Photos de vos événements.", "Moulins", ""),
            ("Jeux de société", "Soirées jeux pour tous.", "Bois-Blancs", ""),
            ("Covoiturage", "Trajets vers la métropole.", "Lille-Sud", ""),
            ("Cours de guitare", "Initiation à la guitare.", "Fives", ""),
            ("Garde d'enfants", "Baby-sitting ponctuel.", "Wazemmes", "hidden"),
            ("Lecture à voix haute", "Lecture pour les aînés.", "Vieux-Lille", ""),
            ("Ménage solidaire", "Aide au ménage pour les personnes âgées.", "Moulins", "hidden"),
            ("Visites de courtoisie", "Rendre visite aux personnes isolées.", "Fives", ""),
            ("Randonnées", "Organisation de randonnées.", "Vauban", ""),
            ("Aide aux courses", "Faire les courses des voisins.", "Lille-Sud", ""),
            ("Cours de danse", "Danse africaine pour débutants.", "Wazemmes", ""),
        ]
    )
] + [
    (ORG, name, title, desc, "", hood, "")
    for name, title, desc, hood in [
        (
            "Club de foot de Fives",
            "Terrain de foot le dimanche",
            "Créneaux sur notre terrain synthétique.",
            "Fives",
        ),
        (
            "Théâtre du Prato",
            "Places de spectacle offertes",
            "Invitations pour les habitants.",
            "Moulins",
        ),
        (
            "Pharmacie Centrale",
            "Trousses de premiers secours",
            "Dons de trousses de secours.",
            "Vauban",
        ),
        (
            "Piscine Marx Dormoy",
            "Créneaux de piscine",
            "Accès à la piscine pour des groupes.",
            "Bois-Blancs",
        ),
        (
            "Bibliothèque de Wazemmes",
            "Prêt de livres et de jeux",
            "Malles de livres pour vos animations.",
            "Wazemmes",
        ),
        (
            "Auto-école sociale",
            "Permis de conduire solidaire",
            "Cours de code à tarif réduit.",
            "Lille-Sud",
        ),
        (
            "Clinique vétérinaire",
            "Soins pour animaux",
            "Consultations à prix réduit.",
            "Vieux-Lille",
        ),
        ("Boulangerie Paul", "Pain invendu", "Dons de pain en fin de journée.", "Moulins"),
        ("Cinéma L'Univers", "Projection de films", "Séances de cinéma associatives.", "Moulins"),
        (
            "Musée d'histoire naturelle",
            "Visites guidées gratuites",
            "Visites pour des groupes scolaires.",
            "Vauban",
        ),
        (
            "Centre de santé",
            "Dépistages gratuits",
            "Journées de dépistage dans les quartiers.",
            "Fives",
        ),
        (
            "Salle d'escalade",
            "Séances d'escalade",
            "Initiation à l'escalade pour les jeunes.",
            "Bois-Blancs",
        ),
        ("Conservatoire", "Cours de musique", "Cours collectifs de musique.", "Vieux-Lille"),
        ("Club d'échecs", "Initiation aux échecs", "Ateliers d'échecs pour enfants.", "Wazemmes"),
        ("Ludothèque", "Prêt de jouets", "Jouets pour vos fêtes d'enfants.", "Fives"),
    ]
]
NOISE_KIND = "volunteers"


def actors() -> list[dict]:
    """Every actor: id, type, name, territory, neighbourhood, themes, offer, contactable, hidden."""
    result = []
    for topic, (kind, themes, offers, _needs) in TOPICS.items():
        for i, (atype, name, title, desc, skill, hood) in enumerate(offers):
            base = {
                "type": atype, "name": name, "territory": "lille", "neighbourhood": hood,
                "themes": themes, "kind": kind, "title": title, "description": desc,
                "skill": skill, "contactable": True, "hidden": False, "verified": i % 2 == 0,
            }  # fmt: skip
            result.append({"id": f"{topic}-{i + 1}", **base})
        atype, name, title, desc, skill, _hood = offers[0]
        result.append(
            {"id": f"{topic}-roubaix", "type": atype, "name": f"{name} (Roubaix)",
             "territory": "roubaix", "neighbourhood": "Épeule", "themes": themes, "kind": kind,
             "title": title, "description": desc, "skill": skill, "contactable": True,
             "hidden": False, "verified": True}
        )  # fmt: skip
        atype, name, title, desc, skill, hood = offers[1]
        result.append(
            {"id": f"{topic}-optout", "type": atype, "name": f"{name} bis", "territory": "lille",
             "neighbourhood": hood, "themes": themes, "kind": kind, "title": title,
             "description": desc, "skill": skill, "contactable": False, "hidden": False,
             "verified": True}
        )  # fmt: skip
    for i, (atype, name, title, desc, skill, hood, flags) in enumerate(NOISE):
        result.append(
            {"id": f"noise-{i + 1}", "type": atype, "name": name, "territory": "lille",
             "neighbourhood": hood, "themes": [], "kind": NOISE_KIND, "title": title,
             "description": desc, "skill": skill, "contactable": True,
             "hidden": flags == "hidden", "verified": False}
        )  # fmt: skip
    return result


def needs() -> list[dict]:
    """Every need: id, kind, title, description, skill, neighbourhood, themes, relevant ids."""
    result = []
    for topic, (kind, themes, offers, topic_needs) in TOPICS.items():
        relevant = [f"{topic}-{i + 1}" for i in range(len(offers))]
        for j, (title, desc, skill, hood) in enumerate(topic_needs):
            result.append(
                {"id": f"{topic}-need-{j + 1}", "kind": kind, "title": title,
                 "description": desc, "skill": skill, "neighbourhood": hood,
                 "themes": themes, "relevant": relevant}
            )  # fmt: skip
    return result
