"""Ways a job ad is put together. Each layout turns a Draft (the chosen facts and
fragments) into blocks: ("h", heading), ("p", paragraph), ("ul", [items]).
Used only by the generator."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from tools.sample_data import phrases as ph

Block = tuple[str, str | list[str]]


@dataclass
class Draft:
    lang: str
    rng: random.Random
    title: str
    company: str
    slug: str
    city: str
    location: str
    country: str  # ISO code
    level: str
    mode: str  # remote | hybrid | onsite
    area: str  # "" or " (within Germany)" for remote roles
    contract: str  # employment type, e.g. "full_time"
    salary: str | None  # formatted, e.g. "£42,000–£48,000 per year"
    about: str
    mission: list[str]
    duties: list[str]
    skills: list[str]  # experience line first, then skills, certs, language
    extras: list[str]
    perks: list[str]
    tools: list[str]
    formal: bool  # German "Sie" instead of "du"
    show_tools: bool = False
    sizes: dict[str, int] = field(default_factory=dict)

    def pick(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)

    def heading(self, key: str) -> str:
        table = ph.HEADINGS[self.lang]
        variant = f"{key}_{'sie' if self.formal else 'du'}"
        return self.pick(table.get(variant) or table[key]).format(company=self.company)

    def take(self, name: str) -> list[str]:
        items: list[str] = getattr(self, name)
        return items[: self.sizes.get(name, len(items))]


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."


def lower_first(text: str, keep: list[str]) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1].isupper() or first in keep or first.rstrip(",") in keep):
        return text
    return text[:1].lower() + text[1:]


def listing(items: list[str]) -> str:
    """An English in-sentence list; semicolons when the items carry commas."""
    if any("," in item or ";" in item for item in items) and len(items) > 2:
        return "; ".join(items[:-1]) + f"; and {items[-1]}"
    return join(items, "en")


def join(items: list[str], lang: str) -> str:
    word = {"en": "and", "de": "und", "fr": "et", "es": "y"}[lang]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _contract(d: Draft) -> str:
    return d.pick(ph.CONTRACT[d.lang][d.contract]).format(
        h=d.rng.choice((20, 24, 25, 30)) if d.contract == "part_time" else 40,
        m=d.rng.choice((3, 6, 6, 9, 12)),
    )


def _mode(d: Draft) -> str:
    return d.pick(ph.WORK_MODE[d.lang][d.mode]).format(
        city=d.city, n=d.rng.choice((2, 3)), area=d.area
    )


def _facts(d: Draft) -> list[str]:
    labels = ph.FACT_LABELS[d.lang]
    colon = " :" if d.lang == "fr" else ":"
    facts = [
        f"{labels['location']}{colon} {d.location}",
        f"{labels['contract']}{colon} {_contract(d)}",
        f"{labels['mode']}{colon} {ph.MODE_LABEL[d.lang][d.mode]}",
    ]
    if d.salary:
        facts.append(f"{labels['salary']}{colon} {d.salary}")
    facts.append(f"{labels['start']}{colon} {d.pick(ph.START[d.lang])}")
    return facts


def _closing(d: Draft, fair: bool = True) -> list[str]:
    lang = d.lang if d.lang != "de" else f"de_{'sie' if d.formal else 'du'}"
    contact = d.pick(ph.CONTACTS[d.lang])
    lines = [d.pick(ph.CLOSING[lang]).format(contact=contact, slug=d.slug, company=d.company)]
    if fair and d.rng.random() < 0.6:
        lines.append(d.pick(ph.CLOSING[f"{d.lang}_fair"]).format(company=d.company))
    return lines


def _salary_perk(d: Draft) -> list[str]:
    if not d.salary:
        return []
    return [
        {
            "en": f"Salary: {d.salary}",
            "de": f"Vergütung: {d.salary}",
            "fr": f"Salaire : {d.salary}",
            "es": f"Salario: {d.salary}",
        }[d.lang]
    ]


def article(title: str) -> str:
    """ "a" or "an" before an English job title ("an ICU Nurse", "a UX Designer")."""
    first = title.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():  # read letter by letter
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    if first.lower().startswith(("uni", "use", "usu", "eu", "one")):
        return "a"
    return "an" if first[:1].lower() in "aeiou" else "a"


def _hook(d: Draft) -> str:
    key = d.lang if d.lang != "de" else f"de_{'sie' if d.formal else 'du'}"
    return d.pick(ph.HOOKS[key]).format(
        title=d.title, company=d.company, city=d.city, a=article(d.title)
    )


# --- English -------------------------------------------------------------------


def en_classic(d: Draft) -> list[Block]:
    blocks: list[Block] = [("p", sentence(d.about))]
    if d.rng.random() < 0.5:
        blocks.insert(0, ("h", d.heading("about")))
    blocks += [("h", d.heading("role")), ("p", " ".join(map(sentence, [*d.mission, _mode(d)])))]
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills"))]
    if d.take("extras"):
        blocks += [("h", d.heading("extras")), ("ul", d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", _salary_perk(d) + d.take("perks"))]
    blocks.append(("p", " ".join(map(sentence, _closing(d)))))
    return blocks


def en_narrative(d: Draft) -> list[Block]:
    keep = d.tools
    duties = [lower_first(x, keep) for x in d.take("duties")]
    skills = [lower_first(x, keep) for x in d.take("skills")]
    extras = [lower_first(x, keep) for x in d.take("extras")]
    perks = [lower_first(x, keep) for x in d.take("perks")]
    blocks: list[Block] = [("p", f"{sentence(_hook(d))} {sentence(d.about)}")]
    blocks.append(("p", " ".join(map(sentence, d.mission))))
    half = max(2, len(duties) // 2)
    text = f"Day to day, you will {listing(duties[:half])}."
    if duties[half:]:
        text += f" You will also {listing(duties[half:])}."
    blocks.append(("p", text))
    text = f"What we're looking for: {listing(skills)}."
    if extras:
        text += f" It's a bonus if you also bring {listing(extras)}."
    blocks.append(("p", text))
    salary = f" The salary is {d.salary}." if d.salary else ""
    blocks.append(("p", f"In return we offer {join(perks, 'en')}.{salary} {sentence(_mode(d))}"))
    blocks.append(("p", " ".join(map(sentence, _closing(d)))))
    return blocks


def en_facts(d: Draft) -> list[Block]:
    blocks: list[Block] = [("h", d.heading("facts")), ("ul", _facts(d))]
    blocks.append(("p", f"{sentence(d.about)} {' '.join(map(sentence, d.mission))}"))
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills") + d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", d.take("perks"))]
    blocks.append(("p", sentence(_closing(d, fair=False)[0])))
    return blocks


def en_formal(d: Draft) -> list[Block]:
    blocks: list[Block] = [("h", "Job summary"), ("p", " ".join(map(sentence, d.mission)))]
    blocks += [("p", f"{sentence(d.about)} {sentence(_mode(d))}")]
    blocks += [
        ("h", d.pick(("Main duties and responsibilities", "Key duties"))),
        ("ul", d.take("duties")),
    ]
    blocks += [("h", "Person specification"), ("p", "Essential:"), ("ul", d.take("skills"))]
    if d.take("extras"):
        blocks += [("p", "Desirable:"), ("ul", d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", _salary_perk(d) + d.take("perks"))]
    blocks.append(("p", " ".join(map(sentence, _closing(d)))))
    return blocks


def en_startup(d: Draft) -> list[Block]:
    blocks: list[Block] = [("p", f"{sentence(d.about)} {' '.join(map(sentence, d.mission))}")]
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills"))]
    if d.show_tools and d.tools and d.rng.random() < 0.7:
        blocks += [("h", d.heading("tools")), ("p", sentence(join(d.tools[:6], "en")))]
    perks = _salary_perk(d) + d.take("perks") + ([_mode(d)] if d.mode != "onsite" else [])
    blocks += [("h", d.heading("perks")), ("ul", perks)]
    blocks += [("h", d.heading("apply")), ("p", sentence(_closing(d, fair=False)[0]))]
    return blocks


# --- German ----------------------------------------------------------------------


def de_classic(d: Draft) -> list[Block]:
    blocks: list[Block] = [("h", d.heading("about")), ("p", sentence(d.about))]
    blocks.append(("p", " ".join(map(sentence, [_hook(d), *d.mission[:1]]))))
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills") + d.take("extras"))]
    mode = [_mode(d)] if d.mode != "onsite" else []
    blocks += [("h", d.heading("perks")), ("ul", _salary_perk(d) + d.take("perks") + mode)]
    blocks.append(("p", " ".join(map(sentence, _closing(d)))))
    return blocks


def de_facts(d: Draft) -> list[Block]:
    blocks: list[Block] = [("p", f"{sentence(_hook(d))} {sentence(d.about)}")]
    blocks += [("h", d.heading("facts")), ("ul", _facts(d))]
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills"))]
    if d.take("extras"):
        blocks += [("h", d.heading("extras")), ("ul", d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", d.take("perks"))]
    blocks.append(("p", sentence(_closing(d, fair=False)[0])))
    return blocks


def de_public(d: Draft) -> list[Block]:
    d.formal = True
    blocks: list[Block] = [
        ("p", sentence(d.about)),
        ("p", " ".join(map(sentence, [_hook(d), *d.mission]))),
    ]
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills") + d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", _salary_perk(d) + d.take("perks"))]
    closing = [*_closing(d, fair=False), ph.CLOSING["de_fair"][0]]
    blocks.append(("p", " ".join(map(sentence, closing))))
    return blocks


# --- French ----------------------------------------------------------------------


def fr_classic(d: Draft) -> list[Block]:
    blocks: list[Block] = [("h", d.heading("about")), ("p", sentence(d.about))]
    blocks += [
        ("h", d.heading("role")),
        ("p", " ".join(map(sentence, [_hook(d), *d.mission, _mode(d)]))),
    ]
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills"))]
    if d.take("extras"):
        blocks += [("h", d.heading("extras")), ("ul", d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", _salary_perk(d) + d.take("perks"))]
    blocks.append(("p", " ".join(map(sentence, _closing(d)))))
    return blocks


def fr_facts(d: Draft) -> list[Block]:
    blocks: list[Block] = [("h", d.heading("facts")), ("ul", _facts(d))]
    blocks.append(("p", " ".join(map(sentence, [d.about, *d.mission]))))
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills") + d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", d.take("perks"))]
    blocks += [("h", d.heading("apply")), ("p", " ".join(map(sentence, _closing(d))))]
    return blocks


# --- Spanish ---------------------------------------------------------------------


def es_classic(d: Draft) -> list[Block]:
    blocks: list[Block] = [("p", f"{sentence(_hook(d))} {sentence(d.about)}")]
    blocks.append(("p", " ".join(map(sentence, [*d.mission, _mode(d)]))))
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills"))]
    if d.take("extras"):
        blocks += [("h", d.heading("extras")), ("ul", d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", _salary_perk(d) + d.take("perks"))]
    blocks.append(("p", " ".join(map(sentence, _closing(d)))))
    return blocks


def es_facts(d: Draft) -> list[Block]:
    blocks: list[Block] = [("h", d.heading("facts")), ("ul", _facts(d))]
    blocks.append(("p", " ".join(map(sentence, [d.about, *d.mission]))))
    blocks += [("h", d.heading("duties")), ("ul", d.take("duties"))]
    blocks += [("h", d.heading("skills")), ("ul", d.take("skills") + d.take("extras"))]
    blocks += [("h", d.heading("perks")), ("ul", d.take("perks"))]
    blocks.append(("p", sentence(_closing(d)[0])))
    return blocks


Layout = Callable[[Draft], list[Block]]
LAYOUTS: dict[str, tuple[tuple[Layout, int], ...]] = {
    "en": ((en_classic, 5), (en_narrative, 2), (en_facts, 2), (en_formal, 2), (en_startup, 2)),
    "de": ((de_classic, 4), (de_facts, 2), (de_public, 2)),
    "fr": ((fr_classic, 3), (fr_facts, 2)),
    "es": ((es_classic, 2), (es_facts, 1)),
}
# Layouts that suit public employers (hospitals, schools, councils) best.
FORMAL = {"en": en_formal, "de": de_public, "fr": fr_classic, "es": es_classic}


def to_html(blocks: list[Block]) -> str:
    parts: list[str] = []
    for kind, content in blocks:
        if kind == "ul" and isinstance(content, list):
            if content:
                items = "".join(f"<li>{escape(item)}</li>" for item in content)
                parts.append(f"<ul>{items}</ul>")
        elif isinstance(content, str):
            tag = "h3" if kind == "h" else "p"
            parts.append(f"<{tag}>{escape(content)}</{tag}>")
    return "\n".join(parts)
