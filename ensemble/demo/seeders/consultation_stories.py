"""The stories of the demo consultations (seeded by `consultations.py`).

* Sceaux, "Parlons Ensemble de Sceaux": finished (only the results follow-up
  is running), charter v1 and v2, twelve contributions (some recorded at two
  workshops), supports, comments, an answer with its reasons for every one
  (some revised), a duplicate merged, three results (a parent and two
  children) carried by the demo projects; the repair café was born from a
  contribution.
* Sceaux, "Quelles mobilités douces pour Sceaux ?": open, in its collect
  phase, with a workshop planned for its workshops phase.
* Sceaux, "Simplifier l'accueil du public en mairie": internal (agents only).
* Lyon, "Lyon, ville plus fraîche": in its workshops phase, with an upcoming
  workshop open for registration.
"""

from decimal import Decimal

CHARTER_V1 = (
    "## Qui peut participer ?\n\nToute personne qui habite, travaille ou étudie à Sceaux.\n\n"
    "## Que deviennent les contributions ?\n\nChaque problème et chaque idée est étudié par "
    "les services de la ville, puis reçoit une **réponse publique et motivée**, même quand la "
    "réponse est non.\n\n## Quand viennent les réponses ?\n\nSous 60 jours après la fin des "
    "ateliers."
)
CHARTER_V2 = CHARTER_V1.replace("Sous 60 jours", "Sous 90 jours") + (
    "\n\n## Les ateliers\n\nLes animateurs saisissent les propositions des groupes en leur nom, "
    "avec le nombre de participants : la participation en personne compte autant qu'en ligne."
)

# Days are counted back from today (negative: in the past).
CONSULTATIONS = [
    {
        "territory": "sceaux", "title": "Parlons Ensemble de Sceaux",
        "question": "Quels lieux et quels projets pour mieux vivre ensemble à Sceaux ?",
        "description": (
            "Pendant trois mois, la ville a demandé aux Scéens ce qui leur manque pour **faire "
            "ensemble** : des lieux pour se rencontrer, des projets à rejoindre, des savoir-faire "
            "à partager.\n\n1 400 habitants ont participé, dont 400 en ateliers."
        ),
        "themes": ["democratie", "cadre-de-vie", "solidarite"],
        "created_by": "mairie@sceaux.demo",
        # kind, start day, end day (None: open-ended)
        "phases": [("collect", -430, -388), ("workshops", -388, -360),
                   ("arbitration", -360, -330), ("follow_up", -330, None)],
        "charters": [
            (CHARTER_V1, "", 60, -431),
            (CHARTER_V2, "Délai de réponse porté de 60 à 90 jours, à la demande des services "
             "pour étudier sérieusement chaque proposition ; les propositions des ateliers sont "
             "saisies par les animateurs.", 90, -400),
        ],
        "workshops": [
            {"title": "Atelier : des lieux pour se rencontrer", "day": -380, "capacity": 40,
             "address": "Salle des fêtes, 41 rue Houdan", "present": 46,
             "facilitators": ["agent@sceaux.demo"],
             "registered": ["camille@sceaux.demo", "yanis@sceaux.demo", "lea@sceaux.demo"]},
            {"title": "Atelier : partager ses savoir-faire", "day": -370, "capacity": 40,
             "address": "Médiathèque, 7 rue Honoré-de-Balzac", "present": 38,
             "facilitators": ["agent@sceaux.demo", "mairie@sceaux.demo"],
             "registered": ["lea@sceaux.demo", "moderation@sceaux.demo"]},
        ],
        "contributions": [
            {"key": "lieux", "kind": "problem", "author": "camille@sceaux.demo", "day": -425,
             "title": "Pas de lieu pour se retrouver entre voisins aux Blagis",
             "body": "Aux Blagis, il n'y a ni café ni salle ouverte le soir. Les voisins ne se "
             "croisent que dans l'ascenseur. Un lieu simple, ouvert à tous, changerait la vie "
             "du quartier.", "neighbourhood": "Les Blagis", "themes": ["cadre-de-vie"],
             "supporters": ["yanis@sceaux.demo", "lea@sceaux.demo", "moderation@sceaux.demo"],
             "answers": [("accepted", "Le besoin est partagé par de nombreux habitants des Blagis. "
                          "La ville ouvre le local du 12 rue des Blagis deux soirs par semaine "
                          "et le prête aux associations du quartier, dont les jardiniers.",
                          "Conseil municipal du 14 mars", None, "À partir de septembre", -320)]},
            {"key": "jardins", "kind": "idea", "author": "lea@sceaux.demo", "day": -420,
             "title": "Des jardins partagés au pied des immeubles",
             "body": "Transformer les pelouses inutilisées en **potagers partagés**, cultivés "
             "par les habitants avec l'aide d'une association.", "neighbourhood": "Les Blagis",
             "themes": ["environnement", "jardins-partages"],
             "supporters": ["camille@sceaux.demo", "yanis@sceaux.demo", "moderation@sceaux.demo",
                            "agent@sceaux.demo"],
             "followers": ["mairie@sceaux.demo"],
             "answers": [("accepted", "Retenu. Le bailleur a donné son accord pour douze "
                          "parcelles aux Blagis ; la ville finance les bacs, le compost et "
                          "l'arrivée d'eau, l'association Les Jardiniers des Blagis anime.",
                          "Conseil municipal du 14 mars", Decimal("18000"), "Printemps",
                          -325)]},
            {"key": "jardins-bis", "kind": "idea", "author": "yanis@sceaux.demo", "day": -410,
             "title": "Plus de jardins partagés dans la ville",
             "body": "Il faudrait des jardins partagés dans tous les quartiers, pas seulement "
             "au centre.", "merged_into": "jardins", "supporters": ["camille@sceaux.demo"],
             "answers": [("merged", "Cette idée rejoint « Des jardins partagés au pied des "
                          "immeubles » : nous les avons réunies pour y répondre ensemble. Ses "
                          "soutiens restent comptés ici, et son auteur devient coauteur.",
                          "", None, "", -340)]},
            {"key": "repair", "kind": "idea", "author": "yanis@sceaux.demo", "day": -415,
             "title": "Un atelier pour réparer plutôt que jeter",
             "body": "Un samedi par mois, des bénévoles aideraient à réparer petit "
             "électroménager, vélos et vêtements.", "neighbourhood": "Centre-ville",
             "themes": ["economie-locale", "environnement"],
             "supporters": ["camille@sceaux.demo", "lea@sceaux.demo", "mairie@sceaux.demo"],
             "comments": [("lea@sceaux.demo", "Je peux venir réparer les vélos !"),
                          ("agent@sceaux.demo", "Une salle pourrait être prêtée le samedi.")],
             "answers": [("under_study", "Nous cherchons une salle disponible un samedi par "
                          "mois et une assurance pour les bénévoles ; réponse définitive après "
                          "l'avis du service des assurances.", "", None, "", -345),
                         ("accepted", "Retenu : la salle des fêtes est prêtée le premier samedi "
                          "du mois et la ville assure les bénévoles. Le Repair café de Sceaux "
                          "porte le projet, il est né de cette contribution.",
                          "Maire adjoint à la vie associative", Decimal("1200"), "Dès janvier",
                          -300)]},
            {"key": "trottoirs", "kind": "problem", "author": "camille@sceaux.demo", "day": -418,
             "title": "Les trottoirs de la rue Houdan sont encombrés",
             "body": "Poussettes et fauteuils roulants doivent descendre sur la chaussée à cause "
             "des terrasses et des poubelles.", "neighbourhood": "Centre-ville",
             "themes": ["mobilite"], "supporters": ["moderation@sceaux.demo", "lea@sceaux.demo"],
             "answers": [("partially_accepted", "Les terrasses devront laisser 1,40 m de passage "
                          "(nouvel arrêté). Les poubelles restent sorties aux heures de collecte : "
                          "la collecte est une compétence du territoire Vallée Sud.",
                          "Arrêté municipal du 2 avril", None, "", -318)]},
            {"key": "navette", "kind": "idea", "author": "moderation@sceaux.demo", "day": -412,
             "title": "Une navette gratuite le dimanche vers le marché",
             "body": "Beaucoup de personnes âgées ne peuvent plus venir au marché à pied.",
             "themes": ["mobilite", "solidarite"], "supporters": ["camille@sceaux.demo"],
             "answers": [("rejected", "Non retenu : une navette coûterait environ 60 000 € par "
                          "an pour une quinzaine de voyageurs estimés. La ville étend plutôt le "
                          "transport solidaire à la demande du CCAS, gratuit et porte à porte.",
                          "Bureau municipal du 20 mars", Decimal("60000"), "", -319)]},
            {"key": "bancs", "kind": "idea", "author": "lea@sceaux.demo", "day": -405,
             "title": "Des bancs le long de la coulée verte",
             "body": "Pour se reposer pendant la promenade, tous les 300 mètres.",
             "neighbourhood": "Robinson", "themes": ["cadre-de-vie"],
             "supporters": ["yanis@sceaux.demo"],
             "answers": [("already_done", "C'est déjà fait : quatorze bancs ont été installés "
                          "le long de la coulée verte au printemps dernier par le Département, "
                          "nous avons ajouté leur emplacement au plan de la ville.",
                          "", None, "", -328)]},
            {"key": "jeunes", "kind": "problem", "workshop": 0, "group_size": 8, "day": -380,
             "author": "agent@sceaux.demo",
             "title": "Les jeunes manquent d'un lieu à eux le soir",
             "body": "Le groupe (8 personnes dont 3 lycéens) constate qu'après 19 h les jeunes "
             "n'ont nulle part où aller, hors des cafés.", "themes": ["jeunesse"],
             "supporters": ["camille@sceaux.demo", "yanis@sceaux.demo"],
             "answers": [("partially_accepted", "Le point information jeunesse ouvrira jusqu'à "
                          "21 h le vendredi. Un lieu dédié chaque soir n'est pas possible cette "
                          "année faute de local et d'animateurs.", "Conseil municipal du 14 mars",
                          None, "Rentrée", -322)]},
            {"key": "annuaire", "kind": "idea", "workshop": 0, "group_size": 6, "day": -380,
             "author": "agent@sceaux.demo",
             "title": "Un annuaire des savoir-faire des habitants",
             "body": "Le groupe propose que chacun puisse dire ce qu'il sait faire et proposer "
             "son aide à des projets du quartier.", "themes": ["solidarite"],
             "supporters": ["lea@sceaux.demo", "camille@sceaux.demo", "moderation@sceaux.demo"],
             "answers": [("accepted", "Retenu : c'est l'objet même de la plateforme Ensemble, "
                          "où chaque habitant peut indiquer ses compétences et les projets "
                          "publier leurs besoins.", "Conseil municipal du 14 mars", None, "",
                          -321)]},
            {"key": "salles", "kind": "problem", "workshop": 1, "group_size": 7, "day": -370,
             "author": "agent@sceaux.demo",
             "title": "Les associations ne savent pas où trouver une salle",
             "body": "Le groupe relève que les salles municipales sont réservées par téléphone, "
             "sans visibilité sur les disponibilités.", "themes": ["democratie"],
             "supporters": ["lea@sceaux.demo", "yanis@sceaux.demo"],
             "answers": [("under_study", "Le service vie associative recense les salles et "
                          "leurs créneaux libres ; nous reviendrons vers vous avec une "
                          "proposition d'ici deux mois.", "", None, "", -340),
                         ("partially_accepted", "Les disponibilités des quatre salles "
                          "municipales sont publiées chaque semaine ; la réservation en ligne "
                          "attendra le nouveau logiciel de la mairie, prévu l'an prochain.",
                          "Service vie associative", None, "L'an prochain", -290)]},
            {"key": "fete", "kind": "idea", "workshop": 1, "group_size": 5, "day": -370,
             "author": "mairie@sceaux.demo",
             "title": "Une fête des voisins soutenue par la ville",
             "body": "Le groupe propose que la ville prête tables, chaises et sono pour les fêtes "
             "de voisins.", "themes": ["culture"], "supporters": ["camille@sceaux.demo"],
             "answers": [("already_done", "C'est déjà possible : le prêt de matériel pour les "
                          "fêtes de voisins existe depuis 2019, sur simple demande au service "
                          "des fêtes. Nous l'avons mieux fait connaître.", "", None, "", -326)]},
            {"key": "compost", "kind": "idea", "author": "camille@sceaux.demo", "day": -400,
             "title": "Un composteur collectif dans chaque quartier",
             "body": "Pour réduire les déchets et fournir du compost aux jardins.",
             "themes": ["environnement"], "supporters": ["lea@sceaux.demo"],
             "comments": [("yanis@sceaux.demo", "Il y en a un aux Blagis, il marche très bien.")],
             "answers": [("rejected", "Non retenu sous cette forme : le compostage relève du "
                          "territoire Vallée Sud – Grand Paris, qui distribue des composteurs "
                          "gratuits. Les jardins partagés des Blagis accueillent un composteur "
                          "ouvert à tous.", "", None, "", -317)]},
        ],
        "results": [
            {"key": "parent", "title": "Des lieux pour se rencontrer et partager ses savoir-faire",
             "description": "Ce que la consultation a changé : des lieux ouverts, animés par "
             "les habitants.", "status": "in_progress", "progress": 90,
             "contributions": ["lieux", "annuaire"], "projects": [], "day": -315,
             "updates": [("Lancement", "in_progress", 40, -300)]},
            {"key": "jardins", "parent": "parent", "title": "Jardins partagés aux Blagis",
             "description": "Douze parcelles cultivées ensemble.", "status": "in_progress",
             "progress": 80, "contributions": ["jardins"],
             "projects": ["Jardins partagés des Blagis"], "day": -315,
             "updates": [("Les bacs sont installés", "in_progress", 50, -250),
                         ("Arrivée d'eau et compost", "in_progress", 80, -120)]},
            {"key": "repair", "parent": "parent", "title": "Un repair café chaque mois",
             "description": "Le premier samedi du mois, salle des fêtes.", "status": "done",
             "progress": 100, "contributions": ["repair"], "projects": ["Repair café de Sceaux"],
             "day": -300,
             "updates": [("Première séance", "in_progress", 50, -270),
                         ("120 objets réparés", "done", 100, -60)]},
        ],
        "origin": {"Repair café de Sceaux": "repair"},
    },
    {
        "territory": "sceaux", "title": "Quelles mobilités douces pour Sceaux ?",
        "question": "Comment mieux se déplacer à pied et à vélo dans Sceaux ?",
        "description": "Trottoirs, pistes cyclables, stationnement vélo : dites-nous ce qui "
        "vous gêne et ce que vous proposez. Des ateliers suivront.",
        "themes": ["mobilite", "cadre-de-vie"], "created_by": "agent@sceaux.demo",
        "phases": [("collect", -12, 30), ("workshops", 30, 58), ("arbitration", 58, 88),
                   ("follow_up", 88, None)],
        "charters": [(CHARTER_V2, "", 90, -13)],
        "workshops": [
            {"title": "Atelier : se mettre à la place d'un piéton", "day": 35, "capacity": 25,
             "address": "Salle des fêtes, 41 rue Houdan", "present": None,
             "facilitators": ["agent@sceaux.demo"], "registered": []},
        ],
        "contributions": [
            {"key": "gare", "kind": "problem", "author": "camille@sceaux.demo", "day": -10,
             "title": "Traverser l'avenue de la Gare à vélo est dangereux",
             "body": "Aucune bande cyclable, des voitures rapides : mes enfants n'osent pas aller "
             "au collège à vélo.", "neighbourhood": "Centre-ville", "themes": ["mobilite"],
             "supporters": ["yanis@sceaux.demo", "lea@sceaux.demo", "moderation@sceaux.demo"],
             "followers": ["agent@sceaux.demo"]},
            {"key": "arceaux", "kind": "idea", "author": "yanis@sceaux.demo", "day": -9,
             "title": "Des arceaux vélos devant les commerces du centre",
             "body": "On ne sait jamais où attacher son vélo rue Houdan.",
             "neighbourhood": "Centre-ville", "themes": ["mobilite"],
             "supporters": ["camille@sceaux.demo", "lea@sceaux.demo"],
             "comments": [("camille@sceaux.demo", "Oui, et couverts si possible !")]},
            {"key": "velo-ecole", "kind": "idea", "author": "lea@sceaux.demo", "day": -7,
             "title": "Une vélo-école pour les adultes",
             "body": "Beaucoup d'adultes n'ont jamais appris à faire du vélo en ville.",
             "themes": ["mobilite", "sport"], "supporters": ["camille@sceaux.demo"]},
            {"key": "robinson", "kind": "problem", "author": "moderation@sceaux.demo",
             "day": -5, "title": "Des trottoirs trop étroits vers le RER Robinson",
             "body": "Entre la gare et l'école, on marche à la file indienne.",
             "neighbourhood": "Robinson", "themes": ["mobilite"],
             "answers": [("under_study", "Les services mesurent la largeur des trottoirs sur "
                          "tout l'itinéraire ; nous répondrons avec un plan de travaux chiffré.",
                          "", None, "", -2)]},
        ],
    },
    {
        "territory": "sceaux", "title": "Simplifier l'accueil du public en mairie",
        "visibility": "agents",
        "question": "Qu'est-ce qui complique l'accueil du public, et comment le simplifier ?",
        "description": "Une consultation **interne** des agents de la ville sur leur propre "
        "travail : horaires, outils, formulaires.",
        "themes": ["democratie"], "created_by": "mairie@sceaux.demo",
        "phases": [("collect", -20, 20), ("workshops", 20, 40), ("arbitration", 40, 60),
                   ("follow_up", 60, None)],
        "charters": [("Seuls les agents de la ville participent. Chaque contribution reçoit une "
                      "réponse de la direction générale sous 30 jours.", "", 30, -21)],
        "contributions": [
            {"key": "formulaires", "kind": "problem", "author": "agent@sceaux.demo", "day": -18,
             "title": "Trois formulaires différents pour une même démarche",
             "body": "Pour une inscription à la cantine, nous saisissons trois fois les mêmes "
             "informations.", "supporters": ["mairie@sceaux.demo"],
             "answers": [("under_study", "La direction des systèmes d'information étudie un "
                          "formulaire unique partagé par les trois services concernés.", "",
                          None, "", -8)]},
            {"key": "rdv", "kind": "idea", "author": "mairie@sceaux.demo", "day": -15,
             "title": "La prise de rendez-vous en ligne pour l'état civil",
             "body": "Éviterait les files d'attente du lundi matin.",
             "supporters": ["agent@sceaux.demo"]},
            {"key": "horaires", "kind": "idea", "author": "agent@sceaux.demo", "day": -6,
             "title": "Une ouverture tardive le jeudi",
             "body": "Jusqu'à 19 h, en alternance entre collègues volontaires."},
        ],
    },
    {
        "territory": "lyon", "title": "Lyon, ville plus fraîche",
        "question": "Comment rafraîchir nos rues pendant les canicules ?",
        "description": "Arbres, fontaines, cours d'école, horaires d'été : proposez, puis venez "
        "en parler en atelier.",
        "themes": ["environnement", "cadre-de-vie"], "created_by": "admin@lyon.demo",
        "phases": [("collect", -50, -8), ("workshops", -8, 20), ("arbitration", 20, 50),
                   ("follow_up", 50, None)],
        "charters": [("Toute personne qui vit ou travaille à Lyon peut participer. Réponse "
                      "motivée sous 60 jours.", "", 60, -51)],
        "workshops": [
            {"title": "Atelier : une cour d'école oasis", "day": 6, "capacity": 30,
             "address": "Mairie du 4e arrondissement, 133 boulevard de la Croix-Rousse",
             "present": None, "facilitators": ["agent@lyon.demo"],
             "registered": ["ines@lyon.demo", "moderation@lyon.demo"]},
        ],
        "contributions": [
            {"key": "arbres", "kind": "idea", "author": "ines@lyon.demo", "day": -45,
             "title": "Planter des arbres dans les rues minérales des pentes",
             "body": "Les rues des pentes de la Croix-Rousse sont des fours en juillet.",
             "neighbourhood": "1er arrondissement", "themes": ["environnement"],
             "supporters": ["moderation@lyon.demo", "camille@sceaux.demo"]},
            {"key": "fontaines", "kind": "problem", "author": "moderation@lyon.demo", "day": -40,
             "title": "Les fontaines à boire sont coupées l'été",
             "body": "Plusieurs fontaines sont à sec pendant les canicules.",
             "themes": ["sante"], "supporters": ["ines@lyon.demo"],
             "answers": [("under_study", "Le service des eaux recense les fontaines coupées et "
                          "les causes de chaque coupure avant l'été prochain.", "", None, "",
                          -10)]},
            {"key": "horaires-ete", "kind": "idea", "author": "camille@sceaux.demo", "day": -30,
             "title": "Ouvrir les parcs la nuit pendant les canicules",
             "body": "Les parcs sont les endroits les plus frais de la ville la nuit.",
             "themes": ["cadre-de-vie"], "supporters": ["ines@lyon.demo"]},
        ],
    },
]  # fmt: skip
