"""The pretrained audio embedding (musicnn) in numpy: its checkpoint reader, forward pass
and input; against TensorFlow's own outputs when the shipped weights are here."""
from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from models import settings
from models.audio import (
    EMBEDDING_MODELS,
    Musicnn,
    find_checkpoint,
    load_weights,
    log_mel_patches,
    read_checkpoint,
)
from models.errors import CatalogError

MAGIC = 0xDB4775248B80FB57  # LevelDB's table magic number
REFERENCE = Path(__file__).parent / "data" / "musicnn_reference.json"


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
        n >>= 7
        if not n:
            return bytes(out)


def _field(number: int, value: int | bytes) -> bytes:
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    return _varint(number << 3 | 2) + _varint(len(value)) + value


def _block(entries: list[tuple[bytes, bytes]]) -> bytes:
    """A table block whose keys share prefixes with the previous key, as LevelDB's do."""
    out, previous = bytearray(), b""
    for key, value in entries:
        shared = len(next((p for p in (key[:i] for i in range(len(key), -1, -1))
                           if previous.startswith(p)), b""))
        out += _varint(shared) + _varint(len(key) - shared) + _varint(len(value))
        out += key[shared:] + value
        previous = key
    return bytes(out) + struct.pack("<II", 0, 1)  # one restart point at 0


def write_bundle(prefix: Path | str, tensors: dict[str, np.ndarray]) -> None:
    """A TF checkpoint bundle as TensorFlow lays it out (uncompressed, one shard)."""
    data, entries = bytearray(), [(b"", _field(1, 1))]  # the header entry (num_shards 1)
    codes = {np.dtype(np.float32): 1, np.dtype(np.int64): 9}
    for name in sorted(tensors):
        array = np.asarray(tensors[name])
        shape = b"".join(_field(2, _field(1, d)) for d in array.shape)
        entry = (_field(1, codes[array.dtype]) + _field(2, shape) + _field(4, len(data))
                 + _field(5, array.nbytes))
        entries.append((name.encode(), entry))
        data += array.tobytes()
    index = bytearray()
    # two data blocks when there are enough entries, to walk the index block
    blocks = [entries[:2], entries[2:]] if len(entries) > 2 else [entries]
    handles = []
    for block in blocks:
        raw = _block(block)
        handles.append((block[-1][0], _varint(len(index)) + _varint(len(raw))))
        index += raw + b"\0" + b"\0\0\0\0"
    index_block = _block(handles)
    at = len(index)
    index += index_block + b"\0\0\0\0\0"
    footer = _varint(0) + _varint(0) + _varint(at) + _varint(len(index_block))
    index += footer.ljust(40, b"\0") + struct.pack("<Q", MAGIC)
    Path(str(prefix) + ".index").write_bytes(bytes(index))
    Path(str(prefix) + ".data-00000-of-00001").write_bytes(bytes(data))


def test_checkpoint_reader_reads_every_tensor_back(tmp_path):
    tensors = {"conv2d/kernel": np.arange(24, dtype=np.float32).reshape(2, 3, 1, 4),
               "conv2d/bias": np.array([0.5, -1.5, 2.0, 0.0], dtype=np.float32),
               "conv2d_1/kernel": np.ones((3, 2), dtype=np.float32),
               "global_step": np.array(7, dtype=np.int64)}
    write_bundle(tmp_path / "m", tensors)
    got = read_checkpoint(tmp_path / "m")
    assert sorted(got) == sorted(tensors)
    for name, value in tensors.items():
        assert got[name].dtype == value.dtype and got[name].shape == value.shape
        np.testing.assert_array_equal(got[name], value)


@pytest.mark.parametrize("index", [b"", b"not a checkpoint" * 4])
def test_checkpoint_reader_refuses_what_is_not_a_bundle(tmp_path, index):
    (tmp_path / "x.index").write_bytes(index)
    (tmp_path / "x.data-00000-of-00001").write_bytes(b"")
    with pytest.raises(CatalogError, match="cannot read checkpoint"):
        read_checkpoint(tmp_path / "x")


def test_checkpoint_reader_refuses_a_missing_or_short_data_file(tmp_path):
    with pytest.raises(CatalogError, match="cannot read checkpoint"):
        read_checkpoint(tmp_path / "absent")
    write_bundle(tmp_path / "m", {"w": np.ones(8, dtype=np.float32)})
    (tmp_path / "m.data-00000-of-00001").write_bytes(b"\0" * 8)  # 2 of 8 floats
    with pytest.raises(CatalogError, match="does not fit"):
        read_checkpoint(tmp_path / "m")


SHAPES = {"conv2d": (7, 38, 204), "conv2d_1": (7, 67, 204), "conv2d_2": (128, 1, 51),
          "conv2d_3": (64, 1, 51), "conv2d_4": (32, 1, 51), "conv2d_5": (7, 561, 64),
          "conv2d_6": (7, 64, 64), "conv2d_7": (7, 64, 64)}
BN = {"": 1, "_1": 204, "_2": 204, "_3": 51, "_4": 51, "_5": 51, "_6": 64, "_7": 64,
      "_8": 64, "_9": 1506, "_10": 200}


def random_weights(seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    w = {}
    for name, (t, f, c) in SHAPES.items():
        w[name + "/kernel"] = rng.normal(0, 1 / np.sqrt(t * f), (t, f, 1, c)).astype(np.float32)
        w[name + "/bias"] = rng.normal(0, 0.1, c).astype(np.float32)
    for suffix, n in BN.items():
        name = "batch_normalization" + suffix
        w[name + "/gamma"] = rng.uniform(0.5, 1.5, n).astype(np.float32)
        w[name + "/beta"] = rng.normal(0, 0.1, n).astype(np.float32)
        w[name + "/moving_mean"] = rng.normal(0, 0.1, n).astype(np.float32)
        w[name + "/moving_variance"] = rng.uniform(0.5, 2, n).astype(np.float32)
    w["dense/kernel"] = rng.normal(0, 0.03, (1506, 200)).astype(np.float32)
    w["dense/bias"] = np.zeros(200, dtype=np.float32)
    w["dense_1/kernel"] = rng.normal(0, 0.1, (200, 50)).astype(np.float32)
    w["dense_1/bias"] = np.zeros(50, dtype=np.float32)
    return w


def test_forward_gives_tag_probabilities_and_the_penultimate_layer_per_patch():
    net = Musicnn(random_weights())
    patches = np.random.default_rng(1).uniform(0, 3, (5, 187, 96))
    tags, pen = net.forward(patches)
    assert tags.shape == (5, 50) and pen.shape == (5, 200)
    assert np.all((tags > 0) & (tags < 1)) and np.isfinite(pen).all()
    # patches are independent: one patch alone gives what it gave in the batch
    _, alone_pen = net.forward(patches[3:4])
    np.testing.assert_allclose(alone_pen[0], pen[3], rtol=1e-5, atol=1e-5)


def test_convolution_is_the_plain_sum_over_its_window():
    net = Musicnn(random_weights())
    x = np.random.default_rng(2).normal(size=(1, 20, 40)).astype(np.float32)
    out = net._conv("conv2d", x, 7, (3, 3))  # 7 x 38 kernel, time padded by 3
    padded = np.pad(x, ((0, 0), (3, 3), (0, 0)))
    k, b = net.w["conv2d/kernel"][:, :, 0, :], net.w["conv2d/bias"]
    for t, f in ((0, 0), (10, 2), (19, 2)):
        want = np.maximum((padded[0, t:t + 7, f:f + 38, None] * k).sum(axis=(0, 1)) + b, 0)
        np.testing.assert_allclose(out[0, t, f], want, rtol=1e-4, atol=1e-4)
    assert out.shape == (1, 20, 3, 204)


def test_forward_refuses_bad_input_and_other_weights():
    net = Musicnn(random_weights())
    with pytest.raises(CatalogError, match="patches"):
        net.forward(np.zeros((2, 100, 96)))
    with pytest.raises(CatalogError, match="not musicnn weights"):
        Musicnn({"conv2d/kernel": np.zeros((1, 1, 1, 1))})


def test_input_is_three_second_patches_of_96_mel_bands():
    pytest.importorskip("librosa", reason="the log-mel input needs the 'audio' extra")
    t = np.arange(7 * 16000) / 16000
    y = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    patches = log_mel_patches(y)
    assert patches.shape == (2, 187, 96) and patches.min() >= 0  # 7 s: two whole patches
    loud = log_mel_patches(y * 3)  # no float16 overflow into inf on loud bins
    assert np.isfinite(loud).all()
    assert log_mel_patches(y[:16000]).shape == (1, 187, 96)  # 1 s: repeated to one patch


def test_weights_are_found_read_once_and_cached(tmp_path):
    folder = tmp_path / "wheel" / "musicnn" / "MTT_musicnn"
    folder.mkdir(parents=True)
    write_bundle(f"{folder}/", {"dense/kernel": np.ones((2, 2), dtype=np.float32),
                               "dense/kernel/Adam": np.ones((2, 2), dtype=np.float32)})
    assert find_checkpoint("MTT_musicnn", tmp_path / "wheel") == folder
    cache = tmp_path / "home" / "musicnn-MTT_musicnn.npz"
    first = load_weights("MTT_musicnn", tmp_path / "wheel", cache)
    assert sorted(first) == ["dense/kernel"]  # optimiser slots dropped
    for f in folder.iterdir():
        f.unlink()
    again = load_weights("MTT_musicnn", tmp_path / "wheel", cache)
    np.testing.assert_array_equal(again["dense/kernel"], first["dense/kernel"])


def test_missing_weights_or_an_unknown_model_say_so(tmp_path):
    with pytest.raises(CatalogError, match="no MSD_musicnn checkpoint found"):
        find_checkpoint("MSD_musicnn", tmp_path)
    with pytest.raises(CatalogError, match="unknown embedding model"):
        find_checkpoint("vggish", tmp_path)


def _shipped(model: str) -> Path | None:
    try:
        return find_checkpoint(model, settings.get("MUSICNN_DIR") or None)
    except CatalogError:
        return None


@pytest.mark.slow
@pytest.mark.parametrize("model", EMBEDDING_MODELS)
def test_forward_matches_tensorflow_on_the_shipped_weights(model):
    """Reference: TensorFlow 2.21 running musicnn 0.1.0's own graph code on two fixed
    patches (tests/data/musicnn_reference.json, made outside the project)."""
    if _shipped(model) is None:
        pytest.skip("musicnn weights not here: pip install --no-deps musicnn, or set "
                    "FEELALIKE_MUSICNN_DIR to an unpacked musicnn wheel")
    reference = json.loads(REFERENCE.read_text())
    x = np.random.default_rng(12).uniform(0.0, 3.0, (2, 187, 96)).astype(np.float32)
    x[1, :, :48] *= 0.2
    tags, pen = Musicnn(load_weights(model, settings.get("MUSICNN_DIR") or None)).forward(x)
    np.testing.assert_allclose(tags, reference[model]["tags"], atol=1e-4)
    np.testing.assert_allclose(pen, reference[model]["penultimate"], atol=1e-4)
