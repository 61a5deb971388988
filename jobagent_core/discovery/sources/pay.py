"""Pay read from a board: a salary's period ("a year", "brutto jährlich"), amounts
and currency from any pay text ("€60K–€80K a year", "$120,000 — $150,000 USD",
"60 000 € à 75 000 €"), the span of several structured ranges, and the pay a
description or a pay summary states."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from jobagent_core.discovery.html import html_to_text, pay_block_text
from jobagent_core.discovery.sources.text import optional

_PERIODS = (
    ("hour", ("hour", "hr", "stunde", "stündlich", "heure", "horaire")),
    ("day", ("day", "tag", "jour")),
    ("week", ("week", "woche", "semaine")),
    ("month", ("month", "monat", "mois", "mensuel")),
    ("year", ("year", "yr", "annum", "annual", "jahr", "jährlich", "annuel", "par an")),
)


def salary_period(label: str | None) -> str | None:
    """ "per-year-salary", "1 YEAR", "an hour", "Annual Salary", "brutto jährlich" →
    "year" / "hour"; None if unknown. Words count from their start ("today" is no day)."""
    lowered = (label or "").lower()
    for period, words in _PERIODS:
        if any(re.search(rf"(?<![a-zäöüé]){word}", lowered) for word in words):
            return period
    return None


# -- money ranges ----------------------------------------------------------------------
# One parser for every pay text a board hands out: SerpAPI's "€60K–€80K a year", Lever's
# salary description, Ashby's compensation summary, a Greenhouse pay-transparency block
# ("$120,000 — $150,000 USD", "€60.000 - €75.000", "60 000 € à 75 000 €").

_ISO = (
    "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "INR", "SEK", "NOK", "DKK", "PLN",
    "SGD", "JPY", "HKD", "CZK", "HUF", "ILS", "BRL", "MXN", "ZAR",
)  # fmt: skip
_DOLLARS = {"US$": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD", "NZ$": "NZD",
            "S$": "SGD", "HK$": "HKD"}  # fmt: skip
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY"}
_CURRENCY = (
    r"(?:(?:US|CA|AU|NZ|HK|[CAS])\$|[$€£₹¥]|(?<![A-Za-z])(?:" + "|".join(_ISO) + r")(?![A-Za-z]))"
)
_MONEY = re.compile(
    rf"(?P<pre>{_CURRENCY})?[ \u00a0]?"
    # 120,000 / 60.000 / 60 000 / 1'250 (one separator throughout), or 60.5 / 75
    r"(?<![\d.,])(?P<num>\d{1,3}(?P<sep>[,.'’ \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*"
    r"(?:(?!(?P=sep))[.,]\d{1,2})?(?![\d])|\d+(?:[.,]\d+)?)"
    r"[ \u00a0]?(?P<mult>[kKmM](?![A-Za-z])|T(?=\s?(?:€|EUR)))?"
    rf"(?:[ \u00a0]?(?P<post>{_CURRENCY}))?"
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|−|~|to|bis|à|a|and|und|et|through)\s*", re.IGNORECASE)
_UP_TO = re.compile(r"(?:up to|bis zu|max(?:imum)?\.?|jusqu'à|jusqu’à)\s*$", re.IGNORECASE)
_FROM = re.compile(r"(?:from|starting at|ab|min(?:imum)?\.?|à partir de|dès)\s*$", re.IGNORECASE)
_MULTIPLIERS = {"k": 1e3, "t": 1e3, "m": 1e6}


def _currency_of(marker: str | None) -> str | None:
    if not marker:
        return None
    return _DOLLARS.get(marker) or _SYMBOLS.get(marker) or marker.upper()


def _text_currency(text: str) -> str | None:
    code = re.search(_CURRENCY, text)
    if code is None:
        return None
    iso = re.search(rf"(?<![A-Za-z])(?:{'|'.join(_ISO)})(?![A-Za-z])", text)
    return iso.group(0) if iso else _currency_of(code.group(0))


def _range_currency(markers: list[str | None], fallback: str | None) -> str | None:
    """An ISO code written next to the amounts, else their symbol's currency; a bare
    "$" takes the dollar the text names elsewhere ("$95,000 – $120,000 (CAD)")."""
    written = [m for m in markers if m]
    codes = [m.upper() for m in written if m.isalpha()]
    if codes:
        return codes[0]
    if not written:
        return fallback
    if written[0] == "$" and fallback in ("USD", "CAD", "AUD", "NZD", "SGD", "HKD"):
        return fallback
    return _currency_of(written[0])


def _value(match: re.Match[str]) -> float:
    number, sep = match.group("num"), match.group("sep")
    if sep:  # thousands separated: the other of "." / "," ends a decimal part
        head, dot, cents = number, "", ""
        if len(number) > 3 and number[-3] in ".," and number[-3] != sep:
            head, dot, cents = number[:-3], ".", number[-2:]
        elif len(number) > 2 and number[-2] in ".," and number[-2] != sep:
            head, dot, cents = number[:-2], ".", number[-1:]
        value = float(head.replace(sep, "") + dot + cents)
    elif re.fullmatch(r"\d{1,3}[.,]\d{3}", number):  # "50,000" / "50.000": thousands
        value = float(re.sub(r"[.,]", "", number))
    else:
        value = float(number.replace(",", "."))
    mult = (match.group("mult") or "").lower()
    return value * _MULTIPLIERS.get(mult, 1.0)


def _marked(match: re.Match[str]) -> bool:
    return bool(match.group("pre") or match.group("post") or match.group("mult"))


def _plausible(value: float) -> bool:
    """A bare number that could be pay rather than a year, a count or a zone."""
    return value >= 1000 and not (1900 <= value <= 2100 and float(value).is_integer())


def parse_salary(text: str | None) -> tuple[float | None, float | None, str | None]:
    """(min, max, ISO currency) from a pay text such as "€60K–€80K a year", "$25–$30
    an hour", "$120,000 — $150,000 USD", "€60.000 - €75.000" or "bis zu 75.000 €".

    Amounts count when they carry a currency or a K/M, or (bare, at least 1,000)
    when the text names a currency; ranges ("A – B", "A to B", "A bis B") come before
    single amounts; several ranges in one currency give their overall span. Amounts
    are taken as written (no period conversion); None where not given."""
    if not text:
        return None, None, None
    matches = list(_MONEY.finditer(text))
    fallback = _text_currency(text)
    ranges: list[tuple[float, float, str | None]] = []
    for first, second in itertools.pairwise(matches):
        if not _RANGE_JOIN.fullmatch(text[first.end() : second.start()]):
            continue
        low, high = _value(first), _value(second)
        if second.group("mult") and not first.group("mult") and low < 1000 <= high:
            low *= _MULTIPLIERS[second.group("mult").lower()]  # "€60-80K"
        marked = _marked(first) or _marked(second)
        if not marked and not (fallback and _plausible(low) and _plausible(high)):
            continue
        if low <= 0 or high <= 0:
            continue
        markers = [first.group("pre"), first.group("post"), second.group("pre"),
                   second.group("post")]  # fmt: skip
        ranges.append((min(low, high), max(low, high), _range_currency(markers, fallback)))
    if ranges:
        currency = ranges[0][2]
        same = [r for r in ranges if r[2] == currency]
        return min(r[0] for r in same), max(r[1] for r in same), currency
    for match in matches:
        if not (_marked(match) or (fallback and _plausible(_value(match)))):
            continue
        value = _value(match)
        if value <= 0:
            continue
        currency = _range_currency([match.group("pre"), match.group("post")], fallback)
        before = text[: match.start()]
        if _UP_TO.search(before):
            return None, value, currency
        if _FROM.search(before):
            return value, None, currency
        return value, value, currency
    return None, None, fallback


def pay_span(
    ranges: Iterable[tuple[float | None, float | None, str | None]],
) -> tuple[float | None, float | None, str | None]:
    """The overall (min, max, currency) of several structured pay ranges (zones, tiers),
    counting only the ranges in the first one's currency."""
    usable = [r for r in ranges if (r[0] or r[1])]
    if not usable:
        return None, None, None
    currency = usable[0][2]
    same = [r for r in usable if r[2] == currency]
    lows = [r[0] for r in same if r[0]]
    highs = [r[1] for r in same if r[1]]
    return (min(lows) if lows else None), (max(highs) if highs else None), currency


_PAY_WORDS = re.compile(
    r"salary|pay\b|pay range|compensation|base pay|wage|ote\b|gehalt|vergütung|verguetung"
    r"|entgelt|lohn|salaire|rémunération|remuneration|rétribution",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Pay:
    """A pay range read from a board: amounts as written, ISO currency, "year"/"hour"…
    period, and the text it was read from (for `extra["compensation"]`)."""

    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: str | None = None
    summary: str | None = None

    def __bool__(self) -> bool:
        return bool(self.min or self.max)


def pay_from_summary(text: str | None) -> Pay:
    """The pay in a text that is all about pay (Lever's salary description, Ashby's
    compensation summary): "$160K – $210K • Offers Equity" → 160000–210000 USD."""
    low, high, currency = parse_salary(text)
    if not (low or high):
        return Pay()
    return Pay(low, high, currency, salary_period(text), optional(text))


def pay_from_text(text: str | None) -> Pay:
    """The pay on the first line of a description that talks about pay ("Salary:
    €60.000 – €75.000", or a "Compensation" heading over "$120K – $150K") and carries
    a range, or one amount with its period, in a known currency; an empty `Pay` when
    no line does."""
    previous = ""
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if _PAY_WORDS.search(line) or _PAY_WORDS.search(previous):
            pay = _stated_pay(line, f"{previous} {line}")
            if pay:
                return pay
        previous = line
    return Pay()


def _stated_pay(text: str, context: str) -> Pay:
    """The pay `text` states: a range, or one amount said to be per year / month /
    hour (in `context`) — not the "€1,000 learning budget" next to "competitive
    salary"; in a known currency."""
    low, high, currency = parse_salary(text)
    period = salary_period(context)
    if currency and ((low and high and low < high) or ((low or high) and period)):
        return Pay(low, high, currency, period, optional(" ".join(text.split())))
    return Pay()


def pay_from_description(raw_html: str | None, text: str | None = None) -> Pay:
    """The pay a description states: its pay-transparency block (Greenhouse's
    `content-pay-transparency`) first, else a line about pay in `text` (the
    description's plain text, derived from `raw_html` when not given)."""
    block = pay_block_text(raw_html or "")
    if block:
        pay = _stated_pay(block, block)
        if pay:
            return pay
    if text is None:
        text = html_to_text(raw_html or "")
    return pay_from_text(text)
