"""End-to-end tests against the production-shaped local cluster (deploy/local-cluster).

They start nginx (page cache, purge, load balancer), two gunicorn app servers and a
task worker with their own ports (127.0.0.1), unix sockets, directory
(var/cluster-test) and PostgreSQL database, so a developer's own cluster on the
default ports is left alone, and stop them all at the end.

They run only with ZONEPORTAL_CLUSTER=1 (set by .ci/run for the PostgreSQL pass) and
need PostgreSQL and Redis on 127.0.0.1 and Debian's nginx (with
libnginx-mod-http-cache-purge) and chromium.
"""

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "deploy" / "local-cluster"
ENABLED = os.environ.get("ZONEPORTAL_CLUSTER") == "1"

PORTS = {
    "ZP_NGINX_PORT": 18080,
    "ZP_PURGE_PORT": 16081,
}
# Where the balancer and the app servers listened before they moved to unix sockets
# (issue 13 item 5): nothing of the cluster may listen there.
FORMER_PORTS = {"balancer": 18081, "app A": 18001, "app B": 18002}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/cluster/" not in str(item.fspath):
            continue
        if "cluster" not in getattr(item, "fixturenames", ()):
            continue  # config checks (test_configs.py) need no running cluster
        item.add_marker(pytest.mark.cluster)
        if not ENABLED:
            item.add_marker(
                pytest.mark.skip(
                    reason="cluster tests run only with ZONEPORTAL_CLUSTER=1 (they start "
                    "nginx and two gunicorn servers via deploy/local-cluster)"
                )
            )


@dataclass
class Cluster:
    dir: Path
    env: dict
    nginx: str
    purge: str
    editor_password: str

    def script(self, *args, timeout=120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(SCRIPT), *args],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )

    def shell(self, code: str) -> str:
        return self.script("manage", "shell", "-v", "0", "-c", code).stdout.strip()

    def app_pid(self, name: str) -> int:
        return int((self.dir / f"app-{name}.pid").read_text())

    def socket(self, name: str) -> Path:
        """The unix socket of app server `name` ("a", "b") or of the balancer."""
        return self.dir / "run" / ("balancer.sock" if name == "balancer" else f"app-{name}.sock")

    def access_log(self, name: str) -> Path:
        return self.dir / "logs" / f"app-{name}.access.log"


@pytest.fixture(scope="session")
def cluster():
    directory = REPO / "var" / "cluster-test"
    env = {
        **os.environ,
        **{key: str(value) for key, value in PORTS.items()},
        "ZP_CLUSTER_DIR": str(directory),
        "ZP_DB": "zoneportal_cluster_test",
        # Its own Redis database: cached Site objects and fragments hold page ids of
        # zoneportal_cluster_test, which differ from those of a developer's cluster.
        "ZP_REDIS": os.environ.get("ZP_TEST_REDIS", "redis://127.0.0.1:6379/13"),
    }
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "SECRET_KEY"):
        env.pop(name, None)
    start = subprocess.run(
        [str(SCRIPT), "start"], cwd=REPO, env=env, capture_output=True, text=True, timeout=600
    )
    if start.returncode != 0:
        subprocess.run([str(SCRIPT), "stop"], cwd=REPO, env=env, timeout=120, check=False)
        pytest.fail(f"deploy/local-cluster start failed:\n{start.stdout}\n{start.stderr[-4000:]}")
    secrets = dict(
        line.split("=", 1) for line in (directory / "env").read_text().splitlines() if "=" in line
    )
    handle = Cluster(
        dir=directory,
        env=env,
        nginx=f"http://127.0.0.1:{PORTS['ZP_NGINX_PORT']}",
        purge=f"http://127.0.0.1:{PORTS['ZP_PURGE_PORT']}",
        editor_password=secrets["ZP_EDITOR_PASSWORD"],
    )
    try:
        yield handle
    finally:
        # ZP_CLUSTER_KEEP=1 leaves it running to iterate on the tests without restarts.
        if os.environ.get("ZP_CLUSTER_KEEP") != "1":
            stop = subprocess.run(
                [str(SCRIPT), "stop"],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=180,
            )
            assert stop.returncode == 0, f"cluster did not stop cleanly:\n{stop.stderr}"


def wait_until(predicate, timeout: float, interval: float = 0.05):
    """Poll `predicate` until it returns a truthy value or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


@pytest.fixture
def anonymous():
    """A visitor without cookies (a fresh connection pool per test)."""
    with requests.Session() as session:
        session.headers["User-Agent"] = "zoneportal-cluster-test"
        yield session
