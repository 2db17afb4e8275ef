"""The Docker setup, checked without a Docker engine: the compose file's structure (with
PyYAML), the Dockerfile's steps and the pinned constraints; ``docker compose config``
validates the compose file too when the docker CLI has the compose plugin."""
from __future__ import annotations

import re
import shutil
import subprocess
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement

from .fixtures import ROOT

COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
CONSTRAINTS = ROOT / "constraints.txt"
IMAGE_EXTRAS = ("serve", "parquet", "audio")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dockerfile() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text(encoding="utf-8"))
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_one_image_built_once_and_reused(compose):
    services = compose["services"]
    builders = [name for name, s in services.items() if "build" in s]
    assert builders == ["build"]
    image = services["build"]["image"]
    assert services["api"]["image"] == image and "build" not in services["api"]


def test_the_api_is_healthy_only_when_ready_and_waits_for_the_build(compose, dockerfile):
    api = compose["services"]["api"]
    check = " ".join(api["healthcheck"]["test"])
    assert "/readyz" in check and "/healthz" not in check
    assert api["depends_on"]["build"] == {"condition": "service_completed_successfully"}
    assert api["depends_on"]["redis"] == {"condition": "service_healthy"}
    healthcheck = [line for line in dockerfile if line.startswith("HEALTHCHECK")]
    assert healthcheck and "/readyz" in healthcheck[0]


def test_redis_persists_to_a_volume(compose):
    redis = compose["services"]["redis"]
    command = redis["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert any(v.endswith(":/data") and v.split(":")[0] in compose["volumes"]
               for v in redis["volumes"])


def test_music_and_offline_datasets_are_mounted_for_the_build(compose):
    build = compose["services"]["build"]
    plain = [re.sub(r"\$\{[^}]*\}", "HOST", v) for v in build["volumes"]]  # ${VAR:-default}
    mounts = {v.split(":")[1]: v for v in plain}
    assert mounts["/music"].endswith(":ro") and mounts["/datasets"].endswith(":ro")
    assert build["environment"]["FEELALIKE_DATASET_MIRRORS"] == "/datasets"
    assert "/var/lib/feelalike" in mounts


def test_the_image_runs_as_a_non_root_user_with_the_audio_stack(dockerfile):
    users = [line.split()[1] for line in dockerfile if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    cmd = max(i for i, line in enumerate(dockerfile) if line.startswith("CMD"))
    assert max(i for i, line in enumerate(dockerfile) if line.startswith("USER ")) < cmd
    apt = " ".join(line for line in dockerfile if "apt-get install" in line)
    assert "ffmpeg" in apt and "libsndfile1" in apt


def test_pinned_dependencies_are_installed_before_the_code(dockerfile):
    first_code = min(i for i, line in enumerate(dockerfile)
                     if re.match(r"COPY (service|models|data)\b", line))
    pinned = [i for i, line in enumerate(dockerfile)
              if line.startswith("RUN pip install") and "-r constraints.txt" in line]
    copied = [i for i, line in enumerate(dockerfile)
              if line.startswith("COPY") and "constraints.txt" in line]
    assert copied and pinned and copied[0] < pinned[0] < first_code
    package = [line for line in dockerfile[first_code:] if line.startswith("RUN pip install")]
    assert package and all("--no-deps" in line for line in package)


def test_constraints_pin_every_dependency_of_the_image():
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep and version.strip(), f"not an exact pin: {line}"
            pins[canonical(name)] = version.strip()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"],
              *(r for extra in IMAGE_EXTRAS for r in project["optional-dependencies"][extra])]
    for line in wanted:
        requirement = Requirement(line)
        name = canonical(requirement.name)
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), (line, pins[name])


def docker_compose_usable() -> str | None:
    """Why ``docker compose`` cannot be used here (None: it can)."""
    if shutil.which("docker") is None:
        return "no docker CLI on this machine"
    try:
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True,
                               text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"docker compose cannot run: {exc}"
    if probe.returncode != 0:
        return "the docker CLI has no compose plugin: " + \
               (probe.stderr or probe.stdout).strip().splitlines()[0]
    return None


@pytest.mark.skipif(docker_compose_usable() is not None,
                    reason=str(docker_compose_usable()))
def test_docker_compose_accepts_the_file(tmp_path):
    result = subprocess.run(["docker", "compose", "-f", str(COMPOSE), "config", "--quiet"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_the_image_serves_with_the_gunicorn_config(dockerfile):
    # the config sets gunicorn's request-line limit so long URLs get the app's JSON 414
    cmd = [line for line in dockerfile if line.startswith("CMD")][-1]
    assert "python:service.gunicorn_conf" in cmd and "service.wsgi:app" in cmd
