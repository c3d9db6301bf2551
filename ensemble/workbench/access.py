"""The only way the workbench's pages and endpoints reach a contribution."""

from django.http import Http404

from ensemble.contributions.access import contribution_get_visible


def contribution_get_for_agents(*, user, pk: int, territory=None):
    """The contribution, for the territory's agents only: for anyone else its workbench
    (notes, drafts, assignment) does not exist (404)."""
    contribution = contribution_get_visible(user=user, pk=pk, territory=territory)
    if not user.has_perm("workbench.view_private", contribution):
        raise Http404
    return contribution
