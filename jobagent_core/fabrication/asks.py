"""Claims about what a posting asks for ("your search for an experienced intensive-care
nurse", "Sie suchen eine Pflegefachkraft", "vous recherchez un infirmier"), judged
against the posting's own words: every content word of the claimed object must occur
in the posting's title or text (a word's first five letters suffice: "nurse" and
"nursing")."""

from __future__ import annotations

import re

from jobagent_core.fabrication.text import fold

_CLAIM = re.compile(
    r"(?i:"
    # English
    r"your\s+search\s+for|you\s+are\s+(?:looking|searching)\s+for|you(?:'re|\s+are)\s+seeking|"
    r"you\s+(?:seek|need|require|want)|(?:the|this|your)\s+(?:position|role|posting|job|"
    r"vacancy|advert|advertisement|opening|job\s+description)\s+(?:calls\s+for|asks\s+for|"
    r"requires|seeks|demands|is\s+looking\s+for|looks\s+for|mentions)|"
    # German
    r"ihre\s+suche\s+nach|sie\s+suchen|ihr\s+sucht|du\s+suchst|(?:die\s+stelle|die\s+position|"
    r"ihre\s+(?:ausschreibung|stellenanzeige|anzeige))\s+(?:verlangt|erfordert|fordert|sucht|"
    r"nennt)|"
    # French
    r"votre\s+recherche\s+d['’]|vous\s+recherchez|vous\s+cherchez|"
    r"(?:le\s+poste|votre\s+annonce|l['’]annonce|votre\s+offre)\s+(?:demande|requiert|exige|"
    r"recherche|mentionne)|"
    # Spanish, Italian, Dutch
    r"ustedes\s+buscan|su\s+búsqueda\s+de|el\s+puesto\s+(?:requiere|exige|pide)|"
    r"(?:voi\s+)?cercate|la\s+posizione\s+richiede|u\s+zoekt|de\s+functie\s+vraagt\s+om"
    r")\s+(?P<object>[^.;:!?\n]+)"
)
# Where the claimed object ends: the candidate's side of the sentence begins.
_OBJECT_END = re.compile(
    r"(?i),|\s(?:and|und|et|y|e|en)\s+(?:i|ich|je|j['’]|yo|io|ik|my|mein|meine|mes|mon|ma)\b|"
    r"\s(?:which|welche|qui|that|das|die\s+ich|, all)\b"
)
# Words that say nothing a posting would have to state.
_GENERIC = frozenset(
    str.split(
        "a an the some someone somebody person people candidate candidates colleague colleagues "
        "new experienced motivated skilled qualified dedicated reliable committed strong good "
        "great passionate who can with and or of in for to at on your our their my this that "
        "these those all such role position job team member members "
        "ein eine einen einer eines der die das den dem des neue neuen neuer erfahrene "
        "erfahrenen erfahrener engagierte engagierten motivierte motivierten qualifizierte "
        "qualifizierten kollegin kollegen kolleginnen person mit und oder für im in von zur zum "
        "un une des le la les l d du de nouveau nouvelle nouveaux expérimenté expérimentée "
        "motivé motivée personne profil collaborateur collaboratrice avec et ou pour en au aux "
        "un una unos el los las nuevo nueva persona con y o para uno gli il lo per "
        "een de het nieuwe ervaren persoon met en of voor"
    )
)


def ask_claims(text: str, posting_text: str) -> list[tuple[int, str]]:
    """(position, claimed object) for each claim that the posting asks for something
    it does not mention."""
    known = fold(posting_text).split()
    stems = {w[:5] for w in known if len(w) >= 4}
    vocabulary = set(known)
    found: list[tuple[int, str]] = []
    for match in _CLAIM.finditer(text):
        thing = match.group("object")
        cut = _OBJECT_END.search(thing)
        if cut:
            thing = thing[: cut.start()]
        thing = thing.strip(" \"'“”„«»")
        missing = [
            w
            for w in fold(thing).split()
            if w not in _GENERIC
            and not w.isdigit()
            and w not in vocabulary
            and (len(w) < 4 or w[:5] not in stems)
        ]
        if thing and missing:
            found.append((match.start("object"), thing))
    return found
