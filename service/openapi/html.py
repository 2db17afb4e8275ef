"""Render the OpenAPI document as one self-contained HTML page (``GET /docs``).

Server-side, from the document alone: every operation with its parameters, body fields
(types, ranges, defaults, descriptions, examples), request examples, responses and
errors, then every schema and error response.  No scripts, no external assets.
"""
from __future__ import annotations

import json
import re
from html import escape
from typing import Any, Iterable, Mapping

Schema = Mapping[str, Any]
_CODE = re.compile(r"`([^`]+)`")
STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;
color:#1d1d1f}
h1{margin-bottom:0}h2{border-top:1px solid #ccc;padding-top:1.2rem;margin-top:2rem}
code,pre{font:13px ui-monospace,monospace;background:#f4f4f6;border-radius:4px}
code{padding:0 .25em}pre{padding:.6rem;overflow-x:auto;white-space:pre-wrap}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f6}.m{display:inline-block;min-width:3.5rem;text-align:center;
color:#fff;border-radius:4px;padding:0 .4rem;font-weight:600;text-transform:uppercase}
.get{background:#2b7a4b}.post{background:#2354a3}.req{color:#b00;font-weight:600}
nav li{margin:.1rem 0}.muted{color:#666}
"""


def _text(value: str) -> str:
    """Escaped text with `code` spans."""
    return _CODE.sub(r"<code>\1</code>", escape(value))


def _paragraphs(value: str) -> str:
    return "".join(f"<p>{_text(p)}</p>" for p in value.split("\n\n") if p.strip())


def _json(value: Any) -> str:
    return escape(json.dumps(value, ensure_ascii=False))


def _pre(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, indent=2,
                                                           ensure_ascii=False)
    return f"<pre>{escape(text)}</pre>"


def _name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _link(ref: str) -> str:
    name = escape(_name(ref))
    return f'<a href="#schema-{name}">{name}</a>'


def type_of(schema: Schema) -> str:
    """A schema's type in a few words of HTML (``integer``, ``array of SeedRef``)."""
    if "$ref" in schema:
        return _link(schema["$ref"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(type_of(s) for s in schema[key])
    if "enum" in schema:
        return "one of " + ", ".join(f"<code>{_json(v)}</code>" for v in schema["enum"])
    if "const" in schema:
        return f"<code>{_json(schema['const'])}</code>"
    kind = schema.get("type", "any")
    if kind == "array":
        return "array of " + type_of(schema.get("items", {}))
    extra = schema.get("additionalProperties")
    if kind == "object" and isinstance(extra, dict) and extra:
        return "object of " + type_of(extra)
    return escape(str(kind))


def _parts(schema: Schema) -> Iterable[Schema]:
    yield schema
    for key in ("anyOf", "oneOf"):
        for part in schema.get(key, ()):
            yield from _parts(part)


def constraints(schema: Schema) -> str:
    """Ranges, lengths and sizes of a schema (and of its alternatives), in words."""
    out: list[str] = []
    for part in _parts(schema):
        low = (f"{part['minimum']} ≤ " if "minimum" in part else
               f"{part['exclusiveMinimum']} < " if "exclusiveMinimum" in part else "")
        high = (f" ≤ {part['maximum']}" if "maximum" in part else
                f" < {part['exclusiveMaximum']}" if "exclusiveMaximum" in part else "")
        if low or high:
            out.append(f"{low}x{high}")
        if "minLength" in part or "maxLength" in part:
            out.append(f"{part.get('minLength', 0)}–{part.get('maxLength', '…')} characters")
        if "maxItems" in part:
            out.append(f"at most {part['maxItems']} items")
        if part.get("pattern") == r"\S":
            out.append("not blank")
    return escape("; ".join(dict.fromkeys(out)))


def _examples(schema: Schema) -> str:
    examples = schema.get("examples")
    return f"<code>{_json(examples[0])}</code>" if examples else ""


def _default(schema: Schema) -> str:
    return f"<code>{_json(schema['default'])}</code>" if "default" in schema else ""


def _table(head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    top = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{top}</tr></thead><tbody>{body}</tbody></table>"


def fields_table(schema: Schema) -> str:
    """A table of an object schema's properties."""
    required = set(schema.get("required", ()))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        flag = ' <span class="req">required</span>' if name in required else ""
        rows.append([f"<code>{escape(name)}</code>{flag}", type_of(prop), constraints(prop),
                     _default(prop), _text(prop.get("description", "")), _examples(prop)])
    if not rows:
        return ""
    return _table(["field", "type", "range", "default", "description", "example"], rows)


def _parameters(params: list[Schema]) -> str:
    rows = [[f"<code>{escape(p['name'])}</code>"
             + (' <span class="req">required</span>' if p.get("required") else ""),
             escape(p["in"]), type_of(p["schema"]), constraints(p["schema"]),
             _default(p["schema"]), _text(p.get("description", "")),
             f"<code>{_json(p['example'])}</code>" if "example" in p else ""]
            for p in params]
    return "<h3>Parameters</h3>" + _table(
        ["name", "in", "type", "range", "default", "description", "example"], rows)


def _body(body: Schema, schemas: Mapping[str, Schema]) -> str:
    out = ["<h3>Request body</h3>"]
    for media, content in body.get("content", {}).items():
        schema = content.get("schema", {})
        out.append(f"<p><code>{escape(media)}</code>: {type_of(schema)}"
                   f"{' (required)' if body.get('required') else ''}</p>")
        if "$ref" in schema:
            out.append(fields_table(schemas.get(_name(schema["$ref"]), {})))
        for name, ex in content.get("examples", {}).items():
            out.append(f"<p>Example <code>{escape(name)}</code>: "
                       f"{_text(ex.get('summary', ''))}</p>{_pre(ex.get('value'))}")
    return "".join(out)


def _responses(responses: Mapping[str, Schema], shared: Mapping[str, Schema]) -> str:
    rows, examples = [], []
    for status, response in responses.items():
        if "$ref" in response:
            name = _name(response["$ref"])
            response = shared[name]
            where = f' (<a href="#error-{escape(name)}">{escape(name)}</a>)'
        else:
            where = ""
        content = response.get("content", {})
        kinds = "<br>".join(f"<code>{escape(m)}</code>: {type_of(c.get('schema', {}))}"
                            for m, c in content.items())
        headers = "" if where else "".join(  # a shared error's are shown with it
            f"<br>Header <code>{escape(name)}</code>: {_text(spec.get('description', ''))}"
            for name, spec in response.get("headers", {}).items())
        rows.append([f"<b>{escape(status)}</b>{where}",
                     _text(response["description"]) + headers, kinds])
        for media, c in content.items():
            if status.startswith("2") and "example" in c:
                examples.append(f"<p>Example {escape(status)} "
                                f"<code>{escape(media)}</code>:</p>{_pre(c['example'])}")
    return ("<h3>Responses</h3>" + _table(["status", "when", "content"], rows)
            + "".join(examples))


def _operation(path: str, method: str, op: Schema, doc: Schema) -> str:
    components = doc.get("components", {})
    out = [f'<h2 id="{escape(op["operationId"])}"><span class="m {method}">{method}</span> '
           f"<code>{escape(path)}</code></h2>",
           f"<p><b>{_text(op.get('summary', ''))}</b></p>",
           _paragraphs(op.get("description", ""))]
    if op.get("parameters"):
        out.append(_parameters(op["parameters"]))
    if "requestBody" in op:
        out.append(_body(op["requestBody"], components.get("schemas", {})))
    out.append(_responses(op["responses"], components.get("responses", {})))
    return "".join(out)


def _operations(doc: Schema) -> Iterable[tuple[str, str, Schema]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            yield path, method, op


def _schemas(doc: Schema) -> str:
    out = ['<h2 id="schemas">Schemas</h2>']
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        out.append(f'<h3 id="schema-{escape(name)}">{escape(name)}</h3>'
                   f"{_paragraphs(schema.get('description', ''))}")
        out.append(fields_table(schema) or f"<p>{type_of(schema)}</p>")
    return "".join(out)


def _errors(doc: Schema) -> str:
    out = ['<h2 id="errors">Errors</h2><p>Every error has the body '
           f'{_link("Error")}.</p>']
    for name, response in doc.get("components", {}).get("responses", {}).items():
        out.append(f'<h3 id="error-{escape(name)}">{escape(name)}</h3>'
                   f"<p>{_text(response['description'])}</p>")
        for header, spec in response.get("headers", {}).items():
            out.append(f"<p>Header <code>{escape(header)}</code>: "
                       f"{_text(spec.get('description', ''))}</p>")
        for content in response.get("content", {}).values():
            for ex in content.get("examples", {}).values():
                out.append(f"<p>{_text(ex.get('summary', ''))}</p>{_pre(ex['value'])}")
    return "".join(out)


def render_docs(doc: Schema) -> str:
    """The whole page."""
    info = doc["info"]
    toc = "".join(f'<li><a href="#{escape(op["operationId"])}"><span class="m {m}">{m}</span>'
                  f" <code>{escape(p)}</code></a> {_text(op.get('summary', ''))}</li>"
                  for p, m, op in _operations(doc))
    body = "".join(_operation(p, m, op, doc) for p, m, op in _operations(doc))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(info['title'])} API {escape(info['version'])}</title>"
            f"<style>{STYLE}</style></head><body>"
            f"<h1>{escape(info['title'])} API</h1>"
            f'<p class="muted">version {escape(info["version"])} · OpenAPI '
            f'{escape(doc["openapi"])} · <a href="openapi.json">/openapi.json</a></p>'
            f"{_paragraphs(info.get('description', ''))}"
            f'<nav><h2>Endpoints</h2><ul>{toc}</ul><p><a href="#schemas">Schemas</a> · '
            f'<a href="#errors">Errors</a></p></nav>'
            f"{body}{_schemas(doc)}{_errors(doc)}</body></html>")
