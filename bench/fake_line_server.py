"""The tests' fake LINE API (tests/fakes.py) in a process of its own, for ``bench/webhook.py``.

In production LINE's side runs at LINE. In the benchmark, a fake API inside the load generator's process
took that process's interpreter lock for every reply and push it received, so answering slowed the load
generator itself and showed up as a lower webhook rate. Here it serves from its own process, and the
benchmark reads what it received over two extra routes:

    python bench/fake_line_server.py TOKEN     # prints its base URL on the first line
    GET  /__bench/sent    {"calls": n, "errors": n, "sent": [[kind, reply token or retry key, at], ...]}
    POST /__bench/clear   forget every call so far

``at`` is ``time.monotonic()``, the same clock in every process of the machine.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

from werkzeug.wrappers import Response

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fakes import FakeLine  # noqa: E402


class BenchFakeLine(FakeLine):
    """FakeLine with the two routes the benchmark reads it by (never recorded as calls)."""

    def _wsgi(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/__bench/sent":
            with self.lock:
                calls, errors = list(self.calls), len(self.errors)
            sent = [[c.path.rsplit("/", 1)[1],
                     c.body.get("replyToken") if c.path.endswith("/reply") else c.headers.get("X-Line-Retry-Key", ""),
                     c.at] for c in calls if getattr(c, "accepted", False) and isinstance(c.body, dict)]
            body = json.dumps({"calls": len(calls), "errors": errors, "sent": sent})
            return Response(body, mimetype="application/json")(environ, start_response)
        if path == "/__bench/clear":
            with self.lock:
                self.calls.clear()
            return Response("")(environ, start_response)
        return super()._wsgi(environ, start_response)


def main() -> None:
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one access-log line per call otherwise
    fake = BenchFakeLine(sys.argv[1])
    print(fake.url, flush=True)
    threading.Event().wait()  # until the benchmark terminates it


if __name__ == "__main__":
    main()
