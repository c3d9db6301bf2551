"""A filtered list page whose form and page are read only when the template renders them.

A directory keeps its filters and results in a `{% fragment %}` keyed by the territory and
the query string (`FilteredList.key`): when the fragment is kept, neither the filter form's
choices nor the count nor the page are read at all, and a render from scratch runs the same
queries as before.
"""

from django.utils.functional import cached_property

from .pagination import paginate


class FilteredList:
    """Subclasses give `form_class` (a GET form with `filters()`) and `rows(filters)`;
    `form_kwargs()` what the form takes besides the query (the territory by default),
    `filters_of(form)` reads the form's filters (override when its `filters()` gives more than
    a dict), `audience` who sees the same list (everybody by default: "")."""

    form_class = None
    not_filters = frozenset({"sort"})  # what does not narrow the list

    def __init__(self, request):
        self.request = request
        self.territory = getattr(request, "territory", None)

    def rows(self, filters: dict):
        raise NotImplementedError

    def form_kwargs(self) -> dict:
        return {"territory": self.territory}

    @property
    def audience(self) -> str:
        return ""

    def filters_of(self, form) -> dict:
        return form.filters()

    @property
    def key(self) -> str:
        """What the rendered list depends on besides the territory and the data version."""
        return f"{self.audience}?{self.request.GET.urlencode()}"

    @cached_property
    def form(self):
        return self.form_class(self.request.GET or None, **self.form_kwargs())

    @cached_property
    def filters(self) -> dict:
        return self.filters_of(self.form) if self.request.GET else {}

    @cached_property
    def filtered(self) -> bool:
        return bool(self.filters.keys() - self.not_filters)

    @cached_property
    def page(self):
        return paginate(self.request, self.rows(self.filters))
