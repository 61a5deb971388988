"""Composes one sample posting: picks role, level, place and employer, draws the
fragments from the family's bank and lays them out. Used only by the generator."""

from __future__ import annotations

import random
from typing import Any

from jobagent_core.discovery.html import html_to_text
from tools.sample_data import about as about_bank
from tools.sample_data import facts, layouts
from tools.sample_data import phrases as ph
from tools.sample_data.bank import Family, Role, Texts
from tools.sample_data.companies import Company, CompanyPool
from tools.sample_data.geo import City, Country
from tools.sample_data.schema import ComposeFile, load

MIN_WORDS, MAX_WORDS = 120, 350
# Word lists (data/compose.yaml).
_WORDS = load(ComposeFile)
_GENDER = _WORDS.gender
_LANGUAGE_WORDS = _WORDS.language_words
_PUBLIC = _WORDS.public
_ON_SITE_PERKS = _WORDS.on_site_perks


def for_country(items: tuple[str, ...], country: str) -> list[str]:
    """Items valid in this country: "GB,IE|text" only in GB and IE, "!US,CA|text"
    everywhere but the US and Canada, plain text everywhere."""
    kept = []
    for item in items:
        codes, _, text = item.rpartition("|")
        listed = country in codes.lstrip("!").split(",")
        if not codes or listed != codes.startswith("!"):
            kept.append(text)
    return kept


class _Filler:
    """Fills {tool}, {tool2}, {tool3}, {tools}, {tools2}, {role}, {city}, {company}.
    Tools come role first, so "{tools}" names the role's core stack."""

    def __init__(self, tools: list[str], role: str, city: str, company: str, lang: str) -> None:
        padded = (tools * 6)[:6] if tools else [""] * 6
        self.values = {
            "tool": padded[0], "tool2": padded[1], "tool3": padded[2],
            "tools": layouts.join(padded[:3], lang), "tools2": layouts.join(padded[3:6], lang),
            "role": role.replace("{g}", "").strip(), "city": city, "company": company,
        }  # fmt: skip

    def __call__(self, text: str) -> str:
        return text.format(**self.values)


def _title(rng: random.Random, templates: list[str], role: Role | None, lang: str) -> str:
    title = rng.choice(templates).replace("{role}", role.names.get(lang, "") if role else "")
    if lang in _GENDER and rng.random() < (0.85 if lang == "de" else 0.55):
        marker = rng.choice(_GENDER[lang])
        title = title.replace("{g}", f" {marker} ", 1) if "{g}" in title else f"{title} {marker}"
    return " ".join(title.replace("{g}", "").split())


def _about(rng: random.Random, company: Company, lang: str, city: str, country: str) -> str:
    group = about_bank.GROUP_OF_SECTOR[company.sector]
    templates = about_bank.ABOUT.get(company.sector, about_bank.ABOUT[group])[lang]
    what = (about_bank.WHAT.get(company.sector) or about_bank.WHAT[group])[lang]
    return rng.choice(templates).format(
        company=company.name, city=city, year=company.founded, what=rng.choice(what),
        size=facts.headcount(company.size, lang, country),
    )  # fmt: skip


def _role_and_level(
    rng: random.Random, family: Family, texts: Texts, lang: str, country: str,
    only_roles: tuple[str, ...] = (), only_levels: tuple[str, ...] = (),
) -> tuple[Role | None, str, list[str]]:  # fmt: skip
    """A role, a seniority level and the title templates that fit both and the country
    (among `only_roles` and `only_levels` when given)."""
    options: list[tuple[Role | None, str, list[str], float]] = []
    roles: list[Role | None] = [
        r for r in family.roles
        if (lang in r.names or lang in r.titles) and (not only_roles or r.key in only_roles)
    ]  # fmt: skip
    for role in roles or [None]:
        table = role.titles[lang] if role and lang in role.titles else texts.titles
        for level, weight in family.levels.items():
            if only_levels and level not in only_levels:
                continue
            titles = for_country(table.get(level, ()), country)
            if titles:
                options.append((role, level, titles, weight * (role.weight if role else 1)))
    role, level, titles, _ = rng.choices(options, weights=[o[3] for o in options])[0]
    return role, level, titles


def _duties(rng: random.Random, texts: Texts, role: Role | None, level: str, lang: str,
            country: str) -> list[str]:  # fmt: skip
    own = for_country(role.duties.get(lang, ()), country) if role else []
    general = rng.sample(
        for_country(texts.duties, country), len(for_country(texts.duties, country))
    )
    if level == "executive":
        return rng.sample(ph.EXEC_DUTIES[lang], 3) + own[:1] + general
    if level == "lead":
        team = rng.choice((4, 6, 8, 12, 15))
        return [rng.choice(ph.LEAD_DUTIES[lang]).format(n=team), *own, *general]
    return own + general


def _skills(rng: random.Random, texts: Texts, role: Role | None, level: str, lang: str,
            country: Country, city: City, extras: list[str]) -> list[str]:  # fmt: skip
    experience = rng.choice(ph.EXPERIENCE[lang][level]).format(
        n=rng.choice(ph.YEARS.get(level, (2,))), field=texts.field, study=texts.study
    )
    general = for_country(texts.skills, country.code)
    skills = [experience, *(role.skills.get(lang, ()) if role else ())]
    certs = for_country(texts.certs, country.code)
    skills += rng.sample(certs, min(len(certs), rng.choice((1, 2))))
    skills += rng.sample(general, len(general))
    if texts.study and level != "intern" and rng.random() < 0.35:
        skills.append(ph.DEGREE[lang].format(study=texts.study))
    said = " ".join(skills + extras).lower()
    if not any(word in said for word in _LANGUAGE_WORDS) and rng.random() < 0.6:
        local = city.language or country.language
        if lang == "en" and local != "en":
            name = ph.LOCAL_LANGUAGE_NAME.get(local, "the local language")
            skills.append(rng.choice(ph.LANGUAGE_SKILLS["en_abroad"]).format(local=name))
        elif lang != "en":
            skills.append(rng.choice(ph.LANGUAGE_SKILLS[lang]))
    return skills


def _perks(rng: random.Random, texts: Texts, lang: str, country: str, remote: bool) -> list[str]:
    own = for_country(texts.perks, country)
    perks = rng.sample(own, min(2, len(own)))
    local = ph.COUNTRY_PERKS.get(country, {}).get(lang, ())
    perks += [p.format(p=rng.choice((5, 6, 8)), d=rng.choice((20, 25)))
              for p in rng.sample(local, min(2, len(local)))]  # fmt: skip
    general = [
        p for p in ph.PERKS[lang] if not (remote and any(w in p.lower() for w in _ON_SITE_PERKS))
    ]
    perks += rng.sample(general, 4)
    return list(dict.fromkeys(perks))


def draft_posting(
    rng: random.Random, family: Family, pool: CompanyPool, number: int,
    at: tuple[Country, City] | None = None, roles: tuple[str, ...] = (),
    levels: tuple[str, ...] = (),
) -> tuple[dict[str, Any], layouts.Draft, layouts.Layout]:  # fmt: skip
    """The record fields (without description and date), the draft and its layout.
    `at` fixes the city (else drawn by the family's market), `roles` and `levels`
    narrow the family's roles and seniority levels."""
    if at is None:
        country, city, lang = facts.place(rng, family)
    else:
        country, city = at
        lang = facts.language_in(rng, family, country, city)
    texts = family.texts[lang]
    role, level, titles = _role_and_level(rng, family, texts, lang, country.code, roles, levels)
    contract = (
        family.intern_contract if level == "intern" else facts.weighted(rng, family.employment)
    )
    if level in ("lead", "principal", "executive"):
        contract = "full_time"
    remote = rng.random() < family.remote
    mode = "remote" if remote else ("hybrid" if rng.random() < family.hybrid else "onsite")
    where, area = facts.location(rng, country, city, lang, remote)
    city_name = city.label(lang, country.language)
    sectors = role.sectors if role and role.sectors else family.sectors
    company = pool.pick(rng.choice(sectors), country.code, city)
    pay, pay_text, period = facts.salary(rng, family, level, contract, country, city, lang)

    tools = list(role.tools if role else ()) + rng.sample(family.tools, min(len(family.tools), 8))
    tools = list(dict.fromkeys(tools))
    fill = _Filler(tools, role.names.get(lang, "") if role else "", city_name, company.name, lang)
    extras = for_country(texts.extras, country.code)
    extras = rng.sample(extras, len(extras))
    skills = _skills(rng, texts, role, level, lang, country, city, extras)
    missions = rng.sample(texts.mission, min(2, len(texts.mission)))[: rng.choice((1, 2))]
    duties = _duties(rng, texts, role, level, lang, country.code)
    draft = layouts.Draft(
        lang=lang, rng=rng, title=_title(rng, titles, role, lang), company=company.name,
        slug=company.slug, city=city_name, location=where, country=country.code, level=level,
        mode=mode, area=area, contract=contract, salary=pay_text,
        about=_about(rng, company, lang, city_name, country.code),
        mission=[fill(m) for m in missions],
        duties=[fill(x) for x in dict.fromkeys(duties)],
        skills=[fill(x) for x in dict.fromkeys(skills)], extras=[fill(x) for x in extras],
        perks=[fill(x) for x in _perks(rng, texts, lang, country.code, remote)],
        tools=tools, show_tools=family.show_tools, formal=rng.random() < 0.5,
        sizes={"duties": rng.randint(4, 7), "skills": rng.randint(4, 6),
               "extras": rng.randint(0, 3), "perks": rng.randint(3, 6)},
    )  # fmt: skip
    layout: layouts.Layout
    if company.sector in _PUBLIC and rng.random() < 0.6:
        layout = layouts.FORMAL[lang]
    else:
        options = layouts.LAYOUTS[lang]
        layout = rng.choices([o[0] for o in options], weights=[o[1] for o in options])[0]
    slug = family.id.replace("_", "-")
    record: dict[str, Any] = {
        "source": "sample",
        "source_id": f"sample-{family.id}-{number:04d}",
        "title": draft.title,
        "company": company.name,
        "location": where,
        "remote": remote,
        "employment_type": contract,
        "seniority": level,
        "language": lang,
        "url": f"https://{company.slug}.example/jobs/{slug}-{number:04d}",
        **pay,
        "extra": {"family": family.id, "role": role.key if role else None,
                  "sector": company.sector, "country": country.code, "work_mode": mode},
    }  # fmt: skip
    if period:
        record["extra"]["salary_period"] = period
    return record, draft, layout


def compose(draft: layouts.Draft, layout: layouts.Layout) -> tuple[str, str]:
    """(HTML, text) of the description, trimmed or grown to MIN_WORDS..MAX_WORDS."""
    html = text = ""
    for _ in range(12):
        state = draft.rng.getstate()
        html = layouts.to_html(layout(draft))
        text = html_to_text(html)
        words = len(text.split())
        if MIN_WORDS <= words <= MAX_WORDS:
            break
        draft.rng.setstate(state)
        grow = words < MIN_WORDS
        for name in ("extras", "perks", "duties", "skills"):
            size, available = draft.sizes[name], len(getattr(draft, name))
            if grow and size < min(available, 8):
                draft.sizes[name] = size + 1
            elif not grow and size > (3 if name in ("duties", "skills") else 0):
                draft.sizes[name] = size - 1
                break
    return html, text
