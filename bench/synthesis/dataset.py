# ruff: noqa: E501 - one labelled contribution per line reads better than wrapped data
"""Labelled evaluation set for the themes of a consultation: 225 French contributions.

The consultation: "Notre quartier demain" (what residents would change in their part of
town). Each contribution is labelled with the theme a human would file it under. The
themes are of uneven sizes (8 to 30). Contributions of one theme are written by
different people in different words (paraphrases that share few words: "on roule trop
vite devant l'école" and "ralentir la circulation rue des Écoles"), and some share
words with another theme on purpose (word traps: "école" in traffic and in the canteen,
"nuit" in lighting and in noise, "arbres" in green spaces and in the cleaning of
leaves, "bus" in transport and in youth outings, "vélo" in cycle lanes and in a
repair workshop for teenagers).

`NEAR_DUPLICATES` pairs two contributions that say the same thing in other words: a
method should find each one's twin among the three nearest contributions.

Items: (title, text, near-duplicate tag or ""). The scorer sees the texts only.
"""

THEMES = {
    "vitesse": [
        (
            "On roule trop vite devant l'école",
            "Le matin les voitures passent à toute allure devant l'école Jules-Ferry, j'ai peur pour mes enfants.",
            "ecole",
        ),
        (
            "Ralentir la circulation rue des Écoles",
            "Il faudrait des ralentisseurs ou un plateau surélevé rue des Écoles, les automobilistes ne respectent pas le 30.",
            "ecole",
        ),
        (
            "Dos-d'âne avenue de la République",
            "Des coussins berlinois avenue de la République calmeraient les conducteurs pressés.",
            "",
        ),
        (
            "Zone 30 dans tout le quartier",
            "Passer l'ensemble du quartier à 30 km/h, comme d'autres villes l'ont fait.",
            "zone30",
        ),
        (
            "Limiter à 30 km/h partout chez nous",
            "Une limitation généralisée à trente kilomètres-heure dans nos rues résidentielles, pas seulement près des écoles.",
            "zone30",
        ),
        (
            "Radar pédagogique",
            "Un radar qui affiche la vitesse ferait prendre conscience aux conducteurs qu'ils dépassent.",
            "",
        ),
        (
            "Passage piéton dangereux",
            "Le passage piéton devant la pharmacie n'est pas visible, les voitures ne s'arrêtent jamais.",
            "",
        ),
        (
            "Traverser est un cauchemar",
            "Avec une poussette, traverser le boulevard relève de l'exploit : personne ne freine.",
            "",
        ),
        (
            "Des rodéos motos le soir",
            "Des motos font des accélérations et des roues arrière sur le parking, c'est dangereux pour les piétons.",
            "",
        ),
        (
            "Carrefour accidentogène",
            "Au croisement rue Pasteur / rue Victor-Hugo il y a des accrochages chaque semaine, il faut un feu ou un rond-point.",
            "",
        ),
        (
            "Sécuriser la sortie des classes",
            "Un agent ou des barrières à la sortie de l'école à 16 h 30, les parents se garent n'importe comment et les voitures foncent.",
            "",
        ),
        (
            "Rue transformée en autoroute",
            "Depuis que le GPS envoie les gens par chez nous, c'est un défilé de véhicules pressés qui coupent par la rue des Lilas.",
            "",
        ),
        (
            "Interdire le transit rue des Lilas",
            "Réserver la rue des Lilas aux riverains pour éviter les raccourcis des automobilistes.",
            "",
        ),
        (
            "Chicanes",
            "Installer des chicanes avec des bacs à fleurs pour casser les lignes droites.",
            "",
        ),
        (
            "Les piétons n'ont aucune priorité",
            "Les conducteurs klaxonnent quand on traverse sur les clous, il faut des contrôles.",
            "",
        ),
        (
            "Contrôles de police",
            "Plus de contrôles routiers le soir sur le boulevard, on dirait un circuit.",
            "",
        ),
        (
            "Feu rouge grillé en permanence",
            "Le feu du carrefour de la poste est grillé plusieurs fois par heure.",
            "",
        ),
        (
            "Trottoirs trop étroits au bord d'une route rapide",
            "On marche à 50 cm de voitures qui roulent vite, mes parents âgés n'osent plus sortir à pied.",
            "",
        ),
        (
            "Mon fils a failli se faire renverser",
            "En allant au collège, un scooter lancé à pleine vitesse a grillé le passage. Faites quelque chose.",
            "",
        ),
        (
            "Rue scolaire",
            "Fermer la rue de l'école aux voitures aux heures d'entrée et de sortie, comme à Paris.",
            "",
        ),
        (
            "Marquage au sol effacé",
            "Les bandes du passage piéton ont disparu, plus personne ne le voit et les automobilistes ne ralentissent pas.",
            "",
        ),
        (
            "Poids lourds en ville",
            "Les camions de livraison traversent le centre à vive allure, il faut un itinéraire de contournement.",
            "",
        ),
        (
            "Visibilité au virage",
            "Des voitures garées au ras du virage empêchent de voir arriver les véhicules, c'est un accident assuré.",
            "",
        ),
        (
            "Plateau traversant",
            "Un plateau traversant devant la crèche obligerait tout le monde à lever le pied.",
            "",
        ),
        (
            "Ça roule beaucoup trop fort",
            "Franchement les bagnoles déboulent à 70 dans une rue limitée à 30, un jour il y aura un drame.",
            "",
        ),
        (
            "Pédibus et rue apaisée",
            "Des trajets à pied accompagnés pour aller à l'école seraient possibles si la rue était apaisée.",
            "",
        ),
        (
            "Stationnement sauvage sur les passages",
            "Des véhicules stationnés sur les passages piétons obligent les enfants à descendre sur la chaussée.",
            "",
        ),
        (
            "Rond-point mal conçu",
            "Au rond-point du stade personne ne cède le passage, les piétons ne peuvent jamais traverser.",
            "",
        ),
        (
            "Feux pour piétons trop courts",
            "Le feu vert piéton dure huit secondes, impossible de traverser pour une personne âgée.",
            "",
        ),
        (
            "Ralentir avant le gymnase",
            "Les jeunes qui sortent du gymnase traversent sans regarder et les voitures arrivent vite : il faut un ralentisseur.",
            "",
        ),
    ],
    "velo": [
        (
            "Piste cyclable sur le boulevard",
            "Une vraie voie cyclable séparée des voitures sur le boulevard Gambetta.",
            "piste",
        ),
        (
            "Sécuriser les trajets à bicyclette",
            "Je pédale tous les jours pour aller travailler et je frôle la mort sur le grand axe : il faut un couloir protégé pour les cyclistes.",
            "piste",
        ),
        (
            "Arceaux pour attacher les vélos",
            "Il n'y a aucun endroit pour garer son vélo devant la médiathèque.",
            "arceaux",
        ),
        (
            "Où stationner sa bicyclette ?",
            "Devant la bibliothèque on ne trouve aucun support pour accrocher un deux-roues, on attache aux grilles.",
            "arceaux",
        ),
        (
            "Garage à vélos sécurisé",
            "Un abri fermé près de la gare pour laisser son vélo la journée sans se le faire voler.",
            "",
        ),
        (
            "Continuité des itinéraires",
            "Les bandes cyclables s'arrêtent brutalement au milieu du carrefour, on se retrouve au milieu des bus.",
            "",
        ),
        (
            "Double sens cyclable",
            "Autoriser les cyclistes à remonter les rues à sens unique, ça éviterait les détours.",
            "",
        ),
        (
            "Location de vélos électriques",
            "Des vélos électriques en libre-service pour monter la côte du plateau.",
            "",
        ),
        (
            "Les voitures garées sur la bande cyclable",
            "La bande cyclable de la rue Nationale sert de parking de livraison, on doit se déporter dans la circulation.",
            "",
        ),
        (
            "Vélo-école pour adultes",
            "Beaucoup de femmes du quartier n'ont jamais appris à pédaler, des cours pour adultes les rendraient autonomes.",
            "",
        ),
        (
            "Aide à l'achat d'un vélo cargo",
            "Une subvention pour les vélos-cargos permettrait d'emmener les enfants sans voiture.",
            "",
        ),
        (
            "Relier le quartier au centre à vélo",
            "Il manque un itinéraire cyclable continu entre notre quartier et l'hôtel de ville.",
            "",
        ),
        (
            "Nids-de-poule sur la piste",
            "La piste le long du canal est pleine de trous et de racines, on risque la chute.",
            "",
        ),
        (
            "Box à vélos en pied d'immeuble",
            "Dans les immeubles anciens on ne peut pas monter les vélos : des boxes sécurisés dans la rue.",
            "",
        ),
        (
            "Pompe et outils en libre accès",
            "Une station de gonflage et de petites réparations près de la gare.",
            "",
        ),
        (
            "Sas vélos aux feux",
            "Des sas pour les cyclistes devant les voitures aux feux rouges.",
            "",
        ),
        (
            "Je n'ose pas aller au travail en vélo",
            "Trop de camions, pas d'aménagement, je reprends la voiture à contrecoeur.",
            "",
        ),
        (
            "Pistes cyclables balayées",
            "Les pistes sont couvertes de verre cassé, on crève tout le temps.",
            "",
        ),
        (
            "Plan vélo ambitieux",
            "Un réseau express vélo comme à Strasbourg, avec des axes larges et prioritaires.",
            "",
        ),
        (
            "Vol de vélos",
            "Trois vélos volés en un an devant chez moi, il faut des stationnements surveillés.",
            "",
        ),
        (
            "Jalonnement cyclable",
            "Des panneaux indiquant les itinéraires et les temps de trajet à vélo.",
            "",
        ),
        (
            "Trottinettes et vélos sur les trottoirs",
            "Faute de piste, les cyclistes roulent sur le trottoir et frôlent les piétons : il faut leur faire une place sur la chaussée.",
            "",
        ),
        (
            "Remorques et vélos adaptés",
            "Prévoir des stationnements assez larges pour les tricycles et les vélos adaptés aux handicaps.",
            "",
        ),
        (
            "Parking vélo à l'école",
            "Des arceaux couverts dans la cour pour que les enfants viennent à vélo.",
            "",
        ),
        (
            "Coronapiste à pérenniser",
            "La piste provisoire de la rue de Paris a été enlevée, remettez-la en dur.",
            "",
        ),
    ],
    "proprete": [
        (
            "Crottes de chien partout",
            "Les trottoirs de la rue Jean-Jaurès sont couverts de déjections canines, c'est insupportable.",
            "crottes",
        ),
        (
            "Distributeurs de sacs pour les maîtres",
            "Installer des canisacs et verbaliser les propriétaires qui ne ramassent pas derrière leur animal.",
            "crottes",
        ),
        (
            "Dépôts sauvages d'encombrants",
            "Matelas et frigos abandonnés au coin de la rue depuis des semaines.",
            "encombrants",
        ),
        (
            "Meubles jetés sur le trottoir",
            "Des gens laissent leurs vieux canapés devant les immeubles, ils restent là à pourrir sous la pluie.",
            "encombrants",
        ),
        (
            "Plus de poubelles publiques",
            "Il n'y a qu'une corbeille sur toute la place, les papiers finissent par terre.",
            "",
        ),
        (
            "Poubelles qui débordent",
            "Les bacs du square débordent le lundi, les goélands éventrent les sacs.",
            "",
        ),
        (
            "Mégots",
            "Des cendriers de rue devant les bars et les arrêts de bus, les mégots jonchent le sol.",
            "",
        ),
        (
            "Nettoyage des feuilles mortes",
            "Les feuilles des arbres ne sont pas ramassées à l'automne, le trottoir devient une patinoire.",
            "",
        ),
        (
            "Tags sur les façades",
            "Les murs de l'école maternelle sont couverts de tags depuis des mois, qui les efface ?",
            "",
        ),
        (
            "Ramassage des ordures plus fréquent",
            "Une collecte deux fois par semaine ne suffit pas l'été, ça sent très mauvais.",
            "",
        ),
        (
            "Opération quartier propre",
            "Organiser des matinées de ramassage des déchets avec les habitants et les écoles.",
            "",
        ),
        (
            "Verre cassé au pied des conteneurs",
            "Autour des colonnes à verre il y a toujours des bouteilles brisées.",
            "",
        ),
        (
            "La rue est sale",
            "Franchement on a honte quand on reçoit de la famille, papiers gras, canettes, sacs plastique partout.",
            "",
        ),
        (
            "Balayeuse plus souvent",
            "La balayeuse ne passe qu'une fois par mois dans notre impasse.",
            "",
        ),
        (
            "Compost collectif",
            "Des bacs à compost partagés réduiraient les poubelles et les mauvaises odeurs.",
            "",
        ),
        (
            "Urine dans les recoins",
            "Le passage sous la voie ferrée sent l'urine, il faudrait le laver régulièrement.",
            "",
        ),
        ("Rats près du marché", "Après le marché les déchets restent et attirent les rats.", ""),
        (
            "Amendes pour ceux qui jettent",
            "Verbaliser ceux qui jettent leurs ordures par la fenêtre de la voiture.",
            "",
        ),
        (
            "Chewing-gums collés",
            "Le parvis de la mairie est constellé de chewing-gums noircis.",
            "",
        ),
        (
            "Propreté du canal",
            "Des bouteilles et des sacs flottent dans le canal, personne ne les retire.",
            "",
        ),
        (
            "Application pour signaler",
            "Pouvoir photographier un dépôt d'ordures et le signaler aux services avec le téléphone.",
            "",
        ),
        (
            "Déchetterie trop loin",
            "Sans voiture impossible d'aller à la déchetterie, alors les gens déposent dans la rue : une collecte mobile.",
            "",
        ),
        (
            "Sacs poubelles éventrés",
            "Les sacs posés devant les immeubles sont déchirés par les chats et les détritus s'étalent.",
            "",
        ),
        (
            "Affichage sauvage",
            "Des affiches collées partout sur les armoires électriques et les poteaux.",
            "",
        ),
        (
            "Le square est une décharge",
            "Canettes, emballages de fast-food, couches : le petit square est devenu un dépotoir.",
            "",
        ),
    ],
    "vert": [
        (
            "Planter des arbres rue de la Gare",
            "La rue de la Gare est un four l'été, quelques arbres donneraient de l'ombre.",
            "arbres",
        ),
        (
            "Plus d'ombre et de fraîcheur",
            "On étouffe en juillet sur le trajet de la gare : il faut végétaliser ce bitume et créer des îlots de fraîcheur.",
            "arbres",
        ),
        (
            "Jardins partagés",
            "Des parcelles de potager pour les habitants qui n'ont pas de jardin.",
            "potager",
        ),
        (
            "Cultiver des légumes entre voisins",
            "J'habite en appartement et je rêve d'un bout de terre à bêcher avec d'autres familles.",
            "potager",
        ),
        (
            "Un parc pour le quartier",
            "Il n'y a aucun espace vert à moins de quinze minutes à pied.",
            "",
        ),
        (
            "Désimperméabiliser la cour",
            "Remplacer l'enrobé de la place par de la pelouse et des massifs.",
            "",
        ),
        (
            "Fleurir les pieds d'arbres",
            "Permettre aux habitants de jardiner les pieds d'arbres devant chez eux.",
            "",
        ),
        (
            "Préserver le bois du Moulin",
            "Le petit bois est menacé par un projet immobilier, il faut le protéger.",
            "",
        ),
        (
            "Verger public",
            "Planter des fruitiers dans le parc pour que chacun puisse cueillir des pommes.",
            "",
        ),
        ("Toitures végétalisées", "Aider les copropriétés à végétaliser leurs toits.", ""),
        (
            "Ruches et biodiversité",
            "Installer des hôtels à insectes et des ruches sur les espaces municipaux.",
            "",
        ),
        (
            "Prairie fleurie",
            "Laisser pousser l'herbe en prairie fleurie plutôt que tondre à ras.",
            "",
        ),
        (
            "Forêt urbaine",
            "Une micro-forêt dense sur le terrain vague derrière le supermarché.",
            "",
        ),
        (
            "Remplacer les arbres abattus",
            "Les platanes coupés l'an dernier n'ont jamais été replantés.",
            "",
        ),
        (
            "Plus de verdure dans la cité",
            "Entre les tours tout est gris, un peu de nature ferait du bien au moral.",
            "",
        ),
        (
            "Parc ouvert plus tard l'été",
            "Le jardin public ferme à 19 h, on aimerait en profiter le soir quand il fait moins chaud.",
            "",
        ),
        (
            "Ombrage des aires de jeux",
            "Les toboggans brûlent au soleil, plantez des arbres autour du bac à sable.",
            "",
        ),
        (
            "Rivière à ciel ouvert",
            "Rouvrir le ruisseau busé pour en faire une promenade plantée.",
            "",
        ),
        ("Murs végétaux", "Des plantes grimpantes sur les murs aveugles des immeubles.", ""),
        (
            "Cour d'école oasis",
            "Transformer les cours de récréation bitumées en cours plantées ouvertes au public le week-end.",
            "",
        ),
        ("Grainothèque et fleurs", "Distribuer des graines pour fleurir balcons et trottoirs.", ""),
        (
            "Sauver les haies",
            "Arrêter d'arracher les haies au profit de grillages, ce sont des refuges pour les oiseaux.",
            "",
        ),
    ],
    "bruit": [
        (
            "Tapage nocturne place du Marché",
            "Chaque week-end des groupes crient et mettent de la musique jusqu'à 4 h du matin.",
            "tapage",
        ),
        (
            "Impossible de dormir le vendredi",
            "La place devient une discothèque à ciel ouvert jusqu'à l'aube, nos enfants ne dorment plus.",
            "tapage",
        ),
        (
            "Terrasses bruyantes",
            "Les bars laissent leurs terrasses ouvertes tard et les clients parlent très fort sous nos fenêtres.",
            "",
        ),
        (
            "Médiateurs de nuit",
            "Des médiateurs pour calmer les fêtards sans forcément appeler la police.",
            "",
        ),
        (
            "Bruit de la rocade",
            "Un mur antibruit le long de la rocade, le vacarme des voitures est permanent.",
            "",
        ),
        (
            "Livraisons à 5 h du matin",
            "Les camions du supermarché livrent avant l'aube, le bip de recul nous réveille.",
            "",
        ),
        (
            "Voisins et musique",
            "La musique à fond dans la cour de l'immeuble l'été, on ne s'entend plus.",
            "",
        ),
        (
            "Chantier le dimanche",
            "Les travaux démarrent à 7 h même le dimanche avec des marteaux-piqueurs.",
            "",
        ),
        (
            "Souffleurs de feuilles",
            "Les souffleurs thermiques des services de la ville font un boucan terrible dès 7 h.",
            "",
        ),
        (
            "Klaxons et sirènes",
            "Un concert de klaxons à chaque mariage, et ça dure des heures.",
            "",
        ),
        (
            "Sonomètre et contrôles",
            "Mesurer le bruit la nuit près des bars et sanctionner ceux qui dépassent.",
            "",
        ),
        (
            "Fermeture des bars plus tôt",
            "Avancer l'heure de fermeture des débits de boissons à 1 h.",
            "",
        ),
        (
            "Vacarme des deux-roues",
            "Les pots d'échappement trafiqués résonnent dans toute la rue jusque tard.",
            "",
        ),
        (
            "Aboiements",
            "Un chien aboie toute la journée dans la cour quand ses maîtres sont absents.",
            "",
        ),
        (
            "Calme la nuit",
            "On aimerait simplement pouvoir dormir les fenêtres ouvertes en été.",
            "",
        ),
    ],
    "eclairage": [
        (
            "Rue plongée dans le noir",
            "Les lampadaires de la rue Voltaire sont en panne depuis un mois, on ne voit rien.",
            "noir",
        ),
        (
            "Réparer l'éclairage public",
            "Plusieurs réverbères ne fonctionnent plus rue Voltaire, on rentre à la lampe de poche.",
            "noir",
        ),
        (
            "Éclairer le chemin du parc",
            "Le raccourci par le parc est sombre, les femmes évitent de le prendre le soir.",
            "",
        ),
        (
            "Sentiment d'insécurité au parking",
            "Le parking souterrain est mal éclairé et on s'y sent en danger.",
            "",
        ),
        (
            "Éclairage à détection",
            "Des lampadaires à LED qui s'allument au passage, économes et rassurants.",
            "",
        ),
        (
            "Halls d'immeuble squattés",
            "Des groupes occupent le hall le soir, les habitants ont peur de rentrer.",
            "",
        ),
        (
            "Arrêt de bus sans lumière",
            "On attend le dernier bus dans le noir complet, ça fait peur.",
            "",
        ),
        (
            "Caméras de vidéoprotection",
            "Des caméras près de la gare pour dissuader les agressions.",
            "",
        ),
        (
            "Présence policière le soir",
            "On ne voit jamais de patrouille après 20 h dans le quartier.",
            "",
        ),
        (
            "Marches exploratoires",
            "Des balades de nuit avec des habitantes pour repérer les lieux où l'on ne se sent pas en sécurité.",
            "",
        ),
        (
            "Le passage souterrain fait peur",
            "Sombre, sale et sans issue visible : personne n'ose l'emprunter après la tombée du jour.",
            "",
        ),
        (
            "Ne pas éteindre la nuit",
            "Depuis qu'on coupe l'éclairage à minuit, je n'ose plus rentrer du travail à pied.",
            "",
        ),
        (
            "Lumière trop forte",
            "Certains projecteurs éblouissent et gênent le sommeil, orientez-les vers le sol.",
            "",
        ),
        (
            "Agressions près de la gare",
            "Deux vols à l'arraché ce mois-ci sur le parvis, il faut sécuriser le secteur.",
            "",
        ),
    ],
    "jeunes": [
        (
            "Un city-stade",
            "Les ados n'ont nulle part où jouer au foot, un terrain multisport les occuperait.",
            "stade",
        ),
        (
            "Terrain de sport pour les grands",
            "Nos jeunes de 14-17 ans tournent en rond : un espace pour taper le ballon et faire du basket.",
            "stade",
        ),
        ("Maison des jeunes", "Un lieu ouvert le soir et le week-end avec des animateurs.", ""),
        (
            "Skatepark",
            "Les jeunes font du skate sur les marches de la mairie, donnons-leur un vrai skatepark.",
            "",
        ),
        (
            "Atelier de réparation de vélos pour ados",
            "Un atelier où les jeunes apprennent à réparer leur vélo et celui des voisins.",
            "",
        ),
        (
            "Sorties en bus pour les vacances",
            "Organiser des sorties à la mer en bus l'été pour les enfants qui ne partent jamais.",
            "",
        ),
        (
            "Aide aux devoirs",
            "Du soutien scolaire gratuit au centre social pour les collégiens.",
            "",
        ),
        (
            "Studio de musique",
            "Un local de répétition et d'enregistrement pour les jeunes rappeurs du quartier.",
            "",
        ),
        (
            "Aire de jeux pour petits",
            "L'aire de jeux est vétuste, le toboggan est cassé depuis deux ans.",
            "",
        ),
        ("Street workout", "Des barres de traction et d'exercices en plein air dans le parc.", ""),
        (
            "Piscine trop chère",
            "L'entrée de la piscine est hors de prix pour les familles nombreuses.",
            "",
        ),
        (
            "Chantiers jeunes",
            "Proposer des petits boulots d'été rémunérés aux 16-18 ans pour embellir le quartier.",
            "",
        ),
        (
            "Les ados s'ennuient",
            "Rien à faire le mercredi après-midi, ils traînent au pied des tours.",
            "",
        ),
        (
            "Gymnase ouvert le dimanche",
            "Ouvrir la salle de sport le week-end avec un éducateur.",
            "",
        ),
        (
            "Club de boxe",
            "Une salle de boxe éducative, ça canaliserait l'énergie des garçons et des filles.",
            "",
        ),
        (
            "Conseil des jeunes",
            "Un conseil municipal des jeunes pour qu'ils proposent leurs propres projets.",
            "",
        ),
        (
            "Stage de découverte des métiers",
            "Aider les collégiens à trouver un stage de troisième, beaucoup n'ont pas de réseau.",
            "",
        ),
        (
            "Espace pour les filles",
            "Les terrains sont occupés par les garçons, il faut des activités pensées aussi pour les adolescentes.",
            "",
        ),
    ],
    "aines": [
        (
            "Bancs pour se reposer",
            "Entre le marché et la résidence il n'y a aucun banc, ma mère de 85 ans doit s'arrêter sur un muret.",
            "bancs",
        ),
        (
            "S'asseoir en chemin",
            "Les personnes âgées ont besoin de pouvoir faire une pause assises sur le trajet des commerces.",
            "bancs",
        ),
        (
            "Rompre l'isolement des anciens",
            "Beaucoup de personnes âgées vivent seules et ne voient personne de la semaine.",
            "isolement",
        ),
        (
            "Visites aux personnes seules",
            "Un réseau de voisins bénévoles qui passent voir les aînés qui n'ont plus de famille.",
            "isolement",
        ),
        (
            "Navette pour les seniors",
            "Un minibus pour emmener les aînés au marché et chez le médecin.",
            "",
        ),
        (
            "Ateliers numériques pour retraités",
            "Aider les personnes âgées à faire leurs démarches en ligne, beaucoup sont perdues.",
            "",
        ),
        (
            "Club du troisième âge",
            "Rouvrir le foyer des anciens fermé depuis le covid, avec des jeux et des repas.",
            "",
        ),
        (
            "Canicule et personnes fragiles",
            "Un registre et des appels pendant les vagues de chaleur pour les plus âgés.",
            "",
        ),
        (
            "Logements adaptés",
            "Des appartements de plain-pied pour que les vieux puissent rester dans le quartier.",
            "",
        ),
        (
            "Repas partagés entre générations",
            "Des déjeuners où les écoliers rencontrent les résidents de la maison de retraite.",
            "",
        ),
        (
            "Gym douce",
            "Des cours de gymnastique douce et d'équilibre pour prévenir les chutes.",
            "",
        ),
        (
            "Médecin qui se déplace",
            "Mon père ne peut plus aller au cabinet, il manque des visites à domicile.",
            "",
        ),
    ],
    "transport": [
        (
            "Bus toutes les 40 minutes",
            "La ligne 12 passe trop rarement, on perd un temps fou à attendre.",
            "frequence",
        ),
        (
            "Augmenter la fréquence de la 12",
            "Il faudrait un passage toutes les dix minutes aux heures de pointe sur la ligne 12.",
            "frequence",
        ),
        (
            "Dernier bus trop tôt",
            "Le dernier bus part à 20 h 30, impossible de rentrer du cinéma.",
            "soir",
        ),
        (
            "Desserte en soirée",
            "Les travailleurs de nuit n'ont aucun transport en commun après 21 h pour rejoindre le quartier.",
            "soir",
        ),
        ("Abri à l'arrêt", "On attend sous la pluie à l'arrêt Mairie, il n'y a pas d'abri.", ""),
        ("Tram jusqu'au quartier", "Prolonger le tramway jusqu'à chez nous, on est oubliés.", ""),
        (
            "Tarif solidaire",
            "Un abonnement gratuit ou réduit pour les demandeurs d'emploi et les étudiants.",
            "",
        ),
        (
            "Accessibilité des arrêts",
            "Les quais ne sont pas à la hauteur du plancher, impossible de monter en fauteuil roulant.",
            "",
        ),
        (
            "Horaires affichés en temps réel",
            "Un panneau qui indique quand arrive le prochain passage.",
            "",
        ),
        (
            "Liaison directe vers l'hôpital",
            "Il faut deux correspondances pour aller à l'hôpital, une ligne directe serait bienvenue.",
            "",
        ),
        (
            "Bus bondés le matin",
            "À 7 h 45 on ne peut même pas monter tant c'est plein, rajoutez des véhicules.",
            "",
        ),
        (
            "Transport à la demande",
            "Des navettes à réserver par téléphone pour les zones mal desservies.",
            "",
        ),
        (
            "Gratuité le week-end",
            "Rendre le réseau gratuit le samedi pour faire vivre le centre.",
            "",
        ),
        (
            "Train de banlieue",
            "Rouvrir la halte ferroviaire pour rejoindre la métropole en vingt minutes.",
            "",
        ),
        (
            "Couloir réservé",
            "Une voie dédiée aux autobus pour qu'ils ne soient plus coincés dans les bouchons.",
            "",
        ),
        (
            "Retards permanents",
            "Le car scolaire arrive systématiquement en retard, les élèves ratent le début des cours.",
            "",
        ),
        (
            "Parking relais",
            "Un parking gratuit à l'entrée de ville relié au centre par navette.",
            "",
        ),
        (
            "Ligne de nuit le samedi",
            "Un service nocturne le week-end pour que les jeunes rentrent en sécurité.",
            "",
        ),
        (
            "Plan du réseau incompréhensible",
            "Personne ne comprend les correspondances, refaites une carte claire.",
            "",
        ),
        (
            "Arrêt supprimé",
            "L'arrêt Les Peupliers a été supprimé, les anciens doivent marcher un kilomètre.",
            "",
        ),
    ],
    "logement": [
        (
            "Passoires thermiques",
            "Notre immeuble HLM est mal isolé, on gèle l'hiver malgré le chauffage à fond.",
            "isolation",
        ),
        (
            "Isoler les logements sociaux",
            "Des travaux d'isolation des façades et des fenêtres dans les logements du bailleur, nos factures explosent.",
            "isolation",
        ),
        (
            "Humidité et moisissures",
            "Les murs de ma chambre sont noirs de moisissure, le bailleur ne répond pas.",
            "",
        ),
        (
            "Ascenseur en panne",
            "L'ascenseur de la tour B est en panne un mois sur deux, les personnes âgées sont bloquées.",
            "",
        ),
        (
            "Loyers trop chers",
            "Les jeunes couples ne peuvent plus se loger dans le quartier où ils ont grandi.",
            "",
        ),
        (
            "Logements vides",
            "Des dizaines d'appartements sont vacants alors que des familles dorment à l'hôtel.",
            "",
        ),
        (
            "Marchands de sommeil",
            "Des propriétaires louent des caves insalubres, il faut contrôler.",
            "",
        ),
        (
            "Rénovation des parties communes",
            "Les cages d'escalier sont délabrées, la peinture tombe.",
            "",
        ),
        (
            "Aide à la rénovation énergétique",
            "Un guichet pour aider les propriétaires modestes à changer leur chaudière et isoler leurs combles.",
            "",
        ),
        (
            "Punaises de lit",
            "Une infestation dans toute la résidence, il faut un traitement global.",
            "",
        ),
        ("Habitat participatif", "Soutenir des projets de coopératives d'habitants.", ""),
        (
            "Chauffage collectif défaillant",
            "Le chauffage central tombe en panne chaque hiver pendant des semaines.",
            "",
        ),
        (
            "Trop de locations touristiques",
            "Les meublés de courte durée font disparaître les logements pour les habitants.",
            "",
        ),
        ("Logement étudiant", "Une résidence étudiante à prix abordable près de la fac.", ""),
    ],
    "commerces": [
        (
            "Marché le dimanche",
            "Un marché de producteurs locaux le dimanche matin sur la place.",
            "marche",
        ),
        (
            "Vendre les produits de la ferme en ville",
            "Que les maraîchers des environs puissent vendre directement aux habitants chaque semaine.",
            "marche",
        ),
        (
            "Vitrines vides",
            "La moitié des boutiques de la Grand-Rue sont fermées, le centre meurt.",
            "",
        ),
        (
            "Boulangerie fermée",
            "Depuis la fermeture de la boulangerie il faut prendre la voiture pour acheter du pain.",
            "",
        ),
        (
            "Loyers commerciaux",
            "Aider les artisans à s'installer avec des loyers modérés dans les locaux municipaux.",
            "",
        ),
        ("Épicerie solidaire", "Une épicerie à petits prix pour les familles en difficulté.", ""),
        (
            "Halles couvertes",
            "Rénover les halles pour accueillir des commerçants toute la semaine.",
            "",
        ),
        (
            "Trop de kebabs et de banques",
            "Diversifier les commerces, on n'a plus de librairie ni de cordonnier.",
            "",
        ),
        ("Boutique éphémère", "Prêter les locaux vides à des créateurs pour quelques mois.", ""),
        (
            "Stationnement pour faire ses courses",
            "Des places minute devant les commerces pour les achats rapides.",
            "",
        ),
        (
            "Café associatif",
            "Un café tenu par des bénévoles où l'on se retrouve entre voisins.",
            "",
        ),
        (
            "Supermarché trop loin",
            "Aucun commerce alimentaire à moins de deux kilomètres depuis la fermeture de la supérette.",
            "",
        ),
    ],
    "toilettes": [
        (
            "Toilettes publiques",
            "Il n'y a aucun WC public dans le parc, les familles avec enfants repartent vite.",
            "wc",
        ),
        (
            "Des sanitaires au jardin",
            "Avec les petits, impossible de rester l'après-midi au square faute de cabinets d'aisance.",
            "wc",
        ),
        (
            "Fontaines à eau",
            "Remettre en service les fontaines d'eau potable pour l'été.",
            "fontaine",
        ),
        (
            "Pouvoir boire gratuitement",
            "Quand il fait 35 degrés on ne trouve nulle part où remplir sa gourde en ville.",
            "fontaine",
        ),
        (
            "Toilettes accessibles",
            "Des sanitaires adaptés aux fauteuils roulants près du marché.",
            "",
        ),
        ("WC ouverts la nuit", "Les toilettes de la gare ferment à 19 h.", ""),
        ("Toilettes sèches", "Des toilettes sèches écologiques dans les jardins.", ""),
        (
            "Les sanisettes sont sales",
            "La sanisette de la place est toujours hors service ou répugnante.",
            "",
        ),
    ],
    "cantine": [
        ("Bio à la cantine", "Plus de produits bio et locaux dans les repas de l'école.", "bio"),
        (
            "Manger mieux au restaurant scolaire",
            "Nos enfants mangent des plats industriels : des fruits et légumes de la région dans leurs assiettes.",
            "bio",
        ),
        ("Menu végétarien", "Un choix végétarien chaque jour à la cantine.", ""),
        (
            "Tarif de la cantine",
            "Le prix du repas est trop élevé pour les familles modestes, une tarification selon les revenus.",
            "",
        ),
        (
            "Gaspillage à la cantine",
            "Des plateaux entiers jetés chaque midi, adaptons les portions.",
            "",
        ),
        (
            "Réfectoire trop bruyant",
            "Le réfectoire résonne tellement que les enfants mangent en dix minutes pour en sortir.",
            "",
        ),
        (
            "Cuisine sur place",
            "Que les repas soient cuisinés dans l'école et non livrés en barquettes plastique.",
            "",
        ),
        (
            "Allergies alimentaires",
            "Mieux prendre en compte les allergies, mon fils ne peut presque rien manger le midi.",
            "",
        ),
        (
            "Petit déjeuner à l'école",
            "Beaucoup d'élèves arrivent le ventre vide, un petit-déjeuner gratuit les aiderait.",
            "",
        ),
        (
            "Potager de l'école pour la cantine",
            "Faire pousser des légumes avec les élèves et les servir au déjeuner.",
            "",
        ),
    ],
}


def items():
    """(index, theme, title, text, near-duplicate tag) for every contribution, in order."""
    rows = []
    for theme, entries in THEMES.items():
        for title, text, tag in entries:
            rows.append((len(rows), theme, title, text, f"{theme}:{tag}" if tag else ""))
    return rows


def near_duplicates():
    """Pairs of indexes of contributions that say the same thing in other words."""
    by_tag: dict[str, list[int]] = {}
    for index, _theme, _title, _text, tag in items():
        if tag:
            by_tag.setdefault(tag, []).append(index)
    return [tuple(pair) for pair in by_tag.values()]


NEAR_DUPLICATES = near_duplicates()
