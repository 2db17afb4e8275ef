"""``components/schemas`` of the document: the request models' JSON Schemas (from
``service.requests.schemas()``, the single source) and the response models', with every
``$ref`` pointing at ``#/components/schemas/<name>``.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from ..requests import MODELS, AttributeFields, Query, schemas
from .error_responses import ERROR_MODELS
from .ops_responses import OPS_RESPONSES
from .responses import RESPONSES, schema_of

PREFIX = "#/components/schemas/"
_LOCAL = "#/$defs/"


def ref(name: str) -> dict[str, str]:
    """A reference to a component schema."""
    return {"$ref": PREFIX + name}


def relink(node: Any) -> Any:
    """A copy of a schema with ``#/$defs/X`` references turned into component ones."""
    if isinstance(node, dict):
        out = {k: relink(v) for k, v in node.items()}
        target = out.get("$ref")
        if isinstance(target, str) and target.startswith(_LOCAL):
            out["$ref"] = PREFIX + target[len(_LOCAL):]
        return out
    if isinstance(node, list):
        return [relink(v) for v in node]
    return node


def _merge(into: dict[str, Any], name: str, schema: Mapping[str, Any]) -> None:
    if name in into and into[name] != schema:
        raise ValueError(f"two different schemas are named {name!r}")
    into[name] = schema


def collect(named: Iterable[tuple[str, Mapping[str, Any]]]) -> dict[str, Any]:
    """Component schemas from ``(name, JSON Schema)`` pairs, their ``$defs`` lifted."""
    out: dict[str, Any] = {}
    for name, schema in named:
        schema = dict(schema)
        for sub, sub_schema in schema.pop("$defs", {}).items():
            _merge(out, sub, relink(sub_schema))
        _merge(out, name, relink(schema))
    return out


def attributes_last(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with the generated min_/max_/target_ attribute fields listed after the
    fields that say what to recommend (key order only: easier to read, same meaning)."""
    props = schema.get("properties")
    if not props:
        return schema
    generated = set(AttributeFields.model_fields)
    ordered = sorted(props, key=lambda name: name in generated)
    return {**schema, "properties": {name: props[name] for name in ordered}}


def absent_not_null(schema: dict[str, Any]) -> dict[str, Any]:
    """The answer schema with its optional fields not nullable: the views leave a field
    out when it has nothing to say (``warnings``, ``random_seed``, an error's ``field``)
    and never send it as null, so a generated client need not handle a None that never
    comes (``warnings: list[str] | None | Unset`` was ``list[str] | Unset``'s due)."""
    props = schema.get("properties")
    if not props:
        return schema
    required = set(schema.get("required", ()))
    return {**schema, "properties": {
        name: prop if name in required else _not_null(prop) for name, prop in props.items()}}


def _not_null(prop: dict[str, Any]) -> dict[str, Any]:
    branches = [b for b in prop.get("anyOf", ()) if b != {"type": "null"}]
    if len(branches) != 1 or len(prop["anyOf"]) != 2 or prop.get("default", 0) is not None:
        return prop
    rest = {k: v for k, v in prop.items() if k not in ("anyOf", "default")}
    return {**rest, **branches[0]}


def request_schemas() -> dict[str, Any]:
    """Body models and their parts (query and path models become parameters)."""
    return {name: attributes_last(schema) for name, schema in schemas().items()
            if not issubclass(MODELS[name], Query)}


def component_schemas() -> dict[str, Any]:
    """Every component schema, requests first, then responses, by name."""
    pairs = [*request_schemas().items(),
             *((name, schema_of(model)) for name, model in
               {**RESPONSES, **ERROR_MODELS, **OPS_RESPONSES}.items())]
    answers = set(RESPONSES) | set(ERROR_MODELS) | set(OPS_RESPONSES)
    return {name: absent_not_null(schema) if name in answers else schema
            for name, schema in collect(pairs).items()}
