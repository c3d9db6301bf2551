"""Demo organisations with offers in Sceaux, Lyon and the Vexin, and a few people's offers."""

from ensemble.actors import services
from ensemble.actors.models import Offer, Organisation
from ensemble.demo.common import demo_point
from ensemble.territories.models import Neighbourhood
from ensemble.territories.selectors import theme_list

# (territory, owner, name, kind, summary, description, neighbourhood slug, themes,
#  also acts in, website, verified, [(kind, title, details, skill)], other members)
ORGANISATIONS = [
    ("sceaux", "lea@sceaux.demo", "Association Les Jardiniers des Blagis", "association",
     "Un jardin partagé au pied des immeubles des Blagis depuis 2012.",
     "Nous cultivons **ensemble** une parcelle de 800 m² : potager, compost collectif, "
     "ateliers pour les écoles du quartier.\n\n- Permanences le mercredi et le samedi\n"
     "- Fête des récoltes en septembre",
     "les-blagis", ["environnement", "alimentation", "jardins-partages"], [],
     "https://jardiniers-blagis.example.org", True,
     [("volunteers", "Des jardiniers bénévoles", "Une équipe d'une dizaine de bénévoles pour "
       "lancer un nouveau jardin.", ""),
      ("equipment", "Outils de jardinage et broyeur", "Bêches, grelinettes, brouettes et un "
       "broyeur de végétaux à prêter.", "")],
     ["yanis@sceaux.demo"]),
    ("sceaux", "yanis@sceaux.demo", "Repair Café de Sceaux", "collective",
     "Un samedi par mois, on répare ensemble plutôt que de jeter.",
     "Électroménager, vélos, vêtements, ordinateurs : nos bénévoles réparateurs vous "
     "apprennent à réparer vos objets.",
     "centre-ville", ["environnement", "solidarite"], [], "", False,
     [("skills", "Réparation de petit électroménager", "Diagnostic et réparation, avec vous.",
       "électronique"),
      ("skills", "Atelier vélo", "Réglages, freins, crevaisons.", "réparation de vélos")],
     []),
    ("sceaux", "mairie@sceaux.demo", "Maison des associations de Sceaux", "public_service",
     "Le lieu ressource des associations scéennes.",
     "Prêt de salles, accompagnement des bénévoles, forum des associations en septembre.",
     "centre-ville", ["democratie", "solidarite"], [], "https://www.sceaux.fr", True,
     [("premises", "Salles de réunion", "Trois salles de 10 à 60 places, en semaine et le "
       "samedi.", ""),
      ("expertise", "Accompagnement des associations", "Statuts, demandes de subvention, "
       "recrutement de bénévoles.", "")],
     []),
    ("sceaux", "camille@sceaux.demo", "Fondation locale pour l'énergie", "foundation",
     "Elle finance les projets citoyens de sobriété et d'énergie renouvelable.",
     "Appels à projets deux fois par an ; petits montants, décision rapide.",
     None, ["environnement", "economie-locale"], ["lyon"], "", False,
     [("funding", "Bourses de 500 à 5 000 €", "Pour l'amorçage de projets citoyens.", "")],
     []),
    ("sceaux", "lea@sceaux.demo", "Lycée Lakanal", "school",
     "Des lycéens engagés dans la vie de la ville.",
     "L'éco-délégué·es et la maison des lycéens cherchent des projets où s'investir.",
     "lakanal", ["jeunesse"], [], "", True,
     [("volunteers", "Des lycéens volontaires", "Le mercredi après-midi, hors vacances.", "")],
     []),
    ("lyon", "ines@lyon.demo", "Les Ateliers du Rhône", "company",
     "Entreprise sociale d'insertion : menuiserie et réemploi de mobilier.",
     "Nous formons des personnes éloignées de l'emploi aux métiers du bois.",
     "7e-arrondissement", ["economie-locale", "solidarite"], [], "", True,
     [("expertise", "Conseil en économie circulaire", "Pour les porteurs de projets de "
       "réemploi.", ""),
      ("skills", "Menuiserie", "Conception et fabrication de mobilier.", "menuiserie")],
     ["camille@sceaux.demo"]),
    ("lyon", "agent@lyon.demo", "Médiathèque de la Guillotière", "public_service",
     "Une médiathèque ouverte sur son quartier.",
     "Expositions, ateliers numériques, accueil de collectifs.",
     "7e-arrondissement", ["culture", "numerique"], [], "", False,
     [("premises", "Auditorium et salle d'exposition", "Sur réservation, gratuit pour les "
       "associations.", ""),
      ("communication", "Affichage et agenda culturel", "Relais de vos événements.", "")],
     []),
    ("vexin", "paul@vexin.demo", "Coopérative Vexin Circuits Courts", "company",
     "Une SCIC qui relie les fermes du Vexin aux habitants.",
     "Points de retrait dans six villages, épicerie itinérante le jeudi.",
     "marines", ["agriculture", "alimentation", "economie-locale"], [], "", True,
     [("equipment", "Camion frigorifique", "Prêt pour des événements locaux.", ""),
      ("partnership", "Partenariat avec des projets alimentaires", "Approvisionnement en "
       "produits locaux.", "")],
     []),
]  # fmt: skip

# (person, territory, kind, title, details, skill, availability)
PERSON_OFFERS = [
    ("yanis@sceaux.demo", "sceaux", "skills", "Menuiserie", "Petits meubles, bacs de culture.",
     "menuiserie", "Le samedi matin"),
    ("camille@sceaux.demo", "sceaux", "skills", "Comptabilité associative",
     "Tenue des comptes, budget prévisionnel.", "comptabilité", "Deux soirs par mois"),
    ("paul@vexin.demo", "vexin", "volunteers", "Un coup de main pour les chantiers", "",
     "", "Le week-end"),
]  # fmt: skip

ADMINS = {"sceaux": "mairie@sceaux.demo", "lyon": "admin@lyon.demo", "vexin": "admin@vexin.demo"}


def _create(context, row) -> Organisation:
    (slug, owner_email, name, kind, summary, description, neighbourhood, themes, others,
     website, verified, offers, members) = row  # fmt: skip
    territory = context["territories"][slug]
    people = context["people"]
    owner = people[owner_email]
    latitude, longitude = demo_point(territory, name)
    organisation = services.organisation_create(
        creator=owner, territory=territory, name=name, kind=kind, summary=summary,
        description=description, website=website, latitude=latitude, longitude=longitude,
        neighbourhood=Neighbourhood.objects.filter(territory=territory, slug=neighbourhood).first(),
        themes=theme_list(territory=territory).filter(slug__in=themes),
        other_territories=[context["territories"][other] for other in others],
    )  # fmt: skip
    for offer_kind, title, details, skill in offers:
        services.offer_create(actor=owner, organisation=organisation, kind=offer_kind,
                              title=title, description=details, skill=skill)  # fmt: skip
    for email in members:
        # Demo members said yes to their invitation.
        invitation = services.organisation_member_invite(
            actor=owner, organisation=organisation, email=email
        )
        if invitation is not None:
            services.organisation_invitation_accept(user=invitation.user, invitation=invitation)
    if verified:
        services.organisation_verify(actor=people[ADMINS[slug]], organisation=organisation)
    return organisation


def seed(context: dict) -> None:
    organisations = context.setdefault("organisations", {})
    for row in ORGANISATIONS:
        territory = context["territories"][row[0]]
        organisation = Organisation.objects.filter(territory=territory, name=row[2]).first()
        organisations[row[2]] = organisation or _create(context, row)
    for email, slug, kind, title, details, skill, availability in PERSON_OFFERS:
        person, territory = context["people"][email], context["territories"][slug]
        if not Offer.objects.filter(user=person, territory=territory, title=title).exists():
            services.offer_create(
                actor=person, territory=territory, kind=kind, title=title, description=details,
                skill=skill, availability=availability,
            )  # fmt: skip
