"""One full-text backend per database, chosen by `connection.vendor`.

A backend is a module with:

* `index(entry_ids)`: (re)build the full-text data of these SearchEntry rows;
* `unindex(entry_ids)`: forget them (before the rows are deleted);
* `rebuild()`: rebuild the full-text data of every row, in one statement;
* `ranked_ids(queryset, terms, offset, limit, any_term=False, scope=None) -> (count, ids)`:
  the ids of the entries of `queryset` matching every term (or, with `any_term`, at least
  one: "similar to this title"; `scope`: a territory's id), a term being a prefix of a word, accents
  ignored, best first, in a fixed number of queries.
"""

from importlib import import_module

from django.db import connection

BACKENDS = {
    "postgresql": "ensemble.search.backends.postgres",
    "sqlite": "ensemble.search.backends.sqlite",
}


def backend():
    try:
        return import_module(BACKENDS[connection.vendor])
    except KeyError:
        raise NotImplementedError(f"No search backend for {connection.vendor}") from None
