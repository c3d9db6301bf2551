from ensemble.comments.tests.conftest import (  # noqa: F401
    _project_page_url,
    make_project,
    moderator,
    neighbour,
    other_moderator,
    project,
    resident,
)
