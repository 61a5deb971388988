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
        "Derzeit bin ich als {title} bei {employer} tätig und möchte diese Erfahrung bei "
        "{company} einbringen.",
        "Aktuell arbeite ich als {title} bei {employer}; darauf baue ich als {role} auf.",
        "Für die Position {role} stütze ich mich auf meine aktuelle Tätigkeit als {title} bei "
        "{employer}.",
        "Bei {employer}, wo ich als {title} arbeite, habe ich die Erfahrung gesammelt, die ich "
        "{company} anbiete.",
        "Was ich {company} mitbringe, stammt vor allem aus meiner Arbeit als {title} bei "
        "{employer}.",
    ),
    experience_past=(
        "Besonders relevant für die Position {role} ist meine Tätigkeit als {title} bei "
        "{employer}.",
        "Als {title} bei {employer} habe ich Erfahrungen gesammelt, die ich bei {company} "
        "einbringen möchte.",
        "Für {company} ist meine Zeit als {title} bei {employer} besonders wertvoll.",
        "Meine Tätigkeit als {title} bei {employer} kommt der Position {role} am nächsten.",
    ),
    experience_years=(
        "Insgesamt bringe ich {years} Jahre Berufserfahrung zu {company} mit.",
        "Insgesamt verfüge ich über {years} Jahre Berufserfahrung, die ich bei {company} "
        "einsetzen möchte.",
        "Meine {years} Jahre Berufserfahrung möchte ich bei {company} einbringen.",
        "Für {company} bringe ich insgesamt {years} Jahre Berufserfahrung mit.",
    ),
    example=(
        "Ein Beispiel mit Blick auf {company}: {bullet}",
        "Zum Beispiel, mit Blick auf die Position {role}: {bullet}",
        "Ein konkretes Beispiel für {company}: {bullet}",
        "Ein Beispiel aus dieser Tätigkeit, passend zur Position {role}: {bullet}",
    ),
    earlier=(
        "Zudem war ich als {title} bei {employer} tätig, was mich ebenfalls auf {company} "
        "vorbereitet hat.",
        "Außerdem habe ich als {title} bei {employer} gearbeitet; auch das nutzt mir als {role}.",
        "Zuvor war ich als {title} bei {employer} tätig, auch das bringe ich {company} mit.",
    ),
    education=(
        "Meine Ausbildung umfasst {degree} ({institution}), eine gute Grundlage für die "
        "Position {role}.",
        "Mein Studium: {degree} ({institution}); darauf baue ich auch bei {company} auf.",
        "Als Grundlage für die Arbeit bei {company} bringe ich {degree} ({institution}) mit.",
        "Für die Position {role} stütze ich mich auch auf {degree} ({institution}).",
    ),
    skills=(
        "Meine Kenntnisse in {skills} entsprechen den Anforderungen der Position {role}.",
        "Mit meinen Kenntnissen in {skills} kann ich {company} vom ersten Tag an unterstützen.",
        "Bei {company} würde ich meine Kenntnisse in {skills} von Beginn an einsetzen.",
        "Für die Position {role} bringe ich praktische Kenntnisse in {skills} mit.",
    ),
    motivation=(
        "Über die Gelegenheit, mich {company} persönlich vorzustellen, freue ich mich sehr.",
        "Ich freue mich darauf, in einem Gespräch zu erläutern, wie ich {company} unterstützen "
        "kann.",
        "Vielen Dank für Ihre Zeit; gerne stelle ich mich Ihnen als {role} in einem "
        "persönlichen Gespräch vor.",
        "Gerne erläutere ich Ihnen in einem Gespräch, was ich als {role} bei {company} "
        "beitragen kann.",
        "Ich freue mich darauf, das Team von {company} kennenzulernen.",
    ),
    closings=("Mit freundlichen Grüßen", "Freundliche Grüße"),
    skills_asked=(
        "Die Stelle {role} verlangt {skills}; all das gehört zu meinem beruflichen Handwerkszeug.",
        "Ihre Ausschreibung nennt {skills}; damit arbeite ich in meinem Berufsalltag.",
    ),
    cv=CvHeadings(
        summary="Profil",
        experience="Berufserfahrung",
        education="Ausbildung",
        certifications="Zertifikate",
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
