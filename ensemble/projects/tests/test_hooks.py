"""Projects tell the listeners other apps registered when a need is published."""

import pytest

from ensemble.projects.hooks import NeedListener, need_listeners
from ensemble.projects.services import need_create
from ensemble.projects.tests.factories import ProjectFactory, draft_project

pytestmark = pytest.mark.django_db


def test_a_need_added_to_a_published_project_reaches_every_listener():
    heard = []
    need_listeners.register(NeedListener(key="test", published=heard.append))
    try:
        project = ProjectFactory()
        need = need_create(
            actor=project.created_by, project=project, kind="premises", title="Une salle"
        )
        draft = draft_project()
        need_create(actor=draft.created_by, project=draft, kind="premises", title="Une cave")
    finally:
        need_listeners.unregister("test")
    assert heard == [need]
