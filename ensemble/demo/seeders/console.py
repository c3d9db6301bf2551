"""The demo of the consoles: Sceaux is a template, has its pages, departments and a workbench.

Idempotent, through the services: a second run adds nothing.
"""

from ensemble.contributions.models import Contribution
from ensemble.sitepages.models import PageVersion
from ensemble.sitepages.services import page_publish
from ensemble.territories.services import territory_update
from ensemble.workbench.models import Assignment, Department, PrivateNote
from ensemble.workbench.services import contribution_assign, department_save, note_add

CHARTER = (
    "## Qui participe\n\nToute personne qui vit, travaille ou étudie dans la commune.\n\n"
    "## Ce que deviennent les contributions\n\nChacune est lue par les services et reçoit "
    "une réponse motivée, publique, dans le journal des décisions.\n\n"
    "## Quand viennent les réponses\n\nSous 45 jours."
)
LEGAL = (
    "## Éditeur\n\nVille de Sceaux, 122 rue Houdan, 92330 Sceaux. Directeur de la "
    "publication : le maire.\n\n## Hébergement\n\nL'hébergeur de la plateforme Ensemble."
)
ACCESSIBILITY = (
    "La ville de Sceaux s'engage à rendre son site accessible (article 47 de la loi "
    "n° 2005-102).\n\n## État de conformité\n\nLe site est **partiellement conforme** au "
    "RGAA 4.1 : 72 % des critères sont respectés.\n\n## Contenus non accessibles\n\n"
    "Certaines images de contributions n'ont pas de description.\n\n## Voies de recours\n\n"
    "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07."
)


def seed(context: dict) -> None:
    admin = context["people"]["admin"]
    sceaux = context["territories"]["sceaux"]
    if not sceaux.is_template:
        sceaux.is_template = True
        sceaux.save(update_fields=["is_template", "updated_at"])
        territory_update(territory=sceaux, actor=admin, data={
            "charter_template": CHARTER, "answer_within_days": 45,
            "consultation_blueprint": "co-creation", "accent_colour": "#1d4f91",
        })  # fmt: skip
    if not PageVersion.objects.filter(territory=sceaux).exists():
        page_publish(actor=admin, territory=sceaux, kind="legal", title="Mentions légales",
                     body=LEGAL)  # fmt: skip
        page_publish(actor=admin, territory=sceaux, kind="accessibility",
                     title="Déclaration d'accessibilité", body=ACCESSIBILITY,
                     conformity="partial", compliance_rate=72)  # fmt: skip
    agent = context["people"]["agent@sceaux.demo"]
    if not Department.objects.filter(territory=sceaux).exists():
        department_save(actor=admin, territory=sceaux, name="Voirie", members=[agent])
        department_save(actor=admin, territory=sceaux, name="Espaces verts")
    if Assignment.objects.filter(contribution__territory=sceaux).exists():
        return
    waiting = list(
        Contribution.objects.open()
        .filter(territory=sceaux, answer_state="")
        .select_related("territory")
        .order_by("created_at")[:3]
    )
    roads = Department.objects.get(territory=sceaux, name="Voirie")
    for contribution in waiting:
        contribution_assign(actor=admin, contribution=contribution, agent=agent, department=roads)
    if waiting and not PrivateNote.objects.filter(contribution=waiting[0]).exists():
        note_add(actor=agent, contribution=waiting[0],
                 body="Devis demandé au service voirie, réponse attendue fin du mois.")  # fmt: skip
