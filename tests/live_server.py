"""Serve ``create_app(CONFIG)`` over HTTP on 127.0.0.1:PORT until SIGTERM, in a process of its own
(Schemathesis's target, tests/side_runs.py): ``python tests/live_server.py PORT CONFIG_JSON``."""

from __future__ import annotations

import json
import signal
import sys

from werkzeug.serving import WSGIRequestHandler, make_server

from bot.app import create_app


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:  # thousands of generated requests: keep the log readable
        pass


def main() -> None:
    port, config = int(sys.argv[1]), json.loads(sys.argv[2])
    server = make_server("127.0.0.1", port, create_app(config), threaded=True, request_handler=_QuietHandler)

    def stop(*_) -> None:
        raise SystemExit(0)  # atexit hooks run: the embedded Redis is left (and stopped if no one else uses it)

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
