"""Dutch letter phrasing."""

from jobagent_core.fabrication.templates import CvHeadings, LetterPhrases, word_list

PHRASES = LetterPhrases(
    language="nl",
    months=word_list(
        "januari februari maart april mei juni juli augustus september oktober november december"
    ),
    date_format="{day} {month} {year}",
    conjunction="en",
    subjects=("Sollicitatie naar de functie {role}", "Sollicitatie: {role}"),
    greetings=("Geachte heer, mevrouw,", "Beste team van {company},"),
    openings=(
        "Met veel interesse solliciteer ik naar de functie {role} bij {company}.",
        "Graag solliciteer ik naar de functie {role} bij {company}.",
    ),
    research=(
        "{sentence} Dat is een belangrijke reden waarom deze functie mij aanspreekt.",
        "Wat ik over {company} las, sprak mij bijzonder aan: {sentence}",
    ),
    experience_current=(
        "Momenteel werk ik als {title} bij {employer}.",
        "Op dit moment ben ik werkzaam als {title} bij {employer}.",
    ),
    experience_past=(
        "Het meest relevant voor deze functie is mijn werk als {title} bij {employer}.",
        "Als {title} bij {employer} heb ik ervaring opgedaan die direct aansluit bij deze functie.",
    ),
    experience_years=(
        "In totaal heb ik {years} jaar werkervaring.",
        "Ik breng in totaal {years} jaar werkervaring mee.",
    ),
    example=("Een voorbeeld: {bullet}", "Een voorbeeld uit die functie: {bullet}"),
    earlier=(
        "Daarnaast heb ik gewerkt als {title} bij {employer}.",
        "Mijn ervaring omvat ook de functie {title} bij {employer}.",
    ),
    education=("Mijn opleiding omvat {degree} ({institution}).",),
    skills=(
        "Mijn kennis van {skills} sluit aan bij de eisen van de functie {role}.",
        "Vanaf de eerste dag kan ik mijn kennis van {skills} inzetten.",
    ),
    motivation=(
        "Graag licht ik in een gesprek toe hoe ik kan bijdragen aan {company}.",
        "Hartelijk dank voor uw aandacht; ik kom graag op gesprek.",
    ),
    closings=("Met vriendelijke groet,", "Hoogachtend,"),
    cv=CvHeadings(
        summary="Profiel",
        experience="Werkervaring",
        education="Opleiding",
        certifications="Certificaten",
        skills="Vaardigheden",
        languages="Talen",
        present="heden",
    ),
    stopwords=frozenset(
        word_list(
            "de het een en van voor met is zijn wij jij je jouw ons onze in op bij dat die te "
            "naar als ook"
        )
    ),
    names=frozenset(
        word_list(
            "Geachte Heer Mevrouw Beste Groet Hoogachtend Nederlands Engels Duits Frans Spaans "
            "Italiaans Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag"
        )
    ),
)
