"""Row readers of catalog files, by extension: each yields (line, row, columns), the row a
dict, or None / the reason when it is unusable (reported with its line, never fatal)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Collection, Iterator

from ..errors import CatalogError
from .delimited import read_delimited
from .text_files import decode_text

PARQUET_BATCH = 65_536  # rows turned into Python rows at a time


def csv_rows(path: Path, numbers: Collection[str] = (),
             ) -> Iterator[tuple[int, dict | str | None, list[str]]]:
    """``numbers``: columns a mapping makes numeric (see ``read_delimited``)."""
    return read_delimited(path, numbers)


def jsonl_rows(path: Path) -> Iterator[tuple[int, dict | None, list[str]]]:
    with path.open("rb") as handle:
        for line_no, raw in enumerate(handle, start=1):
            line = decode_text(raw)
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                row = None
            yield line_no, row if isinstance(row, dict) else None, \
                list(row) if isinstance(row, dict) else []


def parquet_rows(path: Path) -> Iterator[tuple[int, dict | None, list[str]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CatalogError("reading Parquet needs pyarrow: pip install 'feelalike[parquet]'") \
            from None
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises many types for a bad file
        raise CatalogError(f"{path}: not a readable Parquet file ({exc})") from None
    columns, line = parquet.schema_arrow.names, 0
    try:  # a batch of rows at a time: a whole table as Python rows is gigabytes at 1M
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH):
            for row in batch.to_pylist():
                line += 1
                yield line, row, columns
    except Exception as exc:
        raise CatalogError(f"{path}: Parquet unreadable after row {line} ({exc})") from None


READERS = {".csv": csv_rows, ".tsv": csv_rows, ".txt": csv_rows, ".jsonl": jsonl_rows,
           ".ndjson": jsonl_rows, ".json": jsonl_rows, ".parquet": parquet_rows,
           ".pq": parquet_rows}
