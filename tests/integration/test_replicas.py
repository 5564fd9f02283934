"""Two gunicorn instances (replicas behind a load balancer) on one real Redis share every result."""
from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from conftest import free_port

pytestmark = pytest.mark.redis

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "“Replicas share one cache,” the operator said. “Nothing is parsed twice,” she added."


@contextmanager
def replica(redis_url: str, log: Path) -> Iterator[int]:
    """`quote-service serve` with one worker on a free port and REDIS_URL; yields the port once /readyz is 200."""
    port = free_port()
    env = {**os.environ, "REDIS_URL": redis_url, "WEB_CONCURRENCY": "1"}
    env.pop("API_KEYS", None)
    with open(log, "wb") as errors:
        process = subprocess.Popen([sys.executable, "-m", "service", "serve", "--port", str(port)],
                                   cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            deadline = time.monotonic() + 120
            while request(port, "GET", "/readyz")[0] != 200:
                assert process.poll() is None, log.read_text(errors="replace")
                assert time.monotonic() < deadline, "a replica did not become ready"
                time.sleep(0.2)
            yield port
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def request(port: int, method: str, path: str, body: object = None) -> tuple[int, dict[str, str], bytes]:
    """One request; status 0 when nothing answers yet."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        payload = None if body is None else json.dumps(body).encode()
        connection.request(method, path, body=payload, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, dict(response.headers), response.read()
    except OSError:
        return 0, {}, b""
    finally:
        connection.close()


def test_a_result_computed_by_one_replica_is_a_hit_on_the_other(redis_server: str, tmp_path: Path) -> None:
    """The same body, and the same article in another batch, are hits on the replica that never saw them."""
    import redis

    redis.Redis.from_url(redis_server).flushall()
    with ExitStack() as stack:
        first, second = (stack.enter_context(replica(redis_server, tmp_path / f"replica-{n}.log")) for n in (1, 2))
        for port in (first, second):
            cache = json.loads(request(port, "GET", "/readyz")[2])["cache"]
            assert (cache["backend"], cache["status"]) == ("redis", "ok")
        status, headers, computed = request(first, "POST", "/v1/quotes", {"text": ARTICLE})
        assert status == 200 and headers["X-Cache"] == "miss"
        status, headers, answered = request(second, "POST", "/v1/quotes", {"text": ARTICLE})
        assert status == 200 and headers["X-Cache"] == "hit"
        assert answered == computed
        # Another request holding the article: the per-article result is shared too.
        batch = {"articles": [{"id": "again", "text": ARTICLE}], "options": {"variants": False}}
        status, headers, body = request(second, "POST", "/v1/quotes", batch)
        assert status == 200 and headers["X-Cache"] == "hit"
        texts = [[q["text"] for q in json.loads(b)["articles"][0]["quotes"]] for b in (body, computed)]
        assert texts[0] == texts[1] == ["Replicas share one cache,", "Nothing is parsed twice,"]
