"""Teaching, early-childhood and research families."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

from jobagent_core.discovery.sample_data.bank import Family, Role, Texts

TEACHING = Family(
    id="teaching",
    label="Primary and secondary teaching",
    count=75,
    sectors=("school",),
    tools=(
        "Google Classroom",
        "Microsoft Teams",
        "interactive whiteboards",
        "SIMS",
        "Seesaw",
        "Kahoot!",
        "Oak National Academy resources",
    ),
    roles=(
        Role(
            "primary",
            titles={
                "en": {
                    "junior": (
                        "GB|Early Career Teacher – Primary",
                        "GB|Teaching Assistant – Key Stage 1",
                        "US,CA|First-Year Teacher – Elementary",
                    ),
                    "mid": (
                        "!US,CA|Primary Teacher (Year 4)",
                        "GB|Class Teacher – Key Stage 2",
                        "US,CA|Elementary School Teacher (Grade 3)",
                    ),
                    "senior": (
                        "GB|Experienced Primary Teacher with TLR",
                        "!GB|Senior Primary Teacher",
                    ),
                    "lead": (
                        "GB|Phase Leader – Early Years and KS1",
                        "!US,CA|Assistant Headteacher",
                        "US,CA|Assistant Principal",
                    ),
                    "executive": (
                        "!US,CA|Headteacher – Primary",
                        "US,CA|Elementary School Principal",
                    ),
                },
                "de": {
                    "junior": ("Grundschullehrer{g} (Berufseinstieg)",),
                    "mid": ("Grundschullehrkraft{g}", "Klassenlehrer{g} Grundschule"),
                    "lead": ("Stellvertretende Schulleitung{g} Grundschule",),
                    "executive": ("Schulleiter{g} Grundschule",),
                },
                "fr": {
                    "mid": (
                        "Professeur des écoles (établissement privé sous contrat)",
                        "Enseignant en école primaire bilingue",
                    ),
                    "executive": ("Directeur d'école primaire",),
                },
                "es": {
                    "junior": ("Maestro/a de Educación Primaria (sustitución)",),
                    "mid": ("Maestro/a de Educación Primaria", "Tutor/a de 3.º de Primaria"),
                    "executive": ("Director/a de colegio",),
                },
            },
            weight=3,
            duties={
                "en": (
                    "Plan and teach engaging lessons across the elementary curriculum, with a focus on early reading and maths",
                    "Track each child's progress and adapt teaching for those who need more support or more challenge",
                ),
                "de": (
                    "Unterricht in den Fächern Deutsch, Mathematik und Sachunterricht",
                    "Individuelle Förderung und Lernstandsbeobachtung",
                ),
                "fr": (
                    "Enseigner l'ensemble des disciplines du cycle 2 ou 3",
                    "Assurer le suivi individualisé des élèves",
                ),
                "es": (
                    "Impartir las áreas de Lengua, Matemáticas y Conocimiento del Medio",
                    "Realizar la tutoría del grupo y el seguimiento de cada alumno",
                ),
            },
        ),
        Role(
            "secondary",
            titles={
                "en": {
                    "junior": (
                        "GB|Early Career Teacher – Mathematics",
                        "GB|Trainee Teacher – Science",
                        "US,CA|First-Year High School Science Teacher",
                    ),
                    "mid": (
                        "!US,CA|Teacher of Mathematics",
                        "!US,CA|Teacher of Science (Chemistry specialism)",
                        "English Teacher",
                        "Computer Science Teacher",
                        "US,CA|High School Math Teacher",
                        "!US,CA|Teacher of Modern Foreign Languages (French/Spanish)",
                    ),
                    "senior": ("GB|Second in Department – English", "Experienced History Teacher"),
                    "lead": (
                        "Head of Mathematics",
                        "Head of Science",
                        "GB|Head of Year 9",
                        "US,CA|Department Chair – Science",
                    ),
                    "executive": (
                        "!US,CA|Headteacher – Secondary",
                        "!US,CA|Deputy Headteacher",
                        "US,CA,AU|Principal – High School",
                    ),
                },
                "de": {
                    "junior": ("Lehrkraft{g} im Vorbereitungsdienst",),
                    "mid": (
                        "Lehrkraft{g} für Mathematik und Physik (Sek. I/II)",
                        "Lehrer{g} für Deutsch und Englisch",
                        "Lehrkraft{g} für Informatik",
                        "Lehrkraft{g} für Biologie und Chemie",
                    ),
                    "senior": ("Oberstufenkoordinator{g}",),
                    "lead": ("Fachbereichsleitung{g} Naturwissenschaften",),
                    "executive": ("Schulleiter{g} Gymnasium",),
                },
                "fr": {
                    "junior": ("Professeur contractuel de mathématiques",),
                    "mid": (
                        "Professeur de mathématiques (collège)",
                        "Professeur de physique-chimie (lycée)",
                        "Professeur d'anglais – lycée international",
                        "Professeur d'histoire-géographie",
                    ),
                    "lead": ("Coordinateur pédagogique – sciences",),
                    "executive": ("Chef d'établissement (collège-lycée)",),
                },
                "es": {
                    "mid": (
                        "Profesor/a de Matemáticas (Secundaria y Bachillerato)",
                        "Profesor/a de Inglés",
                        "Profesor/a de Física y Química",
                    ),
                    "lead": ("Jefe/a de Estudios",),
                },
            },
            weight=4,
            duties={
                "en": (
                    "GB|Teach your subject to Key Stage 3–5 (ages 11–18) and prepare students for GCSE and A-level exams",
                    "US,CA|Teach grades 9–12 and prepare students for state assessments and AP exams",
                    "!GB,US,CA|Teach your subject across lower and upper secondary and prepare students for final exams",
                    "Set and mark homework and assessments and give feedback students can act on",
                ),
                "de": (
                    "Fachunterricht in der Sekundarstufe I und II bis zum Abitur",
                    "Erstellung und Korrektur von Klassenarbeiten und Klausuren",
                ),
                "fr": (
                    "Enseigner votre discipline du collège au lycée et préparer les élèves au brevet et au baccalauréat",
                    "Concevoir les évaluations et assurer un retour constructif",
                ),
                "es": (
                    "Impartir la asignatura en Secundaria y Bachillerato y preparar los exámenes finales",
                    "Diseñar y corregir evaluaciones",
                ),
            },
        ),
        Role(
            "sen",
            titles={
                "en": {
                    "mid": ("!US,CA|SEN Teacher", "US,CA|Special Education Teacher"),
                    "lead": ("GB|SENCo (Special Educational Needs Coordinator)",),
                },
                "de": {"mid": ("Sonderpädagoge{g} / Förderschullehrkraft{g}",)},
                "fr": {"mid": ("Enseignant spécialisé (ULIS)",)},
                "es": {"mid": ("Maestro/a de Pedagogía Terapéutica",)},
            },
            duties={
                "en": (
                    "Teach small groups of pupils with autism and speech, language and communication needs",
                ),
                "de": (
                    "Förderung von Schülerinnen und Schülern mit sonderpädagogischem Förderbedarf",
                ),
                "fr": ("Accompagner les élèves en situation de handicap",),
                "es": ("Atender al alumnado con necesidades educativas especiales",),
            },
        ),
    ),
    levels={"junior": 20, "mid": 50, "senior": 10, "lead": 13, "executive": 7},
    employment={"full_time": 70, "part_time": 20, "temporary": 10},
    salary=52_000,
    texts={
        "en": Texts(
            titles={},
            field="as a qualified teacher",
            study="education or your specialist subject",
            mission=(
                "We are a friendly, oversubscribed school with supportive leadership and a strong focus on staff wellbeing",
                "Behaviour is good, classes are well resourced and you'll have a mentor in your first year",
                "We are part of a small trust that shares planning and training across its schools",
            ),
            duties=(
                "Create a calm, inclusive classroom where every pupil can succeed",
                "Work with parents and carers to support each child",
                "Contribute to the wider life of the school through clubs, trips and events",
                "Keep up to date with curriculum changes and share good practice",
                "Use data from assessments to plan next steps",
            ),
            skills=(
                "Strong subject knowledge and a passion for teaching it",
                "Good classroom management and high expectations",
                "Reflective practice and openness to feedback",
                "Commitment to safeguarding",
            ),
            extras=(
                "Experience with phonics schemes or mastery maths",
                "Willingness to run an after-school club",
            ),
            certs=(
                "GB|Qualified Teacher Status (QTS) or working towards it",
                "GB|Enhanced DBS check with barred list (we will process this)",
                "US|State teaching certificate in the relevant grade band",
                "CA|Certification with the provincial college of teachers",
                "AU|Registration with the state teacher registration board and a Working with Children Check",
                "IE|Registration with the Teaching Council",
                "A recognised teaching qualification (PGCE, B.Ed. or equivalent)",
            ),
            perks=(
                "GB|Teachers' Pension Scheme",
                "US|State teacher retirement plan",
                "Generous planning, preparation and assessment time",
                "Funded professional development",
            ),
        ),
        "de": Texts(
            titles={},
            field="im Schuldienst",
            study="Lehramt",
            mission=(
                "Wir sind eine engagierte Schulgemeinschaft mit kleinen Klassen und einem kollegialen Team",
                "Digitale Ausstattung mit Tablets und interaktiven Tafeln ist in allen Räumen vorhanden",
            ),
            duties=(
                "Gestaltung eines wertschätzenden, inklusiven Unterrichts",
                "Zusammenarbeit mit Eltern und Schulsozialarbeit",
                "Mitwirkung an Projekten, Klassenfahrten und Schulveranstaltungen",
                "Weiterentwicklung schulinterner Curricula",
            ),
            skills=(
                "Freude an der Arbeit mit Kindern und Jugendlichen",
                "Fachliche und didaktische Kompetenz",
                "Teamfähigkeit und Engagement",
            ),
            extras=(
                "Erfahrung mit bilingualem Unterricht",
                "Zusatzqualifikation Deutsch als Zweitsprache",
            ),
            certs=(
                "DE|Zweites Staatsexamen für das Lehramt oder vergleichbare Qualifikation",
                "!DE|Lehramtsstudium bzw. anerkannte Lehrbefähigung",
                "Erweitertes Führungszeugnis",
            ),
            perks=(
                "DE|Vergütung in Anlehnung an TV-L",
                "Kleine Lerngruppen",
                "Fortbildungen am Landesinstitut",
            ),
        ),
        "fr": Texts(
            titles={},
            field="en enseignement",
            study="enseignement (master MEEF) ou la discipline enseignée",
            mission=(
                "Notre établissement accueille des élèves de nombreuses nationalités dans une ambiance bienveillante",
                "Les classes sont à effectifs réduits et l'équipe pédagogique est soudée",
            ),
            duties=(
                "Créer un climat de classe serein et inclusif",
                "Entretenir un lien régulier avec les familles",
                "Participer aux projets, sorties et événements de l'établissement",
                "Travailler en équipe disciplinaire",
            ),
            skills=(
                "Excellente maîtrise de la discipline",
                "Goût pour la transmission",
                "Capacité à différencier son enseignement",
            ),
            extras=("Expérience en établissement international", "Certification FLE"),
            certs=(
                "FR|Master MEEF ou concours de l'enseignement (CRPE, CAPES) apprécié",
                "!FR|Titre pédagogique reconnu",
                "Extrait de casier judiciaire vierge",
            ),
            perks=("Classes à effectifs réduits", "Formation continue"),
        ),
        "es": Texts(
            titles={},
            field="en docencia",
            study="Magisterio o la especialidad correspondiente",
            mission=(
                "Somos un colegio con un proyecto educativo bilingüe y un claustro muy implicado",
                "Las ratios son reducidas y contamos con aulas digitalizadas",
            ),
            duties=(
                "Crear un clima de aula inclusivo",
                "Mantener una comunicación fluida con las familias",
                "Participar en proyectos y salidas del centro",
            ),
            skills=("Vocación docente", "Dominio de la materia", "Trabajo en equipo"),
            extras=("Nivel C1 de inglés", "Experiencia en metodologías activas"),
            certs=(
                "Título de Magisterio o máster habilitante para la docencia",
                "ES|Certificado negativo del Registro Central de Delincuentes Sexuales",
            ),
            perks=("Contrato estable", "Formación continua"),
        ),
    },
)

EARLY_YEARS = Family(
    id="early_childhood",
    label="Early childhood education and care",
    count=55,
    sectors=("nursery",),
    tools=("Tapestry", "Famly", "learning journals", "Montessori materials"),
    roles=(
        Role(
            "practitioner",
            titles={
                "en": {
                    "junior": (
                        "Nursery Assistant",
                        "GB|Apprentice Early Years Practitioner",
                        "US,CA|Preschool Teacher Assistant",
                    ),
                    "mid": (
                        "GB|Early Years Practitioner (Level 3)",
                        "!GB|Preschool Teacher",
                        "Room Leader – Toddlers",
                    ),
                    "senior": (
                        "GB|Early Years Teacher",
                        "Senior Nursery Practitioner",
                        "!GB|Lead Preschool Teacher",
                    ),
                    "lead": ("Deputy Nursery Manager", "Nursery Manager"),
                    "executive": ("Area Manager – Nurseries",),
                },
                "de": {
                    "junior": ("Kinderpfleger{g}", "Sozialassistent{g} in der Kita"),
                    "mid": (
                        "Erzieher{g} für unsere Krippe",
                        "Pädagogische Fachkraft{g} Kita",
                        "Erzieher{g} Elementarbereich",
                    ),
                    "senior": ("Kindheitspädagoge{g}",),
                    "lead": ("Stellvertretende Kita-Leitung{g}", "Kita-Leitung{g}"),
                    "executive": ("Fachbereichsleitung{g} Kindertagesstätten",),
                },
                "fr": {
                    "junior": ("Agent petite enfance (CAP AEPE)", "Auxiliaire de crèche"),
                    "mid": ("Auxiliaire de puériculture", "Éducateur de jeunes enfants (EJE)"),
                    "lead": ("Directeur de crèche", "Directeur adjoint de multi-accueil"),
                },
            },
            duties={
                "en": (
                    "Plan play-based activities that follow each child's interests and the early-years curriculum",
                    "Act as key person for a small group of children and keep their learning journals up to date",
                ),
                "de": (
                    "Planung und Durchführung altersgerechter Angebote nach dem Bildungsplan",
                    "Beobachtung und Dokumentation der Entwicklung der Kinder",
                ),
                "fr": (
                    "Proposer des activités d'éveil adaptées à chaque enfant",
                    "Être référent d'un petit groupe d'enfants",
                ),
            },
        ),
    ),
    levels={"junior": 35, "mid": 40, "senior": 8, "lead": 14, "executive": 3},
    employment={"full_time": 60, "part_time": 35, "temporary": 5},
    salary=38_000,
    hourly=True,
    texts={
        "en": Texts(
            titles={},
            field="in early years education or childcare",
            study="early childhood education",
            mission=(
                "Our nursery cares for 60 children aged six months to five years in bright rooms with a large garden",
                "We follow a child-led approach inspired by Reggio Emilia and spend time outdoors every day",
            ),
            duties=(
                "Support children's care routines, including meals, nappy changing and sleep, with warmth and respect",
                "Build strong relationships with parents and share daily updates",
                "Keep the environment safe, clean and inviting",
                "Follow safeguarding, health and safety and hygiene procedures",
                "Support children with additional needs alongside the SENCo",
            ),
            skills=(
                "A genuine love of working with young children",
                "Good understanding of child development",
                "Reliability and a positive, team-minded attitude",
                "Clear communication with parents",
            ),
            extras=("Forest-school experience", "Makaton or baby sign language"),
            certs=(
                "GB|A full and relevant Level 3 Early Years Educator qualification",
                "GB|Paediatric First Aid certificate",
                "US|CDA credential or an associate degree in early childhood education",
                "Enhanced background check",
            ),
            perks=(
                "Discounted childcare for your own children",
                "Paid training towards Level 5 or Early Years Teacher Status",
            ),
        ),
        "de": Texts(
            titles={},
            field="in der Kindertagesbetreuung",
            study="Kindheitspädagogik oder Erziehung",
            mission=(
                "Unsere Kita betreut 60 Kinder zwischen einem und sechs Jahren in hellen Räumen mit großem Garten",
                "Wir arbeiten nach einem offenen Konzept mit naturpädagogischem Schwerpunkt",
            ),
            duties=(
                "Liebevolle Begleitung im Alltag: Essen, Pflege, Schlafen",
                "Vertrauensvolle Zusammenarbeit mit den Eltern, inkl. Entwicklungsgesprächen",
                "Umsetzung des Kinderschutzkonzepts",
                "Gestaltung einer anregenden Lernumgebung",
            ),
            skills=(
                "Freude an der Arbeit mit Kindern",
                "Empathie, Geduld und Humor",
                "Teamfähigkeit und Zuverlässigkeit",
            ),
            extras=(
                "Erfahrung in der Eingewöhnung nach dem Berliner Modell",
                "Zusatzqualifikation Sprachförderung",
            ),
            certs=(
                "Staatliche Anerkennung als Erzieher:in oder vergleichbare pädagogische Qualifikation",
                "Erweitertes Führungszeugnis",
            ),
            perks=(
                "DE|Vergütung nach TVöD SuE",
                "Fünf Tage Fortbildung pro Jahr",
                "Betriebliche Altersvorsorge",
            ),
        ),
        "fr": Texts(
            titles={},
            field="dans l'accueil du jeune enfant",
            study="petite enfance",
            mission=(
                "Notre crèche accueille 40 enfants de 10 semaines à 3 ans",
                "Le projet pédagogique met l'accent sur la motricité libre et la nature",
            ),
            duties=(
                "Assurer les soins du quotidien (repas, change, sieste) avec bienveillance",
                "Échanger chaque jour avec les parents",
                "Veiller à la sécurité et à l'hygiène des espaces",
                "Participer aux réunions d'équipe et au projet pédagogique",
            ),
            skills=(
                "Bienveillance et patience",
                "Connaissance du développement de l'enfant",
                "Esprit d'équipe",
            ),
            extras=("Formation en langue des signes pour bébés",),
            certs=(
                "Diplôme d'État d'auxiliaire de puériculture, d'EJE ou CAP AEPE selon le poste",
            ),
            perks=("Places en crèche pour vos enfants", "Formations continues"),
        ),
    },
)

RESEARCH = Family(
    id="research_science",
    label="Research and laboratory science",
    count=60,
    sectors=("research", "research", "hospital", "manufacturing"),
    tools=(
        "qPCR",
        "cell culture",
        "CRISPR-Cas9",
        "flow cytometry",
        "HPLC",
        "LC-MS",
        "R",
        "Python",
        "GraphPad Prism",
        "electronic lab notebook",
        "SEM",
        "XRD",
    ),
    roles=(
        Role(
            "molecular",
            titles={
                "en": {
                    "intern": ("PhD Student – Molecular Biology",),
                    "junior": ("Research Assistant – Cell Biology", "Laboratory Technician"),
                    "mid": (
                        "Postdoctoral Researcher – Molecular Biology",
                        "Research Scientist – Cell Biology",
                    ),
                    "senior": ("Senior Scientist – Molecular Biology",),
                    "lead": ("Group Leader – Gene Editing", "Principal Investigator"),
                    "principal": ("Principal Scientist – Biology",),
                    "executive": ("Head of Biology Research",),
                },
                "de": {
                    "intern": ("Doktorand{g} Molekularbiologie",),
                    "junior": ("Biologielaborant{g}", "Technische Assistenz{g} (BTA/MTLA)"),
                    "mid": (
                        "Postdoc{g} Molekularbiologie",
                        "Wissenschaftlicher Mitarbeiter{g} Zellbiologie",
                    ),
                    "lead": ("Gruppenleiter{g} Molekularbiologie",),
                },
                "fr": {
                    "intern": ("Doctorant en biologie moléculaire",),
                    "junior": ("Technicien de laboratoire en biologie",),
                    "mid": (
                        "Chercheur postdoctoral – biologie cellulaire",
                        "Ingénieur de recherche en biologie moléculaire",
                    ),
                    "lead": ("Chef d'équipe de recherche",),
                },
            },
            tools=("qPCR", "CRISPR-Cas9", "cell culture", "flow cytometry", "Western blot"),
            weight=3,
            duties={
                "en": (
                    "Design and run experiments in cell culture, qPCR, CRISPR editing and flow cytometry",
                ),
                "de": (
                    "Planung und Durchführung von Experimenten (Zellkultur, qPCR, CRISPR, Durchflusszytometrie)",
                ),
                "fr": (
                    "Concevoir et réaliser des expériences de culture cellulaire, qPCR et CRISPR",
                ),
            },
        ),
        Role(
            "chemistry",
            titles={
                "en": {
                    "junior": ("QC Laboratory Analyst", "Junior Analytical Chemist"),
                    "mid": ("Analytical Chemist", "Research Chemist"),
                    "senior": ("Senior Analytical Scientist",),
                    "lead": ("QC Laboratory Manager",),
                    "principal": ("Principal Scientist – Analytical Development",),
                },
                "de": {
                    "junior": ("Chemielaborant{g}", "CTA{g} Analytik"),
                    "mid": ("Chemiker{g} Analytik", "Laborchemiker{g}"),
                    "lead": ("Laborleiter{g} Qualitätskontrolle",),
                },
                "fr": {
                    "junior": ("Technicien de laboratoire en chimie analytique",),
                    "mid": ("Ingénieur chimiste – analyse", "Chimiste R&D"),
                    "lead": ("Responsable de laboratoire contrôle qualité",),
                },
            },
            tools=("HPLC", "LC-MS", "GC", "NMR", "Empower"),
            weight=2,
            duties={
                "en": (
                    "Develop and validate HPLC and LC-MS methods under GMP",
                    "Write method reports and investigate out-of-specification results",
                ),
                "de": ("Entwicklung und Validierung von HPLC- und LC-MS-Methoden unter GMP",),
                "fr": ("Développer et valider des méthodes HPLC et LC-MS en environnement BPF",),
            },
        ),
        Role(
            "materials",
            titles={
                "en": {
                    "intern": ("PhD Student – Battery Materials",),
                    "mid": ("Materials Scientist", "Research Engineer – Battery Cells"),
                    "senior": ("Senior Materials Scientist",),
                    "lead": ("Team Lead – Electrochemistry",),
                },
                "de": {
                    "mid": (
                        "Materialwissenschaftler{g}",
                        "Wissenschaftlicher Mitarbeiter{g} Batterieforschung",
                    )
                },
                "fr": {"mid": ("Ingénieur de recherche matériaux",)},
            },
            tools=("SEM", "XRD", "electrochemical impedance spectroscopy", "glovebox", "Python"),
            duties={
                "en": (
                    "Synthesise and characterise cathode materials with XRD, SEM and electrochemical testing",
                ),
                "de": (
                    "Synthese und Charakterisierung von Elektrodenmaterialien (XRD, REM, Elektrochemie)",
                ),
                "fr": ("Synthétiser et caractériser des matériaux d'électrode",),
            },
        ),
        Role(
            "clinical_research",
            titles={
                "en": {
                    "junior": ("Clinical Trial Assistant",),
                    "mid": ("Clinical Research Associate", "Study Coordinator"),
                    "senior": ("Senior Clinical Research Associate",),
                    "lead": ("Clinical Project Manager",),
                },
                "de": {"mid": ("Clinical Research Associate{g}", "Studienkoordinator{g}")},
                "fr": {
                    "mid": ("Attaché de recherche clinique (ARC)", "Technicien d'études cliniques")
                },
            },
            tools=("ICH-GCP", "Medidata Rave", "eTMF"),
            sectors=("hospital", "research"),
            duties={
                "en": ("Monitor clinical trial sites for GCP compliance and data quality",),
                "de": ("Monitoring klinischer Prüfzentren nach ICH-GCP",),
                "fr": ("Assurer le monitoring des centres investigateurs selon les BPC",),
            },
        ),
        Role(
            "environment",
            titles={
                "en": {
                    "mid": ("Environmental Scientist", "Climate Data Scientist"),
                    "senior": ("Senior Research Fellow – Ocean Science",),
                },
                "de": {"mid": ("Umweltwissenschaftler{g}",)},
                "fr": {"mid": ("Chargé de recherche en sciences de l'environnement",)},
            },
            tools=("R", "QGIS", "NetCDF", "field sampling"),
            duties={
                "en": ("Collect field samples and analyse environmental data sets in R and QGIS",),
                "de": ("Probenahme im Gelände und Auswertung von Umweltdaten mit R und QGIS",),
                "fr": (
                    "Réaliser des campagnes de terrain et analyser les données environnementales",
                ),
            },
        ),
    ),
    levels={
        "intern": 8,
        "junior": 22,
        "mid": 38,
        "senior": 16,
        "lead": 10,
        "principal": 4,
        "executive": 2,
    },
    employment={"full_time": 70, "temporary": 25, "part_time": 5},
    salary=56_000,
    intern_contract="temporary",
    global_market=True,
    local_share=0.55,
    texts={
        "en": Texts(
            titles={},
            field="in laboratory or scientific research",
            study="biology, chemistry, physics, materials science or a related discipline",
            mission=(
                "You'll join an interdisciplinary team of about 25 scientists with state-of-the-art equipment and strong industry links",
                "Our research has been published in leading journals and two of our projects are now in clinical or commercial development",
            ),
            duties=(
                "Keep meticulous records in the electronic lab notebook",
                "Analyse data with {tool} and {tool2} and present results at group meetings",
                "Write papers, reports and contributions to grant applications",
                "Maintain equipment and follow safety and quality procedures",
                "Train and supervise students and technicians",
            ),
            skills=(
                "Hands-on laboratory experience with {tools}",
                "Rigorous experimental design and data analysis",
                "Clear scientific writing in English",
                "Ability to work independently and in a team",
            ),
            extras=(
                "Programming in Python or R",
                "Experience working under GLP or GMP",
                "A publication record in peer-reviewed journals",
            ),
            certs=("A PhD in a relevant field (for scientist and postdoctoral roles)",),
            perks=("Conference travel budget", "Access to core facilities and training"),
        ),
        "de": Texts(
            titles={},
            field="in der Forschung oder im Labor",
            study="Biologie, Chemie, Physik oder Materialwissenschaften",
            mission=(
                "Das interdisziplinäre Team aus rund 25 Wissenschaftlerinnen und Wissenschaftlern verfügt über eine hervorragende Ausstattung",
                "Die Stelle ist im Rahmen eines drittmittelfinanzierten Projekts zunächst auf drei Jahre befristet",
            ),
            duties=(
                "Sorgfältige Dokumentation im elektronischen Laborbuch",
                "Auswertung der Daten mit {tool} und {tool2}",
                "Mitarbeit an Publikationen und Förderanträgen",
                "Betreuung von Studierenden und Geräten",
            ),
            skills=(
                "Praktische Laborerfahrung mit {tools}",
                "Sorgfältige, strukturierte Arbeitsweise",
                "Gute Englischkenntnisse in Wort und Schrift",
            ),
            extras=("Programmierkenntnisse in Python oder R", "Erfahrung unter GLP/GMP"),
            certs=(
                "Abgeschlossenes Hochschulstudium (Master) bzw. Promotion für Postdoc-Stellen",
                "Abgeschlossene Ausbildung als Laborant:in für technische Stellen",
            ),
            perks=(
                "DE|Vergütung nach TV-L E13 bzw. E9 für technische Stellen",
                "Flexible Arbeitszeiten",
                "Zugang zu Core Facilities",
            ),
        ),
        "fr": Texts(
            titles={},
            field="en recherche ou en laboratoire",
            study="biologie, chimie, physique ou sciences des matériaux",
            mission=(
                "Vous rejoindrez une équipe pluridisciplinaire d'environ 25 chercheurs disposant d'équipements de pointe",
                "Le poste est financé dans le cadre d'un projet de recherche de trois ans",
            ),
            duties=(
                "Tenir rigoureusement le cahier de laboratoire électronique",
                "Analyser les données avec {tool} et {tool2}",
                "Contribuer aux publications et aux demandes de financement",
                "Encadrer des stagiaires",
            ),
            skills=(
                "Expérience pratique de {tools}",
                "Rigueur expérimentale",
                "Anglais scientifique courant",
            ),
            extras=("Programmation Python ou R", "Expérience en environnement BPL ou BPF"),
            certs=(
                "Doctorat pour les postes de chercheur",
                "BTS ou DUT en biologie ou chimie pour les postes de technicien",
            ),
            perks=("Accès aux plateformes technologiques",),
        ),
    },
)

FAMILIES = (TEACHING, EARLY_YEARS, RESEARCH)
