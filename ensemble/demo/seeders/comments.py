"""Demo comments on Sceaux's published projects (see ensemble/demo/seeders/__init__.py)."""

from django.contrib.contenttypes.models import ContentType

from ensemble.comments.models import Comment
from ensemble.comments.services import comment_create
from ensemble.projects.models import Project

# (project index, author email, text, index of the comment it answers or None)
COMMENTS = [
    (0, "yanis@sceaux.demo", "Super initiative ! Est-ce qu'il reste des parcelles libres ?", None),
    (0, "camille@sceaux.demo", "Oui, deux parcelles : venez samedi à 10 h, on vous montre.", 0),
    (0, "lea@sceaux.demo", "Notre association peut prêter des outils si besoin.", None),
    (1, "lea@sceaux.demo", "J'ai un grille-pain à réparer, je passe à la prochaine séance.", None),
    (1, "agent@sceaux.demo", "La salle des fêtes est disponible le premier samedi du mois.", None),
]


def seed(context: dict) -> None:
    people = context.get("people", {})
    projects = list(
        Project.objects.filter(territory__slug="sceaux", status="published").order_by("pk")[:2]
    )
    if not projects:
        return
    content_type = ContentType.objects.get_for_model(Project)
    made: list[Comment | None] = []
    for index, email, body, parent_index in COMMENTS:
        author = people.get(email)
        if author is None or index >= len(projects):
            made.append(None)
            continue
        project = projects[index]
        existing = Comment.objects.filter(
            content_type=content_type, object_id=project.pk, author=author, body=body
        ).first()
        parent = made[parent_index] if parent_index is not None else None
        made.append(
            existing or comment_create(author=author, target=project, body=body, parent=parent)
        )
