"""A filtered list page whose form and page are read only when the template renders them.

A directory keeps its filters and results in a `{% fragment %}` keyed by the territory and
the query string (`FilteredList.key`): when the fragment is kept, neither the filter form's
choices nor the count nor the page are read at all, and a render from scratch runs the same
queries as before.
"""

from django.utils.functional import cached_property

from .pagination import paginate


class FilteredList:
    """Subclasses give `form_class` (a GET form taking `territory`, with `filters()`) and
    `rows(filters)`; `filters_of(form)` reads the form's filters (override when its
    `filters()` gives more than a dict)."""

    form_class = None
    not_filters = frozenset({"sort"})  # what does not narrow the list

    def __init__(self, request):
        self.request = request
        self.territory = request.territory

    def rows(self, filters: dict):
        raise NotImplementedError

    def filters_of(self, form) -> dict:
        return form.filters()

    @property
    def key(self) -> str:
        """What the rendered list depends on besides the territory and the data version."""
        return self.request.GET.urlencode()

    @cached_property
    def form(self):
        return self.form_class(self.request.GET or None, territory=self.territory)

    @cached_property
    def filters(self) -> dict:
        return self.filters_of(self.form) if self.request.GET else {}

    @cached_property
    def filtered(self) -> bool:
        return bool(self.filters.keys() - self.not_filters)

    @cached_property
    def page(self):
        return paginate(self.request, self.rows(self.filters))
