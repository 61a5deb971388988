"""Spanish letter phrasing."""

from jobagent_core.fabrication.templates import CvHeadings, LetterPhrases, word_list

PHRASES = LetterPhrases(
    language="es",
    months=word_list(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
    date_format="{day} de {month} de {year}",
    conjunction="y",
    subjects=("Solicitud para el puesto de {role}", "Candidatura: {role}"),
    greetings=("Estimados señores:", "Estimado equipo de {company}:"),
    openings=(
        "Me dirijo a ustedes para presentar mi candidatura al puesto de {role} en {company}.",
        "Con gran interés presento mi candidatura para el puesto de {role} en {company}.",
    ),
    research=(
        "{sentence} Es una de las razones por las que este puesto me atrae especialmente.",
        "Me llamó la atención lo que leí sobre {company}: {sentence}",
    ),
    experience_current=(
        "Actualmente trabajo como {title} en {employer}.",
        "En la actualidad ocupo el puesto de {title} en {employer}.",
    ),
    experience_past=(
        "Mi experiencia más relevante para este puesto es la de {title} en {employer}.",
        "Como {title} en {employer} adquirí experiencia directamente aplicable a este puesto.",
    ),
    experience_years=(
        "En total, cuento con {years} años de experiencia profesional.",
        "Reúno en total {years} años de experiencia profesional.",
    ),
    example=("Por ejemplo: {bullet}", "Un ejemplo de ese puesto: {bullet}"),
    earlier=(
        "También he trabajado como {title} en {employer}.",
        "Mi trayectoria incluye además el puesto de {title} en {employer}.",
    ),
    education=("Mi formación incluye {degree} ({institution}).",),
    skills=(
        "Mis conocimientos en {skills} se ajustan a los requisitos del puesto de {role}.",
        "Puedo aportar mis conocimientos en {skills} desde el primer día.",
    ),
    motivation=(
        "Me encantaría explicarles en una entrevista cómo puedo contribuir a {company}.",
        "Les agradezco su atención y quedo a su disposición para una entrevista.",
    ),
    closings=("Atentamente,", "Un cordial saludo,"),
    cv=CvHeadings(
        summary="Perfil",
        experience="Experiencia profesional",
        education="Formación",
        certifications="Certificaciones",
        skills="Competencias",
        languages="Idiomas",
        present="actualidad",
    ),
    stopwords=frozenset(
        word_list(
            "el la los las y de del un una para con es somos nuestro nuestra en por que se su sus "
            "al como más"
        )
    ),
    names=frozenset(
        word_list(
            "Estimados Estimado Estimada Señores Señoras Atentamente Saludo Español Inglés Alemán "
            "Francés Italiano Neerlandés Lunes Martes Miércoles Jueves Viernes Sábado Domingo"
        )
    ),
)
