"""Italian letter phrasing."""

from jobagent_core.fabrication.templates import CvHeadings, LetterPhrases, word_list

PHRASES = LetterPhrases(
    language="it",
    months=word_list(
        "gennaio febbraio marzo aprile maggio giugno "
        "luglio agosto settembre ottobre novembre dicembre"
    ),
    date_format="{day} {month} {year}",
    conjunction="e",
    subjects=("Candidatura per la posizione di {role}", "Candidatura: {role}"),
    greetings=("Gentili Signore e Signori,", "Spettabile {company},"),
    openings=(
        "Con la presente desidero candidarmi per la posizione di {role} presso {company}.",
        "Ho letto con grande interesse l'offerta per la posizione di {role} presso {company} "
        "e desidero proporre la mia candidatura.",
    ),
    research=(
        "{sentence} È uno dei motivi per cui questa posizione mi attrae particolarmente.",
        "Mi ha colpito ciò che ho letto su {company}: {sentence}",
    ),
    experience_current=(
        "Attualmente lavoro come {title} presso {employer}.",
        "Ricopro attualmente il ruolo di {title} presso {employer}.",
    ),
    experience_past=(
        "L'esperienza più rilevante per questa posizione è quella di {title} presso {employer}.",
        "Come {title} presso {employer} ho maturato esperienza direttamente utile per questo "
        "ruolo.",
    ),
    experience_years=(
        "Complessivamente ho {years} anni di esperienza professionale.",
        "In totale vanto {years} anni di esperienza professionale.",
    ),
    example=("Ad esempio: {bullet}", "Un esempio da quel ruolo: {bullet}"),
    earlier=(
        "Ho inoltre lavorato come {title} presso {employer}.",
        "Il mio percorso comprende anche il ruolo di {title} presso {employer}.",
    ),
    education=("La mia formazione comprende {degree} ({institution}).",),
    skills=(
        "Le mie competenze in {skills} corrispondono ai requisiti della posizione di {role}.",
        "Posso mettere a disposizione le mie competenze in {skills} fin dal primo giorno.",
    ),
    motivation=(
        "Resto a disposizione per un colloquio in cui illustrare come posso contribuire a "
        "{company}.",
        "La ringrazio per l'attenzione e resto a disposizione per un colloquio.",
    ),
    closings=("Cordiali saluti,", "Distinti saluti,"),
    cv=CvHeadings(
        summary="Profilo",
        experience="Esperienza professionale",
        education="Formazione",
        certifications="Certificazioni",
        skills="Competenze",
        languages="Lingue",
        present="oggi",
    ),
    stopwords=frozenset(
        word_list(
            "il lo la i gli le e di del della un una per con è siamo nostro nostra in su che si "
            "al come più sono"
        )
    ),
    names=frozenset(
        word_list(
            "Gentili Gentile Signore Signori Spettabile Cordiali Distinti Italiano Inglese Tedesco "
            "Francese Spagnolo Olandese Lunedì Martedì Mercoledì Giovedì Venerdì Sabato "
            "Domenica"
        )
    ),
)
