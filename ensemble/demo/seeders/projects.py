"""Demo projects in Sceaux, Lyon and the Vexin (see ensemble/demo/seeders/__init__.py).

Idempotent: a project is identified by its title in its territory and is
created once, through the services, so counters and the activity feed are true.
"""

from datetime import timedelta

from django.utils import timezone

from ensemble.demo.common import demo_point
from ensemble.projects import services
from ensemble.projects.models import Project, ProjectMember
from ensemble.territories.models import Neighbourhood, Theme

# territory, owner, title, summary, description, stage, themes, neighbourhood,
# replicable, needs [(kind, title, extra)], updates [(title, body)], team, followers, partners
PROJECTS = [
    ("sceaux", "lea@sceaux.demo", "Jardins partagés des Blagis",
     "Un potager cultivé ensemble au pied des immeubles des Blagis.",
     "Depuis 2022, une trentaine d'habitants cultivent **douze parcelles** partagées.\n\n"
     "- ateliers de jardinage le samedi matin\n- compost collectif\n- fête des récoltes en septembre\n\n"
     "Tout le monde est bienvenu, même sans expérience.",
     "running", ["environnement", "alimentation", "jardins-partages"], "Les Blagis", True,
     [("volunteers", "Bénévoles pour l'arrosage estival", {"quantity": 6, "deadline": 40}),
      ("equipment", "Un récupérateur d'eau de pluie", {}),
      ("skills", "Conseils en permaculture", {"skill": "jardinage", "quantity": 1})],
     [("Les premières tomates !", "La serre a tenu ses promesses : **40 kg** de tomates partagées."),
      ("Atelier compost", "Samedi 10 h, apprenez à faire votre compost avec Léa.")],
     ["yanis@sceaux.demo"], ["camille@sceaux.demo", "agent@sceaux.demo", "ines@lyon.demo"],
     ["Association Les Jardiniers des Blagis", "Lycée Lakanal"]),
    ("sceaux", "yanis@sceaux.demo", "Repair café de Sceaux",
     "Un samedi par mois, on répare ensemble au lieu de jeter.",
     "Petit électroménager, vélos, vêtements, ordinateurs : des bénévoles vous aident à "
     "**réparer vous-même** vos objets. Café et gâteaux offerts.",
     "running", ["economie-locale", "environnement"], "Centre-ville", True,
     [("volunteers", "Réparateurs et réparatrices bénévoles", {"quantity": 4}),
      ("premises", "Une salle pour les samedis d'hiver", {"deadline": 60}),
      ("communication", "Affiches et réseaux sociaux", {})],
     [("120 objets sauvés", "En un an, 120 objets ont retrouvé une seconde vie.")],
     ["camille@sceaux.demo"], ["lea@sceaux.demo", "mairie@sceaux.demo"],
     ["Repair Café de Sceaux", "Maison des associations de Sceaux"]),
    ("sceaux", "camille@sceaux.demo", "Épicerie solidaire du Petit-Chambord",
     "Des produits de qualité à petit prix pour les familles qui en ont besoin.",
     "Une épicerie ouverte trois après-midi par semaine, approvisionnée par des producteurs "
     "locaux et des dons. Les clients paient **10 à 30 %** du prix habituel.",
     "starting", ["solidarite", "alimentation"], "Petit-Chambord", False,
     [("funding", "Financer la chambre froide", {"amount": 4500, "deadline": 90}),
      ("volunteers", "Bénévoles pour tenir la caisse", {"quantity": 8}),
      ("partnership", "Un partenariat avec une enseigne locale", {}),
      ("expertise", "Conseils juridiques sur le statut", {})],
     [("Le local est trouvé", "La mairie nous prête un local rue Houdan.")],
     [], ["yanis@sceaux.demo", "lea@sceaux.demo"], ["Fondation locale pour l'énergie"]),
    ("sceaux", "camille@sceaux.demo", "Mentorat de jeunes vers l'emploi",
     "Des professionnels accompagnent des lycéens et jeunes diplômés dans leurs premiers pas.",
     "Chaque mentor suit un jeune pendant six mois : CV, entretiens, réseau.",
     "idea", ["jeunesse", "economie-locale"], "Robinson", True,
     [("skills", "Mentors en ressources humaines", {"skill": "recrutement", "quantity": 5}),
      ("communication", "Faire connaître le programme dans les lycées", {})],
     [], [], ["agent@sceaux.demo"], ["Lycée Lakanal"]),
    ("lyon", "ines@lyon.demo", "Coopérative d'énergie citoyenne de la Croix-Rousse",
     "Des panneaux solaires sur les toits, financés et possédés par les habitants.",
     "La coopérative installe des **centrales solaires** sur les toits des écoles et gymnases, "
     "avec l'épargne des habitants (parts à 50 €).",
     "starting", ["environnement", "economie-locale"], "4e arrondissement", True,
     [("funding", "Premières parts sociales", {"amount": 30000, "deadline": 120}),
      ("expertise", "Un ingénieur en photovoltaïque", {}),
      ("premises", "Des toits disponibles", {})],
     [("Assemblée constitutive", "Nous sommes 85 sociétaires fondateurs !")],
     ["agent@lyon.demo"], ["moderation@lyon.demo", "camille@sceaux.demo"],
     ["Les Ateliers du Rhône"]),
    ("lyon", "agent@lyon.demo", "Bibliothèque de rue des pentes",
     "Des boîtes à livres entretenues par les habitants.",
     "Douze boîtes à livres fabriquées par un atelier d'insertion.",
     "completed", ["culture"], "1er arrondissement", False,
     [("equipment", "Du bois de récupération", {})],
     [], [], ["ines@lyon.demo"], []),
    ("vexin", "paul@vexin.demo", "Circuit court des fermes du Vexin",
     "Un point de retrait hebdomadaire des produits de cinq fermes.",
     "Commande en ligne, retrait le vendredi soir à Marines. Légumes, fromages, pain.",
     "running", ["alimentation", "agriculture"], "Marines", True,
     [("volunteers", "Bénévoles pour les distributions", {"quantity": 3}),
      ("equipment", "Un véhicule réfrigéré", {}),
      ("skills", "Un site de commande", {"skill": "développement web", "quantity": 1})],
     [("Cinquième ferme !", "La ferme de Vigny rejoint le circuit avec ses fromages.")],
     [], ["admin@vexin.demo"], []),
    ("vexin", "admin@vexin.demo", "Transport solidaire vers les marchés",
     "Des conducteurs bénévoles emmènent les personnes âgées au marché.",
     "Un service de covoiturage solidaire pour rompre l'isolement en milieu rural.",
     "paused", ["mobilite", "solidarite"], "Vigny", False,
     [("volunteers", "Conducteurs bénévoles", {"quantity": 10})],
     [], [], ["paul@vexin.demo"], []),
]  # fmt: skip

# (source territory, source title, target territory, replicator)
REPLICATIONS = [("sceaux", "Repair café de Sceaux", "lyon", "ines@lyon.demo")]


def _create(context: dict, row) -> Project:
    (slug, owner_email, title, summary, description, stage, theme_slugs, quarter, replicable,
     needs, updates, team, followers, partners) = row  # fmt: skip
    territory, people = context["territories"][slug], context["people"]
    owner = people[owner_email]
    themes = [
        theme
        for theme in Theme.objects.filter(slug__in=theme_slugs)
        if theme.territory_id in (None, territory.pk)
    ]
    latitude, longitude = demo_point(territory, title)
    project = services.project_create(
        actor=owner, territory=territory, title=title, summary=summary, description=description,
        stage=stage, themes=themes, latitude=latitude, longitude=longitude,
        neighbourhood=Neighbourhood.objects.filter(territory=territory, name=quarter).first(),
        is_replicable=replicable, publish=True,
    )  # fmt: skip
    today = timezone.localdate()
    for kind, need_title, extra in needs:
        extra = dict(extra)
        if "deadline" in extra:
            extra["deadline"] = today + timedelta(days=extra["deadline"])
        services.need_create(actor=owner, project=project, kind=kind, title=need_title, **extra)
    for update_title, body in updates:
        services.project_update_post(actor=owner, project=project, title=update_title, body=body)
    for email in team:
        ProjectMember.objects.get_or_create(project=project, user=people[email])
    for email in followers:
        if email in people:
            services.project_follow(user=people[email], project=project)
    organisations = context.get("organisations") or {}
    for name in partners:
        organisation = organisations.get(name)
        if organisation is not None and organisation.territory_id == territory.pk:
            services.project_partner_add(actor=owner, project=project, organisation=organisation)
    return project


def seed(context: dict) -> None:
    projects = context.setdefault("projects", {})
    for row in PROJECTS:
        territory = context["territories"][row[0]]
        project = Project.objects.filter(territory=territory, title=row[2]).first()
        projects[(row[0], row[2])] = project or _create(context, row)
    for source_slug, title, target_slug, email in REPLICATIONS:
        target = context["territories"][target_slug]
        if Project.objects.filter(territory=target, title=title).exists():
            continue
        replicator = context["people"][email]
        copy = services.project_replicate(
            actor=replicator, source=projects[(source_slug, title)], territory=target
        )
        services.project_update(
            actor=replicator, project=copy,
            data={"summary": "Le repair café de Sceaux, adapté aux pentes de la Croix-Rousse."},
        )  # fmt: skip
        services.project_publish(actor=replicator, project=copy)
        projects[(target_slug, title)] = copy
