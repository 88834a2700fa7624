"""Fits the theme model on the training part of the labelled set and stores its weights.

    python -m app.themes.train

Run it after changing the labelled set or the catalogue; tests/themes checks that the stored
weights were fitted on the labelled set as it is now.
"""

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from app.themes.catalogue import keys, latest_version
from app.themes.embedding import Embedder
from app.themes.labelled import comments, training_fingerprint
from app.themes.model import Weights, artefact_path

# Chosen on the training part alone (5-fold cross-validation in bench/themes.py --tune), never on
# the held-out part.
REGULARISATION = 1.0
THRESHOLD = 0.5


def fit(embedder: Embedder, texts: list[str], themes: list[tuple[str, ...]]) -> Weights:
    """Logistic regression per theme (balanced class weights) over the texts' embeddings."""
    version = latest_version()
    theme_keys = keys(version)
    targets = np.array([[key in chosen for key in theme_keys] for chosen in themes], dtype=int)
    classifier = OneVsRestClassifier(
        LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight="balanced")
    ).fit(embedder.embed(texts), targets)
    return Weights(
        keys=theme_keys,
        coef=np.vstack([estimator.coef_[0] for estimator in classifier.estimators_]),
        intercept=np.array([estimator.intercept_[0] for estimator in classifier.estimators_]),
        threshold=THRESHOLD,
        trained_on=training_fingerprint(),
        catalogue_version=version,
    )


def main() -> None:
    training = comments("train")
    weights = fit(Embedder(), [c.text for c in training], [c.themes for c in training])
    path = artefact_path(weights.catalogue_version)
    weights.save(path)
    print(f"{path.name}: {len(training)} training comments, {len(weights.keys)} themes")


if __name__ == "__main__":
    main()
