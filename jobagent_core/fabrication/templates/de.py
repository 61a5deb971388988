"""German letter phrasing (after the greeting's comma the text goes on in lower case)."""

from jobagent_core.fabrication.templates import CvHeadings, LetterPhrases, word_list

PHRASES = LetterPhrases(
    language="de",
    months=word_list(
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
    ),
    date_format="{day}. {month} {year}",
    conjunction="und",
    subjects=("Bewerbung als {role}", "Bewerbung um die Position {role}"),
    greetings=("Sehr geehrte Damen und Herren,", "Sehr geehrtes Team von {company},"),
    openings=(
        "hiermit bewerbe ich mich um die Stelle als {role} bei {company}.",
        "mit großem Interesse habe ich Ihre Ausschreibung für die Position {role} bei "
        "{company} gelesen und bewerbe mich hiermit.",
        "die Position {role} bei {company} spricht mich sehr an, daher sende ich Ihnen gerne "
        "meine Bewerbung.",
    ),
    research=(
        "{sentence} Genau das reizt mich an dieser Stelle besonders.",
        "Besonders angesprochen hat mich, was ich über {company} gelesen habe: {sentence}",
    ),
    experience_current=(
        "Derzeit bin ich als {title} bei {employer} tätig.",
        "Aktuell arbeite ich als {title} bei {employer}.",
    ),
    experience_past=(
        "Besonders relevant für diese Stelle ist meine Tätigkeit als {title} bei {employer}.",
        "Als {title} bei {employer} habe ich Erfahrungen gesammelt, die für diese Position "
        "unmittelbar relevant sind.",
    ),
    experience_years=(
        "Insgesamt bringe ich {years} Jahre Berufserfahrung mit.",
        "Insgesamt verfüge ich über {years} Jahre Berufserfahrung.",
    ),
    example=("Ein Beispiel aus dieser Tätigkeit: {bullet}", "Zum Beispiel: {bullet}"),
    earlier=(
        "Zudem war ich als {title} bei {employer} tätig.",
        "Außerdem habe ich als {title} bei {employer} gearbeitet.",
    ),
    education=(
        "Meine Ausbildung umfasst {degree} ({institution}).",
        "Mein Studium: {degree} ({institution}).",
    ),
    skills=(
        "Meine Kenntnisse in {skills} entsprechen den Anforderungen der Position {role}.",
        "Mit meinen Kenntnissen in {skills} kann ich Ihr Team vom ersten Tag an unterstützen.",
        "Die Stelle verlangt {skills}; all das gehört zu meinem beruflichen Handwerkszeug.",
    ),
    motivation=(
        "Über die Gelegenheit, mich Ihnen persönlich vorzustellen, freue ich mich sehr.",
        "Ich freue mich darauf, in einem Gespräch zu erläutern, wie ich {company} unterstützen "
        "kann.",
        "Vielen Dank für Ihre Zeit; gerne stelle ich mich Ihnen in einem persönlichen Gespräch "
        "vor.",
    ),
    closings=("Mit freundlichen Grüßen", "Freundliche Grüße"),
    cv=CvHeadings(
        summary="Profil",
        experience="Berufserfahrung",
        education="Ausbildung",
        skills="Kenntnisse",
        languages="Sprachen",
        present="heute",
    ),
    stopwords=frozenset(
        word_list(
            "der die das und ist wir sie ihr ihre für mit von zu den im in auf ein eine einen bei "
            "sich nicht auch als oder uns unser unsere werden wird sind des dem zur zum"
        )
    ),
    names=frozenset(
        word_list(
            "Sehr Damen Herren Team Grüße Grüßen Freundliche Ihnen Ihr Ihre Ihrer Ihren Ihrem Sie "
            "Bewerbung Stelle Position Deutsch Englisch Französisch Spanisch Italienisch "
            "Niederländisch Polnisch Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag "
            "Hallo Guten Tag Frau Herr Lebenslauf Anlage Anlagen"
        )
    ),
)
