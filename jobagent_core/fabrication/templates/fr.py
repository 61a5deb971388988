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
        "J'occupe actuellement le poste de {title} chez {employer}, une expérience que je "
        "souhaite mettre au service de {company}.",
        "Je travaille actuellement en tant que {title} chez {employer}, ce qui me prépare au "
        "poste de {role}.",
        "Pour le poste de {role}, je m'appuie sur mon activité actuelle de {title} chez "
        "{employer}.",
        "Ce que j'apporterais à {company} vient avant tout de mon poste actuel de {title} chez "
        "{employer}.",
        "Chez {employer}, où je travaille en tant que {title}, j'ai acquis l'expérience que je "
        "propose à {company}.",
    ),
    experience_past=(
        "Mon expérience la plus pertinente pour le poste de {role} est celle de {title} chez "
        "{employer}.",
        "En tant que {title} chez {employer}, j'ai acquis une expérience que je souhaite mettre "
        "au service de {company}.",
        "Pour {company}, mon expérience de {title} chez {employer} est la plus utile.",
        "Mon passage en tant que {title} chez {employer} est le plus proche du poste de {role}.",
    ),
    experience_years=(
        "Au total, je dispose de {years} ans d'expérience professionnelle à mettre au service "
        "de {company}.",
        "J'ai au total {years} ans d'expérience professionnelle, que je souhaite apporter à "
        "{company}.",
        "Je rejoindrais {company} avec {years} ans d'expérience professionnelle.",
        "Mes {years} ans d'expérience professionnelle sont ce que je propose à {company}.",
    ),
    example=(
        "Par exemple, en pensant au poste de {role} : {bullet}",
        "Un exemple utile pour {company} : {bullet}",
        "Un exemple concret pour {company} : {bullet}",
        "Un exemple tiré de ce poste, en lien avec le poste de {role} : {bullet}",
    ),
    earlier=(
        "J'ai également travaillé en tant que {title} chez {employer}, ce qui m'a aussi "
        "préparé pour {company}.",
        "Mon parcours comprend aussi le poste de {title} chez {employer}, utile pour le poste "
        "de {role}.",
        "Auparavant, j'ai travaillé en tant que {title} chez {employer}, un atout pour {company}.",
    ),
    education=(
        "Ma formation comprend {degree} ({institution}), une bonne base pour le poste de {role}.",
        "J'ai suivi la formation {degree} ({institution}), sur laquelle je m'appuierais chez "
        "{company}.",
        "Pour le poste de {role}, je m'appuie aussi sur {degree} ({institution}).",
        "Ma formation, {degree} ({institution}), est une base que j'apporterais à {company}.",
    ),
    skills=(
        "Mes compétences en {skills} correspondent aux exigences du poste de {role}.",
        "Je peux mettre mes compétences en {skills} au service de {company} dès mon arrivée.",
        "Chez {company}, je mettrais mes compétences en {skills} en pratique dès le début.",
        "Pour le poste de {role}, j'apporte des compétences pratiques en {skills}.",
    ),
    motivation=(
        "J'aimerais échanger avec vous sur la manière dont je peux contribuer aux projets de "
        "l'équipe {company}.",
        "Je me tiens à votre disposition pour un entretien afin de vous présenter plus en "
        "détail mon parcours pour le poste de {role}.",
        "Je vous remercie de l'attention portée à ma candidature chez {company} et reste à "
        "votre disposition pour un entretien.",
        "Je serais heureux d'expliquer lors d'un entretien ce que je pourrais apporter à "
        "{company} en tant que {role}.",
        "Je serais ravi de rencontrer l'équipe de {company} pour parler du poste de {role}.",
    ),
    closings=(
        "Je vous prie d'agréer l'expression de mes salutations distinguées.",
        "Veuillez agréer mes salutations distinguées.",
        "Cordialement,",
    ),
    skills_asked=(
        "Le poste de {role} demande {skills} : autant de compétences que j'utilise au quotidien "
        "dans mon travail.",
        "Votre annonce mentionne {skills} ; ce sont des compétences que j'utilise dans mon "
        "travail.",
    ),
    cv=CvHeadings(
        summary="Profil",
        experience="Expérience professionnelle",
        education="Formation",
        certifications="Certifications",
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
