"""Small line charts drawn on the server as SVG markup; pure functions, no database.

The markup uses presentation attributes only (the CSP forbids inline styles), scales with its
viewBox, and names itself with <title> and <desc>. Pages show the values as a table beside it.
"""

from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup, escape

from app.checkins.history import TopicSeries, day
from app.i18n import gettext as _

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT = 20, WIDTH - 20
TOP, BOTTOM = 30, 130
BRAND, INK, RULE, PAPER = "#1d5c63", "#0b0c0c", "#b1b4b6", "#ffffff"


@dataclass(frozen=True)
class Chart:
    series: TopicSeries
    svg: Markup


def x_positions(count: int) -> list[float]:
    """Points spread evenly across the chart, one per check-in; a single point sits in the middle."""
    if count == 1:
        return [WIDTH / 2]
    step = (RIGHT - LEFT) / (count - 1)
    return [LEFT + i * step for i in range(count)]


def y_position(value: int, low: int, high: int) -> float:
    """Higher answers are drawn higher up."""
    share = (value - low) / (high - low) if high > low else 0.5
    return BOTTOM - share * (BOTTOM - TOP)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, words: str, anchor: str = "start") -> str:
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" font-size="13" fill="{INK}" '
        f'text-anchor="{anchor}">{escape(words)}</text>'
    )


def describe(series: TopicSeries, *, for_staff: bool = False) -> str:
    """The chart in one sentence, for screen readers: the question, the range and the latest.

    The young person reads "Your answers"; staff preparing a meeting read "Their answers".
    """
    first, latest = series.points[0], series.points[-1]
    scale = {"question": series.question, "low": series.low_label, "high": series.high_label}
    if len(series.points) == 1:
        one = {"date": day(first.when), "answer": first.words, **scale}
        if for_staff:
            return _(
                "Their answer to '%(question)s' on %(date)s, on a scale from '%(low)s' at the bottom "
                "to '%(high)s' at the top: %(answer)s.",
                **one,
            )
        return _(
            "Your answer to '%(question)s' on %(date)s, on a scale from '%(low)s' at the bottom "
            "to '%(high)s' at the top: %(answer)s.",
            **one,
        )
    many = {"first": day(first.when), "last": day(latest.when), "latest": latest.words, **scale}
    if for_staff:
        return _(
            "Their answers to '%(question)s' from %(first)s to %(last)s, on a scale from '%(low)s' "
            "at the bottom to '%(high)s' at the top. Latest answer: %(latest)s.",
            **many,
        )
    return _(
        "Your answers to '%(question)s' from %(first)s to %(last)s, on a scale from '%(low)s' "
        "at the bottom to '%(high)s' at the top. Latest answer: %(latest)s.",
        **many,
    )


def _frame(series: TopicSeries) -> list[str]:
    return [
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{RIGHT}" y2="{TOP}" stroke="{RULE}" stroke-width="1"/>',
        f'<line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}" stroke="{RULE}" stroke-width="1"/>',
        _text(LEFT, TOP - 8, series.high_label),
        _text(LEFT, BOTTOM + 18, series.low_label),
    ] + _dates(series)


def _dates(series: TopicSeries) -> list[str]:
    first, last = day(series.points[0].when), day(series.points[-1].when)
    if len(series.points) == 1:
        return [_text(WIDTH / 2, HEIGHT - 8, first, anchor="middle")]
    return [_text(LEFT, HEIGHT - 8, first), _text(RIGHT, HEIGHT - 8, last, anchor="end")]


def _marks(series: TopicSeries) -> list[str]:
    xs = x_positions(len(series.points))
    ys = [y_position(p.value, series.low, series.high) for p in series.points]
    coordinates = " ".join(f"{_number(x)},{_number(y)}" for x, y in zip(xs, ys, strict=True))
    marks = [
        f'<polyline points="{coordinates}" fill="none" stroke="{BRAND}" stroke-width="3" '
        'stroke-linejoin="round" stroke-linecap="round"/>'
    ]
    for x, y, point in zip(xs, ys, series.points, strict=True):
        marks.append(
            f'<circle cx="{_number(x)}" cy="{_number(y)}" r="5" fill="{BRAND}" stroke="{PAPER}" '
            f'stroke-width="2"><title>{escape(day(point.when))}: {escape(point.words)}</title></circle>'
        )
    return marks


def line_chart(series: TopicSeries, *, chart_id: str, for_staff: bool = False) -> Markup:
    """An SVG line of a topic's headline answers over time (needs at least one point)."""
    ident = escape(chart_id)
    head = (
        f'<svg class="app-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" role="img" focusable="false" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(series.title)}</title>'
        f'<desc id="{ident}-desc">{escape(describe(series, for_staff=for_staff))}</desc>'
    )
    body = "".join(_frame(series) + _marks(series))
    # Safe: every text put into the markup above went through escape(); the rest is numbers.
    return Markup(f"{head}{body}</svg>")  # noqa: S704


def topic_charts(all_series: list[TopicSeries]) -> list[Chart]:
    """A chart for every topic with at least one answer."""
    return [Chart(s, line_chart(s, chart_id=f"chart-{s.key}")) for s in all_series if s.points]


def template_globals(env: Environment) -> dict[str, object]:
    """The charts templates draw."""
    return {"line_chart": line_chart, "describe_chart": describe}
