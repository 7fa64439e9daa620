"""Intent classifier: TF-IDF (word + character n-grams) and a multinomial logistic regression.

scikit-learn trains the model; :class:`IntentModel` then applies the learned vocabulary, IDF weights and
coefficients directly with NumPy, which takes tens of microseconds per message instead of the ~1.5 ms of
per-call overhead of a scikit-learn pipeline. Confidence is calibrated by temperature scaling fitted on
out-of-fold predictions, and the out-of-scope threshold and margin are tuned on those same held-out folds.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .features import FEATURES_VERSION, features
from .normalize import normalize
from .training_data import OUT_OF_SCOPE, TrainingData

__all__ = ["IntentModel", "train", "TrainConfig", "decide", "oof_predictions", "fit_sklearn"]


@dataclass(frozen=True)
class TrainConfig:
    C: float = 20.0
    folds: int = 3  # out-of-fold scores for calibration; 3 folds train in two thirds of the time of 5
    seed: int = 13
    jobs: int = 2  # cross-validation folds trained in parallel (threads: see oof_predictions)
    max_false_reject: float = 0.03  # share of in-scope questions the threshold may reject
    # Convergence tolerance of the final fit. A loose one (1e-3) stopped the solver wherever it happened to
    # be, so adding one phrasing changed about 110 of 8,346 development answers; with these two it changes 1.
    tol: float = 1e-5
    fold_tol: float = 1e-4  # the cross-validation fits only score held-out phrasings for calibration


@dataclass
class IntentModel:
    """A trained intent model applied without scikit-learn."""

    classes: list[str]
    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (n_features, n_classes)
    intercept: np.ndarray
    temperature: float = 1.0
    threshold: float = 0.0
    margin: float = 0.0
    meta: dict = field(default_factory=dict)

    # -- scoring ---------------------------------------------------------------------------------------
    def decision(self, feats: Sequence[str]) -> np.ndarray:
        """Raw linear scores per class for a list of feature strings."""
        counts = Counter(feats)
        # Vocabulary look-ups in C (map, fromiter) rather than a generator per feature; -1 marks an unknown one.
        found = np.fromiter(map(self.vocab.get, counts, repeat(-1)), dtype=np.intp, count=len(counts))
        known = found >= 0
        if not known.any():
            return self.intercept.copy()
        idx = found[known]
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))[known]
        w = (1.0 + np.log(tf)) * self.idf[idx]
        w /= math.sqrt(float(w @ w))
        return w @ self.coef[idx] + self.intercept

    def probabilities(self, text: str, tokens: list[str] | None = None) -> np.ndarray:
        """Calibrated class probabilities for normalised ``text``."""
        z = self.decision(features(text, tokens)) / self.temperature
        z = np.exp(z - z.max())
        return z / z.sum()

    def rank(self, text: str, tokens: list[str] | None = None, top: int = 3) -> list[tuple[str, float]]:
        """The ``top`` intents with their calibrated probabilities, best first."""
        p = self.probabilities(text, tokens)
        order = np.argsort(-p)[:top]
        return [(self.classes[i], float(p[i])) for i in order]

    # -- persistence -----------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        vocab = sorted(self.vocab, key=self.vocab.__getitem__)
        header = json.dumps({"classes": self.classes, "vocab": vocab, "temperature": self.temperature,
                             "threshold": self.threshold, "margin": self.margin, "meta": self.meta},
                            ensure_ascii=False)
        np.savez(tmp, idf=self.idf, coef=self.coef, intercept=self.intercept,
                 header=np.frombuffer(header.encode(), dtype=np.uint8))
        tmp.replace(path)  # atomic: a concurrent reader never sees half a file

    @classmethod
    def load(cls, path: Path) -> "IntentModel":
        with np.load(path) as z:
            header = json.loads(z["header"].tobytes().decode())
            vocab = {f: i for i, f in enumerate(header["vocab"])}
            return cls(header["classes"], vocab, z["idf"], z["coef"], z["intercept"], header["temperature"],
                       header["threshold"], header["margin"], header["meta"])


def decide(ranking: list[tuple[str, float]], threshold: float, margin: float) -> str:
    """The intent to act on: the best one, or out of scope when it is unsure (low or too close to the next)."""
    best, p1 = ranking[0]
    p2 = ranking[1][1] if len(ranking) > 1 else 0.0
    if best == OUT_OF_SCOPE or p1 < threshold or p1 - p2 < margin:
        return OUT_OF_SCOPE
    return best


def fit_sklearn(texts: Sequence[str], labels: Sequence[str], C: float, tol: float = TrainConfig.tol,
                start: "IntentModel | None" = None):
    """Fit the scikit-learn TF-IDF + logistic regression pipeline (training only).

    ``start``: a model of nearly the same data whose weights the solver starts from (a retrain after staff
    edits): the optimum is the same (the loss is strictly convex), reached in about a third of the
    iterations."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, dtype=np.float64)
    X = vec.fit_transform(texts)
    clf = LogisticRegression(C=C, tol=tol, max_iter=2000, class_weight="balanced", warm_start=start is not None)
    classes = sorted(set(labels))
    if start is not None and set(start.classes) == set(classes):
        order = [start.classes.index(c) for c in classes]
        coef = np.zeros((len(classes), X.shape[1]))
        for feature, j in vec.vocabulary_.items():  # a feature new to this data starts at zero
            i = start.vocab.get(feature)
            if i is not None:
                coef[:, j] = start.coef[i, order]
        clf.coef_, clf.intercept_ = coef, start.intercept[order].copy()
    clf.fit(X, labels)
    return vec, clf


def _to_model(vec, clf, **kw) -> IntentModel:
    vocab = {f: int(i) for f, i in vec.vocabulary_.items()}
    return IntentModel(list(clf.classes_), vocab, vec.idf_.astype(np.float64),
                       np.ascontiguousarray(clf.coef_.T, dtype=np.float64), clf.intercept_.astype(np.float64), **kw)


def oof_predictions(texts: Sequence[str], labels: Sequence[str], config: TrainConfig,
                    progress: Callable[[int, int], None] | None = None) -> tuple[list[str], np.ndarray]:
    """Out-of-fold raw decision scores from k-fold cross-validation (folds by :func:`stable_folds`)."""
    from joblib import Parallel, delayed

    labels_arr = np.asarray(labels)
    classes = sorted(set(labels))
    scores = np.zeros((len(texts), len(classes)))
    splits = stable_folds(texts, config.folds, config.seed)
    # Threads, not joblib's default worker processes: the fitting runs in NumPy/SciPy code that releases the
    # GIL, and processes would outlive training (loky keeps them for reuse, ~200 MB each, plus its resource
    # trackers), be inherited by gunicorn's forked workers and print tracebacks when the server stops.
    jobs = Parallel(n_jobs=config.jobs, backend="threading", return_as="generator")(
        delayed(_fold_scores)([texts[i] for i in tr], labels_arr[tr], [texts[i] for i in te], config.C,
                                config.fold_tol)
        for tr, te in splits)
    for k, ((_, te), (fold_classes, fold_scores)) in enumerate(zip(splits, jobs)):
        col = np.array([classes.index(c) for c in fold_classes])
        scores[np.ix_(te, col)] = fold_scores
        if progress:
            progress(k + 1, config.folds)
    return classes, scores


def stable_folds(texts: Sequence[str], folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test index pairs in which each example's fold depends on its own text only.

    A shuffled k-fold split reassigns every example when one is added, so a staff edit of one phrasing
    used to move the fitted temperature and rejection threshold, and with them about one answer in a
    hundred; here an added or removed example leaves every other example in its fold."""
    fold = np.array([int.from_bytes(hashlib.blake2b(f"{seed}:{t}".encode(), digest_size=8).digest(), "big") % folds
                     for t in texts])
    idx = np.arange(len(texts))
    return [(idx[fold != k], idx[fold == k]) for k in range(folds)]


def _fold_scores(train_texts, train_labels, test_texts, C, tol):
    vec, clf = fit_sklearn(train_texts, train_labels, C, tol)
    model = _to_model(vec, clf)
    return model.classes, np.array([model.decision(features(t)) for t in test_texts])


def fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of out-of-fold predictions."""
    from scipy.optimize import minimize_scalar

    def nll(log_t: float) -> float:
        z = scores / math.exp(log_t)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -float(logp[np.arange(len(y)), y].mean())

    res = minimize_scalar(nll, bounds=(-3.0, 3.0), method="bounded")
    return float(math.exp(res.x))


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = scores / temperature
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def tune_rejection(probs: np.ndarray, classes: list[str], y: np.ndarray,
                   max_false_reject: float) -> tuple[float, float]:
    """Threshold and margin that catch the most out-of-scope questions while rejecting at most
    ``max_false_reject`` of the in-scope ones; ties go to higher overall accuracy."""
    oos = classes.index(OUT_OF_SCOPE)
    order = np.argsort(-probs, axis=1)
    top, second = order[:, 0], order[:, 1]
    p1 = probs[np.arange(len(y)), top]
    p2 = probs[np.arange(len(y)), second]
    is_oos = y == oos
    best = (-1.0, -1.0, 0.0, 0.0)
    for t in np.arange(0.0, 0.91, 0.02):
        for m in np.arange(0.0, 0.51, 0.02):
            reject = (top == oos) | (p1 < t) | (p1 - p2 < m)
            false_reject = float((reject & ~is_oos).sum() / max(1, (~is_oos).sum()))
            if false_reject > max_false_reject:
                continue
            recall = float((reject & is_oos).sum() / max(1, is_oos.sum()))
            pred = np.where(reject, oos, top)
            acc = float((pred == y).mean())
            if (recall, acc) > best[:2]:
                best = (recall, acc, float(t), float(m))
    return round(best[2], 2), round(best[3], 2)


def train(data: TrainingData, config: TrainConfig = TrainConfig(),
          progress: Callable[[int, int], None] | None = None,
          preprocess: Callable[[str], str] | None = None,
          calibrated_like: IntentModel | None = None) -> IntentModel:
    """Train on every example, calibrate on out-of-fold predictions, and return the fast model.

    ``preprocess`` is applied to each normalised example, as the NLU applies it to each message.
    ``calibrated_like``: a model of (nearly) the same data whose calibration (temperature, rejection
    threshold and margin) is kept instead of cross-validating again: a retrain after staff edits adds a few
    phrasings to thousands, and one fit instead of four, started from that model's weights, keeps it off the
    answering workers' CPU.
    """
    texts = [normalize(ex.text) for ex in data.examples]
    if preprocess:
        texts = [preprocess(t) for t in texts]
    labels = [ex.intent for ex in data.examples]
    meta = {"fingerprint": data.fingerprint(), "features_version": FEATURES_VERSION, "C": config.C,
            "examples": len(texts)}
    if calibrated_like is not None and set(labels) <= set(calibrated_like.classes):
        temperature, threshold, margin = (calibrated_like.temperature, calibrated_like.threshold,
                                          calibrated_like.margin)
        meta["calibration_from"] = calibrated_like.meta.get("fingerprint", "")
    else:
        classes, oof = oof_predictions(texts, labels, config, progress)
        y = np.array([classes.index(label) for label in labels])
        temperature = fit_temperature(oof, y)
        threshold, margin = tune_rejection(softmax(oof, temperature), classes, y, config.max_false_reject)
    vec, clf = fit_sklearn(texts, labels, config.C, config.tol, start=calibrated_like)
    return _to_model(vec, clf, temperature=temperature, threshold=threshold, margin=margin, meta=meta)
