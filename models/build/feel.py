"""The learned feel space: one set of coordinates for every track, whatever evidence
it has, each coordinate with a confidence in [0, 1].

Coordinates (``FEEL_COLUMNS``): valence and arousal, the 16 moods, ``LATENT`` dimensions
of playlist/tag co-membership ("these go together") and the audio-side ``SOUND``
features.  What the model learns (``FeelModel.fit``):

- the co-membership space: a truncated SVD of the catalog's track x tag incidence
  (playlist names, genres, subgenres), and a ridge projection from audio into it, so a
  track without tags still gets latent coordinates (at the projection's R^2 confidence);
- valence/arousal: heads fitted on measured labels (Deezer): a ridge regression from
  audio, tag context and the latent space; one from audio alone, averaged with
  boosted trees (``va_head``); one from the tags alone (context, latent, frequent
  tags); each head's confidence is its cross-validated R^2 relative to the best head.

Moods come from the evidence pipeline's profiles (tags, notes, reviews, audio
position); review-only tracks take valence/arousal from their words and sound
coordinates from instrumentation and pace words (``feel_words``).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Sequence

import numpy as np
import scipy.sparse as sp

from ..audio import INPUTS, VaModel, column_stats
from ..errors import CatalogError
from ..ingest import Track
from ..language import MOODS, normalise
from ..npz import open_npz
from .feel_words import SOUND
from .va_head import VaHead, r2_by_column

LATENT = 16
VA_TAGS = 60  # most frequent tags as direct inputs of the valence/arousal head
LABEL_SCALE = 2.0  # Deezer labels are z-scores: +-2 sd maps to +-1 (as VaModel)
N_INPUTS = len(INPUTS) + 1  # audio features and release year


_tag_key = lru_cache(maxsize=65536)(normalise)  # catalogs repeat a few hundred tags


def feel_columns() -> tuple[str, ...]:
    return ("valence", "arousal", *MOODS, *(f"latent{i}" for i in range(LATENT)), *SOUND)


class FeelModel:
    """Learned mappings from evidence to feel coordinates (sklearn style: parameters in
    the keyword-only constructor, everything learned in ``fit``, attributes with ``_``)."""

    def __init__(self, *, alpha: float = 10.0, latent: int = LATENT, min_tag_tracks: int = 5,
                 max_tags: int = 2000, random_state: int = 0, trees: int = 100) -> None:
        self.alpha = alpha
        self.latent = latent
        self.min_tag_tracks = min_tag_tracks
        self.max_tags = max_tags
        self.random_state = random_state
        self.trees = trees  # boosted trees per output of the audio-only head; 0: none

    # -- inputs -------------------------------------------------------------------
    def _audio(self, tracks: Sequence[Track]) -> tuple[np.ndarray, np.ndarray]:
        z, known = self._audio_known(tracks)
        return z, known[:, :-1].any(axis=1)

    def _audio_known(self, tracks: Sequence[Track]) -> tuple[np.ndarray, np.ndarray]:
        """Standardised inputs (0 where unknown) and which are known."""
        raw = VaModel.inputs(tracks)
        return np.nan_to_num((raw - self.mean_) / self.scale_, nan=0.0), ~np.isnan(raw)

    def _incidence(self, tracks: Sequence[Track]) -> sp.csr_matrix:
        index = {t: j for j, t in enumerate(self.tags_)}
        rows, cols = [], []
        for i, track in enumerate(tracks):
            for j in {index[k] for k in map(_tag_key, track.tags) if k in index}:
                rows.append(i)
                cols.append(j)
        return sp.csr_matrix((np.ones(len(rows)), (rows, cols)),
                             shape=(len(tracks), len(self.tags_)))

    def _tag_features(self, tracks: Sequence[Track]) -> tuple[np.ndarray, np.ndarray,
                                                             np.ndarray, np.ndarray]:
        """Latent coordinates, tag context (mean audio of the tags' tracks), the frequent
        tags one-hot, and which tracks carry a known tag."""
        m = self._incidence(tracks)
        counts = np.asarray(m.sum(axis=1)).ravel()
        has = counts > 0
        norm = sp.diags(1.0 / np.sqrt(np.maximum(counts, 1))) @ m
        latent = (norm @ self.components_.T - self.latent_mean_) / self.latent_scale_
        context = (sp.diags(1.0 / np.maximum(counts, 1)) @ m) @ self.tag_context_
        onehot = m[:, :VA_TAGS].toarray() if len(self.tags_) else np.zeros((len(tracks), 0))
        latent[~has] = 0.0
        return np.asarray(latent), np.asarray(context), onehot, has

    # -- fitting ------------------------------------------------------------------
    def fit(self, tracks: Sequence[Track], rows: np.ndarray, labels: np.ndarray,
            ) -> "FeelModel":
        """``tracks``: the catalog (co-membership and audio scales are learned on all of
        it, unsupervised); ``rows``/``labels``: the tracks with measured (valence,
        arousal) and their labels, for the supervised heads."""
        rows = np.asarray(rows, dtype=np.int64)
        labels = np.asarray(labels, dtype=np.float64)
        if len(rows) < 20 or labels.shape != (len(rows), 2):
            raise CatalogError(f"need at least 20 tracks with (valence, arousal) labels; "
                               f"got {len(rows)} rows and labels {labels.shape}")
        self.mean_, self.scale_ = column_stats(VaModel.inputs(tracks))
        counts = Counter(k for t in tracks for k in {_tag_key(x) for x in t.tags})
        self.tags_ = [k for k, n in counts.most_common(self.max_tags) if n >= self.min_tag_tracks]
        z, has_audio = self._audio(tracks)
        self.sound_low_ = np.percentile(z[has_audio], 15, axis=0) if has_audio.any() \
            else -np.ones(N_INPUTS)
        self.sound_high_ = np.percentile(z[has_audio], 85, axis=0) if has_audio.any() \
            else np.ones(N_INPUTS)
        self._fit_latent(tracks, z, has_audio)
        self._fit_va(tracks, z, has_audio, rows, labels)
        return self

    def _fit_latent(self, tracks: Sequence[Track], z: np.ndarray, has_audio: np.ndarray,
                    ) -> None:
        from sklearn.decomposition import TruncatedSVD  # here: commands start without it
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import KFold, cross_val_predict

        m = self._incidence(tracks)
        counts = np.asarray(m.sum(axis=1)).ravel()
        k = max(1, min(self.latent, len(self.tags_) - 1))
        if len(self.tags_) > 2 and (counts > 0).sum() > k:
            norm = sp.diags(1.0 / np.sqrt(np.maximum(counts, 1))) @ m
            svd = TruncatedSVD(n_components=k, random_state=self.random_state).fit(norm)
            components = np.zeros((self.latent, len(self.tags_)))
            components[:k] = svd.components_
        else:
            components = np.zeros((self.latent, len(self.tags_)))
        self.components_ = components
        self.latent_mean_, self.latent_scale_ = np.zeros(self.latent), np.ones(self.latent)
        per_tag = np.asarray(m.sum(axis=0)).ravel()
        self.tag_context_ = (m.T @ z) / np.maximum(per_tag, 1)[:, None]
        latent, _, _, has_tags = self._tag_features(tracks)
        if has_tags.any():
            sd = latent[has_tags].std(axis=0)
            self.latent_mean_ = latent[has_tags].mean(axis=0)
            self.latent_scale_ = np.where(sd > 1e-9, sd, 1.0)
            latent, _, _, has_tags = self._tag_features(tracks)
        both = has_tags & has_audio
        self.audio_latent_coef_ = np.zeros((self.latent, N_INPUTS))
        self.audio_latent_intercept_ = np.zeros(self.latent)
        self.audio_latent_r2_ = np.zeros(self.latent)
        if both.sum() >= 50:
            ridge = Ridge(alpha=self.alpha)
            pred = cross_val_predict(ridge, z[both], latent[both],
                                     cv=KFold(5, shuffle=True, random_state=self.random_state))
            self.audio_latent_r2_ = np.clip(r2_by_column(latent[both], pred), 0.0, 1.0)
            ridge.fit(z[both], latent[both])
            self.audio_latent_coef_, self.audio_latent_intercept_ = ridge.coef_, ridge.intercept_

    def _va_design(self, tracks: Sequence[Track]) -> tuple[np.ndarray, np.ndarray,
                                                          np.ndarray, np.ndarray]:
        z, has_audio = self._audio(tracks)
        latent, context, onehot, has_tags = self._tag_features(tracks)
        return np.hstack([z, context, latent, onehot]), z, has_audio, has_tags

    def _fit_va(self, tracks: Sequence[Track], z: np.ndarray, has_audio: np.ndarray,
                rows: np.ndarray, labels: np.ndarray) -> None:
        full, _, _, _ = self._va_design([tracks[r] for r in rows])
        target = labels / LABEL_SCALE
        r2 = []
        # trees only where they pay (docs/quality.md): from audio alone they lift
        # agreement, beside the tags they scatter a playlist's tracks for nothing
        for head, design, trees in (("va_full", full, 0), ("va_audio", z[rows], self.trees),
                                    ("va_tags", full[:, N_INPUTS:], 0)):
            fitted, score = VaHead.fit_scored(design, target, alpha=self.alpha, trees=trees,
                                              random_state=self.random_state)
            r2.append(np.clip(score, 1e-3, 1.0))
            setattr(self, f"{head}_", fitted)
        self.va_r2_ = np.vstack(r2)  # rows: full, audio, tags
        self.va_confidence_ = self.va_r2_ / self.va_r2_.max(axis=0)
        self.label_std_ = target.std(axis=0)

    # -- prediction ---------------------------------------------------------------
    def prepare(self, tracks: Sequence[Track]) -> "Prepared":
        """The model's inputs for ``tracks``, computed once for the predict methods."""
        z, known = self._audio_known(tracks)
        has_audio = known[:, :-1].any(axis=1)
        latent, context, onehot, has_tags = self._tag_features(tracks)
        full = np.hstack([z, context, latent, onehot])
        return Prepared(full, z, has_audio, has_tags, latent.copy(), known)

    def _prepared(self, tracks: "Sequence[Track] | Prepared") -> "Prepared":
        return tracks if isinstance(tracks, Prepared) else self.prepare(tracks)

    def predict_va(self, tracks: "Sequence[Track] | Prepared") -> tuple[np.ndarray, np.ndarray]:
        """(n, 2) valence/arousal on [-1, 1] and (n, 2) confidence (0 with neither audio
        nor a known tag)."""
        full, z, has_audio, has_tags, _, known = self._prepared(tracks)
        va = np.zeros((len(z), 2))
        conf = np.zeros((len(z), 2))
        both = has_audio & has_tags
        only = has_audio & ~has_tags
        # the trees saw complete audio only; a missing input sits at its mean, which a
        # linear head averages over but a split takes at face value
        complete = known[:, :-1].all(axis=1)
        va[both] = self.va_full_.predict(full[both])
        va[only & complete] = self.va_audio_.predict(z[only & complete])
        va[only & ~complete] = self.va_audio_.predict(z[only & ~complete], trees=False)
        conf[both], conf[only] = self.va_confidence_[0], self.va_confidence_[1]
        tags = has_tags & ~has_audio
        if self.va_tags_ is not None:  # None: a file saved before the tags head
            va[tags] = self.va_tags_.predict(full[tags][:, N_INPUTS:])
            conf[tags] = self.va_confidence_[2]
        return np.clip(va, -1.0, 1.0), conf

    def predict_latent(self, tracks: "Sequence[Track] | Prepared",
                       ) -> tuple[np.ndarray, np.ndarray]:
        """(n, LATENT) co-membership coordinates and their confidence: 1 from tags, the
        audio projection's R^2 from audio alone, 0 without either."""
        _, z, has_audio, has_tags, latent, _ = self._prepared(tracks)
        latent = latent.copy()
        conf = np.zeros_like(latent)
        conf[has_tags] = 1.0
        only = has_audio & ~has_tags
        latent[only] = z[only] @ self.audio_latent_coef_.T + self.audio_latent_intercept_
        conf[only] = self.audio_latent_r2_
        return latent, conf

    def sound(self, tracks: "Sequence[Track] | Prepared") -> tuple[np.ndarray, np.ndarray]:
        """Standardised audio-side features: confidence 1 where the track has the
        feature, 0 where it does not (value 0, the catalog's mean)."""
        prepared = self._prepared(tracks)
        cols = [INPUTS.index(f) for f in SOUND]
        return prepared.z[:, cols], prepared.known[:, cols].astype(np.float64)

    # -- persistence --------------------------------------------------------------
    _ARRAYS = ("mean_", "scale_", "sound_low_", "sound_high_", "components_", "latent_mean_",
               "latent_scale_", "tag_context_", "audio_latent_coef_",
               "audio_latent_intercept_", "audio_latent_r2_", "va_r2_", "va_confidence_",
               "label_std_")
    _HEADS = ("va_full", "va_audio", "va_tags")  # va_tags: optional in older files

    def save(self, path: str | Path) -> None:
        np.savez(path, inputs=np.array(INPUTS), tags=np.array(self.tags_, dtype=str),
                 params=np.array([self.alpha, self.latent, self.min_tag_tracks,
                                  self.max_tags, self.random_state, self.trees],
                                 dtype=np.float64),
                 **{name.rstrip("_"): getattr(self, name) for name in self._ARRAYS},
                 **{k: v for head in self._HEADS if getattr(self, f"{head}_") is not None
                    for k, v in getattr(self, f"{head}_").arrays(head).items()})

    @classmethod
    def load(cls, path: str | Path) -> "FeelModel":
        try:
            with open_npz(path) as data:
                if tuple(data["inputs"]) != INPUTS:
                    raise CatalogError(f"{path}: trained on other features")
                # files saved before the boosted heads have five parameters
                alpha, latent, min_tags, max_tags, seed, trees = (*data["params"], 0)[:6]
                model = cls(alpha=float(alpha), latent=int(latent),
                            min_tag_tracks=int(min_tags), max_tags=int(max_tags),
                            random_state=int(seed), trees=int(trees))
                model.tags_ = [str(t) for t in data["tags"]]
                for name in cls._ARRAYS:
                    setattr(model, name, data[name.rstrip("_")])
                for head in cls._HEADS:
                    setattr(model, f"{head}_", None if head == "va_tags" and
                            "va_tags_coef" not in data else VaHead.from_arrays(data, head))
                if len(model.va_confidence_) != 2 + (model.va_tags_ is not None):
                    raise ValueError("head confidences do not match the heads")
        except (OSError, KeyError, ValueError) as exc:
            raise CatalogError(f"cannot load feel model {path}: {exc}") from None
        return model


class Prepared(NamedTuple):
    full: np.ndarray  # the valence/arousal head's design: audio, context, latent, tags
    z: np.ndarray  # standardised audio and year
    has_audio: np.ndarray
    has_tags: np.ndarray
    latent: np.ndarray  # co-membership coordinates from tags (0 without)
    known: np.ndarray  # (n, N_INPUTS) which audio inputs each track has
