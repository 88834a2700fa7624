"""Demo data: the shape of each demo young person's year, for app.demo.history to fill in.

Months count from 0 (about a year ago) to 11 (the latest). A persona's `arc` says how life is
going overall (0 = very badly, 1 = very well) at a few months, with straight lines in between;
`shifts` move single topics up or down from that. Option keys here are checked against the
question set when the history is planned, so a wrong key fails loudly instead of being stored.
"""

from dataclasses import dataclass, field

Timeline = tuple[tuple[int, str], ...]  # (from month, option key), in month order


@dataclass(frozen=True)
class Persona:
    first_name: str
    last_name: str
    arc: tuple[tuple[int, float], ...]
    timelines: dict[str, Timeline]
    shifts: dict[str, float] = field(default_factory=dict)
    private: tuple[str, ...] = ()
    share_rate: float = 0.85
    quick_rate: float = 0.5
    missed_months: int = 1
    last_month: int = 11
    skippable: tuple[str, ...] = ()
    skip_rate: float = 0.3
    comment_rate: float = 0.1
    overrides: dict[int, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    recent_alert: bool = False


# How unscored answers lean: (when things are going badly, when they are going all right);
# an answer named twice is twice as likely.
LEANINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "employment.help": (("yes", "yes", "already"), ("not_now", "not_now", "already")),
    "education.barriers": (("money", "travel", "health", "housing", "other"), ("nothing",)),
    "education.help": (("yes", "not_now"), ("not_now", "already")),
    "relationships.trusted_adult": (("yes", "not_sure", "no"), ("yes", "yes", "not_sure")),
    "health.dentist": (("not_sure", "no", "yes"), ("yes", "yes", "not_sure")),
    "health.gp": (("yes", "not_sure"), ("yes",)),
    "life.ran_out": (("yes", "no"), ("no",)),
    "life.help": (("yes", "already"), ("not_now", "not_now", "already")),
    "risk.unsafe_now": (("no",), ("no",)),
    "risk.recent": (("none", "none", "nowhere_to_stay", "drugs_alcohol", "police"), ("none",)),
}
LOW_LEVEL = 0.45

PERSONAS: tuple[Persona, ...] = (
    Persona(  # demo.young: a hard start, a course, an own flat, an apprenticeship; a dip mid-year
        "Alex",
        "Morgan",
        arc=((0, 0.3), (3, 0.42), (5, 0.34), (8, 0.62), (11, 0.76)),
        timelines={
            "employment.activity": ((0, "G5"), (3, "P2"), (8, "F4")),
            "housing.where": ((0, "D"), (6, "U")),
        },
        shifts={"relationships": -0.1, "education": 0.05},
        private=("relationships",),
        share_rate=0.8,
        quick_rate=0.4,
        skippable=("education",),
        comment_rate=0.15,
    ),
    Persona(  # steady and doing well at university; quick check-ins, shares everything
        "Bea",
        "Clarke",
        arc=((0, 0.72), (6, 0.78), (11, 0.8)),
        timelines={"employment.activity": ((0, "F1"),), "housing.where": ((0, "U"),)},
        share_rate=0.97,
        quick_rate=0.75,
        missed_months=2,
        comment_rate=0.05,
    ),
    Persona(  # struggling: hours cut, then out of work; money runs out; shares less as it gets worse
        "Callum",
        "Hughes",
        arc=((0, 0.55), (4, 0.45), (8, 0.32), (11, 0.24)),
        timelines={"employment.activity": ((0, "F5"), (3, "P5"), (9, "G5")), "housing.where": ((0, "K"),)},
        shifts={"life": -0.15, "relationships": -0.05},
        private=("wellbeing",),
        share_rate=0.65,
        quick_rate=0.6,
        missed_months=2,
        skippable=("education", "health"),
        skip_rate=0.5,
    ),
    Persona(  # ups and downs; told the app last week she feels unsafe (never shares the risk topic)
        "Dani",
        "Okafor",
        arc=((0, 0.5), (3, 0.62), (6, 0.45), (9, 0.56), (11, 0.36)),
        timelines={"employment.activity": ((0, "P2"),), "housing.where": ((0, "U"),)},
        private=("risk",),
        share_rate=0.8,
        quick_rate=0.3,
        overrides={11: {"risk.unsafe_now": ("yes",), "risk.contact": ("today",)}},
        recent_alert=True,
    ),
    Persona(  # young parent finding her feet
        "Farah",
        "Said",
        arc=((0, 0.42), (5, 0.55), (11, 0.7)),
        timelines={"employment.activity": ((0, "G6"),), "housing.where": ((0, "U"),)},
        shifts={"relationships": 0.1, "life": -0.05},
        share_rate=0.9,
        quick_rate=0.5,
    ),
    Persona(  # stopped checking in a couple of months ago
        "Gabe",
        "Nowak",
        arc=((0, 0.55), (9, 0.48)),
        timelines={"employment.activity": ((0, "F2"),), "housing.where": ((0, "Z"),)},
        share_rate=0.75,
        quick_rate=0.8,
        missed_months=0,
        last_month=9,
        comment_rate=0.05,
    ),
    Persona(  # trouble at home, a safety alert two months ago, now in a supported flat
        "Hana",
        "Kelly",
        arc=((0, 0.55), (4, 0.5), (7, 0.4), (9, 0.3), (11, 0.46)),
        timelines={"employment.activity": ((0, "P5"),), "housing.where": ((0, "B"), (10, "V"), (11, "D"))},
        shifts={"housing": -0.1},
        share_rate=0.9,
        overrides={9: {"housing.safe": ("hardly",)}},
    ),
    Persona(  # working, steady, keeps most of it to herself
        "Jade",
        "Fletcher",
        arc=((0, 0.6), (11, 0.66)),
        timelines={"employment.activity": ((0, "F5"),), "housing.where": ((0, "U"),)},
        private=("wellbeing", "relationships", "health"),
        share_rate=0.55,
        quick_rate=0.8,
        comment_rate=0.03,
    ),
    Persona(  # slowly better after starting an apprenticeship
        "Kai",
        "Robinson",
        arc=((0, 0.4), (3, 0.45), (11, 0.62)),
        timelines={"employment.activity": ((0, "G5"), (2, "F4")), "housing.where": ((0, "E"),)},
        share_rate=0.85,
        missed_months=0,
        quick_rate=0.5,
    ),
    Persona(  # long-term health condition; skips work and learning, keeps feelings private
        "Lena",
        "Kowalski",
        arc=((0, 0.4), (6, 0.38), (11, 0.46)),
        timelines={"employment.activity": ((0, "G4"),), "housing.where": ((0, "U"),)},
        shifts={"health": -0.25, "life": -0.05},
        private=("wellbeing",),
        share_rate=0.8,
        skippable=("employment", "education"),
        skip_rate=0.5,
    ),
)
