# ruff: noqa: E501 - one labelled item per line reads better than wrapped data
"""Paraphrase set for matching: needs written from the need's point of view, offers apart.

How it was written (so that it cannot flatter a ranker that counts shared words):

1. `NEEDS` first, as a project team would write them, before any offer existed: two
   needs per topic, in everyday words, often with a condition (evenings, lending,
   one-off, open to non-members, a place).
2. `ACTORS` afterwards, as organisations and people describe what they give, in their
   own vocabulary: the relevant ones rarely repeat the need's words. For each topic we
   added *decoys*: offers of a fitting kind that share words with a need but give
   something else ("deux bénévoles par semaine" against "un local deux soirs par
   semaine"), offers that fail a stated condition (daytime only, members only, for sale
   instead of lent, a language course for a translation need), and decoys placed in the
   same neighbourhood as the need (the neighbourhood must not outweigh the meaning).
3. Actors in Lyon (450 km away) offer the same things: for place-bound kinds (premises,
   equipment, volunteers) they are never right; for expertise, skills, funding and
   partnerships they are relevant too (they can help remotely).

Labels: `relevant` lists the actors that truly meet the need, conditions included.
Territory of every need: Sceaux; neighbourhoods below. Organisations carry a `summary`
(what they are in one sentence), as organisations created through the API do.
"""

# fmt: off
TERRITORIES = {
    "sceaux": ["Centre", "Les Blagis", "Robinson", "Les Chéneaux", "Le Parc"],
    "bourg-la-reine": ["Gare", "Faïencerie"],
    "lyon": ["Croix-Rousse", "Guillotière"],
}
# Territory centres (latitude, longitude): Bourg-la-Reine is next door, Lyon far away.
CENTRES = {
    "sceaux": (48.7779, 2.2903),
    "bourg-la-reine": (48.7797, 2.3165),
    "lyon": (45.7640, 4.8357),
}

# (topic, kind, title, description, neighbourhood) — written before any offer.
NEEDS = [
    ("salle-soir", "premises", "Un local deux soirs par semaine", "Notre chorale amateur répète le mardi et le jeudi de 19 h à 22 h ; il nous faut une pièce où chanter à trente sans déranger.", "Centre"),
    ("salle-soir", "premises", "Où se retrouver après le travail ?", "Le collectif des parents d'élèves se réunit chaque semaine, toujours après 20 h, et cherche un endroit pour une vingtaine de personnes.", "Les Blagis"),
    ("stockage", "premises", "Entreposer nos colis alimentaires", "Les denrées de l'épicerie solidaire s'accumulent dans un salon : il faudrait un endroit sec et fermé pour les palettes.", "Les Blagis"),
    ("stockage", "premises", "Mettre à l'abri le matériel de la fête de quartier", "Barnums, tables pliantes et guirlandes n'ont plus de place entre deux éditions.", "Robinson"),
    ("cuisine", "premises", "Préparer 100 repas pour la soupe populaire", "Chaque dimanche nous cuisinons pour les personnes à la rue ; nos plaques électriques ne suffisent plus.", "Centre"),
    ("cuisine", "premises", "Un endroit pour faire des conserves", "Nous récupérons des fruits abîmés au marché et voulons les transformer en compotes et confitures, dans des conditions d'hygiène correctes.", "Le Parc"),
    ("jardin", "premises", "Un bout de terre pour faire pousser des légumes", "Les habitants de la résidence veulent cultiver ensemble tomates et salades.", "Les Chéneaux"),
    ("jardin", "premises", "Faire découvrir la nature aux enfants du centre de loisirs", "On aimerait un carré à bêcher et semer avec les petits le mercredi.", "Robinson"),
    ("atelier", "premises", "Où bricoler nos meubles en palettes ?", "Il nous faut un lieu avec établis et outils électriques pour fabriquer bancs et bacs.", "Le Parc"),
    ("atelier", "premises", "Un espace pour réparer des vélos", "Nos bénévoles remettent en état des bicyclettes données ; la cour de l'immeuble ne suffit plus.", "Les Blagis"),
    ("repetition", "premises", "Répéter avec batterie et amplis", "Le groupe de jeunes du quartier joue fort : il faut une pièce insonorisée quelques heures par semaine.", "Robinson"),
    ("repetition", "premises", "Une scène pour préparer notre spectacle", "La troupe de théâtre amateur cherche un plateau pour ses dernières répétitions avant la première.", "Centre"),
    ("bureau", "premises", "Tenir une permanence d'accueil", "Nous recevons des familles pour les aider dans leurs démarches et n'avons qu'une table au café.", "Les Blagis"),
    ("bureau", "premises", "Un poste de travail pour notre salariée", "Notre chargée de mission travaille depuis chez elle ; elle aurait besoin d'un bureau et d'internet.", "Centre"),
    ("grande-salle", "premises", "Fêter les 20 ans de l'association", "Une soirée unique en juin pour 150 invités, avec repas et musique.", "Le Parc"),
    ("grande-salle", "premises", "Organiser un loto une seule fois", "Un dimanche après-midi de novembre, environ 120 joueurs attendus.", "Les Chéneaux"),
    ("camion", "equipment", "Déménager la recyclerie", "Pour un week-end, il faudrait emprunter un utilitaire capable de transporter des armoires.", "Robinson"),
    ("camion", "equipment", "Transporter les courses des familles", "Chaque vendredi, aller chercher les invendus au supermarché avec un véhicule qu'on nous prêterait.", "Les Blagis"),
    ("sono", "equipment", "De quoi amplifier un concert en plein air", "Enceintes, table de mixage et micros pour la fête de la musique.", "Centre"),
    ("sono", "equipment", "Faire entendre les discours lors de l'inauguration", "Un micro et des haut-parleurs pour une heure sur la place.", "Le Parc"),
    ("ordinateurs", "equipment", "Des postes informatiques pour l'atelier numérique", "Les seniors apprennent à faire leurs démarches en ligne ; nous n'avons que deux machines pour douze personnes.", "Les Chéneaux"),
    ("ordinateurs", "equipment", "Équiper les collégiens pour leurs devoirs", "Des familles n'ont aucun appareil pour que les enfants travaillent à la maison.", "Les Blagis"),
    ("tables", "equipment", "Assez de sièges pour l'assemblée", "Nous attendons 200 personnes et n'avons que 40 chaises.", "Centre"),
    ("tables", "equipment", "Tentes et tréteaux pour le vide-grenier", "Il faut abriter les exposants s'il pleut et leur donner de quoi poser leurs objets.", "Robinson"),
    ("couture", "equipment", "Des machines pour l'atelier de retouches", "Les femmes du quartier veulent coudre et réparer leurs vêtements ensemble.", "Les Blagis"),
    ("couture", "equipment", "Coudre des costumes pour le carnaval", "Il nous faudrait de quoi piquer et surfiler pendant un mois.", "Le Parc"),
    ("projection", "equipment", "Montrer un film dans la cour", "Une séance de cinéma en plein air un soir d'été : il faut de quoi projeter en grand.", "Les Chéneaux"),
    ("projection", "equipment", "Présenter notre diaporama en réunion publique", "De quoi afficher des images devant 80 personnes.", "Centre"),
    ("distribution", "volunteers", "Des bras pour les paniers du samedi", "Chaque samedi matin nous remplissons et remettons des colis à 60 familles.", "Les Blagis"),
    ("distribution", "volunteers", "Renfort pour la collecte en supermarché", "Deux jours en novembre pour accueillir les clients à l'entrée et trier les dons.", "Centre"),
    ("devoirs", "volunteers", "Accompagner des écoliers après la classe", "Des enfants de CM1 ont besoin qu'on les aide à faire leurs exercices, deux fins d'après-midi par semaine.", "Les Blagis"),
    ("devoirs", "volunteers", "Aider des collégiens en maths et en français", "Soutien hebdomadaire pour des élèves de 4e en difficulté.", "Robinson"),
    ("chauffeurs", "volunteers", "Conduire des personnes âgées à leurs rendez-vous", "Des aînés isolés ne peuvent plus aller seuls chez le médecin ou au marché.", "Le Parc"),
    ("chauffeurs", "volunteers", "Accompagner nos résidents en voiture", "Quelques trajets par mois vers l'hôpital pour des personnes sans véhicule.", "Centre"),
    ("nettoyage", "volunteers", "Ramasser les déchets le long de la Bièvre", "Une matinée de nettoyage des berges au printemps, gants fournis.", "Robinson"),
    ("nettoyage", "volunteers", "Rendre le parc propre après l'hiver", "Un groupe pour collecter papiers et canettes dans les allées.", "Le Parc"),
    ("graphisme", "skills", "Une affiche qui donne envie", "Notre festival n'a pas d'identité visuelle ; il faudrait quelqu'un pour dessiner l'affiche et le programme.", "Centre"),
    ("graphisme", "skills", "Refaire notre logo", "Le logo actuel date de 1998 et ne se lit plus en petit.", "Les Chéneaux"),
    ("site", "skills", "Être trouvés sur internet", "Nous n'avons qu'une page Facebook ; il nous faudrait de vraies pages avec nos horaires et un formulaire d'inscription.", "Les Blagis"),
    ("site", "skills", "Mettre en ligne les inscriptions aux ateliers", "Les gens s'inscrivent encore sur papier ; on voudrait un outil en ligne simple.", "Robinson"),
    ("compta", "skills", "Tenir nos comptes proprement", "Le trésorier part ; personne ne sait faire le bilan ni préparer l'assemblée financière.", "Le Parc"),
    ("compta", "skills", "Clôturer l'exercice de l'association", "Il faut établir le compte de résultat et l'annexe avant la demande de subvention.", "Centre"),
    ("traduction", "skills", "Traduire les courriers pour des familles arabophones", "Des parents reçoivent des lettres de l'école qu'ils ne comprennent pas ; il faudrait quelqu'un pour les leur expliquer dans leur langue.", "Les Blagis"),
    ("traduction", "skills", "Mettre notre guide d'accueil en anglais", "Un livret de 12 pages pour les familles réfugiées anglophones.", "Centre"),
    ("bricolage", "skills", "Réparer l'électricité du local", "Les prises ne marchent plus et un néon grésille ; il faut quelqu'un qui s'y connaisse.", "Robinson"),
    ("bricolage", "skills", "Une fuite sous l'évier de la cuisine partagée", "Il faudrait quelqu'un qui sache changer un siphon et des joints.", "Les Chéneaux"),
    ("photo", "skills", "Garder des images de notre fête", "Quelqu'un qui sache prendre de belles photos le jour J pour notre rapport d'activité.", "Le Parc"),
    ("photo", "skills", "Un petit film sur notre action", "Trois minutes pour présenter le projet aux financeurs, tournage et montage.", "Centre"),
    ("rh", "expertise", "Mentors en ressources humaines", "Nous embauchons notre premier salarié et ne savons pas par où commencer : contrat, fiche de poste, entretien.", "Centre"),
    ("rh", "expertise", "Conseils pour recruter et encadrer", "L'équipe grandit ; quelqu'un d'expérimenté pourrait nous guider sur le management et la paie.", "Les Blagis"),
    ("juridique", "expertise", "Revoir nos statuts", "Nous voulons changer d'objet et créer un collège de membres ; il faudrait l'avis d'un spécialiste du droit.", "Robinson"),
    ("juridique", "expertise", "Savoir si nous pouvons vendre nos produits", "Une association peut-elle avoir une activité commerciale ? Quelles obligations ?", "Le Parc"),
    ("subventions", "expertise", "Monter un dossier de financement", "C'est notre première demande auprès de la région ; on ne sait pas comment présenter le budget.", "Les Chéneaux"),
    ("subventions", "expertise", "Trouver des financeurs pour la suite", "Quelqu'un qui connaisse les appels à projets et les fondations pour nous orienter.", "Centre"),
    ("communication", "expertise", "Faire parler de nous dans la presse", "Nos actions passent inaperçues ; comment intéresser les journalistes locaux ?", "Les Blagis"),
    ("communication", "expertise", "Animer nos réseaux sociaux", "Nous publions au hasard ; quelqu'un pourrait-il nous apprendre à construire une ligne éditoriale ?", "Robinson"),
    ("financement-materiel", "funding", "Acheter un four pour la boulangerie solidaire", "Il nous manque 8 000 € pour l'équipement de la cuisine d'insertion.", "Le Parc"),
    ("financement-materiel", "funding", "Financer le vélo-cargo de la recyclerie", "Un investissement de 5 000 € pour collecter les objets sans voiture.", "Robinson"),
    ("mecenat", "funding", "Un coup de pouce d'une entreprise du coin", "Pour le tournoi des jeunes, nous cherchons un commerce ou une PME prête à payer les maillots.", "Les Chéneaux"),
    ("mecenat", "funding", "Soutien financier pour la fête de quartier", "Les buvettes ne couvrent pas les frais ; un partenaire privé pourrait prendre en charge la sono et les affiches.", "Centre"),
    ("ecole", "partnership", "Travailler avec une classe sur le tri des déchets", "Nous voulons construire avec des enseignants un cycle d'animations sur l'environnement.", "Les Blagis"),
    ("ecole", "partnership", "Faire venir des élèves au potager", "Un partenariat avec une école pour des sorties régulières au jardin.", "Le Parc"),
    ("bailleur", "partnership", "Toucher les locataires des résidences", "Nous voulons proposer nos ateliers aux habitants des immeubles sociaux et avons besoin de l'appui de leur propriétaire.", "Les Blagis"),
    ("bailleur", "partnership", "Animer le pied des immeubles", "Un partenaire qui gère des logements et nous ouvrirait ses espaces communs.", "Robinson"),
]

# (id, topic or "decoy:<topic>", territory, neighbourhood, type, name, summary, kind, title, description)
# Written after the needs, in the actors' own words.
ORG, PER = "organisation", "person"
ACTORS = [
    # salle-soir
    ("a-maison-asso", "salle-soir", "sceaux", "Centre", ORG, "Maison des associations", "Lieu municipal au service de la vie associative.", "premises", "Salle polyvalente disponible en soirée", "Nos salles accueillent les collectifs du lundi au vendredi jusqu'à 23 h, réservation au trimestre."),
    ("a-foyer-blagis", "salle-soir", "sceaux", "Les Blagis", ORG, "Foyer des Blagis", "Foyer de jeunes travailleurs ouvert sur le quartier.", "premises", "Notre salle commune après 19 h", "Quand les résidents ont dîné, la grande pièce du rez-de-chaussée est libre pour les groupes du quartier."),
    ("a-paroisse", "salle-soir", "sceaux", "Robinson", ORG, "Paroisse Saint-Jean-Baptiste", "Communauté paroissiale de Sceaux.", "premises", "Salle paroissiale prêtée le soir", "Une salle de 40 places mise à disposition des associations en semaine, de 18 h à 22 h 30."),
    ("d-benevoles-semaine", "decoy:salle-soir", "sceaux", "Centre", ORG, "Secours solidaire de Sceaux", "Aide alimentaire et accompagnement social.", "premises", "Un local de stockage, accès deux fois par semaine", "Nous partageons notre cave pour entreposer du matériel ; accès deux matinées par semaine."),
    ("d-salle-journee", "decoy:salle-soir", "sceaux", "Les Blagis", ORG, "Centre administratif des Blagis", "Services municipaux de proximité.", "premises", "Salle de réunion en journée", "Salle de 25 places du lundi au vendredi, de 9 h à 17 h uniquement, fermée le soir."),
    ("d-salle-adherents", "decoy:salle-soir", "sceaux", "Centre", ORG, "Club des anciens de Sceaux", "Club de loisirs pour les retraités.", "premises", "Notre salle le soir, réservée à nos adhérents", "La salle du club est ouverte en soirée, exclusivement aux membres du club à jour de cotisation."),
    # stockage
    ("a-garde-meuble", "stockage", "sceaux", "Les Blagis", ORG, "Garde-meubles solidaire", "Entreprise d'insertion de déménagement.", "premises", "Box fermés mis à disposition des associations", "Des box secs et sécurisés, accès par quai, gratuits pour les associations du territoire."),
    ("a-cave-hlm", "stockage", "sceaux", "Robinson", ORG, "Sceaux Habitat", "Bailleur social de la ville.", "premises", "Caves vacantes en pied d'immeuble", "Plusieurs caves inoccupées peuvent accueillir le matériel d'associations du quartier."),
    ("a-garage-pierre", "stockage", "sceaux", "Les Blagis", PER, "Pierre Lemoine", "", "premises", "Mon garage est vide", "Un garage fermé de 18 m² ; je le prête à qui en a l'usage."),
    ("d-stockage-numerique", "decoy:stockage", "sceaux", "Les Blagis", PER, "Hugo Marchand", "", "skills", "Stocker et sauvegarder vos données", "J'installe des sauvegardes en ligne et un stockage partagé de fichiers pour les associations."),
    ("d-colis-benevole", "decoy:stockage", "sceaux", "Robinson", PER, "Sylvie Roux", "", "volunteers", "Je prépare des colis alimentaires", "Bénévole disponible pour remplir des colis le samedi."),
    # cuisine
    ("a-cuisine-college", "cuisine", "sceaux", "Centre", ORG, "Collège Marie-Curie", "Collège public du centre-ville.", "premises", "Cuisine de la cantine ouverte le week-end", "Notre cuisine collective (fours, cellule de refroidissement) peut servir le samedi et le dimanche."),
    ("a-labo-traiteur", "cuisine", "sceaux", "Le Parc", ORG, "Traiteur d'insertion Saveurs partagées", "Chantier d'insertion par la restauration.", "premises", "Laboratoire culinaire aux normes", "Un labo agréé pour transformer des produits frais, partagé avec d'autres structures."),
    ("a-cuisine-centre-social", "cuisine", "sceaux", "Les Chéneaux", ORG, "Centre social des Chéneaux", "Centre social et culturel.", "premises", "Grande cuisine équipée", "Pianos, plonge et chambre froide : notre cuisine peut accueillir des préparations de repas."),
    ("d-cours-cuisine", "decoy:cuisine", "sceaux", "Le Parc", PER, "Martine Duval", "", "skills", "Cours de cuisine et de conserves", "J'apprends à faire des confitures et des compotes maison, chez vous."),
    ("d-repas-benevoles", "decoy:cuisine", "sceaux", "Centre", ORG, "Les Restos du cœur Sceaux", "Aide alimentaire.", "volunteers", "Bénévoles pour servir des repas", "Nous envoyons des bénévoles servir 100 repas lors de vos événements."),
    # jardin
    ("a-jardin-partage", "jardin", "sceaux", "Les Chéneaux", ORG, "Jardin partagé des Chéneaux", "Association de jardiniers amateurs.", "premises", "Parcelles libres à cultiver", "Quelques carrés potagers attendent de nouveaux jardiniers, eau et outils sur place."),
    ("a-terrain-ville", "jardin", "sceaux", "Robinson", ORG, "Ville de Sceaux – espaces verts", "Service municipal des parcs.", "premises", "Terrain municipal à jardiner", "Une ancienne pelouse de 200 m² ouverte aux projets de potager collectif."),
    ("a-verger-particulier", "jardin", "bourg-la-reine", "Gare", PER, "Colette Bernard", "", "premises", "Mon grand terrain à partager", "Je ne peux plus entretenir mon potager : qui veut le cultiver avec moi ?"),
    ("d-legumes-vente", "decoy:jardin", "sceaux", "Les Chéneaux", ORG, "Ferme de Robinson", "Maraîcher bio.", "equipment", "Vente de légumes et de plants", "Paniers de légumes et plants de tomates à vendre au marché."),
    ("d-jardin-enfants-anim", "decoy:jardin", "sceaux", "Robinson", PER, "Karim Haddad", "", "volunteers", "Animer des activités avec les enfants", "Bénévole pour encadrer des jeux le mercredi au centre de loisirs."),
    # atelier
    ("a-fablab", "atelier", "sceaux", "Le Parc", ORG, "Fablab du Parc", "Atelier de fabrication numérique.", "premises", "Atelier partagé avec établis et machines", "Scies, perceuses, ponceuses : l'atelier bois est ouvert aux collectifs le samedi."),
    ("a-compagnons", "atelier", "sceaux", "Les Blagis", ORG, "Compagnons bâtisseurs", "Association d'auto-réhabilitation accompagnée.", "premises", "Notre atelier de menuiserie", "Un local outillé pour construire et réparer, partagé avec les associations."),
    ("a-atelier-retraite", "atelier", "sceaux", "Les Blagis", PER, "Jacques Morel", "", "premises", "Mon atelier de bricoleur", "Un sous-sol aménagé avec établi et outillage, que je prête volontiers."),
    ("d-palettes-vente", "decoy:atelier", "sceaux", "Le Parc", ORG, "Scierie Martin", "Négoce de bois.", "equipment", "Palettes et planches à vendre", "Bois de palette trié, vendu au mètre cube."),
    ("d-velo-cours", "decoy:atelier", "sceaux", "Les Blagis", PER, "Nadia Bensaïd", "", "skills", "Apprendre à faire du vélo", "Monitrice, j'apprends aux adultes à rouler à vélo en ville."),
    # repetition
    ("a-studio-mjc", "repetition", "sceaux", "Robinson", ORG, "MJC Robinson", "Maison des jeunes et de la culture.", "premises", "Studio de musique insonorisé", "Un studio équipé (batterie, amplis) réservable à l'heure par les groupes."),
    ("a-theatre-sceaux", "repetition", "sceaux", "Centre", ORG, "Théâtre Les Gémeaux", "Scène nationale.", "premises", "Plateau prêté aux compagnies amateurs", "Notre petite salle est disponible pour des répétitions entre deux programmations."),
    ("a-cave-musique", "repetition", "bourg-la-reine", "Faïencerie", ORG, "Association Ampli", "Musiques actuelles à Bourg-la-Reine.", "premises", "Local de répétition", "Une cave isolée phoniquement pour jouer fort sans gêner les voisins."),
    ("d-cours-batterie", "decoy:repetition", "sceaux", "Robinson", PER, "Lucas Petit", "", "skills", "Cours de batterie", "Professeur de batterie, je donne des cours aux jeunes."),
    ("d-spectacle-vente", "decoy:repetition", "sceaux", "Centre", ORG, "Compagnie du Masque", "Troupe professionnelle.", "partnership", "Spectacle à programmer", "Nous vendons notre spectacle aux structures qui veulent l'accueillir."),
    # bureau
    ("a-coworking", "bureau", "sceaux", "Centre", ORG, "La Ruche de Sceaux", "Espace de coworking associatif.", "premises", "Postes de travail et wifi", "Des bureaux partagés avec connexion, à tarif solidaire pour les associations."),
    ("a-pij", "bureau", "sceaux", "Les Blagis", ORG, "Point information jeunesse", "Service jeunesse de la ville.", "premises", "Bureau pour vos permanences", "Un bureau fermé pour recevoir du public en toute confidentialité, sur réservation."),
    ("a-mairie-annexe", "bureau", "sceaux", "Les Blagis", ORG, "Mairie annexe des Blagis", "Accueil municipal de quartier.", "premises", "Espace d'accueil pour associations", "Une pièce pour recevoir les habitants une demi-journée par semaine."),
    ("d-accueil-benevole", "decoy:bureau", "sceaux", "Les Blagis", PER, "Fatou Diallo", "", "volunteers", "Accueillir et orienter les familles", "Je peux tenir l'accueil de vos permanences, j'ai l'habitude des démarches administratives."),
    ("d-mobilier-bureau", "decoy:bureau", "sceaux", "Centre", ORG, "Office Dépôt Sceaux", "Fournitures de bureau.", "equipment", "Mobilier de bureau à vendre", "Bureaux et chaises d'occasion à prix réduit."),
    # grande-salle
    ("a-salle-fetes", "grande-salle", "sceaux", "Le Parc", ORG, "Salle des fêtes municipale", "Équipement municipal.", "premises", "Grande salle de réception 200 personnes", "Louée ou prêtée pour un événement ponctuel, avec office traiteur et scène."),
    ("a-gymnase", "grande-salle", "sceaux", "Les Chéneaux", ORG, "Gymnase des Chéneaux", "Équipement sportif municipal.", "premises", "Gymnase pour vos manifestations", "Le gymnase peut accueillir un événement exceptionnel le week-end, jusqu'à 300 personnes."),
    ("a-orangerie", "grande-salle", "bourg-la-reine", "Gare", ORG, "Espace Gérard-Philipe", "Centre culturel de Bourg-la-Reine.", "premises", "Salle de spectacle pour une soirée", "Notre salle se prête pour une date unique : fête, loto, gala."),
    ("d-salle-hebdo-petite", "decoy:grande-salle", "sceaux", "Le Parc", ORG, "Club de bridge", "Club de bridge de Sceaux.", "premises", "Petite salle chaque semaine", "Une salle de 12 places tous les lundis pour une activité régulière."),
    ("d-traiteur-vente", "decoy:grande-salle", "sceaux", "Les Chéneaux", ORG, "Traiteur Delices", "Traiteur.", "equipment", "Repas de fête à commander", "Buffets pour 150 invités, sur devis."),
    # camion
    ("a-utilitaire-mairie", "camion", "sceaux", "Robinson", ORG, "Services techniques de Sceaux", "Services techniques municipaux.", "equipment", "Prêt d'un fourgon aux associations", "Un fourgon 12 m³ prêté le week-end, avec ou sans chauffeur."),
    ("a-camionnette-ressourcerie", "camion", "sceaux", "Les Blagis", ORG, "Ressourcerie La Trouvaille", "Réemploi et économie circulaire.", "equipment", "Notre camionnette en prêt", "Quand elle ne collecte pas, notre camionnette peut dépanner une association."),
    ("a-voiture-particulier", "camion", "sceaux", "Les Blagis", PER, "Marc Giraud", "", "equipment", "Je prête mon Kangoo", "Un petit utilitaire que je prête pour des transports ponctuels."),
    ("d-camion-vente", "decoy:camion", "sceaux", "Robinson", ORG, "Garage du Centre", "Garage automobile.", "equipment", "Utilitaire d'occasion à vendre", "Fourgon Renault Master de 2015, vendu révisé avec garantie."),
    ("d-demenageur-benevole", "decoy:camion", "sceaux", "Les Blagis", PER, "Kevin Robert", "", "volunteers", "Des bras pour vos déménagements", "Costaud et disponible, j'aide à porter les meubles (sans véhicule)."),
    ("a-lyon-fourgon", "far:camion", "lyon", "Guillotière", ORG, "Mairie du 7e – prêt de véhicules", "Services de la mairie d'arrondissement.", "equipment", "Prêt d'un fourgon aux associations", "Un fourgon prêté le week-end aux associations."),
    # sono
    ("a-sono-mjc", "sono", "sceaux", "Robinson", ORG, "MJC Robinson – régie", "Régie technique de la MJC.", "equipment", "Prêt de matériel son", "Enceintes actives, console et micros sans fil à emprunter."),
    ("a-sono-comite", "sono", "sceaux", "Centre", ORG, "Comité des fêtes", "Animation de la ville.", "equipment", "Kit de sonorisation", "Deux enceintes et un micro pour vos prises de parole en extérieur, prêtés gratuitement."),
    ("a-dj", "sono", "bourg-la-reine", "Gare", PER, "Thomas Lefèvre", "", "equipment", "Mon matériel de DJ", "Platines et haut-parleurs que je prête aux assos pour leurs événements."),
    ("d-concert-groupe", "decoy:sono", "sceaux", "Centre", ORG, "Fanfare de Sceaux", "Fanfare municipale.", "volunteers", "Musiciens pour animer votre fête", "Notre fanfare joue bénévolement en plein air."),
    ("d-micro-vente", "decoy:sono", "sceaux", "Le Parc", ORG, "Boutique Music Plus", "Magasin d'instruments.", "equipment", "Micros et enceintes à vendre", "Matériel audio neuf et d'occasion à acheter en boutique."),
    # ordinateurs
    ("a-ordi-reconditionnes", "ordinateurs", "sceaux", "Les Chéneaux", ORG, "Emmaüs Connect", "Inclusion numérique.", "equipment", "Ordinateurs reconditionnés donnés", "Des portables remis à neuf, donnés aux familles et aux associations."),
    ("a-ordi-entreprise", "ordinateurs", "sceaux", "Centre", ORG, "Cabinet Conseil Durand", "Cabinet d'expertise.", "equipment", "Notre ancien parc informatique", "Nous renouvelons nos PC : 15 unités centrales et écrans à donner."),
    ("a-tablettes", "ordinateurs", "sceaux", "Les Blagis", ORG, "Médiathèque Le Trianon", "Médiathèque municipale.", "equipment", "Prêt de tablettes et portables", "Une valise de 10 tablettes à emprunter pour vos ateliers."),
    ("d-cours-informatique", "decoy:ordinateurs", "sceaux", "Les Chéneaux", PER, "Paul Fontaine", "", "skills", "Initiation à l'informatique", "J'apprends aux seniors à se servir d'un ordinateur et d'internet."),
    ("d-ordi-vente", "decoy:ordinateurs", "sceaux", "Les Blagis", ORG, "Informatique Services", "Boutique informatique.", "equipment", "PC portables à vendre", "Ordinateurs neufs à prix étudiant."),
    # tables
    ("a-mobilier-ville", "tables", "sceaux", "Centre", ORG, "Service des fêtes de la ville", "Logistique municipale.", "equipment", "Prêt de chaises, tables et barnums", "Jusqu'à 300 chaises, 50 tables et 10 tentes prêtées aux associations."),
    ("a-tentes-scouts", "tables", "sceaux", "Robinson", ORG, "Scouts de Sceaux", "Groupe scout.", "equipment", "Tentes et tréteaux à emprunter", "Grandes tentes et plateaux sur tréteaux, à venir chercher."),
    ("a-chaises-paroisse", "tables", "sceaux", "Le Parc", ORG, "Aumônerie du Parc", "Aumônerie des jeunes.", "equipment", "Chaises pliantes en prêt", "Une centaine de chaises pliantes à emprunter."),
    ("d-chaise-vente", "decoy:tables", "sceaux", "Centre", ORG, "Brocante du Centre", "Dépôt-vente.", "equipment", "Chaises et tables anciennes à vendre", "Mobilier de brocante à acheter."),
    ("d-assemblee-anim", "decoy:tables", "sceaux", "Centre", PER, "Hélène Garnier", "", "expertise", "Animer votre assemblée générale", "Je facilite les assemblées et les réunions de 200 personnes."),
    # couture
    ("a-machines-coudre", "couture", "sceaux", "Les Blagis", ORG, "Atelier Fil à fil", "Atelier de couture solidaire.", "equipment", "Machines à coudre et surjeteuses en prêt", "Six machines et deux surjeteuses à emprunter pour vos ateliers."),
    ("a-machine-voisine", "couture", "sceaux", "Le Parc", PER, "Odile Perrin", "", "equipment", "Je prête ma machine à coudre", "Une Singer en bon état, je la prête volontiers."),
    ("a-couture-lycee", "couture", "bourg-la-reine", "Faïencerie", ORG, "Lycée professionnel de la mode", "Lycée des métiers de la mode.", "equipment", "Matériel de confection", "Des piqueuses et surjeteuses inutilisées pendant les vacances, prêtées aux associations."),
    ("d-cours-couture", "decoy:couture", "sceaux", "Les Blagis", PER, "Aïcha Karim", "", "skills", "Cours de couture", "J'enseigne la couture aux débutantes."),
    ("d-vetements-don", "decoy:couture", "sceaux", "Le Parc", ORG, "Vestiaire solidaire", "Friperie solidaire.", "equipment", "Vêtements et déguisements à donner", "Des sacs de vêtements et de costumes de carnaval à récupérer."),
    # projection
    ("a-videoproj-mediatheque", "projection", "sceaux", "Les Chéneaux", ORG, "Médiathèque des Chéneaux", "Médiathèque de quartier.", "equipment", "Vidéoprojecteur et écran à emprunter", "Un projecteur lumineux et un écran de 3 mètres, prêtés aux associations."),
    ("a-cine-plein-air", "projection", "sceaux", "Centre", ORG, "Ciné-club de Sceaux", "Cinéma associatif.", "equipment", "Matériel de cinéma en plein air", "Écran gonflable, projecteur et son pour vos séances d'été."),
    ("a-proj-particulier", "projection", "sceaux", "Centre", PER, "Antoine Mercier", "", "equipment", "Je prête mon projecteur", "Un projecteur HD et sa toile, à emprunter."),
    ("d-film-realisation", "decoy:projection", "sceaux", "Les Chéneaux", PER, "Julie Caron", "", "skills", "Réaliser vos films", "Vidéaste, je tourne et monte des films pour les associations."),
    ("d-cinema-places", "decoy:projection", "sceaux", "Centre", ORG, "Cinéma Le Trianon", "Cinéma municipal.", "partnership", "Places de cinéma offertes", "Des invitations pour les habitants."),
    # distribution
    ("a-etudiants-benevoles", "distribution", "sceaux", "Les Blagis", ORG, "Association étudiante Solidaires", "Étudiants engagés.", "volunteers", "Étudiants disponibles le week-end", "Une dizaine d'étudiants prêts à donner un coup de main le samedi matin."),
    ("a-retraites-actifs", "distribution", "sceaux", "Centre", ORG, "Retraités actifs de Sceaux", "Réseau de bénévoles retraités.", "volunteers", "Bénévoles pour l'aide alimentaire", "Nous envoyons des bénévoles trier, ranger et remettre les denrées."),
    ("a-voisin-benevole", "distribution", "sceaux", "Les Blagis", PER, "Samir Ait", "", "volunteers", "Je donne mes samedis", "Disponible le samedi pour porter, trier, accueillir."),
    ("d-paniers-legumes", "decoy:distribution", "sceaux", "Les Blagis", ORG, "AMAP des Blagis", "Association de consommateurs.", "equipment", "Paniers de légumes chaque samedi", "Abonnement à des paniers bio livrés le samedi."),
    ("d-collecte-fonds", "decoy:distribution", "sceaux", "Centre", PER, "Claire Michel", "", "expertise", "Organiser une collecte de fonds", "Je conseille les associations pour leurs campagnes de dons."),
    ("a-lyon-benevoles", "far:distribution", "lyon", "Croix-Rousse", ORG, "Bénévoles du Rhône", "Plateforme de bénévolat lyonnaise.", "volunteers", "Bénévoles pour l'aide alimentaire", "Des bénévoles pour trier et distribuer les colis."),
    # devoirs
    ("a-afev", "devoirs", "sceaux", "Les Blagis", ORG, "AFEV Sceaux", "Étudiants bénévoles dans les quartiers.", "volunteers", "Étudiants pour l'accompagnement scolaire", "Des étudiants suivent un enfant deux heures par semaine."),
    ("a-prof-retraite", "devoirs", "sceaux", "Robinson", PER, "Michel Blanc", "", "volunteers", "Ancien instituteur disponible", "Je peux aider des enfants à apprendre leurs leçons le soir."),
    ("a-lycee-tutorat", "devoirs", "sceaux", "Centre", ORG, "Lycée Lakanal – tutorat", "Lycéens engagés.", "volunteers", "Lycéens tuteurs", "Des lycéens donnent des cours de soutien aux collégiens le mercredi."),
    ("d-devoirs-vente", "decoy:devoirs", "sceaux", "Les Blagis", ORG, "Acadomia Sceaux", "Cours particuliers.", "skills", "Cours particuliers payants", "Soutien scolaire à domicile, 35 € de l'heure."),
    ("d-exercices-sport", "decoy:devoirs", "sceaux", "Robinson", PER, "Yannick Colin", "", "volunteers", "Exercices de gym pour seniors", "Bénévole, j'anime des séances de gym douce deux fois par semaine."),
    # chauffeurs
    ("a-transport-solidaire", "chauffeurs", "sceaux", "Le Parc", ORG, "Transport solidaire 92", "Réseau de chauffeurs bénévoles.", "volunteers", "Chauffeurs bénévoles", "Des conducteurs bénévoles emmènent les personnes sans voiture chez le médecin."),
    ("a-conducteur", "chauffeurs", "sceaux", "Centre", PER, "Gérard Lambert", "", "volunteers", "Je conduis volontiers", "Retraité avec voiture, je peux accompagner quelqu'un à ses rendez-vous."),
    ("a-croix-rouge", "chauffeurs", "bourg-la-reine", "Gare", ORG, "Croix-Rouge Bourg-la-Reine", "Unité locale.", "volunteers", "Accompagnement des personnes âgées", "Nos bénévoles accompagnent les aînés dans leurs déplacements."),
    ("d-permis", "decoy:chauffeurs", "sceaux", "Le Parc", ORG, "Auto-école solidaire", "Auto-école associative.", "skills", "Passer son permis", "Cours de conduite à tarif réduit."),
    ("d-medecin", "decoy:chauffeurs", "sceaux", "Centre", PER, "Dr Anne Faure", "", "expertise", "Conseils santé pour les aînés", "Médecin, je conseille les associations sur la prévention des chutes."),
    # nettoyage
    ("a-ecolos", "nettoyage", "sceaux", "Robinson", ORG, "Sceaux Environnement", "Association de protection de la nature.", "volunteers", "Bénévoles pour des actions de ramassage", "Nos membres participent aux opérations de nettoyage de la nature."),
    ("a-entreprise-rse", "nettoyage", "sceaux", "Le Parc", ORG, "Groupe Vallée Sud Services", "Entreprise de services.", "volunteers", "Journées solidaires de nos salariés", "Nos équipes donnent une journée par an pour des chantiers nature."),
    ("a-scouts-nature", "nettoyage", "sceaux", "Robinson", ORG, "Scouts de Robinson", "Groupe scout.", "volunteers", "Les jeunes scouts en renfort", "Une vingtaine de jeunes pour une action citoyenne en plein air."),
    ("d-benne", "decoy:nettoyage", "sceaux", "Robinson", ORG, "Collecte Services", "Entreprise de déchets.", "equipment", "Location de bennes à déchets", "Bennes de 10 m³ à louer."),
    ("d-menage", "decoy:nettoyage", "sceaux", "Le Parc", PER, "Rosa Lopes", "", "skills", "Ménage et repassage", "Je fais le ménage chez les particuliers, paiement en CESU."),
    # graphisme
    ("a-graphiste", "graphisme", "sceaux", "Centre", PER, "Léa Rousseau", "", "skills", "Graphiste, je crée votre identité visuelle", "Logos, chartes, flyers et programmes : j'aide bénévolement les associations.", ),
    ("a-ecole-design", "graphisme", "lyon", "Croix-Rousse", ORG, "École de design de Lyon", "École supérieure d'arts appliqués.", "skills", "Projets étudiants en design graphique", "Nos étudiants conçoivent logos et supports de communication pour des associations."),
    ("a-illustrateur", "graphisme", "sceaux", "Les Chéneaux", PER, "Bastien Noël", "", "skills", "Illustration et mise en page", "Illustrateur, je dessine des visuels et mets en page vos documents."),
    ("d-affichage", "decoy:graphisme", "sceaux", "Centre", ORG, "Mairie – service communication", "Communication municipale.", "partnership", "Panneaux d'affichage libres", "Posez vos affiches sur nos panneaux municipaux."),
    ("d-imprimeur", "decoy:graphisme", "sceaux", "Les Chéneaux", ORG, "Imprimerie du Parc", "Imprimeur.", "skills", "Impression d'affiches et de flyers", "Nous imprimons vos documents à prix associatif (fichiers fournis)."),
    # site
    ("a-dev-web", "site", "sceaux", "Les Blagis", PER, "Yanis Ferhat", "", "skills", "Développeur web bénévole", "Je construis des sites simples avec agenda et formulaires pour les petites structures."),
    ("a-numerique-solidaire", "site", "lyon", "Guillotière", ORG, "Numérique Solidaire Lyon", "Informaticiens bénévoles.", "skills", "Création de sites pour associations", "Nos bénévoles réalisent à distance des sites et des outils d'inscription en ligne."),
    ("a-etudiant-info", "site", "sceaux", "Robinson", PER, "Inès Laurent", "", "skills", "Étudiante en informatique", "Je peux mettre en place une billetterie ou un formulaire d'inscription en ligne."),
    ("d-facebook-formation", "decoy:site", "sceaux", "Les Blagis", PER, "Romain Gauthier", "", "expertise", "Réussir sa page Facebook", "Je conseille sur la publicité Facebook et les horaires de publication."),
    ("d-inscriptions-papier", "decoy:site", "sceaux", "Robinson", PER, "Monique Bailly", "", "volunteers", "Tenir vos inscriptions", "Bénévole, je tiens le registre des inscriptions sur papier lors de vos ateliers."),
    # compta
    ("a-expert-comptable", "compta", "sceaux", "Le Parc", PER, "Camille Perrot", "", "skills", "Comptabilité des associations", "Expert-comptable, j'aide à établir les comptes annuels et le budget."),
    ("a-tresoriers", "compta", "lyon", "Croix-Rousse", ORG, "Réseau des trésoriers bénévoles", "Réseau national d'entraide.", "skills", "Accompagnement des trésoriers", "Des bénévoles formés aident à distance à tenir la comptabilité et à présenter les comptes."),
    ("a-banquier-retraite", "compta", "sceaux", "Centre", PER, "Bernard Picard", "", "skills", "Ancien gestionnaire, je fais vos bilans", "Je tiens la trésorerie et prépare les documents financiers de fin d'année."),
    ("d-compte-bancaire", "decoy:compta", "sceaux", "Le Parc", ORG, "Crédit Coopératif", "Banque.", "funding", "Ouvrir un compte pour votre association", "Compte courant associatif sans frais."),
    ("d-assemblee-salle", "decoy:compta", "sceaux", "Centre", ORG, "Salle Jean-Moulin", "Salle municipale.", "premises", "Salle pour votre assemblée", "Une salle pour tenir votre assemblée générale."),
    # traduction
    ("a-traductrice-arabe", "traduction", "sceaux", "Les Blagis", PER, "Samira Benali", "", "skills", "Traduction arabe-français", "Je lis et explique les documents administratifs aux familles, en arabe."),
    ("a-traducteurs-lyon", "traduction", "lyon", "Guillotière", ORG, "Traducteurs sans frontières", "Traducteurs bénévoles.", "skills", "Traductions bénévoles", "Traductions de documents en anglais, arabe et espagnol, à distance."),
    ("a-anglais-prof", "traduction", "sceaux", "Centre", PER, "John Miller", "", "skills", "Traducteur anglais", "Je traduis vos brochures du français vers l'anglais."),
    ("d-cours-fle", "decoy:traduction", "sceaux", "Les Blagis", ORG, "Alpha Sceaux", "Cours d'alphabétisation.", "skills", "Cours de français pour adultes", "Cours de français langue étrangère pour les parents arabophones."),
    ("d-cours-anglais", "decoy:traduction", "sceaux", "Centre", PER, "Sarah Wilson", "", "skills", "Cours d'anglais", "J'apprends l'anglais aux enfants et aux adultes."),
    # bricolage
    ("a-electricien", "bricolage", "sceaux", "Robinson", PER, "Didier Caron", "", "skills", "Électricien retraité", "Je dépanne prises, éclairage et tableaux électriques pour les associations."),
    ("a-plombier", "bricolage", "sceaux", "Les Chéneaux", PER, "Ahmed Touati", "", "skills", "Petits travaux de plomberie", "Fuites, robinets, siphons : je répare bénévolement."),
    ("a-bricoleurs", "bricolage", "sceaux", "Robinson", ORG, "Bricoleurs du dimanche", "Réseau de bricoleurs solidaires.", "skills", "Dépannages en tout genre", "Nos membres font les petites réparations : électricité, plomberie, menuiserie."),
    ("d-fournitures-elec", "decoy:bricolage", "sceaux", "Robinson", ORG, "Brico Sceaux", "Magasin de bricolage.", "equipment", "Ampoules, néons et joints en promotion", "Fournitures électriques et sanitaires à acheter."),
    ("d-cuisine-partagee", "decoy:bricolage", "sceaux", "Les Chéneaux", ORG, "Maison de la cuisine partagée", "Cuisine collective.", "premises", "Cuisine partagée à réserver", "Une cuisine partagée équipée d'un évier et de plaques."),
    # photo
    ("a-photographe", "photo", "sceaux", "Le Parc", PER, "Manon Girard", "", "skills", "Photographe pour vos événements", "Je couvre vos fêtes et vos rencontres et vous remets les images."),
    ("a-videaste", "photo", "sceaux", "Centre", PER, "Olivier Henry", "", "skills", "Vidéos courtes pour associations", "Tournage et montage de films de présentation."),
    ("a-club-photo", "photo", "bourg-la-reine", "Gare", ORG, "Photo-club de Bourg-la-Reine", "Club de photographie.", "skills", "Reportages photo bénévoles", "Nos membres photographient les événements associatifs."),
    ("d-expo-photo", "decoy:photo", "sceaux", "Le Parc", ORG, "Galerie du Parc", "Galerie d'art.", "premises", "Exposez vos photos", "Nos murs accueillent des expositions de photographies."),
    ("d-rapport-activite", "decoy:photo", "sceaux", "Centre", PER, "Agnès Rey", "", "expertise", "Rédiger votre rapport d'activité", "Je vous aide à écrire un rapport d'activité clair pour vos financeurs."),
    # rh
    ("a-drh-retraitee", "rh", "sceaux", "Centre", PER, "Catherine Vidal", "", "expertise", "Ancienne DRH, j'accompagne les employeurs associatifs", "Embauche, contrats de travail, entretiens annuels : je conseille les petites équipes."),
    ("a-dla", "rh", "lyon", "Croix-Rousse", ORG, "Dispositif local d'accompagnement", "Appui aux structures de l'économie sociale.", "expertise", "Appui à la fonction employeur", "Des consultants aident les associations à structurer le recrutement et la gestion du personnel."),
    ("a-coach-manager", "rh", "sceaux", "Les Blagis", PER, "Philippe Marchal", "", "expertise", "Coach en management", "J'accompagne les responsables qui encadrent une équipe pour la première fois."),
    ("d-repair-cafe", "decoy:rh", "sceaux", "Centre", ORG, "Repair café de Sceaux", "Atelier de réparation.", "expertise", "Conseils pour réparer vos objets", "Des bénévoles expérimentés vous guident pour réparer vos appareils."),
    ("d-emploi-candidat", "decoy:rh", "sceaux", "Les Blagis", PER, "Jeanne Robin", "", "volunteers", "Je cherche une première expérience", "Jeune diplômée en ressources humaines, je donne du temps pour me former."),
    # juridique
    ("a-avocate", "juridique", "sceaux", "Robinson", PER, "Maître Laure Dupuis", "", "expertise", "Avocate en droit des associations", "Statuts, gouvernance, activités lucratives : consultations gratuites pour les associations."),
    ("a-juristes-lyon", "juridique", "lyon", "Guillotière", ORG, "Juristes solidaires", "Juristes bénévoles.", "expertise", "Conseil juridique à distance", "Nos juristes répondent aux questions de droit associatif et fiscal."),
    ("a-notaire", "juridique", "sceaux", "Le Parc", PER, "Jean-Paul Richard", "", "expertise", "Ancien notaire, conseils juridiques", "J'aide les associations à rédiger et modifier leurs statuts."),
    ("d-vente-produits", "decoy:juridique", "sceaux", "Le Parc", ORG, "Marché de Sceaux", "Marché municipal.", "premises", "Un stand pour vendre vos produits", "Emplacement au marché du samedi."),
    ("d-statues", "decoy:juridique", "sceaux", "Robinson", PER, "Éric Moreau", "", "skills", "Restauration de statues", "Sculpteur, je restaure les statues et les monuments."),
    # subventions
    ("a-conseillere-financements", "subventions", "sceaux", "Les Chéneaux", PER, "Sophie Leroy", "", "expertise", "Chargée de mécénat, je relis vos dossiers", "Budget prévisionnel, appels à projets, fondations : je vous aide à convaincre."),
    ("a-france-active", "subventions", "lyon", "Croix-Rousse", ORG, "France Active Rhône", "Financement de l'économie sociale.", "expertise", "Accompagnement à la recherche de financements", "Conseils à distance pour construire un plan de financement."),
    ("a-ancien-elu", "subventions", "sceaux", "Centre", PER, "Jean Marchand", "", "expertise", "Je connais les financeurs publics", "Ancien élu, j'oriente vers les aides de la région et du département."),
    ("d-dons-directs", "decoy:subventions", "sceaux", "Les Chéneaux", ORG, "Fondation du quartier", "Fondation locale.", "funding", "Petites subventions", "Des aides de 500 € pour les projets de quartier."),
    ("d-budget-familial", "decoy:subventions", "sceaux", "Centre", PER, "Lucie Morin", "", "expertise", "Conseil en budget familial", "J'aide les familles à tenir leur budget."),
    # communication
    ("a-journaliste", "communication", "sceaux", "Les Blagis", PER, "Nicolas Renard", "", "expertise", "Ancien journaliste, relations presse", "Je vous apprends à écrire un communiqué et à contacter les rédactions."),
    ("a-agence-com", "communication", "lyon", "Croix-Rousse", ORG, "Agence Bonne Nouvelle", "Agence de communication solidaire.", "expertise", "Stratégie de communication pour associations", "Accompagnement à distance : réseaux sociaux, presse, calendrier éditorial."),
    ("a-community-manager", "communication", "sceaux", "Robinson", PER, "Emma Petit", "", "expertise", "Community manager", "Je forme les bénévoles à Instagram et Facebook et à planifier leurs publications."),
    ("d-journal-municipal", "decoy:communication", "sceaux", "Les Blagis", ORG, "Sceaux Magazine", "Journal municipal.", "partnership", "Abonnement au journal", "Recevez le magazine de la ville."),
    ("d-reseau-wifi", "decoy:communication", "sceaux", "Robinson", PER, "Thierry Blanc", "", "skills", "Installation de réseaux wifi", "J'installe vos réseaux informatiques et votre wifi."),
    # financement-materiel
    ("a-fondation-equipement", "financement-materiel", "sceaux", "Le Parc", ORG, "Fondation Solidarité Hauts-de-Seine", "Fondation territoriale.", "funding", "Subventions d'investissement", "Nous finançons l'achat de matériel des structures d'insertion, jusqu'à 10 000 €."),
    ("a-fondation-nationale", "financement-materiel", "lyon", "Guillotière", ORG, "Fondation Agir Ensemble", "Fondation nationale.", "funding", "Aide à l'équipement des associations", "Un fonds national pour acheter véhicules et équipements."),
    ("a-budget-participatif", "financement-materiel", "sceaux", "Centre", ORG, "Budget participatif de Sceaux", "Dispositif municipal.", "funding", "Financer vos projets d'investissement", "Les habitants votent pour financer des équipements utiles au quartier."),
    ("d-four-pret", "decoy:financement-materiel", "sceaux", "Le Parc", ORG, "Boulangerie Legrand", "Artisan boulanger.", "equipment", "Pain et viennoiseries", "Invendus donnés en fin de journée."),
    ("d-velo-location", "decoy:financement-materiel", "sceaux", "Robinson", ORG, "Vélo Station", "Loueur de vélos.", "equipment", "Location de vélos-cargos", "Vélos-cargos à louer à la journée."),
    # mecenat
    ("a-club-entreprises", "mecenat", "sceaux", "Les Chéneaux", ORG, "Club des entrepreneurs de Sceaux", "Réseau des commerçants et PME.", "funding", "Mécénat des commerces locaux", "Nos membres sponsorisent des événements sportifs et culturels du territoire."),
    ("a-supermarche", "mecenat", "sceaux", "Centre", ORG, "Supermarché du Centre", "Commerce de proximité.", "funding", "Sponsoring d'événements locaux", "Nous prenons en charge une partie des frais des fêtes et tournois."),
    ("a-banque-fondation", "mecenat", "lyon", "Croix-Rousse", ORG, "Fondation d'une banque régionale", "Mécénat bancaire.", "funding", "Partenariats financiers", "Nous soutenons les petits projets associatifs partout en France."),
    ("d-maillots-vente", "decoy:mecenat", "sceaux", "Les Chéneaux", ORG, "Sport 2000", "Magasin de sport.", "equipment", "Maillots à vendre", "Jeux de maillots floqués, sur devis."),
    ("d-tournoi-benevoles", "decoy:mecenat", "sceaux", "Centre", PER, "Arnaud Roy", "", "volunteers", "Arbitre bénévole", "J'arbitre vos tournois de jeunes."),
    # ecole
    ("a-ecole-primaire", "ecole", "sceaux", "Les Blagis", ORG, "École élémentaire des Blagis", "École publique.", "partnership", "Projets avec les classes", "Les enseignants accueillent des associations pour des projets pédagogiques sur l'année."),
    ("a-college-eco", "ecole", "sceaux", "Le Parc", ORG, "Collège du Parc – éco-délégués", "Collège public.", "partnership", "Co-construire des projets éducatifs", "Nos éco-délégués et professeurs cherchent des partenaires pour l'environnement et la nature."),
    ("a-lycee-agricole", "ecole", "bourg-la-reine", "Gare", ORG, "Lycée horticole", "Lycée d'enseignement agricole.", "partnership", "Partenariat avec nos élèves", "Sorties et chantiers pédagogiques avec des associations."),
    ("d-tri-benne", "decoy:ecole", "sceaux", "Les Blagis", ORG, "Syndicat des déchets", "Service public.", "equipment", "Bacs de tri à donner", "Bacs jaunes et composteurs distribués gratuitement."),
    ("d-soutien-classe", "decoy:ecole", "sceaux", "Le Parc", PER, "Denise Colas", "", "volunteers", "Aide en classe", "Je viens lire des histoires aux enfants en maternelle."),
    # bailleur
    ("a-sceaux-habitat-part", "bailleur", "sceaux", "Les Blagis", ORG, "Hauts-de-Seine Habitat", "Office public de l'habitat.", "partnership", "Animer nos résidences avec vous", "Nous ouvrons nos locaux communs et relayons vos activités auprès de nos locataires."),
    ("a-gardiens", "bailleur", "sceaux", "Robinson", ORG, "Résidences Robinson", "Société HLM.", "partnership", "Partenariat avec les associations de quartier", "Nos gardiens et salles communes accueillent des animations pour les habitants."),
    ("a-bailleur-lyon", "bailleur", "lyon", "Guillotière", ORG, "Lyon Métropole Habitat", "Bailleur social.", "partnership", "Partenariats associatifs", "Nous soutenons les associations qui animent nos résidences."),
    ("d-location-appart", "decoy:bailleur", "sceaux", "Les Blagis", ORG, "Agence immobilière du Centre", "Agence immobilière.", "premises", "Appartements à louer", "Studios et deux-pièces disponibles."),
    ("d-locataires-asso", "decoy:bailleur", "sceaux", "Robinson", PER, "Patrick Simon", "", "volunteers", "Porter-à-porte dans les immeubles", "Bénévole, je distribue des tracts dans les boîtes aux lettres."),
    # far place-bound copies (never right for a Sceaux need)
    ("a-lyon-salle", "far:salle-soir", "lyon", "Croix-Rousse", ORG, "Maison des associations de Lyon", "Lieu associatif lyonnais.", "premises", "Salle polyvalente disponible en soirée", "Nos salles accueillent les collectifs en soirée."),
    ("a-lyon-stockage", "far:stockage", "lyon", "Guillotière", ORG, "Entrepôt solidaire du Rhône", "Logistique solidaire.", "premises", "Box fermés pour les associations", "Des box secs et sécurisés pour entreposer colis et matériel."),
    ("a-lyon-cuisine", "far:cuisine", "lyon", "Croix-Rousse", ORG, "Cuisine partagée de la Croix-Rousse", "Cuisine collective.", "premises", "Cuisine professionnelle partagée", "Une cuisine équipée pour préparer des repas solidaires."),
    ("a-lyon-sono", "far:sono", "lyon", "Croix-Rousse", ORG, "Régie associative lyonnaise", "Prêt de matériel.", "equipment", "Prêt de sonorisation", "Enceintes et micros pour vos événements."),
    ("a-lyon-tables", "far:tables", "lyon", "Guillotière", ORG, "Matériel partagé Lyon", "Prêt de matériel.", "equipment", "Chaises et barnums en prêt", "Tables, chaises et tentes pour vos fêtes."),
    ("a-lyon-devoirs", "far:devoirs", "lyon", "Guillotière", ORG, "Coup de pouce Lyon", "Accompagnement scolaire.", "volunteers", "Bénévoles pour l'aide aux devoirs", "Des bénévoles accompagnent les écoliers après la classe."),
]

# Needs nobody in the set can meet: the right answer is no candidate at all.
NOBODY = [
    ("equipment", "Une montgolfière pour le festival", "Faire voler les enfants au-dessus du parc pendant la fête.", "Le Parc"),
    ("skills", "Un souffleur de verre", "Restaurer les vitraux anciens de la chapelle.", "Centre"),
    ("premises", "Un bassin de natation olympique", "Entraîner notre club de water-polo.", "Robinson"),
    ("expertise", "Conseils en élevage de chèvres", "Nous voulons installer un petit troupeau laitier.", "Les Blagis"),
    ("equipment", "Un tracteur agricole", "Labourer un champ de deux hectares.", "Les Chéneaux"),
    ("skills", "Un pilote de drone certifié", "Filmer le quartier vu du ciel.", "Centre"),
]

# Two offers written as decoys turned out, read again, to meet a need of another topic
# (found in the misses of the first run; the texts were not changed, only the labels).
ALSO_RELEVANT = {
    "Des bras pour les paniers du samedi": ["d-colis-benevole"],
    "Un petit film sur notre action": ["d-film-realisation"],
}

PLACE_BOUND = {"premises", "equipment", "volunteers"}
# fmt: on


def needs() -> list[dict]:
    """Every need with the actors that truly meet it (local, or remote for network kinds)."""
    by_topic: dict[str, list[str]] = {}
    for actor_id, topic, *_rest in ACTORS:
        if ":" not in topic:
            by_topic.setdefault(topic, []).append(actor_id)
    result = []
    for n, (topic, kind, title, description, hood) in enumerate(NEEDS):
        result.append(
            {"id": f"p{n + 1}", "topic": topic, "kind": kind, "title": title,
             "description": description, "neighbourhood": hood, "territory": "sceaux",
             "relevant": by_topic[topic] + ALSO_RELEVANT.get(title, [])}
        )  # fmt: skip
    return result


def nobody() -> list[dict]:
    return [
        {"id": f"z{n + 1}", "kind": kind, "title": title, "description": description,
         "neighbourhood": hood, "territory": "sceaux", "relevant": []}
        for n, (kind, title, description, hood) in enumerate(NOBODY)
    ]  # fmt: skip


def actors() -> list[dict]:
    result = []
    for actor_id, topic, territory, hood, atype, name, summary, kind, title, desc in ACTORS:
        result.append(
            {"id": actor_id, "topic": topic, "territory": territory, "neighbourhood": hood,
             "type": atype, "name": name, "summary": summary, "kind": kind, "title": title,
             "description": desc}
        )  # fmt: skip
    return result
