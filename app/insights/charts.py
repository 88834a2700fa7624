"""Horizontal bar charts of published figures, drawn on the server as SVG; pure functions.

Only published figures are drawn: a hidden figure (c, or any other symbol) is a gap with its symbol.
The markup uses presentation attributes only (the CSP forbids inline styles) and names itself with
<title> and <desc>; the page shows the same figures as a table, its text alternative.
"""

from dataclasses import dataclass

from markupsafe import Markup, escape

from app.i18n import gettext as _

WIDTH, LEFT, RIGHT = 320, 4, 270
LINE, BAR = 40, 14
LABEL_LIMIT = 42
BRAND, INK, RULE, PAPER = "#1d5c63", "#0b0c0c", "#b1b4b6", "#ffffff"


@dataclass(frozen=True)
class ChartSeries:
    """What a chart shows: one published figure per bar, and the largest value the axis needs."""

    title: str
    items: tuple[tuple[str, str], ...]
    scale_max: float | None = None


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _value(figure: str) -> float | None:
    """The figure as a number, or None for a symbol."""
    try:
        return float(figure)
    except ValueError:
        return None


def _short(label: str) -> str:
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1].rstrip() + "…"


def _text(x: float, y: float, words: str, *, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" font-size="13" fill="{INK}"{weight}>{escape(words)}</text>'
    )


def _bar(index: int, label: str, figure: str, top: float) -> str:
    """One bar with its label above it; a symbol stands in a gap where the figure is hidden."""
    y = index * LINE + 16
    value = _value(figure)
    width = 0.0 if value is None or top <= 0 else (RIGHT - LEFT) * value / top
    parts = [_text(LEFT, y, _short(label))]
    if value is None:
        parts.append(f'<rect x="{LEFT}" y="{y + 5}" width="24" height="{BAR}" fill="none" stroke="{RULE}"/>')
        parts.append(_text(LEFT + 8, y + 16, figure, bold=True))
    else:
        parts.append(f'<rect x="{LEFT}" y="{y + 5}" width="{_number(width)}" height="{BAR}" fill="{BRAND}"/>')
        parts.append(_text(LEFT + width + 4, y + 16, figure))
    return f"<g><title>{escape(label)}: {escape(figure)}</title>{''.join(parts)}</g>"


def _all_hidden(series: ChartSeries) -> bool:
    return all(_value(figure) is None for _label, figure in series.items)


def describe(series: ChartSeries) -> str:
    """The chart in words, for screen readers."""
    if _all_hidden(series):
        return _(
            "Bar chart of %(title)s. Every figure is hidden (c) so that no young person can be identified, "
            "so there are no bars.",
            title=series.title,
        )
    return _(
        "Bar chart of %(title)s. Hidden figures are gaps marked c. The table below gives the same figures.",
        title=series.title,
    )


def bar_chart(series: ChartSeries, *, chart_id: str) -> Markup:
    """An SVG bar chart of the series (at least one item)."""
    values = [v for v in (_value(f) for _, f in series.items) if v is not None]
    top = series.scale_max or max([*values, 1.0])
    hidden = _all_hidden(series)
    height = (len(series.items) + hidden) * LINE + 10
    ident = escape(chart_id)
    head = (
        f'<svg class="app-chart" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" role="img" focusable="false" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(series.title)}</title>'
        f'<desc id="{ident}-desc">{escape(describe(series))}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="{PAPER}"/>'
    )
    body = "".join(_bar(i, label, figure, top) for i, (label, figure) in enumerate(series.items))
    if hidden:
        body += _text(LEFT, height - 14, _("Every figure is hidden (c), so there are no bars."), bold=True)
    # Safe: every text put into the markup above went through escape(); the rest is numbers.
    return Markup(f"{head}{body}</svg>")  # noqa: S704
