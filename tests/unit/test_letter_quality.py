"""Letter quality (issue "Agent quality" §2): the contact named in a posting is greeted
by name and never invented; no stock sentence fills more than a fifth of one person's
letters across postings of their field; a letter for a posting outside the person's
profession says what the posting asks for in the posting's own words, and the fact
checker flags a claim that the posting asks for something it does not mention."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

import pytest

from jobagent_core.discovery.sample_data import sample_postings
from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication import CoverLetter, fact_check, write_cover_letter_offline
from jobagent_core.fabrication.text import fold, mentions, sentences
from jobagent_core.profiling.schemas import EducationEntry, ExperienceEntry, Profile
from tests.unit.test_fabrication import make_profile

pytestmark = pytest.mark.unit

TODAY = date(2025, 3, 3)
STOCK_LIMIT = 0.20


def nurse() -> Profile:
    return Profile(
        name="Aoife Brennan",
        email="aoife@example.org",
        location="Leeds, UK",
        summary="Intensive-care nurse with experience in ventilated and post-operative patients.",
        skills=[
            "Critical care nursing",
            "Mechanical ventilation",
            "Patient safety",
            "Wound care",
            "Medication administration",
            "BLS",
            "Teamwork",
            "Intensivpflege",
            "Soins intensifs",
        ],
        experience=[
            ExperienceEntry(
                title="Staff Nurse",
                employer="Leeds General Infirmary",
                start="2016-09",
                end="2019-08",
                bullets=["Cared for post-operative surgical patients on a 28-bed ward."],
            ),
            ExperienceEntry(
                title="ICU Staff Nurse",
                employer="St James's University Hospital",
                start="2019-09",
                current=True,
                bullets=[
                    "Cared for ventilated patients in a 20-bed intensive care unit.",
                    "Supervised student nurses and supported newly qualified colleagues.",
                ],
            ),
        ],
        education=[
            EducationEntry(degree="BSc Nursing", institution="University of Leeds", end="2016")
        ],
    )


def electrician() -> Profile:
    return Profile(
        name="Jonas Keller",
        email="jonas@example.org",
        location="Köln",
        skills=[
            "Electrical installation",
            "Fault finding",
            "PLC",
            "Wiring",
            "Health and safety",
            "Elektroinstallation",
            "Installation électrique",
        ],
        experience=[
            ExperienceEntry(
                title="Electrician",
                employer="Rheinstrom Elektro GmbH",
                start="2015-08",
                current=True,
                bullets=[
                    "Installed and tested wiring in residential and commercial buildings.",
                    "Carried out fault finding on control cabinets and PLC systems.",
                ],
            ),
        ],
        education=[EducationEntry(degree="Elektroniker für Energie- und Gebäudetechnik")],
    )


# profession -> (the person, the sample data's job families of their field)
PEOPLE: dict[str, tuple[Profile, tuple[str, ...]]] = {
    "nurse": (nurse(), ("nursing_icu", "nursing_general")),
    "data engineer": (make_profile(), ("data_engineering", "software_engineering")),
    "electrician": (electrician(), ("electrician",)),
}


def field_postings(families: Sequence[str], language: str, count: int = 20) -> list[PostingData]:
    """The first `count` bundled sample postings of these job families in `language`."""
    found = [
        p
        for p in sample_postings()
        if p.extra.get("family") in families and (p.language or "en") == language
    ]
    return found[:count]


def matched(profile: Profile, posting: PostingData) -> list[str]:
    """The profile's skills the posting names (what matching hands the writer)."""
    text = f"{posting.title}\n{posting.description_text}"
    return [s for s in profile.skills if mentions(text, s)]


def stock_share(letters: Sequence[CoverLetter]) -> tuple[float, str]:
    """The share of letters that contain the most frequent paragraph sentence, and it."""
    counts: Counter[str] = Counter()
    for letter in letters:
        counts.update({fold(s) for p in letter.paragraphs for s in sentences(p)})
    sentence, count = counts.most_common(1)[0]
    return count / len(letters), sentence


def letter(profile: Profile, posting: PostingData) -> CoverLetter:
    return write_cover_letter_offline(
        profile,
        posting,
        matched_skills=matched(profile, posting),
        research_summary=None,
        today=TODAY,
    )


# --- 1. the posting's contact ------------------------------------------------------------


def posting_with(text: str, language: str) -> PostingData:
    return PostingData(
        source="sample",
        source_id="7",
        title="ICU Staff Nurse",
        company="Harrowfield General Hospital",
        language=language,
        description_text="We care for 40 intensive-care beds. " + text,
    )


@pytest.mark.parametrize(
    ("text", "language", "greeting"),
    [
        ("Contact: Dr. Anna Weber", "en", "Dear Dr Weber,"),
        ("Hiring manager: Tom Reilly.", "en", "Dear Tom Reilly,"),
        ("Questions? Reach out to Sarah Kim at sarah@example.org.", "en", "Dear Sarah Kim,"),
        ("Ansprechpartnerin: Frau Weber", "de", "Sehr geehrte Frau Weber,"),
        ("Ihr Ansprechpartner ist Herr Dr. Jonas Müller.", "de", "Sehr geehrter Herr Dr. Müller,"),
        ("Votre contact : Mme Martin.", "fr", "Madame Martin,"),
        ("Contactez Claire Martin à rh@example.org.", "fr", "Bonjour Claire Martin,"),
    ],
)
def test_the_contact_named_in_the_posting_is_greeted(
    text: str, language: str, greeting: str
) -> None:
    posting = posting_with(text, language)
    written = letter(nurse(), posting)
    assert written.greeting == greeting
    assert fact_check(written.body_text(), nurse(), posting) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Final interview with the hiring manager. Contact: HR Team.", "en"),
        ("Strukturierte Einarbeitung mit fester Ansprechperson.", "de"),
        ("Vous avez une question ? Écrivez-nous.", "fr"),
    ],
)
def test_no_contact_is_invented(text: str, language: str) -> None:
    written = letter(nurse(), posting_with(text, language))
    assert written.greeting in {
        "Dear Harrowfield General Hospital hiring team,",
        "Dear Hiring Manager,",
        "Dear Harrowfield General Hospital team,",
        "Sehr geehrte Damen und Herren,",
        "Sehr geehrtes Team von Harrowfield General Hospital,",
        "Madame, Monsieur,",
        "Chère équipe Harrowfield General Hospital,",
    }


# --- 2. no stock sentences ---------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "de", "fr"])
@pytest.mark.parametrize("profession", sorted(PEOPLE))
def test_no_stock_sentence_in_more_than_a_fifth_of_a_persons_letters(
    profession: str, language: str
) -> None:
    profile, families = PEOPLE[profession]
    postings = field_postings(families, language, 20)
    assert len(postings) >= 12
    share, sentence = stock_share([letter(profile, p) for p in postings])
    assert share <= STOCK_LIMIT, f"{share:.0%} of the letters say: {sentence}"


# --- 3. what the posting asks for ---------------------------------------------------------


PHYSICIAN = PostingData(
    source="sample",
    source_id="9",
    title="Consultant Respiratory Physician",
    company="Kestrel Bay Medical Center",
    language="en",
    description_text="We are looking for a Consultant Respiratory Physician to lead our "
    "pulmonology clinic. You hold full registration as a medical doctor and have experience "
    "in bronchoscopy and patient safety.",
)


def test_the_fact_checker_flags_a_claim_the_posting_does_not_make() -> None:
    text = (
        "I read your search for an experienced intensive-care nurse with great interest. "
        "You are looking for a Consultant Respiratory Physician, and I bring patient safety."
    )
    flagged = fact_check(text, nurse(), PHYSICIAN)
    assert len(flagged) == 1
    assert flagged[0].startswith("an experienced intensive-care nurse")
    german = PHYSICIAN.model_copy(update={"language": "de"})
    assert fact_check("Sie suchen eine Intensivpflegekraft.", nurse(), german) != []
    french = PHYSICIAN.model_copy(update={"language": "fr"})
    assert fact_check("Vous recherchez une infirmière en soins intensifs.", nurse(), french)


@pytest.mark.parametrize("source_id", [str(i) for i in range(12)])
def test_a_letter_outside_the_profession_claims_only_what_the_posting_asks(
    source_id: str,
) -> None:
    posting = PHYSICIAN.model_copy(update={"source_id": source_id})
    written = letter(nurse(), posting)
    assert fact_check(written.body_text(), nurse(), posting) == []
    assert "nurse" not in " ".join(written.paragraphs[:1]).casefold()
