"""The HTTP service through Flask's test client: every route and every error class."""

from __future__ import annotations

import base64
import codecs
import io
import json
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

import cleaner
from cleaner.options import OPTION_NAMES
from cleaner.web import create_app, request_id_from
from cleaner.web.bodies import BodyReader, TimeLimitExceeded, time_limit
from cleaner.web.errors import Problem
from cleaner.web.openapi import build_document
from cleaner.web.serve import gunicorn_argv
from cleaner.web.settings import DEFAULTS

MOJIBAKE = "Caf\u00c3\u00a9 cr\u00c3\u00a8me"
REPAIRED = "Caf\u00e9 cr\u00e8me"
ARTICLE = (
    "The first paragraph of the article is long enough to read as content.\n"
    "BUY NOW and save on everything\n"
    "The second paragraph of the article carries on with the story.\n"
)
PROBLEM = "application/problem+json"


# ---- fixtures ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _single_process_metrics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)


def make_app(**config: Any) -> Flask:
    return create_app({"TESTING": True, "WARM_UP": False, **config})


@pytest.fixture
def app() -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def assert_problem(response: Any, status: int, option: str | None = None) -> dict[str, Any]:
    """The response is an RFC 9457 problem with ``status``; returns its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert {"type", "title", "status", "detail"} <= body.keys()
    assert body["status"] == status
    assert body.get("request_id") == response.headers["X-Request-ID"]
    if option is not None:
        assert body["option"] == option
    return body


def same_codec(name: str | None, expected: str) -> bool:
    return name is not None and codecs.lookup(name).name == codecs.lookup(expected).name


def ndjson(*records: Any) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def read_ndjson(response: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


# ---- factory and configuration -------------------------------------------------------


def test_factory_defaults_and_test_config() -> None:
    assert not create_app({"WARM_UP": False}).testing
    app = make_app(MAX_BODY_BYTES=1234)
    assert app.testing
    assert app.config["MAX_BODY_BYTES"] == 1234
    assert app.config["MAX_BATCH_LINES"] == DEFAULTS["MAX_BATCH_LINES"]


def test_factory_reads_prefixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_MAX_BODY_BYTES", "4096")
    monkeypatch.setenv("CLEANER_API_KEYS", "k1,k2")
    monkeypatch.setenv("CLEANER_WARM_UP", "false")
    app = create_app()
    assert app.config["MAX_BODY_BYTES"] == 4096
    assert app.config["API_KEYS"] == ("k1", "k2")
    assert app.config["WARM_UP"] is False


def test_factory_refuses_bad_limits() -> None:
    with pytest.raises(ValueError, match="MAX_BODY_BYTES"):
        make_app(MAX_BODY_BYTES=0)
    with pytest.raises(ValueError, match="REQUEST_TIME_LIMIT"):
        make_app(REQUEST_TIME_LIMIT="soon")


def test_each_app_has_its_own_metrics() -> None:
    first, second = make_app(), make_app()
    first.test_client().post("/v1/clean", json={"text": "x"})
    text = second.test_client().get("/metrics").get_data(as_text=True)
    assert 'cleaner_documents_total{outcome="ok"}' not in text


# ---- POST /v1/clean ------------------------------------------------------------------


def test_clean_text_plain_returns_clean_text(client: FlaskClient) -> None:
    r = client.post("/v1/clean", data=MOJIBAKE.encode(), content_type="text/plain; charset=utf-8")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert r.get_data(as_text=True) == REPAIRED


def test_clean_text_plain_with_accept_json_returns_report(client: FlaskClient) -> None:
    r = client.post(
        "/v1/clean",
        data=MOJIBAKE.encode(),
        content_type="text/plain; charset=utf-8",
        headers={"Accept": "application/json"},
    )
    report = r.get_json()
    assert r.status_code == 200
    assert report["text"] == REPAIRED
    assert report["decoding"]["declared"] == "utf-8"
    assert any(step["reason"] == "mojibake" for step in report["repairs"])


def test_declared_charset_is_passed_to_the_library(client: FlaskClient) -> None:
    raw = "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u00e0 la carte".encode("cp1252")
    r = client.post(
        "/v1/clean",
        data=raw,
        content_type="text/plain; charset=windows-1252",
        headers={"Accept": "application/json"},
    )
    report = r.get_json()
    assert report["text"] == raw.decode("cp1252")
    assert same_codec(report["decoding"]["declared"], "windows-1252")
    assert report["decoding"]["declared_used"] is True


def test_declared_charset_that_is_not_a_text_encoding_is_415(client: FlaskClient) -> None:
    r = client.post("/v1/clean", data=b"abc", content_type="text/plain; charset=rot13")
    assert_problem(r, 415)


def test_clean_octet_stream_detects_the_encoding(client: FlaskClient) -> None:
    raw = "Caf\u00e9 cr\u00e8me".encode()
    r = client.post(
        "/v1/clean",
        data=raw,
        content_type="application/octet-stream",
        headers={"Accept": "application/json"},
    )
    report = r.get_json()
    assert report["text"] == "Caf\u00e9 cr\u00e8me"
    assert report["encoding"] == "utf-8"
    plain = client.post("/v1/clean", data=raw, content_type="application/octet-stream")
    assert plain.get_data(as_text=True) == "Caf\u00e9 cr\u00e8me"


def test_clean_json_text_returns_the_full_report(client: FlaskClient) -> None:
    r = client.post("/v1/clean", json={"text": ARTICLE, "options": {"drop_phrases": ["BUY NOW"]}})
    report = r.get_json()
    assert r.status_code == 200
    assert r.mimetype == "application/json"
    assert "BUY NOW" not in report["text"]
    assert report["removed_lines"][0]["reason"] == "user_phrase"
    assert report["removed_lines"][0]["before"].startswith("BUY NOW")
    assert report["stats"]["output_chars"] == len(report["text"])
    assert report == cleaner.clean(ARTICLE, drop_phrases=("BUY NOW",)).to_dict()


def test_clean_json_base64_with_declared_encoding(client: FlaskClient) -> None:
    raw = "na\u00efve fa\u00e7ade".encode("latin-1")
    payload = {"base64": base64.b64encode(raw).decode(), "encoding": "latin-1"}
    report = client.post("/v1/clean", json=payload).get_json()
    assert report["text"] == "na\u00efve fa\u00e7ade"
    assert same_codec(report["decoding"]["declared"], "latin-1")


def test_options_from_query_and_json_body_override_query(client: FlaskClient) -> None:
    off = client.post("/v1/clean?fix_mojibake=false", json={"text": MOJIBAKE}).get_json()
    assert off["text"] == MOJIBAKE
    on = client.post(
        "/v1/clean?fix_mojibake=false", json={"text": MOJIBAKE, "options": {"fix_mojibake": True}}
    ).get_json()
    assert on["text"] == REPAIRED
    listed = client.post(
        "/v1/clean?drop_phrases=BUY+NOW&drop_phrases=nothing",
        data=ARTICLE.encode(),
        content_type="text/plain",
    )
    assert "BUY NOW" not in listed.get_data(as_text=True)


@pytest.mark.parametrize(
    ("url", "payload", "option"),
    [
        ("/v1/clean?colour=red", {"text": "x"}, "colour"),
        ("/v1/clean?explain=perhaps", {"text": "x"}, "explain"),
        ("/v1/clean?min_recovery_confidence=2", {"text": "x"}, "min_recovery_confidence"),
        ("/v1/clean", {"text": "x", "options": {"colour": 1}}, "colour"),
        ("/v1/clean", {"text": "x", "options": {"explain": "no"}}, "explain"),
        ("/v1/clean", {"text": "x", "options": {"languages": "fr"}}, "languages"),
        ("/v1/clean", {"text": "x", "options": {"keep_categories": [{"a": 1}]}}, "keep_categories"),
        (
            "/v1/clean",
            {"text": "x", "options": {"keep_categories": ["weather"]}},
            "keep_categories",
        ),
        ("/v1/clean", {"text": "x", "options": {"normalization": "NFX"}}, "normalization"),
    ],
)
def test_invalid_options_are_422_naming_the_option(
    client: FlaskClient, url: str, payload: dict[str, Any], option: str
) -> None:
    assert_problem(client.post(url, json=payload), 422, option)


def test_options_must_be_an_object(client: FlaskClient) -> None:
    assert_problem(client.post("/v1/clean", json={"text": "x", "options": []}), 422)


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"text": "x"',
        b"[" * 100_000,
        b"1" * 5000,
    ],
)
def test_invalid_json_is_400(client: FlaskClient, body: bytes) -> None:
    r = client.post("/v1/clean", data=body, content_type="application/json")
    assert_problem(r, 400)


@pytest.mark.parametrize(
    "payload",
    [
        ["text"],
        {},
        {"text": 3},
        {"text": "a", "base64": "YQ=="},
        {"base64": "not base64!"},
        {"base64": 12},
        {"text": "a", "encoding": "latin-1"},
        {"base64": "YQ==", "encoding": ""},
        {"text": "a", "colour": "red"},
    ],
)
def test_malformed_documents_are_400(client: FlaskClient, payload: Any) -> None:
    assert_problem(client.post("/v1/clean", json=payload), 400)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/octet-stream", "application/json"]
)
def test_empty_body_is_400(client: FlaskClient, content_type: str) -> None:
    assert_problem(client.post("/v1/clean", data=b"", content_type=content_type), 400)


def test_empty_text_in_json_is_a_valid_document(client: FlaskClient) -> None:
    r = client.post("/v1/clean", json={"text": ""})
    assert r.status_code == 200
    assert r.get_json()["text"] == ""


@pytest.mark.parametrize(
    "content_type", ["text/html", "application/xml", "multipart/form-data; boundary=x", None]
)
def test_wrong_content_type_is_415(client: FlaskClient, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    r = client.post("/v1/clean", data=b"<b>x</b>", headers=headers)
    body = assert_problem(r, 415)
    assert "<b>" not in json.dumps(body)


class ExplodingStream(io.BytesIO):
    """A request body that fails the test if anyone reads it."""

    def read(self, size: int | None = -1) -> bytes:
        raise AssertionError("the body was read")

    readline = read  # type: ignore[assignment]


def test_body_over_the_limit_is_413_before_reading() -> None:
    client = make_app(MAX_BODY_BYTES=100).test_client()
    r = client.post(
        "/v1/clean",
        input_stream=ExplodingStream(b"x" * 101),
        headers={"Content-Type": "text/plain", "Content-Length": "101"},
    )
    assert_problem(r, 413)


def test_streamed_body_over_the_limit_is_413() -> None:
    client = make_app(MAX_BODY_BYTES=100).test_client()
    r = client.post(
        "/v1/clean",
        input_stream=io.BytesIO(b"x" * 1000),
        headers={"Content-Type": "text/plain", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert_problem(r, 413)


def test_document_over_the_character_limit_is_413() -> None:
    client = make_app(MAX_DOCUMENT_CHARS=10).test_client()
    assert_problem(client.post("/v1/clean", json={"text": "x" * 11}), 413)
    assert client.post("/v1/clean", json={"text": "x" * 10}).status_code == 200


def test_time_limit_gives_503(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_clean(*args: Any, **kwargs: Any) -> Any:
        time.sleep(5)
        raise AssertionError("not interrupted")

    monkeypatch.setattr(cleaner, "clean", slow_clean)
    client = make_app(REQUEST_TIME_LIMIT=0.2).test_client()
    body = assert_problem(client.post("/v1/clean", json={"text": "x"}), 503)
    assert body["type"].endswith("time-limit")


def test_lone_surrogates_survive_the_round_trip(client: FlaskClient) -> None:
    r = client.post("/v1/clean", data=b'{"text": "a\\ud800b"}', content_type="application/json")
    assert r.status_code == 200
    assert r.get_json()["text"] == "a\ud800b"


def test_pathological_inputs_answer_quickly(client: FlaskClient) -> None:
    for text in ("?" * 200_000, "\u00c3" * 200_000, "\u00a0" * 200_000, "word " * 40_000):
        r = client.post("/v1/clean", json={"text": text, "options": {"explain": False}})
        assert r.status_code == 200


# ---- POST /v1/clean/batch ------------------------------------------------------------


def test_batch_keeps_order_ids_and_counts(client: FlaskClient) -> None:
    lines = [{"id": f"doc-{i}", "text": f"{MOJIBAKE} {i}"} for i in range(50)]
    r = client.post("/v1/clean/batch", data=ndjson(*lines), content_type="application/x-ndjson")
    assert r.status_code == 200
    assert r.mimetype == "application/x-ndjson"
    out = read_ndjson(r)
    assert [o["id"] for o in out] == [line["id"] for line in lines]
    assert all(o["result"]["text"] == f"{REPAIRED} {i}" for i, o in enumerate(out))


def test_batch_bad_lines_get_errors_and_the_rest_come_back(client: FlaskClient) -> None:
    body = (
        ndjson({"id": 1, "text": MOJIBAKE})
        + b"{broken json\n"
        + b"\n"
        + ndjson(
            {"id": 3, "text": "x", "options": {"colour": 1}},
            {"id": 4, "base64": "%%%"},
            [1, 2],
            {"id": 6, "base64": base64.b64encode(b"caf\xe9").decode(), "encoding": "latin-1"},
        )
    )
    out = read_ndjson(
        client.post("/v1/clean/batch", data=body, content_type="application/x-ndjson")
    )
    assert len(out) == 6
    assert [o.get("id") for o in out] == [1, None, 3, 4, None, 6]
    assert [o["line"] for o in out] == [1, 2, 4, 5, 6, 7]
    assert out[0]["result"]["text"] == REPAIRED
    assert out[1]["error"]["status"] == 400
    assert out[2]["error"]["status"] == 422 and out[2]["error"]["option"] == "colour"
    assert out[3]["error"]["status"] == 400
    assert out[4]["error"]["status"] == 400
    assert out[5]["result"]["text"] == "caf\u00e9"


def test_batch_query_options_apply_to_every_line(client: FlaskClient) -> None:
    body = ndjson(
        {"id": 1, "text": MOJIBAKE}, {"id": 2, "text": MOJIBAKE, "options": {"fix_mojibake": True}}
    )
    out = read_ndjson(
        client.post(
            "/v1/clean/batch?fix_mojibake=false", data=body, content_type="application/x-ndjson"
        )
    )
    assert [o["result"]["text"] for o in out] == [MOJIBAKE, REPAIRED]


def test_batch_line_over_the_size_limit_is_a_line_error() -> None:
    client = make_app(MAX_BODY_BYTES=200).test_client()
    body = ndjson({"id": 1, "text": "a"}, {"id": 2, "text": "b" * 500}, {"id": 3, "text": "c"})
    out = read_ndjson(
        client.post("/v1/clean/batch", data=body, content_type="application/x-ndjson")
    )
    assert [o.get("result", {}).get("text") for o in out] == ["a", None, "c"]
    assert out[1]["error"]["status"] == 413


def test_batch_over_the_line_limit_ends_with_an_aborted_record() -> None:
    client = make_app(MAX_BATCH_LINES=3).test_client()
    body = ndjson(*({"id": i, "text": "t"} for i in range(5)))
    out = read_ndjson(
        client.post("/v1/clean/batch", data=body, content_type="application/x-ndjson")
    )
    assert [o["id"] for o in out[:3]] == [0, 1, 2]
    assert out[3]["aborted"] is True and out[3]["error"]["status"] == 413
    assert len(out) == 4


def test_batch_body_over_the_byte_limit_is_413_before_reading() -> None:
    client = make_app(MAX_BATCH_BYTES=100).test_client()
    r = client.post(
        "/v1/clean/batch",
        input_stream=ExplodingStream(b"x" * 101),
        headers={"Content-Type": "application/x-ndjson", "Content-Length": "101"},
    )
    assert_problem(r, 413)


def test_batch_refusals(client: FlaskClient) -> None:
    assert_problem(
        client.post("/v1/clean/batch", data=b"\n\n", content_type="application/x-ndjson"), 400
    )
    assert_problem(client.post("/v1/clean/batch", data=b"{}", content_type="text/plain"), 415)
    r = client.post("/v1/clean/batch?colour=1", data=b"{}", content_type="application/x-ndjson")
    assert_problem(r, 422, "colour")


def test_batch_reads_its_body_as_a_stream() -> None:
    """The batch reads line by line: results come out while input is still unread."""
    app = make_app()
    consumed: list[int] = []

    class CountingStream(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            line = super().readline(size)
            consumed.append(len(line))
            return line

    r = app.test_client().post(
        "/v1/clean/batch",
        input_stream=CountingStream(ndjson(*({"id": i, "text": "t"} for i in range(100)))),
        headers={"Content-Type": "application/x-ndjson", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
        buffered=False,
    )
    chunks: Iterator[bytes] = r.response  # type: ignore[assignment]
    first = next(iter(chunks))
    assert json.loads(first)["id"] == 0
    assert len(consumed) < 10
    r.close()


# ---- POST /v1/detect -----------------------------------------------------------------


def test_detect_reports_the_decoding(client: FlaskClient) -> None:
    raw = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! " * 5
    r = client.post("/v1/detect", data=raw.encode("utf-8"), content_type="application/octet-stream")
    report = r.get_json()
    assert r.status_code == 200
    assert report == cleaner.detect_encoding(raw.encode("utf-8")).decoding.to_dict()
    assert report["encoding"] == "utf-8"


def test_detect_with_declared_charset_and_refusals(client: FlaskClient) -> None:
    r = client.post(
        "/v1/detect", data="caf\u00e9".encode("latin-1"), content_type="text/plain; charset=latin-1"
    )
    assert same_codec(r.get_json()["declared"], "latin-1")
    assert_problem(
        client.post("/v1/detect", data=b"", content_type="application/octet-stream"), 400
    )
    assert_problem(client.post("/v1/detect", json={"text": "x"}), 415)


# ---- health, metrics, openapi, playground --------------------------------------------


def test_health_and_readiness(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json() == {"status": "ready"}


def test_readiness_warms_up_on_first_probe_and_reports_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleaner import lexicon

    def broken(lang: str) -> dict[str, float]:
        raise OSError("lexicon missing")

    monkeypatch.setattr(lexicon, "frequency_table", broken)
    client = make_app().test_client()
    assert_problem(client.get("/readyz"), 503)
    assert client.get("/healthz").status_code == 200
    monkeypatch.undo()
    assert client.get("/readyz").status_code == 200


def test_app_warms_up_at_start_when_asked() -> None:
    app = create_app({"TESTING": True})
    assert app.extensions["cleaner_readiness"].ready


def test_metrics_count_requests_documents_and_reasons(client: FlaskClient) -> None:
    client.post("/v1/clean", json={"text": ARTICLE, "options": {"drop_phrases": ["BUY NOW"]}})
    client.post("/v1/clean", json={"text": "x", "options": {"colour": 1}})
    r = client.get("/metrics")
    text = r.get_data(as_text=True)
    assert r.mimetype == "text/plain"
    assert 'cleaner_http_requests_total{method="POST",route="/v1/clean",status="200"} 1.0' in text
    assert 'cleaner_http_requests_total{method="POST",route="/v1/clean",status="422"} 1.0' in text
    assert 'cleaner_documents_total{outcome="ok"} 1.0' in text
    assert 'cleaner_removed_lines_total{reason="user_phrase"} 1.0' in text
    assert "cleaner_http_request_duration_seconds_bucket" in text


def test_metrics_count_repeated_requests_and_unknown_methods_once_per_label(
    client: FlaskClient,
) -> None:
    for _ in range(3):
        client.post("/v1/clean", json={"text": "Caf\u00c3\u00a9 au lait"})
    client.open("/nowhere", method="BREW")
    text = client.get("/metrics").get_data(as_text=True)
    assert 'cleaner_http_requests_total{method="POST",route="/v1/clean",status="200"} 3.0' in text
    assert 'cleaner_documents_total{outcome="ok"} 3.0' in text
    assert 'cleaner_repairs_total{reason="mojibake"} 3.0' in text
    assert 'method="other",route="unmatched"' in text
    assert "BREW" not in text


def test_openapi_document_describes_the_service(client: FlaskClient) -> None:
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    assert {"/v1/clean", "/v1/clean/batch", "/v1/detect", "/healthz", "/readyz", "/metrics"} <= doc[
        "paths"
    ].keys()
    assert set(doc["components"]["schemas"]["Options"]["properties"]) == set(OPTION_NAMES)
    params = {p["name"] for p in doc["paths"]["/v1/clean"]["post"]["parameters"]}
    assert params == set(OPTION_NAMES)
    assert str(DEFAULTS["MAX_BODY_BYTES"]) in doc["info"]["description"]
    assert (
        build_document(make_app(MAX_BODY_BYTES=777).config)["info"]["description"].count("777") == 1
    )


def test_playground_page_has_the_stable_ids_and_no_external_resources(client: FlaskClient) -> None:
    r = client.get("/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.mimetype == "text/html"
    for element_id in ("input", "clean", "output", "diff"):
        assert f'id="{element_id}"' in html
    assert "default-src 'none'" in r.headers["Content-Security-Policy"]
    for asset in ("/static/playground.js", "/static/playground.css"):
        assert asset in html
        body = client.get(asset).get_data(as_text=True)
        assert "http://" not in body and "https://" not in body
    assert "http://" not in html and "https://" not in html
    script = client.get("/static/playground.js").get_data(as_text=True)
    assert "innerHTML" not in script


# ---- errors everywhere ---------------------------------------------------------------


def test_unknown_route_is_404_json_without_reflection(client: FlaskClient) -> None:
    r = client.get("/nope/<script>alert(1)</script>")
    body = assert_problem(r, 404)
    assert "<script>" not in r.get_data(as_text=True)
    assert body["type"] == "about:blank"
    assert_problem(client.get("/static/missing.js"), 404)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("GET", "/v1/clean", "POST"), ("PUT", "/v1/detect", "POST"), ("POST", "/healthz", "GET")],
)
def test_wrong_method_is_405_with_allow(
    client: FlaskClient, method: str, path: str, allowed: str
) -> None:
    r = client.open(path, method=method)
    assert_problem(r, 405)
    assert allowed in r.headers["Allow"]


def test_unexpected_exception_is_a_logged_problem_without_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = make_app()

    @app.get("/explode")
    def explode() -> str:
        raise RuntimeError("secret internals")

    r = app.test_client().get("/explode")
    body = assert_problem(r, 500)
    assert "secret" not in json.dumps(body) and "Traceback" not in r.get_data(as_text=True)
    assert any("secret internals" in str(rec.exc_info) for rec in caplog.records)


# ---- API keys and request ids --------------------------------------------------------


def test_api_keys_guard_post_routes_only() -> None:
    client = make_app(API_KEYS=["s3cret", "other"]).test_client()
    r = client.post("/v1/clean", json={"text": "x"})
    assert_problem(r, 401)
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert_problem(
        client.post("/v1/clean", json={"text": "x"}, headers={"Authorization": "Bearer nope"}), 401
    )
    assert_problem(
        client.post("/v1/detect", data=b"x", headers={"Authorization": "Basic s3cret"}), 401
    )
    ok = client.post("/v1/clean", json={"text": "x"}, headers={"Authorization": "Bearer other"})
    assert ok.status_code == 200
    for path in ("/healthz", "/readyz", "/metrics", "/openapi.json", "/"):
        assert client.get(path).status_code == 200


def test_request_id_is_echoed_or_generated(client: FlaskClient) -> None:
    r = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert r.headers["X-Request-ID"] == "abc-123"
    generated = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"}).headers[
        "X-Request-ID"
    ]
    assert " " not in generated and len(generated) == 32
    assert request_id_from(None) != request_id_from(None)


class FakeSocket:
    """Stands in for the client socket gunicorn puts in the WSGI environ."""

    def __init__(self) -> None:
        self.timeout: float | None = None
        self.shut: list[int] = []

    def settimeout(self, value: float | None) -> None:
        self.timeout = value

    def shutdown(self, how: int) -> None:
        self.shut.append(how)


def test_client_socket_gets_the_socket_timeout() -> None:
    sock = FakeSocket()
    client = make_app(SOCKET_TIMEOUT=7).test_client()
    r = client.post("/v1/clean", json={"text": "x"}, environ_overrides={"gunicorn.socket": sock})
    assert r.status_code == 200
    assert sock.timeout == 7
    assert sock.shut == []  # the body arrived before the read deadline


def test_read_deadline_shuts_the_read_side_of_the_socket() -> None:
    sock = FakeSocket()

    class Stall(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            time.sleep(0.3)
            return b""

    reader = BodyReader(Stall(), max_bytes=100, timeout=0.1, sock=sock)  # type: ignore[arg-type]
    with pytest.raises(Problem) as caught:
        reader.read_all()
    assert caught.value.status == 408
    assert sock.shut  # the watchdog fired while the read was blocked


def test_read_alarm_interrupts_a_blocked_read_in_the_main_thread() -> None:
    sock = FakeSocket()

    class Stall(io.BytesIO):
        finished = False

        def read(self, size: int | None = -1) -> bytes:
            time.sleep(5)
            self.finished = True
            return b"late"

    stall = Stall()
    with (
        pytest.raises(Problem) as caught,
        BodyReader(stall, max_bytes=100, timeout=0.1, sock=sock, alarm=True) as reader,  # type: ignore[arg-type]
    ):
        reader.read_all()
    assert caught.value.status == 408
    assert not stall.finished  # the alarm cut the read short
    assert sock.shut == []  # no watchdog thread was needed
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL  # the handler was put back


def test_read_alarm_leaves_a_prompt_body_alone() -> None:
    sock = FakeSocket()
    with BodyReader(io.BytesIO(b"abc"), max_bytes=100, timeout=5, sock=sock, alarm=True) as r:
        assert r.read_all() == b"abc"
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_read_alarm_outside_the_main_thread_falls_back_to_the_watchdog() -> None:
    sock = FakeSocket()
    outcome: list[int] = []

    class Stall(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            time.sleep(0.3)
            return b""

    def read() -> None:
        reader = BodyReader(Stall(), max_bytes=100, timeout=0.1, sock=sock, alarm=True)  # type: ignore[arg-type]
        try:
            reader.read_all()
        except Problem as err:
            outcome.append(err.status)
        finally:
            reader.close()

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert outcome == [408]
    assert sock.shut  # the watchdog shut the read side


# ---- building blocks -----------------------------------------------------------------


def test_body_reader_stops_a_slow_body_at_its_deadline() -> None:
    class Trickle(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            time.sleep(0.05)
            return b"x"

    reader = BodyReader(Trickle(), max_bytes=10**9, timeout=0.2)
    with pytest.raises(Problem) as caught:
        reader.read_all()
    assert caught.value.status == 408


def test_time_limit_interrupts_the_block() -> None:
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        time.sleep(2)


def test_serve_command_line() -> None:
    argv = gunicorn_argv("127.0.0.1", 8123, workers=3, extra_args=["--timeout", "5"])
    assert argv[1:3] == ["-m", "gunicorn"]
    assert "python:cleaner.web.gunicorn_conf" in argv
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8123"
    assert argv[-3:] == ["--timeout", "5", "cleaner.web:create_app()"]
    with pytest.raises(ValueError):
        gunicorn_argv(workers=0)


def test_warm_up_document_runs_every_stage_as_a_page() -> None:
    from cleaner.web.health import WARM_UP_DOCUMENT

    steps = cleaner.clean(WARM_UP_DOCUMENT).steps
    actions = {s.action for s in steps}
    assert "drop_line" in actions  # judged as a page: the line stage's tables were read
    assert any(s.stage == "repair" for s in steps)  # and the mojibake was repaired
