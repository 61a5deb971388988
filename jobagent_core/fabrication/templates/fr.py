"""French letter phrasing."""

from jobagent_core.fabrication.templates import CvHeadings, LetterPhrases, word_list

PHRASES = LetterPhrases(
    language="fr",
    months=word_list(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ),
    date_format="{day} {month} {year}",
    conjunction="et",
    subjects=("Candidature au poste de {role}", "Candidature : {role}"),
    greetings=("Madame, Monsieur,", "Chère équipe {company},"),
    openings=(
        "Je vous adresse ma candidature pour le poste de {role} chez {company}.",
        "C'est avec un grand intérêt que je postule au poste de {role} au sein de {company}.",
        "Le poste de {role} chez {company} a retenu toute mon attention, et je souhaite vous "
        "proposer ma candidature.",
    ),
    research=(
        "{sentence} C'est l'une des raisons pour lesquelles ce poste m'attire particulièrement.",
        "Ce que j'ai lu sur {company} a retenu mon attention : {sentence}",
    ),
    experience_current=(
        "J'occupe actuellement le poste de {title} chez {employer}.",
        "Je travaille actuellement en tant que {title} chez {employer}.",
    ),
    experience_past=(
        "Mon expérience la plus pertinente pour ce poste est celle de {title} chez {employer}.",
        "En tant que {title} chez {employer}, j'ai acquis une expérience directement utile "
        "pour ce poste.",
    ),
    experience_years=(
        "Au total, je dispose de {years} ans d'expérience professionnelle.",
        "J'ai au total {years} ans d'expérience professionnelle.",
    ),
    example=("Par exemple : {bullet}", "Un exemple tiré de ce poste : {bullet}"),
    earlier=(
        "J'ai également travaillé en tant que {title} chez {employer}.",
        "Mon parcours comprend aussi le poste de {title} chez {employer}.",
    ),
    education=(
        "Ma formation comprend {degree} ({institution}).",
        "J'ai suivi la formation {degree} ({institution}).",
    ),
    skills=(
        "Mes compétences en {skills} correspondent aux exigences du poste de {role}.",
        "Je peux mettre à votre service mes compétences en {skills} dès mon arrivée.",
        "Le poste demande {skills} : autant de compétences que j'utilise au quotidien dans "
        "mon travail.",
    ),
    motivation=(
        "J'aimerais échanger avec vous sur la manière dont je peux contribuer aux projets de "
        "l'équipe {company}.",
        "Je me tiens à votre disposition pour un entretien afin de vous présenter plus en "
        "détail mon parcours.",
        "Je vous remercie de l'attention portée à ma candidature et reste à votre disposition "
        "pour un entretien.",
    ),
    closings=(
        "Je vous prie d'agréer l'expression de mes salutations distinguées.",
        "Veuillez agréer mes salutations distinguées.",
        "Cordialement,",
    ),
    cv=CvHeadings(
        summary="Profil",
        experience="Expérience professionnelle",
        education="Formation",
        skills="Compétences",
        languages="Langues",
        present="aujourd'hui",
    ),
    stopwords=frozenset(
        word_list(
            "le la les et de des du un une pour avec est nous vous votre vos notre nos dans sur "
            "par au aux que qui en ce cette sont être"
        )
    ),
    names=frozenset(
        word_list(
            "Madame Monsieur Mesdames Messieurs Chère Cher Cordialement Bonjour Français Française "
            "Anglais Allemand Espagnol Italien Néerlandais Polonais Lundi Mardi Mercredi Jeudi "
            "Vendredi Samedi Dimanche Candidature Poste CV"
        )
    ),
)
