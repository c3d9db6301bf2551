"""What every endpoint's input schema must refuse, applied once to the whole API.

`refuse_unknown_fields(api)` runs when the API is wired (`ensemble/api/urls.py`,
after every router is added): each request body schema, and every schema nested in
it, forbids fields it does not declare. A misspelt `descripton_markdown` is a 422
naming it instead of a 201 that silently loses the text. New endpoints need no
change: whatever body schema they declare is covered.
"""

import typing

from pydantic import BaseModel


def _nested_models(annotation) -> typing.Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for argument in typing.get_args(annotation):
        yield from _nested_models(argument)


def _forbid_extra(model: type[BaseModel], done: set) -> None:
    if model in done:
        return
    done.add(model)
    for field in model.model_fields.values():
        for nested in _nested_models(field.annotation):
            _forbid_extra(nested, done)
    if model.model_config.get("extra") != "forbid":
        model.model_config["extra"] = "forbid"
    # Children first: a parent's validator holds a copy of its children's.
    model.model_rebuild(force=True)


def body_models(api) -> typing.Iterator[type[BaseModel]]:
    """The body parameter models of every operation of `api`."""
    for router in api._get_bound_routers():
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in operation.models:
                    if model.__ninja_param_source__ == "body":
                        yield model


def refuse_unknown_fields(api) -> None:
    done: set = set()
    for model in body_models(api):
        _forbid_extra(model, done)


def _reachable(models) -> list[type[BaseModel]]:
    """Every model reachable from `models`, children before their parents."""
    ordered: list[type[BaseModel]] = []
    seen: set = set()

    def visit(model):
        if model in seen:
            return
        seen.add(model)
        for field in model.model_fields.values():
            for nested in _nested_models(field.annotation):
                visit(nested)
        ordered.append(model)

    for model in models:
        visit(model)
    return ordered


def _operation_models(api) -> typing.Iterator[type[BaseModel]]:
    for router in api._get_bound_routers():
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                yield from operation.models
                yield from (m for m in (operation.response_models or {}).values() if m)


# ninja's own wrappers: one class per operation, never a component of the document.
_WRAPPERS = {"BodyParams", "QueryParams", "PathParams", "FormParams", "FileParams",
             "HeaderParams", "CookieParams", "NinjaResponseSchema"}  # fmt: skip


def colliding_schema_names(api) -> dict[str, list[type[BaseModel]]]:
    """Component names that several different schemas of `api` claim: the OpenAPI document
    would keep one and describe the other endpoints wrongly."""
    by_name: dict[str, list[type[BaseModel]]] = {}
    for model in _reachable(_operation_models(api)):
        if model.__name__ not in _WRAPPERS:
            by_name.setdefault(model.__name__, []).append(model)
    collisions = {}
    for name, models in by_name.items():
        shapes = {repr(sorted(m.model_json_schema(by_alias=True).items())) for m in models}
        if len(shapes) > 1:
            collisions[name] = models
    return collisions


def unique_schema_names(api) -> None:
    """Give each schema whose name another schema of the API claims its app's prefix
    (`ThemeRef` of projects → `ProjectsThemeRef`), then rebuild the models that use it,
    so that the OpenAPI document has one component per schema."""
    collisions = colliding_schema_names(api)
    if not collisions:
        return
    for models in collisions.values():
        for model in models:
            app = model.__module__.split(".")[1] if model.__module__.startswith("ensemble.") else ""
            name = f"{app.title().replace('_', '')}{model.__name__}"
            model.__name__ = model.__qualname__ = name
    for model in _reachable(_operation_models(api)):
        model.model_rebuild(force=True)
