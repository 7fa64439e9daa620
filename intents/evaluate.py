"""Measure the classifier: stratified cross-validation and an optional held-out test set.

Reports overall and per-language accuracy, per-intent precision/recall/F1, the most confused pairs,
out-of-scope precision and recall (with the rate of in-scope questions wrongly rejected), calibration
error, and per-message latency percentiles of the fast model.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import yaml

from .classifier import TrainConfig, decide, fit_temperature, oof_predictions, softmax, train, tune_rejection
from .features import tokenize
from .normalize import normalize
from .training_data import OUT_OF_SCOPE, TrainingData

__all__ = ["evaluate", "score_predictions", "load_heldout"]


@dataclass
class Labelled:
    text: str
    intent: str
    lang: str


def load_heldout(path: Path) -> list[Labelled]:
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Labelled(i["text"], i["intent"], i.get("lang", "th")) for i in items]


def score_predictions(gold: list[str], pred: list[str], langs: list[str], confidences: list[float]) -> dict:
    """Accuracy, per-intent P/R/F1, confusions and out-of-scope figures for one set of predictions."""
    n = len(gold)
    correct = [g == p for g, p in zip(gold, pred)]
    report: dict = {"n": n, "accuracy": sum(correct) / max(1, n), "by_language": {}}
    for lang in sorted(set(langs)):
        idx = [i for i, lg in enumerate(langs) if lg == lang]
        report["by_language"][lang] = {"n": len(idx), "accuracy": sum(correct[i] for i in idx) / max(1, len(idx))}
    per_intent = {}
    for intent in sorted(set(gold) | set(pred)):
        tp = sum(1 for g, p in zip(gold, pred) if g == intent and p == intent)
        fp = sum(1 for g, p in zip(gold, pred) if g != intent and p == intent)
        fn = sum(1 for g, p in zip(gold, pred) if g == intent and p != intent)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_intent[intent] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    report["per_intent"] = per_intent
    confusions = Counter((g, p) for g, p in zip(gold, pred) if g != p)
    report["confused"] = [{"gold": g, "predicted": p, "count": c} for (g, p), c in confusions.most_common(10)]
    in_scope = [i for i, g in enumerate(gold) if g != OUT_OF_SCOPE]
    oos = per_intent.get(OUT_OF_SCOPE, {"precision": 0.0, "recall": 0.0})
    report["out_of_scope"] = {
        "precision": oos["precision"], "recall": oos["recall"],
        "in_scope_rejected": sum(1 for i in in_scope if pred[i] == OUT_OF_SCOPE) / max(1, len(in_scope)),
    }
    # Expected calibration error of the top confidence (10 bins).
    conf = np.array(confidences)
    hit = np.array(correct, dtype=float)
    ece = 0.0
    for lo in np.linspace(0, 1, 11)[:-1]:
        m = (conf > lo) & (conf <= lo + 0.1)
        if m.any():
            ece += m.mean() * abs(hit[m].mean() - conf[m].mean())
    report["calibration_error"] = float(ece)
    return report


def evaluate(data: TrainingData, config: TrainConfig = TrainConfig(), heldout: list[Labelled] | None = None,
             progress: Callable[[str, int, int], None] | None = None,
             preprocess: Callable[[str], str] = lambda t: t,
             off_topic: Callable[[str], object] = lambda t: None, override_below: float = 0.0) -> dict:
    """Cross-validate on the training data, then (optionally) train on all of it and test on ``heldout``.

    ``preprocess`` is what the NLU does to a normalised message before classifying it (name masking);
    ``off_topic`` and ``override_below`` are its off-topic cue override, so the figures are the bot's own.
    """
    normalized = [normalize(ex.text) for ex in data.examples]
    texts = [preprocess(t) for t in normalized]
    labels = [ex.intent for ex in data.examples]
    langs = [ex.lang for ex in data.examples]
    classes, oof = oof_predictions(texts, labels, config,
                                   (lambda k, n: progress("cross-validation", k, n)) if progress else None)
    y = np.array([classes.index(label) for label in labels])
    temp = fit_temperature(oof, y)
    probs = softmax(oof, temp)
    threshold, margin = tune_rejection(probs, classes, y, config.max_false_reject)
    def final(norm: str, ranking: list[tuple[str, float]], t: float, m: float) -> str:
        intent = decide(ranking, t, m)
        if intent != OUT_OF_SCOPE and ranking[0][1] < override_below and off_topic(norm):
            return OUT_OF_SCOPE
        return intent

    pred, confs = [], []
    for norm, row in zip(normalized, probs):
        order = np.argsort(-row)[:3]
        ranking = [(classes[i], float(row[i])) for i in order]
        pred.append(final(norm, ranking, threshold, margin))
        confs.append(ranking[0][1])
    report = {"config": {"C": config.C, "folds": config.folds, "examples": len(texts), "intents": len(classes)},
              "threshold": threshold, "margin": margin, "temperature": temp,
              "cross_validation": score_predictions(labels, pred, langs, confs)}
    if progress:
        progress("training the final model", 0, 1)
    model = train(data, config, preprocess=preprocess)
    if progress:
        progress("training the final model", 1, 1)
    if heldout:
        h_pred, h_conf, h_langs, misses = [], [], [], []
        for item in heldout:
            plain = normalize(item.text)
            norm = preprocess(plain)
            ranking = model.rank(norm, tokenize(norm))
            p = final(plain, ranking, model.threshold, model.margin)
            h_pred.append(p)
            h_conf.append(ranking[0][1])
            h_langs.append(item.lang)
            if p != item.intent:
                misses.append({"text": item.text, "gold": item.intent, "predicted": p,
                               "confidence": round(ranking[0][1], 3)})
        scored = score_predictions([h.intent for h in heldout], h_pred, h_langs, h_conf)
        report["heldout"] = {**scored, "misses": misses}
    report["latency_ms"] = _latency(model, texts[:2000])
    return report


def _latency(model, texts: list[str]) -> dict:
    """Per-message time of tokenising + classifying with the fast model, in milliseconds."""
    times = []
    for t in texts:
        start = time.perf_counter()
        model.rank(t, tokenize(t))
        times.append((time.perf_counter() - start) * 1000)
    arr = np.array(times)
    return {"p50": float(np.percentile(arr, 50)), "p90": float(np.percentile(arr, 90)),
            "p99": float(np.percentile(arr, 99)), "max": float(arr.max())}
