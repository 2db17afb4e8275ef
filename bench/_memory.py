"""Memory of running processes from /proc (Linux): RSS, PSS, anonymous memory,
per process and per mapped file."""
from __future__ import annotations

from pathlib import Path


def worker_memory(master: int) -> list[tuple[float, float, float]]:
    """(RSS MB, PSS MB, anonymous MB) of each child of ``master``."""
    out = []
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in children:
        fields = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            name, value, *_ = line.split()
            fields[name.rstrip(":")] = int(value) / 1024
        out.append((fields["Rss"], fields["Pss"], fields.get("Anonymous", 0.0)))
    return out


def mapped_memory(pid: int) -> dict[str, tuple[float, float]]:
    """(RSS MB, PSS MB) per mapped file of ``pid`` ("[anon]" for the rest)."""
    out: dict[str, list[float]] = {}
    name = "[anon]"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and not head[0].endswith(":"):
            name = Path(head[5]).name if len(head) > 5 else "[anon]"
        elif head and head[0] in ("Rss:", "Pss:"):
            out.setdefault(name, [0.0, 0.0])[head[0] == "Pss:"] += int(head[1]) / 1024
    return {k: (v[0], v[1]) for k, v in out.items()}


def worker_memory_of(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        if line.startswith("Rss:"):
            return int(line.split()[1]) / 1024
    return 0.0
