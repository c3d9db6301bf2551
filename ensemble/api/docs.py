"""The API's documentation page (/api/docs): our own server-rendered reference of the
OpenAPI schema, in the site's layout, instead of the stock Swagger UI (which loads a
large script, breaks without JavaScript and fails accessibility checks). The machine-
readable schema stays at /api/openapi.json for client generators and Swagger tools."""

from django.shortcuts import render
from ninja.openapi.docs import DocsBase

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(schema: dict) -> str:
    if not isinstance(schema, dict):
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"[{_schema_name(schema.get('items', {}))}]"
    if "anyOf" in schema:
        return " | ".join(filter(None, (_schema_name(part) for part in schema["anyOf"])))
    return schema.get("type", "")


def operations_by_tag(schema: dict) -> list[dict]:
    """[{tag, operations: [{id, method, path, summary, description, parameters, body,
    responses}]}], tags in order of first appearance."""
    groups: dict[str, list[dict]] = {}
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if not operation:
                continue
            tag = (operation.get("tags") or ["api"])[0]
            body = operation.get("requestBody", {}).get("content", {})
            groups.setdefault(tag, []).append(
                {
                    "id": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter.get("name"),
                            "where": parameter.get("in"),
                            "required": parameter.get("required", False),
                            "type": _schema_name(parameter.get("schema", {})),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "body": ", ".join(
                        f"{kind}: {_schema_name(content.get('schema', {}))}"
                        for kind, content in body.items()
                    ),
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return [{"tag": tag, "operations": operations} for tag, operations in groups.items()]


class ApiReference(DocsBase):
    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        context = {
            "title": schema.get("info", {}).get("title", ""),
            "version": schema.get("info", {}).get("version", ""),
            "description": schema.get("info", {}).get("description", ""),
            "groups": operations_by_tag(schema),
            "openapi_url": self.get_openapi_url(api, kwargs),
        }
        return render(request, "api/docs.html", context)
