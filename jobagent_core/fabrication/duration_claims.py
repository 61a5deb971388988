"""The lengths of time a text claims: "10 years", "over a decade", "14+ years",
"zehn Jahre", "dix ans", "18 months", "since 2012", each with what it claims in
months and how it is qualified ("over", "almost").

Reading the claims apart from judging them (`durations.py`, against the profile's
figures): the CV tailoring reads them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from jobagent_core.fabrication.templates import word_list
from jobagent_core.fabrication.text import fold
from jobagent_core.profiling._offline.dates import DATE_PATTERN, month_point, normalise_date

# --------------------------------------------------------------------------- numbers

_UNITS_EN = word_list(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40}
_UNITS_DE = word_list(
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
    "fünfzehn sechzehn siebzehn achtzehn neunzehn"
)
_TENS_DE = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40}
_UNITS_FR = word_list(
    "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf"
)
_TENS_FR = {"vingt": 20, "trente": 30, "quarante": 40}


def _number_words() -> dict[str, float]:
    words: dict[str, float] = {}
    for n, word in enumerate(_UNITS_EN, start=1):
        words[word] = n
    for tens, value in _TENS_EN.items():
        words[tens] = value
        for n, unit in enumerate(_UNITS_EN[:9], start=1):
            words[f"{tens}-{unit}"] = words[f"{tens} {unit}"] = value + n
    for n, word in enumerate(_UNITS_DE, start=1):
        words[word] = n
    for tens, value in _TENS_DE.items():
        words[tens] = value
        for n, unit in enumerate(["ein", *_UNITS_DE[1:9]], start=1):
            words[f"{unit}und{tens}"] = value + n
    for n, word in enumerate(_UNITS_FR, start=1):
        words[word] = n
    for tens, value in _TENS_FR.items():
        words[tens] = value
        words[f"{tens} et un"] = words[f"{tens}-et-un"] = value + 1
        for n, unit in enumerate(_UNITS_FR[1:9], start=2):
            words[f"{tens}-{unit}"] = value + n
    words |= dict.fromkeys(["a", "an", "ein", "eine", "einem", "einen", "einer", "une"], 1)
    words |= dict.fromkeys(["uno", "una", "één", "een"], 1)
    words |= {"dos": 2, "due": 2, "twee": 2, "tres": 3, "tre": 3, "drie": 3}
    words |= {"cuatro": 4, "quattro": 4, "cinco": 5, "cinque": 5, "vijf": 5}
    words |= {"seis": 6, "sei": 6, "zes": 6, "siete": 7, "sette": 7, "zeven": 7}
    words |= {"ocho": 8, "otto": 8, "nueve": 9, "nove": 9, "negen": 9}
    words |= {"diez": 10, "dieci": 10, "tien": 10, "once": 11, "undici": 11}
    words |= {"doce": 12, "dodici": 12, "twaalf": 12, "quince": 15, "quindici": 15}
    words |= {"vijftien": 15, "veinte": 20, "venti": 20, "twintig": 20}
    # "Eineinhalb Jahre", "anderthalb", "une dizaine d'années" (about ten: read as ten).
    words |= {"anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5}
    words |= {"dizaine": 10, "quinzaine": 15, "vingtaine": 20}
    # "The past decade", "im letzten Jahrzehnt": one decade (only before a decade).
    words |= dict.fromkeys(_LAST_WORDS, 1)
    return words


_LAST_WORDS = ("past", "last", "previous", "letzten", "vergangenen", "dernière", "dernières")
_NUMBER_WORDS = _number_words()

_QUALIFIERS = {
    "over": (
        "well over|more than|upwards of|in excess of|over|above|beyond|weit über|über|"
        "mehr als|bien plus de|plus de|más de|oltre|più di|meer dan|ruim"
    ),
    "almost": (
        "almost|nearly|close to|just under|not quite|fast|knapp|beinahe|nahezu|presque|"
        "près de|pres de|bientôt|casi|quasi|bijna"
    ),
    "least": (
        "at least|a minimum of|about|around|approximately|roughly|some|circa|ca\\.|rund|"
        "etwa|ungefähr|mindestens|wenigstens|au moins|environ|quelque|al menos|"
        "aproximadamente|unos|almeno|circa|minstens|ongeveer"
    ),
}
_YEAR_UNITS = (
    r"years?|yrs?|jahre?n?|jahres|jährige[nrsm]?|jährig|années?|annees?|ans|an|"
    r"años?|anni|anno|jaar|jaren"
)
_DECADE_UNITS = (
    r"decades?|jahrzehnte?n?|jahrzehnts|décennies?|decennies?|decenios?|décadas?|decadas?|"
    r"decennio|decenni|decennia|decennium"
)
_MONTH_UNITS = r"months?|monate?n?|monats|mois|meses|mesi|mese|maanden|maand"
_NUMBER = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_NUMBER_WORDS, key=len, reverse=True)
)
_CLAIM = re.compile(
    r"(?<![\w.,+-])"
    r"(?:(?P<q>" + "|".join(_QUALIFIERS.values()) + r")\s+)?"
    r"(?:(?:a|the)\s+)?"
    r"(?P<n>\d+(?:[.,]\d+)?|" + _NUMBER + r")"
    r"(?P<plus>\s?\+|\s+plus(?=\s))?"
    r"(?:\s*-\s*|\s*)(?:d['’]\s*)?"
    rf"(?:(?P<y>{_YEAR_UNITS})|(?P<d>{_DECADE_UNITS})|(?P<m>{_MONTH_UNITS}))(?![\w])",
    re.IGNORECASE,
)
_SINCE = re.compile(
    r"(?<![\w])(?P<q>since|seit|depuis|desde|dal|dall['’]|sinds)\s+"
    r"(?:(?:the\s+(?:year\s+)?|dem\s+jahr\s+|l['’]année\s+|el\s+año\s+)?)"
    rf"(?P<date>{DATE_PATTERN})(?![\w])",
    re.IGNORECASE,
)
_QUALIFIER_KIND = {
    fold(word.replace("\\", "")): kind
    for kind, words in _QUALIFIERS.items()
    for word in words.split("|")
}
_HAVE_DE = re.compile(r"\bverfüg(?:e|st|t|en|te|ten)\s+(?:\w+\s+)?$", re.IGNORECASE)
_AGE = re.compile(r"^\s*(?:-\s*)?(?:old|alt)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DurationClaim:
    """A length of time a text states, e.g. "over 10 years" or "since 2012".

    `months` is what it claims (for "since", the least it implies up to today); it holds
    when the figure is at least `months` ("over": at least a month more; "almost": at
    most `slack` months less)."""

    start: int
    end: int
    text: str
    months: float
    kind: str  # "exact", "over" or "almost"
    since: bool = False

    @property
    def slack(self) -> float:
        return 6.0 if self.months >= 12 else 1.0

    def holds(self, figure: float) -> bool:
        eps = 1e-6
        if self.kind == "over":
            return figure >= self.months + 1 - eps
        if self.kind == "almost":
            return figure >= self.months - self.slack - eps
        return figure >= self.months - eps


def _value(raw: str) -> float | None:
    if raw[0].isdigit():
        return float(raw.replace(",", "."))
    return _NUMBER_WORDS.get(" ".join(raw.lower().split()))


def duration_claims(text: str, *, today: date) -> list[DurationClaim]:
    """Every length of time `text` states, in order."""
    claims: list[DurationClaim] = []
    for m in _CLAIM.finditer(text):
        raw = m.group("n")
        value = _value(raw)
        word = raw.lower()
        if value is None or ((m.group("y") or "").lower() == "an" and word not in {"un", "1"}):
            continue
        if word in _LAST_WORDS and not m.group("d"):
            continue
        if m.group("y") and _AGE.match(text[m.end() :]):
            continue  # "35 years old" is an age
        months = value * (120 if m.group("d") else 1 if m.group("m") else 12)
        qualifier = fold(m.group("q") or "")
        kind = _QUALIFIER_KIND.get(qualifier, "exact")
        start = m.start("q") if m.group("q") else m.start("n")
        if qualifier == "uber" and _HAVE_DE.search(text[: m.start("q")]):
            kind, start = "exact", m.start("n")  # "verfüge über 4 Jahre": I have 4 years
        kind = "exact" if kind == "least" else kind
        words = " ".join(text[start : m.end()].split())
        claims.append(DurationClaim(start, m.end(), words, months, kind))
    now = month_point("present", end=True, today=today)
    assert now is not None
    for m in _SINCE.finditer(text):
        normalised = normalise_date(m.group("date"))
        begin = month_point(normalised, end=False, today=today) if normalised else None
        if begin is None:
            continue
        if len(normalised or "") == 4:  # a bare year: from its December at the least
            begin += 5
        claims.append(
            DurationClaim(
                m.start(),
                m.end(),
                " ".join(m.group(0).split()),
                max(0.0, now - begin),
                "exact",
                since=True,
            )
        )
    claims.sort(key=lambda c: c.start)
    return claims
