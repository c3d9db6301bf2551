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
