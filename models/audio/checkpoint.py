"""Reading a TensorFlow checkpoint bundle without TensorFlow.

A bundle is ``<prefix>.index`` and ``<prefix>.data-00000-of-00001``.  The index is an
SSTable (LevelDB's table format, uncompressed blocks): a 48-byte footer points at an
index block, whose entries point at data blocks, whose entries map each variable's
name to a ``BundleEntryProto`` (protobuf: dtype, shape, shard, offset and size of its
bytes in the data file).  Only what the musicnn checkpoints use is read: one shard,
uncompressed blocks, plain (unsliced) float and integer tensors.
"""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from ..errors import CatalogError

__all__ = ["read_checkpoint"]

MAGIC = 0xDB4775248B80FB57
#: TensorFlow DataType enum -> numpy
DTYPES = {1: np.float32, 2: np.float64, 3: np.int32, 9: np.int64, 10: np.bool_}


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    out = shift = 0
    while True:
        if i >= len(buf) or shift > 63:
            raise ValueError("truncated varint")
        byte = buf[i]
        i += 1
        out |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return out, i


def _block(buf: bytes, offset: int, size: int) -> list[tuple[bytes, bytes]]:
    """The (key, value) entries of one table block (keys are prefix-compressed)."""
    if offset + size + 5 > len(buf) or size < 4:
        raise ValueError("block outside the file")
    if buf[offset + size] != 0:
        raise ValueError("compressed block (only uncompressed bundles are read)")
    data = buf[offset:offset + size]
    restarts = struct.unpack_from("<I", data, len(data) - 4)[0]
    end = len(data) - 4 - 4 * restarts
    i, key, out = 0, b"", []
    while i < end:
        shared, i = _varint(data, i)
        unshared, i = _varint(data, i)
        length, i = _varint(data, i)
        key = key[:shared] + data[i:i + unshared]
        i += unshared
        out.append((key, data[i:i + length]))
        i += length
    return out


def _fields(message: bytes) -> list[tuple[int, int | bytes]]:
    """A protobuf message's (field number, value) pairs, in order."""
    i, out = 0, []
    while i < len(message):
        tag, i = _varint(message, i)
        number, wire = tag >> 3, tag & 7
        value: int | bytes
        if wire == 0:
            value, i = _varint(message, i)
        elif wire == 2:
            length, i = _varint(message, i)
            value, i = message[i:i + length], i + length
        elif wire in (1, 5):
            width = 8 if wire == 1 else 4
            value, i = message[i:i + width], i + width
        else:
            raise ValueError(f"protobuf wire type {wire}")
        out.append((number, value))
    return out


def _entry(message: bytes) -> tuple[int, list[int], int, int, int]:
    """BundleEntryProto -> dtype, shape, shard, offset, size."""
    dtype, shape, shard, offset, size = 0, [], 0, 0, 0
    for number, value in _fields(message):
        if number == 1:
            dtype = int(value)  # type: ignore[arg-type]
        elif number == 2:  # TensorShapeProto: repeated Dim dim = 2 {int64 size = 1}
            dims = _fields(value)  # type: ignore[arg-type]
            shape = [int(dict(_fields(dim)).get(1, 0)) for n, dim in dims if n == 2]
        elif number == 3:
            shard = int(value)  # type: ignore[arg-type]
        elif number == 4:
            offset = int(value)  # type: ignore[arg-type]
        elif number == 5:
            size = int(value)  # type: ignore[arg-type]
        elif number == 7:
            raise ValueError("sliced tensors are not read")
    return dtype, shape, shard, offset, size


def read_checkpoint(prefix: str | Path) -> dict[str, np.ndarray]:
    """Every variable of the bundle ``prefix`` (e.g. ``.../MTT_musicnn/``, whose files
    are ``.index`` and ``.data-00000-of-00001``) by name, as numpy arrays."""
    prefix = str(prefix)
    try:
        index = Path(prefix + ".index").read_bytes()
        data = Path(prefix + ".data-00000-of-00001").read_bytes()
        if len(index) < 48 or struct.unpack_from("<Q", index, len(index) - 8)[0] != MAGIC:
            raise ValueError("not a checkpoint index (no table footer)")
        footer = index[-48:]
        _, at = _varint(footer, 0)
        _, at = _varint(footer, at)  # the metaindex block handle: unused
        offset, at = _varint(footer, at)
        size, _ = _varint(footer, at)
        out: dict[str, np.ndarray] = {}
        for _, handle in _block(index, offset, size):
            block_offset, at = _varint(handle, 0)
            block_size, _ = _varint(handle, at)
            for key, value in _block(index, block_offset, block_size):
                if key:  # the empty key holds the bundle's header
                    out[key.decode()] = _tensor(data, *_entry(value))
    except (OSError, ValueError, KeyError, struct.error) as exc:
        raise CatalogError(f"cannot read checkpoint {prefix}: {exc}") from None
    return out


def _tensor(data: bytes, dtype: int, shape: list[int], shard: int, offset: int,
            size: int) -> np.ndarray:
    if shard != 0:
        raise ValueError("multi-shard bundles are not read")
    kind = np.dtype(DTYPES[dtype])
    count = int(np.prod(shape)) if shape else 1
    if count * kind.itemsize != size or offset + size > len(data):
        raise ValueError(f"tensor of {size} bytes does not fit shape {shape}")
    return np.frombuffer(data, kind, count=count, offset=offset).reshape(shape).copy()
