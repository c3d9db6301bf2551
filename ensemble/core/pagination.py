"""One way to paginate a list: a bounded page size, 404-free page numbers, a cursor.

A list whose length a stored counter already holds (the open contributions of
a consultation: `contributions_count`) need not be counted again: mark the
queryset with `with_known_count(queryset, count)` and every paginator (pages
here, `ensemble.core.api.pagination.PageNumber` in the API) takes that figure
instead of running `COUNT(*)`. The mark lives on that queryset object only:
Django's clones (a further filter, ordering or slice) do not carry it, so a
refined list is always counted for real.

**Keyset pagination.** A list ordered by fields of its rows ending with the
primary key (`("-supports_count", "-id")`, the sorts of every list) has a
*cursor*: the sort values of the last row of a page, opaque (base64 JSON); a row whose sort
value is NULL ends the cursors (the next page goes by number), and rows with a
NULL sort value are not reached by a cursor: order by a nullable field only
lists that hold none (the published projects all have their `published_at`). The
next page is `WHERE (sort values) < (cursor values) … LIMIT n`, which walks
the list's index from there: the thousandth page costs what the first does.
Every page (by number or by cursor) gives `page.next_cursor` (None on the
last page, or when the ordering has no cursor); `?cursor=` reads one. The
cursor also carries the number of the page it leads to, so "page N of M"
stays shown (exact unless rows were added or removed meanwhile).

Page *numbers* stay (links, bookmarks, the API's `page`): a deep numbered page
(past `DEEP_OFFSET` rows) first reads the page's primary keys alone, by
`OFFSET` over the sort index (no join, no row), then those rows (one query
more, the same whatever the depth).
"""

import base64
import binascii
import datetime
import json

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator as DjangoPaginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.db.models.query import ModelIterable
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .kept import kept

_KNOWN_COUNT = "_ensemble_known_count"
# Numbered pages starting past this many rows read their keys first (see above).
DEEP_OFFSET = 200
INVALID_CURSOR = _("This cursor is not valid for this list; start from the first page.")


def with_known_count(queryset: QuerySet, count: int) -> QuerySet:
    """A copy of `queryset` whose paginators take `count` (a stored counter that equals
    its rows) as its length instead of running `COUNT(*)`."""
    queryset = queryset.all()
    setattr(queryset, _KNOWN_COUNT, max(0, int(count)))
    return queryset


def with_kept_count(queryset: QuerySet, name: str) -> QuerySet:
    """`with_known_count` with a count computed once per data version (`core.kept`: any
    write moves it, so the figure is never stale) under `name`, which must say everything
    the queryset depends on (the person, the filters): for lists no index counts cheaply
    (a person's feed), read again and again between writes."""
    return with_known_count(queryset, kept(f"count:{name}", [], queryset.count))


def known_count(object_list) -> int | None:
    """The count given by `with_known_count`, or None: count the rows."""
    return getattr(object_list, _KNOWN_COUNT, None)


# --- Keysets ------------------------------------------------------------------


class _Encoder(DjangoJSONEncoder):
    """Dates to the microsecond (Django's encoder keeps milliseconds: ties would break)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Keyset:
    """The ordering of a queryset as (field, descending) pairs ending with the primary
    key, and how to read, write and follow a cursor in it."""

    def __init__(self, queryset: QuerySet, fields: list[tuple[str, object, bool]]):
        self.queryset = queryset
        self.fields = fields  # (name, model or annotation field, descending)

    @classmethod
    def of(cls, queryset) -> "Keyset | None":
        """The keyset of `queryset`, or None when its ordering has none: not a QuerySet,
        sliced, a union or values(), ordered by an expression, a relation's field or not
        ending with the key."""
        if (
            not isinstance(queryset, QuerySet)
            or queryset.query.is_sliced
            or queryset.query.combinator  # a union cannot be filtered
            or not issubclass(queryset._iterable_class, ModelIterable)  # values(): no rows
        ):
            return None
        query, meta = queryset.query, queryset.model._meta
        ordering = query.order_by or (meta.ordering if query.default_ordering else ())
        fields = []
        for item in ordering:
            if not isinstance(item, str) or item == "?" or "__" in item:
                return None
            descending, name = item.startswith("-"), item.lstrip("-")
            if name in query.annotations:
                field = query.annotations[name].output_field
            else:
                try:
                    field = meta.pk if name == "pk" else meta.get_field(name)
                except FieldDoesNotExist:
                    return None
                if not field.concrete or field.many_to_many:
                    return None
            fields.append((name, field, descending))
        if not fields or fields[-1][1] is not meta.pk:
            return None
        return cls(queryset, fields)

    def values(self, row) -> list:
        return [
            getattr(row, name if name == "pk" or not hasattr(field, "attname") else field.attname)
            for name, field, _descending in self.fields
        ]

    def encode(self, row, number: int) -> str | None:
        """The cursor after `row`; None when a sort value is NULL (the databases sort
        NULLs differently): the next page is then given by its number."""
        values = self.values(row)
        if any(value is None for value in values):
            return None
        raw = json.dumps([number, values], cls=_Encoder, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    def decode(self, cursor: str) -> tuple[int, list]:
        """(page number, sort values) of `cursor`; ValidationError on `cursor` if bad."""
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            number, values = json.loads(raw)
            if not isinstance(number, int) or len(values) != len(self.fields):
                raise ValueError(cursor)
            fields = [field for _name, field, _descending in self.fields]
            return max(1, number), [
                field.to_python(value) for field, value in zip(fields, values, strict=True)
            ]
        except (ValueError, TypeError, binascii.Error, ValidationError):
            raise ValidationError({"cursor": [INVALID_CURSOR]}, code="invalid") from None

    def after(self, values: list) -> QuerySet:
        """The rows after `values` in this order: one row comparison when every field
        goes the same way (an index range), else the expanded OR of comparisons."""
        names = [name for name, _field, _descending in self.fields]
        directions = {descending for _name, _field, descending in self.fields}
        first, first_descending = names[0], self.fields[0][2]
        # A bound on the first field alone: the index range even where the database
        # expands the comparison (SQLite).
        bound = Q(**{f"{first}__{'lte' if first_descending else 'gte'}": values[0]})
        if len(directions) == 1:
            lookup = TupleLessThan if first_descending else TupleGreaterThan
            after = lookup(Tuple(*(F(name) for name in names)), tuple(values))
            return self.queryset.filter(bound, after)
        condition = Q()
        for index, (name, _field, descending) in enumerate(self.fields):
            step = Q(**{f"{name}__{'lt' if descending else 'gt'}": values[index]})
            for previous, value in zip(names[:index], values[:index], strict=True):
                step &= Q(**{previous: value})
            condition |= step
        return self.queryset.filter(bound, condition)


# --- Pages ----------------------------------------------------------------------


class Page(DjangoPage):
    """Django's page, with the cursor of the next one (None when there is none)."""

    next_cursor: str | None = None
    _has_next: bool | None = None

    def has_next(self) -> bool:
        return super().has_next() if self._has_next is None else self._has_next


class Paginator(DjangoPaginator):
    """Django's paginator, which takes the count `with_known_count` gave when there is
    one, reads deep pages by their keys first and gives each page its next cursor."""

    @cached_property
    def count(self) -> int:
        known = known_count(self.object_list)
        return super().count if known is None else known

    @cached_property
    def keyset(self) -> Keyset | None:
        return Keyset.of(self.object_list)

    def _get_page(self, *args, **kwargs) -> Page:
        return Page(*args, **kwargs)

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if (
            self.keyset is not None
            and bottom >= DEEP_OFFSET
            and not self.object_list.query.distinct
        ):
            keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
            rows = list(self.object_list.filter(pk__in=keys)) if keys else []
        else:
            rows = self.object_list[bottom:top]
        page = self._get_page(rows, number, self)
        self._set_next_cursor(page, rows)
        return page

    def cursor_page(self, cursor: str) -> Page:
        """The page after `cursor` (ValidationError on `cursor` when it does not fit)."""
        if self.keyset is None:
            raise ValidationError({"cursor": [INVALID_CURSOR]}, code="invalid")
        number, values = self.keyset.decode(cursor)
        rows = list(self.keyset.after(values)[: self.per_page + 1])
        has_next = len(rows) > self.per_page
        rows = rows[: self.per_page]
        page = self._get_page(rows, min(number, self.num_pages), self)
        page._has_next = has_next
        self._set_next_cursor(page, rows)
        return page

    def _set_next_cursor(self, page: Page, rows) -> None:
        if self.keyset is not None and page.has_next():
            rows = list(rows)
            if rows:
                page.next_cursor = self.keyset.encode(rows[-1], page.number + 1)


def paginate(request, queryset, *, per_page: int | None = None) -> Page:
    """The requested page: `?cursor=` (the next page after one), else `?page=`; a bad or
    out-of-range number gives the nearest page, a bad cursor the first page."""
    paginator = Paginator(queryset, per_page or settings.ENSEMBLE_PAGE_SIZE)
    if cursor := request.GET.get("cursor"):
        try:
            return paginator.cursor_page(cursor)
        except ValidationError:
            return paginator.get_page(1)
    return paginator.get_page(request.GET.get("page"))


class OpenPaginator(DjangoPaginator):
    """Pages of a list that is not counted: each page reads one row more than it shows to
    know whether a next page exists. For lists whose filter no index can answer (a person's
    own feed: what they follow, across territories), where `COUNT(*)` would read the whole
    table to say "page 1 of 12". The pagination include then says "Page 1" alone."""

    open_ended = True

    def page(self, number) -> DjangoPage:
        try:
            number = max(1, int(number))
        except (TypeError, ValueError):
            number = 1
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            return self.page(1)
        # What is known: the rows so far, and one more when a next page exists.
        self.__dict__["count"] = bottom + len(rows)
        return DjangoPage(rows[: self.per_page], number, self)

    get_page = page


def counted_page(*, count: int, number: int, per_page: int) -> DjangoPage:
    """A Page for a list paginated elsewhere (the search backend gives a count and a
    page number), so that the one pagination include draws its links too."""
    return DjangoPaginator(range(max(0, count)), max(1, per_page)).get_page(number)
