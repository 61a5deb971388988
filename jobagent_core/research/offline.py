"""Company research from what we already hold: the company's postings.

Everything in the profile is read from the postings and the boards' metadata
(titles, locations, remote flags, departments, skills and benefits named in the
descriptions, the company's own "About us" words, quoted). Nothing is guessed:
a fact the postings do not state is simply absent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import urlsplit

from jobagent_core.discovery.dedupe import company_key
from jobagent_core.discovery.places import fold, words
from jobagent_core.discovery.schema import PostingData
from jobagent_core.profiling.taxonomy import find_skills
from jobagent_core.research.schemas import Citation, CompanyProfile

MAX_LISTED = 5  # titles, locations, benefits... named in one fact
MAX_SKILLS = 8
MAX_CITATIONS = 5
_MAX_ABOUT_CHARS = 350

# Headings that introduce the company itself ("About us", "About ACME", "Über uns").
_ABOUT_EXACT = re.compile(
    r"^(?:about us|who we are|wer wir sind|das sind wir|uber uns|ueber uns|a propos de nous"
    r"|qui sommes nous|sobre nosotros|quienes somos|chi siamo|over ons|our company"
    r"|the company|das unternehmen|unser unternehmen|l entreprise|la empresa)$"
)
_ABOUT_PREFIX = re.compile(r"^(?:about|uber|ueber|a propos de|sobre|over|die|das)\s+(.+)$")
_BENEFITS = re.compile(
    r"^(?:benefits?|perks?|benefits and perks|what we offer|we offer|our offer|what you get"
    r"|what s in it for you|why join us|why work with us|wir bieten|was wir dir bieten"
    r"|was wir ihnen bieten|das bieten wir|unser angebot|deine vorteile|ihre vorteile"
    r"|avantages|ce que nous offrons|nous offrons|ofrecemos|lo que ofrecemos|beneficios)\b"
)
# "ACME is ...", "At ACME we ...", "Chez ACME, nous ...": the company about itself.
_SELF_WORDS = frozenset(
    {
        "is", "are", "was", "has", "builds", "makes", "develops", "designs", "provides",
        "helps", "we", "our", "ist", "sind", "entwickelt", "bietet", "wir", "unser", "est",
        "nous", "notre", "es", "somos", "nosotros", "desarrolla",
    }
)  # fmt: skip
_NOT_ABOUT = re.compile(
    r"equal opportunit|chancengleich|discriminat|appl(?:y|ication)|bewerb|candidat|postul"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“'A-ZÄÖÜÀ-Ý0-9])")
_WORK_MODES = {
    "remote": "remote",
    "fully remote": "remote",
    "hybrid": "hybrid",
    "onsite": "on-site",
    "on site": "on-site",
    "on-site": "on-site",
    "on_site": "on-site",
    "office": "on-site",
    "in office": "on-site",
}

# Job boards and applicant-tracking systems: a posting hosted there says nothing
# about where the company's own website is.
_BOARD_DOMAINS = frozenset(
    {
        "greenhouse.io", "lever.co", "ashbyhq.com", "workable.com", "smartrecruiters.com",
        "recruitee.com", "personio.de", "personio.com", "bamboohr.com", "jobvite.com",
        "icims.com", "myworkdayjobs.com", "workday.com", "successfactors.com",
        "successfactors.eu", "teamtailor.com", "join.com", "breezy.hr", "jazzhr.com",
        "applytojob.com", "arbeitnow.com", "remoteok.com", "remoteok.io", "themuse.com",
        "ziprecruiter.com", "welcometothejungle.com", "otta.com", "wellfound.com", "angel.co",
        "softgarden.io", "softgarden.de", "rippling.com", "dover.com", "comeet.com",
        "pinpointhq.com", "recruiterbox.com", "jobs.ch", "jobteaser.com", "hibob.com",
        "freshteam.com", "gupy.io", "taleo.net", "oraclecloud.com", "ultipro.com",
        "paylocity.com", "dayforcehcm.com", "adp.com", "bundesagentur.de", "arbeitsagentur.de",
        "serpapi.com", "remotive.com", "weworkremotely.com", "stackoverflow.com", "github.com",
    }
)  # fmt: skip
# Board families with a domain per country (adzuna.de, indeed.co.uk, ...).
_BOARD_LABELS = frozenset(
    {
        "adzuna", "indeed", "glassdoor", "stepstone", "monster", "linkedin", "google", "xing",
        "jooble", "careerbuilder", "simplyhired", "totaljobs", "reed", "jobware", "kununu",
    }
)  # fmt: skip
_CAREER_SUBDOMAINS = ("www.", "jobs.", "careers.", "career.", "karriere.", "apply.", "work.")
# Company-name words too common to tie a web address to one company.
_GENERIC_WORDS = frozenset(
    {
        "group", "software", "media", "solutions", "technologies", "technology", "systems",
        "services", "digital", "labs", "consulting", "global", "international", "holding",
        "partners", "health", "bank", "capital", "energy", "the", "and", "of", "de", "der",
    }
)  # fmt: skip


def research_offline(company_name: str, postings: Sequence[PostingData]) -> CompanyProfile:
    """A profile of `company_name` built only from its `postings`.

    Postings of other companies (by normalised name) are ignored. The summary is
    2-5 sentences on what the company hires for, where, how remotely, the skills
    and benefits its postings repeat, and its own description of itself (quoted);
    `facts` hold the same as short strings; `citations` point at the posting URLs
    with passages copied from them. Never raises for odd postings.
    """
    key = company_key(company_name)
    own = [p for p in postings if company_key(p.company) == key]
    website = website_from_postings(company_name, own)
    if not own:
        return CompanyProfile(
            company_name=company_name,
            website=website,
            summary=f"We hold no job postings from {company_name} yet, so there is nothing "
            "to summarise.",
        )
    about = _self_description(company_name, own)
    facts = _facts(own)
    summary = _summary(company_name, own, facts, about)
    return CompanyProfile(
        company_name=company_name,
        website=website,
        summary=summary,
        facts=facts,
        citations=_citations(own, about),
    )


def website_from_postings(company_name: str, postings: Iterable[PostingData]) -> str | None:
    """The company's own website as its postings reveal it, or None.

    Taken from a company-hosted posting or apply URL (`careers.acme.com/...` ->
    `https://acme.com`), or from a `company_url`/`website` a source recorded.
    Job boards and applicant-tracking systems are ignored, and so is any address
    that does not contain a distinctive word of the company's name, so a
    recruiter's or a board's site is never taken for the company's.
    """
    key_words = company_key(company_name).split()
    distinctive = [w for w in key_words if len(w) >= 3 and w not in _GENERIC_WORDS]
    for posting in postings:
        extra = posting.extra
        candidates = (
            extra.get("company_url"),
            extra.get("company_website"),
            extra.get("website"),
            posting.url,
            posting.apply_url,
        )
        for candidate in candidates:
            if isinstance(candidate, str) and candidate:
                site = _company_origin(candidate, key_words, distinctive)
                if site:
                    return site
    return None


def _company_origin(url: str, key_words: list[str], distinctive: list[str]) -> str | None:
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or "." not in host or _is_board(host):
        return None
    if re.fullmatch(r"[\d.]+|[0-9a-f:]+", host):
        return None  # an IP address is nobody's company website
    flat = host.replace("-", "")
    named = (
        any(w in flat for w in distinctive)
        if distinctive
        else bool(key_words) and "".join(key_words) in flat
    )
    if not named:
        return None
    for prefix in _CAREER_SUBDOMAINS:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host.removeprefix(prefix)
            break
    return f"{parts.scheme}://{host}"


def _is_board(host: str) -> bool:
    labels = host.split(".")
    if any(label in _BOARD_LABELS for label in labels[:-1]):
        return True
    return any(".".join(labels[i:]) in _BOARD_DOMAINS for i in range(len(labels) - 1))


# --------------------------------------------------------------------------- text


def _blocks(text: str) -> list[list[str]]:
    """The description as paragraphs (blank-line separated), each a list of lines."""
    return [
        [line.strip() for line in block.splitlines() if line.strip()]
        for block in re.split(r"\n\s*\n", text)
        if block.strip()
    ]


def _is_heading(block: list[str]) -> bool:
    line = block[0]
    return (
        len(block) == 1
        and not line.startswith("- ")
        and len(line.split()) <= 8
        and not line.rstrip().endswith((".", "!", "?", ","))
    )


def _sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]


def _about_heading(heading: str, key: str) -> bool:
    folded = words(heading)
    if _ABOUT_EXACT.match(folded):
        return True
    named = _ABOUT_PREFIX.match(folded)
    return bool(named and key and company_key(named.group(1)) == key)


def _about_passage(lines: list[str]) -> str | None:
    """The first one or two sentences of a prose line, copied verbatim."""
    for line in lines:
        if line.startswith("- "):
            continue
        sentences = _sentences(line)
        if not sentences:
            continue
        passage = sentences[0]
        if len(sentences) > 1 and len(passage) + 1 + len(sentences[1]) <= _MAX_ABOUT_CHARS:
            # Take both only when they are adjacent in the source with a single space.
            both = f"{passage} {sentences[1]}"
            if both in line:
                passage = both
        return passage if len(passage) <= _MAX_ABOUT_CHARS else None
    return None


def _self_description(
    company: str, postings: Sequence[PostingData]
) -> tuple[str, PostingData] | None:
    """The company's words about itself and the posting they come from: the text
    under an "About us"/"About <company>" heading, else a sentence that starts
    with the company's name and a verb ("ACME builds ...")."""
    key = company_key(company)
    for posting in postings:
        blocks = _blocks(posting.description_text)
        for index, block in enumerate(blocks[:-1]):
            if _is_heading(block) and _about_heading(block[0], key):
                passage = _about_passage(blocks[index + 1])
                if passage:
                    return passage, posting
    for posting in postings:
        for block in _blocks(posting.description_text):
            for line in block:
                if line.startswith("- "):
                    continue
                for sentence in _sentences(line):
                    if _describes_itself(sentence, key) and len(sentence) <= _MAX_ABOUT_CHARS:
                        return sentence, posting
    return None


def _describes_itself(sentence: str, key: str) -> bool:
    """The company's name among the first words, followed closely by a verb or a
    "we" ("ACME builds ...", "At ACME we ...", "Founded in 1999, ACME is ...")."""
    key_words = key.split()
    if not key_words or _NOT_ABOUT.search(sentence.lower()):
        return False
    tokens = words(sentence).split()
    size = len(key_words)
    for start in range(min(5, len(tokens) - size + 1)):
        if tokens[start : start + size] == key_words:
            return any(t in _SELF_WORDS for t in tokens[start + size : start + size + 4])
    return False


def _benefit_items(text: str) -> Iterator[str]:
    in_section = False
    for block in _blocks(text):
        if _is_heading(block):
            in_section = bool(_BENEFITS.match(words(block[0])))
            continue
        if not in_section:
            continue
        for line in block:
            if line.startswith("- "):
                item = line[2:].strip().rstrip(".;")
                if 3 <= len(item) <= 100:
                    yield item


# --------------------------------------------------------------------------- facts


def _ranked(values: Iterable[str], *, limit: int = MAX_LISTED) -> list[str]:
    """Distinct values (compared folded), most frequent first, then first seen."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for value in values:
        value = " ".join(value.split())
        if not value:
            continue
        folded = fold(value)
        shown.setdefault(folded, value)
        counts[folded] += 1
    order = list(shown)
    ranked = sorted(order, key=lambda k: (-counts[k], order.index(k)))
    return [shown[k] for k in ranked[:limit]]


def _listing(items: Sequence[str], total: int) -> str:
    # Semicolons: titles and places have commas of their own ("Austin, TX").
    text = "; ".join(items)
    return f"{text} and {total - len(items)} more" if total > len(items) else text


def _distinct(values: Iterable[str]) -> int:
    return len({fold(" ".join(v.split())) for v in values if v.strip()})


def _work_mode(posting: PostingData) -> str | None:
    for name in ("work_mode", "workplace_type", "remote_policy"):
        value = posting.extra.get(name)
        if isinstance(value, str):
            mode = _WORK_MODES.get(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value).strip().lower())
            if mode:
                return mode
    return "remote" if posting.remote else None


def _extra_strings(posting: PostingData, *names: str) -> Iterator[str]:
    for name in names:
        value = posting.extra.get(name)
        if isinstance(value, str) and value.strip():
            yield value.strip()


def _skills(postings: Sequence[PostingData]) -> list[str]:
    """Skills named in at least two postings (or twice in a single posting)."""
    per_posting: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    first: dict[str, int] = {}
    for posting in postings:
        found = find_skills(f"{posting.title}\n{posting.description_text}")
        for match in found:
            mentions[match.skill] += 1
            first.setdefault(match.skill, len(first))
        per_posting.update({m.skill for m in found})
    if len(postings) > 1:
        repeated = [s for s, n in per_posting.items() if n >= 2]
        score = per_posting
    else:
        repeated = [s for s, n in mentions.items() if n >= 2]
        score = mentions
    repeated.sort(key=lambda s: (-score[s], first[s]))
    return repeated[:MAX_SKILLS]


def _facts(postings: Sequence[PostingData]) -> dict[str, str]:
    facts: dict[str, str] = {}
    count = len(postings)
    facts["open_roles"] = f"{count} posting{'s' if count != 1 else ''} on file"
    titles = [p.title for p in postings]
    facts["hiring_focus"] = _listing(_ranked(titles), _distinct(titles))
    locations = [p.location for p in postings if p.location]
    if locations:
        facts["locations"] = _listing(_ranked(locations), _distinct(locations))
    modes = Counter(m for m in map(_work_mode, postings) if m)
    if modes:
        parts = [f"{mode} for {n} of {count}" for mode, n in modes.most_common()]
        facts["remote_policy"] = "; ".join(parts)
    departments = [d for p in postings for d in _extra_strings(p, "department", "team")]
    if departments:
        facts["departments"] = _listing(_ranked(departments), _distinct(departments))
    industries = [i for p in postings for i in _extra_strings(p, "industry", "sector")]
    if industries:
        facts["industry"] = _ranked(industries, limit=1)[0]
    skills = _skills(postings)
    if skills:
        facts["skills"] = ", ".join(skills)
    benefits = [b for p in postings for b in _benefit_items(p.description_text)]
    if benefits:
        facts["benefits"] = "; ".join(_ranked(benefits))
    kinds = [p.employment_type.replace("_", " ") for p in postings if p.employment_type]
    if kinds:
        facts["employment_types"] = ", ".join(_ranked(kinds))
    levels = [p.seniority for p in postings if p.seniority]
    if levels:
        facts["seniority"] = ", ".join(_ranked(levels))
    return facts


# --------------------------------------------------------------------------- prose


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _summary(
    company: str,
    postings: Sequence[PostingData],
    facts: dict[str, str],
    about: tuple[str, PostingData] | None,
) -> str:
    sentences: list[str] = []
    if about:
        sentences.append(f"In its postings, {company} describes itself: “{about[0]}”")
    count = len(postings)
    titles = _ranked([p.title for p in postings], limit=3)
    more = _distinct(p.title for p in postings) - len(titles)
    roles = _and([*titles, f"{more} other roles"] if more > 0 else titles)
    sentences.append(
        f"{company} has {count} open role{'s' if count != 1 else ''} on file: {roles}."
    )
    if "locations" in facts:
        where = f"The {'roles are' if count != 1 else 'role is'} based in {facts['locations']}"
        if "remote_policy" in facts:
            where += f" ({facts['remote_policy']})"
        sentences.append(where + ".")
    elif "remote_policy" in facts:
        sentences.append(f"Work mode: {facts['remote_policy']}.")
    if "skills" in facts:
        label = "repeatedly" if count > 1 else "more than once"
        sentences.append(f"Skills its postings name {label}: {facts['skills']}.")
    if "benefits" in facts and len(sentences) < 5:
        sentences.append(f"Benefits mentioned: {facts['benefits']}.")
    return " ".join(sentences[:5])


def _citations(
    postings: Sequence[PostingData], about: tuple[str, PostingData] | None
) -> list[Citation]:
    citations: list[Citation] = []
    seen: set[str] = set()
    if about and (about[1].url or about[1].apply_url):
        posting = about[1]
        url = posting.url or posting.apply_url or ""
        citations.append(Citation(url=url, title=posting.title, quote=about[0]))
        seen.add(url)
    for posting in postings:
        link = posting.url or posting.apply_url
        if not link or link in seen or len(citations) >= MAX_CITATIONS:
            continue
        seen.add(link)
        citations.append(Citation(url=link, title=posting.title, quote=posting.title))
    return citations
