"""The OpenAPI document (/openapi.json) and its HTML page (/docs): valid OpenAPI 3.1,
complete (every route, request field, error), examples that hold, real answers that
match the documented schemas."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from jsonschema import Draft202012Validator, validators
from openapi_spec_validator import validate

from service import create_app
from service.openapi import ERROR_RESPONSES, OPERATIONS, build_document, version
from service.requests import (
    MODELS,
    AddTracksBody,
    PlaylistBody,
    Query,
    RecommendBody,
    RemoveTracksBody,
    RollbackBody,
    parse,
)

from service.resources import Resources

from .fixtures import error_of

FLASK_ONLY = {"HEAD", "OPTIONS"}
BODY_MODELS = {"RecommendBody": RecommendBody, "PlaylistBody": PlaylistBody,
               "AddTracksBody": AddTracksBody, "RemoveTracksBody": RemoveTracksBody,
               "RollbackBody": RollbackBody}


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return build_document()


#: JSON Schema counts 222000.0 an integer; Go's encoding/json and Rust's serde refuse it
#: for the integer field a client generated from the document has: an integer must be
#: one in the JSON text, in answers and examples alike
StrictValidator = validators.extend(
    Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: type(value) is int))


def validator(doc: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for a schema whose refs point into the document's components."""
    return StrictValidator({**schema, "components": doc["components"]})


def assert_matches(doc: dict[str, Any], schema: dict[str, Any], value: Any) -> None:
    errors = sorted(validator(doc, schema).iter_errors(value), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[a-z]+:)?[a-z_]+>", "{}", rule)


def test_served_document_is_valid_openapi_3_1(client, doc):
    response = client.get("/openapi.json")
    assert response.status_code == 200 and response.content_type == "application/json"
    served = response.get_json()
    assert served == doc
    validate(served)
    assert served["openapi"] == "3.1.0"
    assert served["info"]["title"] == "feelalike" and served["info"]["version"] == version()


def test_version_comes_from_the_package_metadata():
    from importlib import metadata

    assert version() == metadata.version("feelalike")


def test_every_route_of_the_app_is_documented(app, doc):
    routes = {(openapi_path(rule.rule), method.lower())
              for rule in app.url_map.iter_rules() if rule.endpoint != "static"
              for method in rule.methods - FLASK_ONLY}
    documented = {(re.sub(r"\{[^}]+\}", "{}", path), method)
                  for path, item in doc["paths"].items() for method in item}
    assert routes == documented


def test_every_request_field_is_documented_with_a_description_and_an_example(doc):
    schemas = doc["components"]["schemas"]
    for name, model in BODY_MODELS.items():
        fields = {f.alias or n for n, f in model.model_fields.items()}
        assert fields == set(schemas[name]["properties"]), name
    for name, model in MODELS.items():
        if issubclass(model, Query):
            continue
        for prop, schema in schemas[name]["properties"].items():
            assert schema.get("description"), f"{name}.{prop}"
            assert schema.get("examples"), f"{name}.{prop}"
    params = {(op.path, op.method): {p["name"]: p for p in
                                     doc["paths"][op.path][op.method].get("parameters", [])}
              for op in OPERATIONS}
    for op in OPERATIONS:
        for model in (op.query, op.path_model):
            if model is None:
                continue
            names = {f.alias or n for n, f in model.model_fields.items()}
            documented = params[op.path, op.method]
            assert names <= set(documented), (op.path, names)
            for name in names:
                assert documented[name]["description"] and "example" in documented[name]
    assert params["/v1/tracks/{id}", "get"]["id"]["in"] == "path"
    assert params["/v1/playlists", "post"]["format"]["schema"]["$ref"].endswith("/ExportFormat")
    assert doc["components"]["schemas"]["ExportFormat"]["enum"] == [
        "json", "m3u8", "xspf", "jspf", "csv"]


def test_every_response_field_is_described(doc):
    for name, schema in doc["components"]["schemas"].items():
        assert schema.get("description"), name
        for prop, sub in schema.get("properties", {}).items():
            assert sub.get("description") or "$ref" in sub, f"{name}.{prop}"


def test_refs_all_resolve_to_components(doc):
    text = repr(doc)
    assert "#/$defs/" not in text
    for target in re.findall(r"'\$ref': '([^']+)'", text):
        kind, name = target.split("/")[-2:]
        assert name in doc["components"][kind], target


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: f"{op.method} {op.path}")
def test_each_operation_documents_its_answer_and_errors(doc, op):
    item = doc["paths"][op.path][op.method]
    assert item["summary"] and item["description"] and item["operationId"]
    responses = item["responses"]
    assert responses["200"]["content"]
    assert {"414", "500"} <= set(responses)
    assert ("413" in responses) == (op.method == "post")
    assert ("415" in responses) == bool(op.body)
    if op.path.startswith("/v1/"):
        assert {"400", "503"} <= set(responses)
    seeds = op.path in ("/v1/recommendations", "/v1/playlists", "/v1/path")
    if seeds:
        assert responses["404"] == {"$ref": "#/components/responses/SeedNotFound"}
    if op.path == "/v1/tracks/{id}":
        assert responses["404"] == {"$ref": "#/components/responses/TrackNotFound"}
    if op.path == "/v1/playlists":
        assert set(responses["200"]["content"]) == {
            "application/json", "audio/x-mpegurl", "application/xspf+xml",
            "application/jspf+json", "text/csv"}


def test_request_examples_are_accepted_by_the_request_models(doc):
    for op in OPERATIONS:
        body = doc["paths"][op.path][op.method].get("requestBody")
        if not body:
            continue
        content = body["content"]["application/json"]
        model = BODY_MODELS[content["schema"]["$ref"].rsplit("/", 1)[1]]
        assert len(content["examples"]) >= 2
        for example in content["examples"].values():
            parse(model, example["value"])
            assert_matches(doc, content["schema"], example["value"])


def test_answer_and_error_examples_match_their_schemas(doc):
    count = 0
    for item in doc["paths"].values():
        for op in item.values():
            for content in op["responses"]["200"]["content"].values():
                if "example" in content:
                    assert_matches(doc, content["schema"], content["example"])
                    count += 1
    for name, response in doc["components"]["responses"].items():
        for example in response["content"]["application/json"]["examples"].values():
            assert_matches(doc, {"$ref": "#/components/schemas/Error"}, example["value"])
            count += 1
    assert count >= 18
    assert set(ERROR_RESPONSES) == set(doc["components"]["responses"])


#: headers a client acts on: each that an answer carries must be in its documented
#: response (found by an app developer: none was, so a client generated from the
#: document had no Retry-After to wait for and lost an export's warnings)
CLIENT_HEADERS = {"Allow", "Retry-After", "WWW-Authenticate", "Content-Disposition",
                  "X-Feelalike-Warnings"}


def _check(doc: dict[str, Any], response, path: str, method: str = "get") -> Any:
    """A real answer against the schema documented for its status and media type."""
    documented = doc["paths"][path][method]["responses"][str(response.status_code)]
    if "$ref" in documented:
        documented = doc["components"]["responses"][documented["$ref"].rsplit("/", 1)[1]]
    media = response.content_type.split(";")[0]
    schema = documented["content"][media]["schema"]
    value = response.get_json() if "json" in media else response.get_data(as_text=True)
    assert_matches(doc, schema, value)
    headers = documented.get("headers", {})
    for name in CLIENT_HEADERS & set(response.headers.keys()):
        assert name in headers, (path, response.status_code, name)  # a client reads it
        assert_matches(doc, headers[name]["schema"], response.headers[name])
    if isinstance(value, dict) and "error" in value:  # found by a tester: retry_after,
        # header and ids were sent and not documented (the detail allows extra fields)
        documented = doc["components"]["schemas"]["ErrorDetail"]["properties"]
        assert set(value["error"]) <= set(documented), set(value["error"]) - set(documented)
    return value


def test_real_answers_match_the_documented_schemas(client, published, doc):
    rec = "/v1/recommendations"
    _check(doc, client.get(f"{rec}?seed=trk3&limit=3"), rec)
    rich = _check(doc, client.post(rec, json={"seeds": ["trk3", {"seed": "trk5", "weight": 2}],
                                              "text": "zzz", "temperature": 1}), rec, "post")
    assert rich["random_seed"] >= 0 and rich["warnings"]
    pl = "/v1/playlists"
    body = {"seed": "trk3", "length": 4, "arc": {"from": "lonely", "to": "hopeful"}}
    for fmt in ("json", "m3u8", "xspf", "jspf"):
        assert client.post(f"{pl}?format={fmt}", json=body).status_code == 200
        _check(doc, client.post(f"{pl}?format={fmt}", json=body), pl, "post")
    short = client.post(f"{pl}?format=m3u8", json={"seed": "trk3", "length": 100})
    assert json.loads(short.headers["X-Feelalike-Warnings"])  # 100 of 41 tracks: warned
    _check(doc, short, pl, "post")
    _check(doc, client.get("/v1/path?from=trk3&to=trk9&steps=2"), "/v1/path")
    _check(doc, client.get("/v1/path?from=trk3&to=trk9&steps=50&format=csv"), "/v1/path")
    _check(doc, client.get("/v1/tracks?q=song&limit=3"), "/v1/tracks")
    _check(doc, client.get("/v1/tracks/trk40"), "/v1/tracks/{id}")
    assert "mode" in _check(doc, client.get("/v1/tracks/trk3"), "/v1/tracks/{id}")["features"]
    _check(doc, client.get("/healthz"), "/healthz")
    _check(doc, client.get("/readyz"), "/readyz")
    _check(doc, client.get("/"), "/")
    _check(doc, client.get("/embed?seed=trk3&limit=3"), "/embed")


def test_real_errors_match_the_documented_schemas(client, published, doc):
    rec = "/v1/recommendations"
    error_of(client.get(f"{rec}?seed=trk3&limit=0"), 400, "bad_request")
    _check(doc, client.get(f"{rec}?seed=trk3&limit=0"), rec)
    _check(doc, client.post(rec, json={"seeds": ["zzzz qqqq"]}), rec, "post")
    _check(doc, client.get("/v1/tracks/nope"), "/v1/tracks/{id}")
    _check(doc, client.post("/v1/playlists", data="[1"), "/v1/playlists", "post")
    _check(doc, client.get("/healthz?" + "a" * 5000), "/healthz")
    _check(doc, client.post(rec, data="[" + " " * 1_100_000 + "]"), rec, "post")
    error_of(client.post(rec, data="[" + " " * 1_100_000 + "]"), 413,
             "request_entity_too_large")
    error_of(client.get("/docs?" + "a" * 5000), 414, "request_uri_too_long")
    for query in ("seed=trk3&limit=0", "limit=3", "seed=zzzz%20qqqq", "seed=" + "x" * 5000):
        _check(doc, client.get(f"/embed?{query}"), "/embed")  # 414 too: an HTML page
    not_allowed = client.put(rec)
    error_of(not_allowed, 405, "method_not_allowed")
    assert set(not_allowed.headers["Allow"].split(", ")) >= {"GET", "POST"}
    documented = doc["components"]["responses"]["MethodNotAllowed"]
    assert "Allow" in documented["headers"]
    assert_matches(doc, documented["content"]["application/json"]["schema"],
                   not_allowed.get_json())


def test_not_ready_is_documented_as_it_is_answered(client, store, doc):
    _check(doc, client.get("/readyz"), "/readyz")
    _check(doc, client.get("/v1/tracks?q=song"), "/v1/tracks")


def test_every_rate_limited_get_documents_its_429(store, published, env, doc):
    """Found by a tester: /openapi.json and /docs answered 429 and did not say so."""
    client = create_app({"TESTING": True, "RESOURCES": Resources(store),
                         "RATE_LIMIT": "1/minute"}).test_client()
    for path, operations in doc["paths"].items():
        if "get" not in operations:
            continue
        url = path.replace("{id}", "trk3") + ("?seed=trk3" if "seed" in str(
            operations["get"].get("parameters", "")) else "")
        statuses = [client.get(url).status_code for _ in range(2)]
        if 429 in statuses:
            _check(doc, client.get(url), path)
        else:
            assert "429" not in operations["get"]["responses"], path


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_docs_page_renders_every_operation_field_and_error(client, doc):
    response = client.get("/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = _Page()
    page.feed(response.get_data(as_text=True))
    text = re.sub(r"\s+", " ", " ".join(page.text))
    assert "script" not in page.tags and "link" not in page.tags
    assert all(not url.startswith(("http:", "https:", "//")) for url in page.urls)
    for path, item in doc["paths"].items():
        assert path in text
        for op in item.values():
            assert op["summary"] in text
    for name in ("seeds", "negative_seeds", "moods", "min_tempo", "target_energy", "arc",
                 "min_artist_gap", "tempo_tolerance", "random_seed", "weight", "from"):
        assert name in text
    for name in ("RecommendBody", "PlaylistBody", "SeedRef", "TrackDocument", "Error"):
        assert f"#schema-{name}" in page.urls
    for name in CLIENT_HEADERS:  # an export's and an error's
        assert f"Header {name} " in text, name
    for code in ("bad_request", "seed_not_found", "track_not_found", "model_not_ready",
                 "store_unavailable", "internal_error", "method_not_allowed",
                 "request_entity_too_large", "request_uri_too_long"):
        assert code in text
    assert "0 < x ≤ 10" in text and "1 ≤ x ≤ 100" in text and "at most 5 items" in text
    assert "Header Allow" in text
    assert "Loneliness #3" in text and "late-night city drive" in text


def test_empty_query_values_are_documented_where_they_mean_the_default(client, published, doc):
    empty = {(path, p["name"]) for path, item in doc["paths"].items() for op in item.values()
             for p in op.get("parameters", []) if p.get("allowEmptyValue")}
    assert empty == {("/v1/recommendations", "limit"), ("/v1/recommendations", "offset"),
                     ("/v1/tracks", "limit"),
                     ("/v1/tracks", "offset"), ("/v1/path", "steps"), ("/embed", "limit"),
                     ("/v1/path", "format"), ("/v1/playlists", "format")}
    assert client.get("/v1/tracks?q=song&offset=").get_json()["offset"] == 0
    assert len(client.get("/v1/recommendations?seed=trk3&limit=").get_json()["results"]) == 10
    assert client.get("/embed?seed=trk3&limit=").get_data(as_text=True).count("<li>") == 5
    for blank in ("%20", "%20%20", "%E2%80%8B", "%F3%A0%80%A0", "%E3%85%A4"):  # and fillers
        answer = client.get(f"/v1/recommendations?seed=trk3&limit={blank}").get_json()
        assert len(answer["results"]) == 10, blank
        assert len(client.get(f"/v1/path?from=trk3&to=trk9&steps={blank}")
                   .get_json()["tracks"]) <= 10
    error_of(client.get("/v1/recommendations?seed=&limit=3"), 400, "bad_request")
    answer = client.post("/v1/playlists?format=", json={"seed": "trk3"})
    assert answer.status_code == 200 and answer.get_json()["tracks"]  # JSON, the default


def test_routes_that_ask_for_a_key_document_the_key_header(store, published, doc):
    """Found by a tester: the document named no security scheme, so a generated client
    could not send X-API-Key.  With keys required for reads, every route that answers
    401 without a key lists the scheme (the admin routes as required); the others none,
    nor the widget, which is off when keys are required (a frame cannot send one)."""
    scheme = doc["components"]["securitySchemes"]["ApiKey"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-API-Key")
    bearer = doc["components"]["securitySchemes"]["Bearer"]
    assert (bearer["type"], bearer["scheme"]) == ("http", "bearer")
    client = create_app({"TESTING": True, "RESOURCES": Resources(store), "RATE_LIMIT": "off",
                         "API_KEYS": ("reader",), "ADMIN_KEYS": ("admin",),
                         "REQUIRE_KEYS_FOR_READS": True}).test_client()
    for op in OPERATIONS:
        url = op.path.replace("{id}", "trk3")
        response = client.open(url, method=op.method.upper(), json={} if op.body else None)
        security = doc["paths"][op.path][op.method].get("security")
        if response.status_code != 401 or op.html_errors:
            assert security is None, (op.method, op.path)
        elif op.path.startswith("/v1/admin"):
            assert security == [{"ApiKey": []}, {"Bearer": []}], op.path
        else:
            assert security == [{}, {"ApiKey": []}, {"Bearer": []}], (op.method, op.path)
        if response.status_code == 401 and not op.html_errors:
            _check(doc, response, op.path, op.method)
