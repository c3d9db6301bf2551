"""The form that turns an accepted contribution into a project."""

from ensemble.projects.forms import ProjectForm


class MakeProjectForm(ProjectForm):
    """The project form, prefilled from a contribution by the view."""

    class Meta(ProjectForm.Meta):
        fields = [
            "title", "summary", "description", "themes", "neighbourhood", "address", "latitude",
            "longitude",
        ]  # fmt: skip
