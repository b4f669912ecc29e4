"""POST /v1/ask, the JSON API beside the page: real server on 127.0.0.1, real HTTP requests."""

from __future__ import annotations

import base64
import http.client
import json

import pytest

from rag.api import JsonApi
from rag.ui import build_app
from tests.e2e.test_ui import DEFICIT, launch_page


def _serve(pipeline, logins=None, in_flight=4, rate_limit=0):
    app = build_app(pipeline, rate_limit=rate_limit)
    server_app, port = launch_page(app, auth=logins or None)
    JsonApi(app.rag_service, logins, in_flight).mount(server_app)
    return app, port


def _post(port, body, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/v1/ask", body if isinstance(body, bytes) else json.dumps(body).encode(),
                       {"Content-Type": "application/json", **(headers or {})})
    reply = connection.getresponse()
    return reply.status, json.loads(reply.read()), dict(reply.getheaders())


@pytest.fixture(scope="module")
def api(pipeline):
    app, port = _serve(pipeline)
    yield port
    app.close()


def test_the_json_api_answers_as_rag_ask_json(api, pipeline):
    status, data, _ = _post(api, {"question": DEFICIT, "k": 6})
    assert status == 200 and data == pipeline.ask(DEFICIT, 6).to_json()
    status, data, _ = _post(api, {"question": "What trade deal was discussed?", "since": "2026-01-01"})
    assert status == 200 and all(c["date"] >= "2026" for c in data["citations"])


@pytest.mark.parametrize("body, message", [
    ({"question": "x", "k": 10**9}, "whole number from 1 to 50"),
    ({"question": "x", "k": "six"}, "whole number"),
    ({"question": "x", "generator": "os.path:join"}, "unknown generator"),
    ({"question": "x", "mode": "everything"}, "mode must be one of"),
    ({"question": "x", "since": "2025-13-45"}, "2025-13-45"),
    ({"question": "x", "sources": "all"}, "sources must be a list"),
    ({"question": "x", "extra": 1}, "unknown field"),
    ({"question": 42}, '"question"'),
    (b"not json", "Expecting value"),
    ({"question": "x" * 20_000}, "larger than"),
])
def test_what_a_client_sends_is_checked_and_refused_in_one_line(api, body, message):
    status, data, _ = _post(api, body)
    assert status in (400, 413) and message in data["error"] and "\n" not in data["error"]


def test_the_json_api_asks_for_the_pages_login(pipeline):
    app, port = _serve(pipeline, logins=[("reader", "s3cret")])
    try:
        status, data, headers = _post(port, {"question": DEFICIT})
        assert status == 401 and headers.get("www-authenticate", headers.get("WWW-Authenticate"))
        wrong = base64.b64encode(b"reader:guess").decode()
        assert _post(port, {"question": DEFICIT}, {"Authorization": f"Basic {wrong}"})[0] == 401
        right = base64.b64encode(b"reader:s3cret").decode()
        status, data, _ = _post(port, {"question": DEFICIT}, {"Authorization": f"Basic {right}"})
        assert status == 200 and "45.7 billion" in data["answer"]
    finally:
        app.close()


def test_overload_and_the_rate_limit_are_told_at_once_never_a_hung_request(pipeline):
    app, port = _serve(pipeline, in_flight=0, rate_limit=2)
    try:
        status, data, headers = _post(port, {"question": DEFICIT})
        assert status == 503 and data["error"].startswith("busy") and headers.get("retry-after", "1") == "1"
        assert _post(port, {"question": DEFICIT})[0] == 503
        status, data, _ = _post(port, {"question": DEFICIT})  # the third in a minute from this client
        assert status == 429 and "at most 2 questions a minute" in data["error"]
    finally:
        app.close()
