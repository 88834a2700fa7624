"""Demo data, not interface text: what the demo young people write, in their own words.

Short, everyday and never graphic. `VOICES` holds comments any demo young person might leave on a
topic when it is going badly, so-so or well; `STORIES` holds the lines that carry one person's
year (month 0 is about a year ago, month 11 the latest); `ALERT_ACTIONS` what their PA recorded
about an alert, `MEETING_ACTIONS` what they agreed at a meeting.
"""

Band = str  # "low", "mid" or "high"

VOICES: dict[str, dict[Band, tuple[str, ...]]] = {
    "employment": {
        "low": ("Applied for loads, heard nothing back.", "Don't really know what I want to do yet."),
        "mid": ("It's ok. Could be better.", "Looking at a few things."),
        "high": ("Feeling good about work stuff.", "Someone said I'm doing well, which was nice."),
    },
    "education": {
        "low": ("Not really thinking about courses right now.", "Hard to focus at the moment."),
        "mid": ("Might look at a course at some point.", "Thinking about what to do next year."),
        "high": ("Enjoying learning new stuff.", "Feeling more confident about it."),
    },
    "housing": {
        "low": ("Neighbours are loud every night.", "Something always needs fixing."),
        "mid": ("It's ok. Bit damp in the bathroom.", "Still waiting to hear about a move."),
        "high": ("Feels like home now.", "Really like where I am."),
    },
    "relationships": {
        "low": ("Fell out with my best mate.", "Don't really see anyone at the moment."),
        "mid": ("Seeing my sister at weekends.", "Made a new friend."),
        "high": ("Went to a mate's birthday, it was good.", "Things with my family are better."),
    },
    "wellbeing": {
        "low": ("Not sleeping well.", "Bit of a rubbish month tbh.", "Feeling low, but I'm still going."),
        "mid": ("Up and down.", "Some good days, some not."),
        "high": ("Feeling more like myself.", "Good month!"),
    },
    "health": {
        "low": ("Can't get a doctor's appointment.", "Tooth has been hurting for weeks."),
        "mid": ("Had a cold but better now.", "Trying to walk more."),
        "high": ("Been going to the gym with a mate.", "Finally found a dentist."),
    },
    "life": {
        "low": ("Ran out of gas money again.", "Letters keep coming and I don't understand them."),
        "mid": ("Just about managing.", "Trying to do a food shop once a week."),
        "high": ("Paid all my bills this month.", "Started saving a bit."),
    },
    "risk": {
        "low": ("Don't like walking home late round here.",),
        "mid": ("Mostly ok.",),
        "high": ("All good.", "Feel safe where I am."),
    },
}

GOING_WELL: tuple[str, ...] = (
    "Cooking proper meals more.",
    "Got into a routine with sleep.",
    "Seeing my little brother more.",
    "Went to the gym three times this week.",
    "Paid my phone bill on time.",
    "Had a good laugh with mates at the weekend.",
    "Sleeping better.",
)

TALK_ABOUT_WORDS: tuple[str, ...] = (
    "Money, mainly.",
    "Help with a form.",
    "Getting my ID sorted.",
    "How to get a dentist.",
    "What I could do next.",
)

STORIES: dict[str, dict[int, dict[str, str]]] = {
    "Alex": {
        0: {"wellbeing": "Finding it hard being on my own. Evenings are the worst."},
        2: {"relationships": "Stuff with my mum again. Not ready to talk about it yet."},
        3: {"education": "Started a part-time course at college. Nervous but the tutor seems sound."},
        5: {"wellbeing": "Last few weeks have been rough. Glad that's over."},
        6: {"housing": "Got the keys to my own place!! Need a kettle.", "going_well": "My new flat."},
        8: {"employment": "Got the apprenticeship at the garage!!"},
        10: {"life": "Bills are a lot but I've got a spreadsheet now."},
        11: {"going_well": "Work, and I'm cooking proper food most days."},
    },
    "Bea": {
        4: {"education": "Exams done. Sleeping for a week."},
        9: {"going_well": "Got a 2:1 on my essay!"},
    },
    "Callum": {
        3: {"employment": "They cut my hours again."},
        7: {"life": "Had to use the food bank this week. Didn't want to."},
        9: {"employment": "Lost the job. Looking for something else."},
        11: {"talk_about": "Money. And maybe moving somewhere cheaper."},
    },
    "Dani": {
        2: {"going_well": "Passed my driving theory test."},
        11: {
            "risk": "Would rather talk about it than type it.",
            "talk_about": "Can we meet in person this time?",
        },
    },
    "Farah": {
        1: {"life": "Universal Credit got sorted finally."},
        5: {"relationships": "Little one started nursery two mornings a week. Met some other mums."},
        10: {"education": "Thinking about doing a course when she's at nursery more."},
    },
    "Gabe": {
        9: {"wellbeing": "Busy with college, might not do these as much."},
    },
    "Hana": {
        7: {"relationships": "Arguing with my stepdad a lot."},
        9: {"housing": "Things kicked off at home again. Can't stay there much longer."},
        10: {"housing": "In emergency housing for now. It's ok, it's quiet."},
        11: {"housing": "Moved into a supported flat. Staff are nice.", "going_well": "Having my own space."},
    },
    "Kai": {
        2: {"employment": "Started my apprenticeship!"},
        8: {"life": "Opened a savings account."},
    },
    "Lena": {
        3: {"health": "Waiting for a hospital appointment."},
        8: {"health": "New medication seems to be helping a bit."},
    },
}

ALERT_ACTIONS: dict[str, str] = {
    "Hana": "Phoned Hana the same afternoon. Emergency accommodation arranged; housing referral made.",
}
DEFAULT_ALERT_ACTION = "Phoned the same day and agreed a visit."
MEETING_ACTIONS = (
    "We went through your check-in together. I'll chase the things we agreed and we'll look again next month."
)
