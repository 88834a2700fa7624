"""The theme model on the held-out part of the labelled set, against a TF-IDF baseline, and its speed.

Run: .venv/bin/python -m bench.themes   (writes its section into docs/performance.md)

Scores are for exactly the service's model (app.themes.suggest.model(), the stored weights), asked
as the service asks: with the topic the comment was written under, and also without it (as
`checkin themes suggest` does unless given --topic). The baseline is a logistic regression per theme
over TF-IDF word unigrams and bigrams (plus the same topic columns), fitted on the same training
comments. Latency is per comment, one at a time, on one core (the process pinned to CPU 0 and
every maths library held to one thread), after loading.
"""

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ[_variable] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import resource  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix, hstack  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.multiclass import OneVsRestClassifier  # noqa: E402

from app.questions.schema import TOPIC_KEYS  # noqa: E402
from app.themes.catalogue import keys, theme  # noqa: E402
from app.themes.evaluation import Scores, score  # noqa: E402
from app.themes.labelled import Comment, comments  # noqa: E402
from app.themes.model import MAX_SUGGESTIONS, pick  # noqa: E402
from app.themes.suggest import model, suggest  # noqa: E402
from bench.report import write_section  # noqa: E402

BASELINE_C = 10.0
BASELINE_THRESHOLD = 0.5
ROUNDS = 5


def _topic_columns(items: list[Comment]) -> csr_matrix:
    columns = np.zeros((len(items), len(TOPIC_KEYS)))
    for row, comment in enumerate(items):
        columns[row, TOPIC_KEYS.index(comment.topic)] = 1.0
    return csr_matrix(columns)


def baseline(train: list[Comment], heldout: list[Comment]) -> list[list[str]]:
    """TF-IDF + logistic regression per theme, fitted on the training comments."""
    theme_keys = keys()
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    features = hstack([vectoriser.fit_transform([c.text for c in train]), _topic_columns(train)]).tocsr()
    targets = np.array([[k in c.themes for k in theme_keys] for c in train], dtype=int)
    classifier = OneVsRestClassifier(LogisticRegression(C=BASELINE_C, max_iter=5000, class_weight="balanced"))
    classifier.fit(features, targets)
    tests = hstack([vectoriser.transform([c.text for c in heldout]), _topic_columns(heldout)]).tocsr()
    rows = classifier.predict_proba(tests)
    return [pick(row, theme_keys, BASELINE_THRESHOLD, MAX_SUGGESTIONS) for row in rows]


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _latencies(heldout: list[Comment]) -> list[float]:
    timings: list[float] = []
    for _ in range(ROUNDS):
        for comment in heldout:
            start = time.perf_counter_ns()
            suggest(comment.text, topic=comment.topic)
            timings.append((time.perf_counter_ns() - start) / 1e6)
    return timings


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    train, heldout = comments("train"), comments("heldout")
    truth = [c.themes for c in heldout]
    theme_keys = keys()

    start = time.perf_counter()
    service = model()
    loaded = time.perf_counter() - start
    texts = [c.text for c in heldout]
    with_topic = score(service.suggest_many(texts, [c.topic for c in heldout]), truth, theme_keys)
    without_topic = score(service.suggest_many(texts), truth, theme_keys)
    tfidf = score(baseline(train, heldout), truth, theme_keys)
    timings = _latencies(heldout)
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def line(name: str, result: Scores) -> str:
        return f"| {name} | {result.micro_f1:.3f} | {result.first_right:.1%} |"

    summary = "\n".join(
        [
            "| model | micro-F1 | first suggestion right |",
            "|---|---|---|",
            line("**service model** (wordllama + logistic, with topic)", with_topic),
            line("service model, topic not given", without_topic),
            line("TF-IDF baseline (with topic)", tfidf),
        ]
    )
    per_theme = "\n".join(
        [
            "| theme | held-out comments | precision | recall | TF-IDF precision | TF-IDF recall |",
            "|---|---|---|---|---|---|",
            *(
                f"| {key} ({theme(key).name_text('en') if theme(key) else key}) | {with_topic.support[key]} "
                f"| {_share(with_topic.precision[key])} | {_share(with_topic.recall[key])} "
                f"| {_share(tfidf.precision[key])} | {_share(tfidf.recall[key])} |"
                for key in theme_keys
            ),
        ]
    )
    meets = with_topic.micro_f1 >= 0.75 and with_topic.first_right >= 0.80 and median < 50
    verdict = "met" if meets else "NOT met"
    text = (
        f"{len(heldout)} held-out comments of the labelled set (app/themes/data/labelled.csv; "
        f"{len(train)} others trained the model). Up to {MAX_SUGGESTIONS} suggestions each: the most likely "
        f"theme, then others scoring at least the cut-off ({service.weights.threshold:.2f}) chosen by "
        "cross-validation on the training comments.\n\n"
        f"{summary}\n\n{per_theme}\n\n"
        f"Latency, one comment at a time on one core, {len(timings)} calls: median **{median:.3f} ms**, "
        f"p95 {p95:.3f} ms. Loading the model (import, embeddings, weights): {loaded:.1f} s once per "
        f"process. Peak resident memory of this process: {resident:.0f} MB (with scikit-learn, which "
        f"the service does not load). Load average (1 min) when measuring: {os.getloadavg()[0]:.1f}.\n\n"
        "Targets (issue 16): micro-F1 at least 0.75 and first suggestion right for at least 80% of "
        f"comments with the service's model, well under 50 ms a comment: **{verdict}**.\n"
    )
    print(text)
    write_section("Themes: suggestions on the held-out comments", "python -m bench.themes", text)


if __name__ == "__main__":
    main()
