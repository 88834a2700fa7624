"""Fits the theme model on the training part of the labelled set and stores its weights.

    python -m app.themes.train

Run it after changing the labelled set or the catalogue; tests/themes checks that the stored
weights were fitted on the labelled set as it is now. The regularisation, the weight of the topic
and the cut-off for second and third suggestions are chosen by 5-fold cross-validation on the
training part alone: the held-out part is only ever used by bench/themes.py.
"""

from itertools import product

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from app.questions.schema import TOPIC_KEYS
from app.themes.catalogue import keys, latest_version
from app.themes.embedding import Embedder
from app.themes.evaluation import score
from app.themes.labelled import Comment, comments, training_fingerprint
from app.themes.model import MAX_SUGGESTIONS, Weights, artefact_path, pick

REGULARISATION = (1.0, 2.0)
TOPIC_WEIGHT = (0.3, 1.0)
THRESHOLD = (0.4, 0.5, 0.6, 0.7)
FOLDS = 5


def _topics(items: list[Comment], weight: float) -> np.ndarray:
    columns = np.zeros((len(items), len(TOPIC_KEYS)), dtype=np.float32)
    for row, comment in enumerate(items):
        columns[row, TOPIC_KEYS.index(comment.topic)] = weight
    return columns


def _fit(vectors: np.ndarray, items: list[Comment], theme_keys: tuple[str, ...], c: float, weight: float):
    """Logistic regression per theme (balanced class weights); every comment is seen twice, with its
    topic and without, so the model also works when the topic is not known."""
    targets = np.array([[key in c_.themes for key in theme_keys] for c_ in items], dtype=int)
    features = np.vstack(
        [np.hstack([vectors, _topics(items, weight)]), np.hstack([vectors, _topics(items, 0)])]
    )
    classifier = OneVsRestClassifier(LogisticRegression(C=c, max_iter=5000, class_weight="balanced"))
    return classifier.fit(features, np.vstack([targets, targets]))


def _probabilities(classifier, vectors: np.ndarray, items: list[Comment], weight: float) -> np.ndarray:
    return classifier.predict_proba(np.hstack([vectors, _topics(items, weight)]))


def _choose(
    vectors: np.ndarray, items: list[Comment], theme_keys: tuple[str, ...]
) -> tuple[float, float, float]:
    """(regularisation, topic weight, threshold) with the best cross-validated micro-F1."""
    results: dict[tuple[float, float, float], list[tuple[list[str], tuple[str, ...]]]] = {}
    for c, weight in product(REGULARISATION, TOPIC_WEIGHT):
        for fold in range(FOLDS):
            inside = [i for i in range(len(items)) if i % FOLDS != fold]
            outside = [i for i in range(len(items)) if i % FOLDS == fold]
            classifier = _fit(vectors[inside], [items[i] for i in inside], theme_keys, c, weight)
            rows = _probabilities(classifier, vectors[outside], [items[i] for i in outside], weight)
            for threshold in THRESHOLD:
                results.setdefault((c, weight, threshold), []).extend(
                    (pick(row, theme_keys, threshold, MAX_SUGGESTIONS), items[i].themes)
                    for i, row in zip(outside, rows, strict=True)
                )
    ranked = {
        choice: score([g for g, _ in pairs], [t for _, t in pairs], theme_keys)
        for choice, pairs in results.items()
    }
    return max(ranked, key=lambda choice: (ranked[choice].micro_f1, ranked[choice].first_right))


def train(embedder: Embedder) -> tuple[Weights, float, float]:
    """The weights fitted on every training comment, with the regularisation and topic weight chosen."""
    version = latest_version()
    theme_keys = keys(version)
    items = comments("train")
    vectors = embedder.embed([c.text for c in items])
    c, weight, threshold = _choose(vectors, items, theme_keys)
    classifier = _fit(vectors, items, theme_keys, c, weight)
    coef = np.vstack([estimator.coef_[0] for estimator in classifier.estimators_])
    dimensions = vectors.shape[1]
    weights = Weights(
        keys=theme_keys,
        topics=TOPIC_KEYS,
        coef=coef[:, :dimensions],
        topic_bias=coef[:, dimensions:] * weight,
        intercept=np.array([estimator.intercept_[0] for estimator in classifier.estimators_]),
        threshold=threshold,
        trained_on=training_fingerprint(),
        catalogue_version=version,
    )
    return weights, c, weight


def main() -> None:
    weights, c, weight = train(Embedder())
    path = artefact_path(weights.catalogue_version)
    weights.save(path)
    print(
        f"{path.name}: {len(comments('train'))} training comments, {len(weights.keys)} themes; "
        f"chosen by cross-validation: C={c}, topic weight {weight}, cut-off {weights.threshold}"
    )


if __name__ == "__main__":
    main()
