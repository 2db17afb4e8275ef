"""The admin routes for model versions over real HTTP (`feelalike serve`, real Redis):
`GET /v1/admin/versions` shows what `feelalike versions --json` shows, and `POST
/v1/admin/rollback` undoes an admin update as `feelalike rollback` does; every refusal
has its status and code and leaves the live model as it was."""
from __future__ import annotations

import json

import pytest

from models.build import build
from models.ingest import Catalog
from service.openapi import build_document
from service.store import ModelStore, Updater

from .fixtures import error_of, make_app, make_track
from .test_openapi import _check
from .test_admin import ADMIN, NEW_ID, READER, SIMILAR, admin, error, serve, similar_ids

ROLLBACK, VERSIONS = "/v1/admin/rollback", "/v1/admin/versions"


@pytest.fixture()
def live(store) -> str:
    return store.publish(build(Catalog(tracks=[make_track(i) for i in range(60)]), k=10))


@pytest.fixture()
def server(env, live):
    srv = serve(env, FEELALIKE_ADMIN_KEYS=ADMIN, FEELALIKE_API_KEYS=READER)
    yield srv
    srv.stop()


def ready(server) -> tuple[str, int]:
    body = server.get("/readyz").json()
    return body["model_version"], body["tracks"]


def added(server) -> dict:
    response = server.post("/v1/admin/tracks", json={"tracks": [SIMILAR]}, headers=admin())
    assert response.status_code == 200, response.text
    return response.json()


def rolled_back(server, **send) -> dict:
    response = server.post(ROLLBACK, headers=admin(), **send)
    assert response.status_code == 200, response.text
    return response.json()


def without_countdown(listing: dict) -> dict:
    """A listing without its seconds left (they count down between two reads)."""
    return {**listing, "versions": [{**v, "seconds_left": v["seconds_left"] is None}
                                    for v in listing["versions"]]}


def test_versions_shows_what_the_cli_shows(server, live, runner):
    grown = added(server)["model_version"]
    response = server.get(VERSIONS, headers=admin())
    assert response.status_code == 200, response.text
    shown = response.json()
    newest, older = shown["versions"]
    assert shown["live"] == newest["version"] == grown
    assert (newest["state"], newest["made_by"], newest["tracks"], newest["base"]) == \
        ("live", "add", 61, live)
    assert (older["version"], older["state"], older["made_by"], older["tracks"]) == \
        (live, "previous", "build", 60)
    assert older["seconds_left"] > 0 and newest["seconds_left"] is None
    assert newest["command"] is None  # one request, one version: no steps to undo
    code, out, err = runner("versions", "--json")
    assert code == 0, err
    assert without_countdown(json.loads(out)) == without_countdown(shown)


def test_rollback_after_an_add_serves_the_model_before_it_and_again_returns(server, live):
    before = server.get("/v1/recommendations?seed=trk3&limit=20").json()
    grown = added(server)["model_version"]
    assert NEW_ID in similar_ids(server, "trk3")[:3]  # cached for the grown version
    done = rolled_back(server)  # no body at all
    assert done == {"model_version": live, "previous_version": grown, "tracks": 60,
                    "previous_seconds_left": done["previous_seconds_left"], "undone": None}
    assert done["previous_seconds_left"] > 0
    assert ready(server) == (live, 60)
    assert server.get("/v1/recommendations?seed=trk3&limit=20").json() == before
    error(server.get(f"/v1/tracks/{NEW_ID}"), 404, "track_not_found")
    states = {v["version"]: v["state"] for v in
              server.get(VERSIONS, headers=admin()).json()["versions"]}
    assert states == {live: "live", grown: "previous"}
    again = rolled_back(server, json={"version": None})
    assert (again["model_version"], again["previous_version"], again["tracks"]) == \
        (grown, live, 61)
    assert ready(server) == (grown, 61) and NEW_ID in similar_ids(server, "trk3")[:3]


def test_rollback_after_a_removal_brings_the_tracks_back(server, store, live):
    response = server.post("/v1/admin/removals", json={"ids": ["trk3", "trk4"]},
                           headers=admin())
    assert response.status_code == 200 and response.json()["tracks"] == 58
    assert rolled_back(server, json={})["tracks"] == 60
    assert server.get("/v1/tracks/trk3").status_code == 200 and ready(server) == (live, 60)
    assert store.removed_among(["trk3", "trk4"]) == [False, False]  # no longer held back
    assert server.delete("/v1/admin/tracks/trk5", headers=admin()).status_code == 200
    assert rolled_back(server)["model_version"] == live
    assert server.get("/v1/tracks/trk5").json()["id"] == "trk5"


def test_rollback_to_a_named_version_skips_the_ones_between(server, live):
    added(server)
    server.delete("/v1/admin/tracks/trk1", headers=admin())
    done = rolled_back(server, json={"version": live})
    assert (done["model_version"], done["tracks"]) == (live, 60) and ready(server)[0] == live


def test_a_fresh_build_has_nothing_to_roll_back_to(server, live):
    body = error(server.post(ROLLBACK, headers=admin()), 409, "nothing_to_roll_back")
    assert live in body["message"]
    body = error(server.post(ROLLBACK, json={"version": live}, headers=admin()), 409,
                 "version_unusable")
    assert body["reason"] == "live" and "already live" in body["message"]
    assert ready(server) == (live, 60)


def test_unknown_expired_pending_and_incomplete_versions_are_refused(server, store, live):
    grown = added(server)["model_version"]
    body = error(server.post(ROLLBACK, json={"version": "20200101T000000Z-nope"},
                             headers=admin()), 404, "version_not_found")
    assert "no model version 20200101T000000Z-nope is held" in body["message"]
    pending = store.register("20990101T000000Z-unfinished")  # a build writing its keys
    body = error(server.post(ROLLBACK, json={"version": pending}, headers=admin()), 409,
                 "version_unusable")
    assert body["reason"] == "pending" and "still being written" in body["message"]
    store.client.delete(store.key_for("neighbours", version=live))  # evicted
    body = error(server.post(ROLLBACK, json={"version": live}, headers=admin()), 409,
                 "version_unusable")
    assert body["reason"] == "incomplete" and "lost some of its keys" in body["message"]
    error(server.post(ROLLBACK, headers=admin()), 409, "nothing_to_roll_back")
    store.client.delete(store.key_for("meta", version=live))  # its grace period ended
    body = error(server.post(ROLLBACK, json={"version": live}, headers=admin()), 404,
                 "version_not_found")
    assert "expired" in body["message"]
    assert ready(server) == (grown, 61)


BAD_BODIES = [
    ("[1", "body"), ("[]", "body"), ('"x"', "body"),
    ({"version": 5}, "version"), ({"version": ""}, "version"), ({"version": " \u200b "},
                                                               "version"),
    ({"version": ["a"]}, "version"), ({"version": "v" * 101}, "version"),
    ({"versions": "x"}, "versions"), ({"version": "a", "force": True}, "force"),
]


def test_bad_bodies_name_their_field_and_change_nothing(server, live):
    added(server)
    now = ready(server)
    for body, field in BAD_BODIES:
        send = {"data": body} if isinstance(body, str) else {"json": body}
        response = server.post(ROLLBACK, headers={**admin(), "Content-Type":
                                                  "application/json"}, **send)
        assert error(response, 400, "bad_request")["field"] == field, body
    # a body field in the query string would be ignored: refused, with a body or none
    for send in ({}, {"json": {}}):
        response = server.post(f"{ROLLBACK}?version={live}", headers=admin(), **send)
        assert error(response, 400, "bad_request")["field"] == "version"
    error(server.post(ROLLBACK, data="version=x", headers={
        **admin(), "Content-Type": "application/x-www-form-urlencoded"}), 415,
        "unsupported_media_type")
    assert ready(server) == now


def test_the_version_routes_need_an_admin_key_that_is_never_echoed(server, live):
    grown = added(server)["model_version"]
    for headers, status, code in (({}, 401, "unauthorized"),
                                  ({"X-API-Key": "wrong-key-789"}, 401, "unauthorized"),
                                  ({"X-API-Key": READER}, 403, "forbidden")):
        for response in (server.get(VERSIONS, headers=headers),
                         server.post(ROLLBACK, json={"version": live}, headers=headers)):
            error(response, status, code)
            assert "wrong-key-789" not in response.text and READER not in response.text
    assert ready(server)[0] == grown


def test_a_publish_during_the_rollback_is_a_409_and_wins(redis_client, prefix, env, live):
    """Another update goes live between the rollback's look at the versions and its
    flip: the rollback is refused as an update would be, and the live model is the
    other update's."""
    class Racing(ModelStore):
        def versions(self):
            held = super().versions()
            if self.racing:
                self.racing = False
                Updater(ModelStore(self.client, prefix=self.prefix)).add([make_track(90)])
            return held

    store = Racing(redis_client, prefix=prefix, grace_seconds=60)
    store.racing = False
    client = make_app(store, ADMIN_KEYS=(ADMIN,)).test_client()
    assert client.post("/v1/admin/tracks", json={"tracks": [SIMILAR]},
                       headers=admin()).status_code == 200
    store.racing = True
    body = error_of(client.post(ROLLBACK, headers=admin()), 409, "update_conflict")
    assert "rollback" in body["message"]
    now = store.current_version()
    assert store.row_of(now, "trk90") is not None and now != live
    assert client.post(ROLLBACK, headers=admin()).status_code == 200  # asked again: done


@pytest.mark.parametrize("lost, status, code", [("neighbours", 409, "version_unusable"),
                                                  ("meta", 404, "version_not_found")])
def test_a_version_that_loses_keys_during_the_rollback_is_refused_by_name(
        redis_client, prefix, env, live, lost, status, code):
    """The version gone back to is evicted, or its grace period ends, between the
    rollback's look at the versions and its flip: it was a 503 store_unavailable, as if
    Redis had failed; it is refused as the same version listed so is."""
    class Evicting(ModelStore):
        def versions(self):
            held = super().versions()
            if self.evicting:
                self.client.delete(self.key_for(lost, version=live))
            return held

    store = Evicting(redis_client, prefix=prefix, grace_seconds=60)
    store.evicting = False
    client = make_app(store, ADMIN_KEYS=(ADMIN,)).test_client()
    assert client.post("/v1/admin/tracks", json={"tracks": [SIMILAR]},
                       headers=admin()).status_code == 200
    now, store.evicting = store.current_version(), True
    body = error_of(client.post(ROLLBACK, headers=admin()), status, code)
    assert live in body["message"] and "while the rollback ran" in body["message"]
    assert store.current_version() == now
    assert client.get("/v1/recommendations?seed=trk3").status_code == 200


def test_versions_and_rollback_over_http_on_a_cluster_and_a_single_server(any_store, env):
    first = any_store.publish(build(Catalog(tracks=[make_track(i) for i in range(40)]), k=10))
    client = make_app(any_store, ADMIN_KEYS=(ADMIN,)).test_client()
    removed = client.post("/v1/admin/removals", json={"ids": ["trk2"]}, headers=admin())
    assert removed.status_code == 200
    listing = client.get(VERSIONS, headers=admin()).get_json()
    assert [v["state"] for v in listing["versions"]] == ["live", "previous"]
    done = client.post(ROLLBACK, headers=admin()).get_json()
    assert (done["model_version"], done["tracks"]) == (first, 40)
    assert client.get("/v1/tracks/trk2").status_code == 200
    assert any_store.removed_among(["trk2"]) == [False]


def test_answers_and_refusals_match_the_openapi_document(store, live, env):
    doc, client = build_document(), make_app(store, ADMIN_KEYS=(ADMIN,)).test_client()
    refusals = [(client.post(ROLLBACK, headers=admin()), 409, "nothing_to_roll_back"),
                (client.post(ROLLBACK, json={"version": "x"}, headers=admin()), 404,
                 "version_not_found"),
                (client.post(ROLLBACK, json={"version": live}, headers=admin()), 409,
                 "version_unusable"),
                (client.post(ROLLBACK, json={"version": 1}, headers=admin()), 400,
                 "bad_request"),
                (client.get(VERSIONS), 401, "unauthorized")]
    for response, status, code in refusals:
        error_of(response, status, code)
        _check(doc, response, response.request.path, response.request.method.lower())
    client.post("/v1/admin/tracks", json={"tracks": [SIMILAR]}, headers=admin())
    listing = _check(doc, client.get(VERSIONS, headers=admin()), VERSIONS)
    assert len(listing["versions"]) == 2
    done = _check(doc, client.post(ROLLBACK, headers=admin()), ROLLBACK, "post")
    assert done["model_version"] == live
