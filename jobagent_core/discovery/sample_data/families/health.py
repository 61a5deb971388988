"""Nursing, medicine, allied health and pharmacy families.

Critical-care nursing and other nursing are separate families: the general
nursing texts never mention intensive or critical care."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

from jobagent_core.discovery.sample_data.bank import Family, Role, Texts

_SHIFTS = {"full_time": 70, "part_time": 25, "temporary": 3, "contract": 2}
_NURSE_REGISTRATION = (
    "GB|Active NMC registration as an adult nurse", "IE|Registration with the NMBI (General Nursing division)",
    "US|Active RN license in the state, or a multistate compact license", "US|BLS certification (American Heart Association)",
    "CA|Registration with the provincial college of nurses as an RN", "AU|AHPRA registration as a Registered Nurse",
    "NZ|Registration with the Nursing Council of New Zealand", "AE|DHA nursing licence, or eligibility to obtain one",
    "SG|Registration with the Singapore Nursing Board", "ZA|Registration with the South African Nursing Council",
)  # fmt: skip

ICU = Family(
    id="nursing_icu",
    label="Intensive and critical care nursing",
    count=65,
    sectors=("hospital",),
    tools=(
        "Dräger Evita ventilators",
        "Hamilton ventilators",
        "PiCCO monitoring",
        "Prismaflex CRRT",
        "arterial and central lines",
        "Philips IntelliVue monitors",
        "Epic",
        "infusion pumps",
    ),
    roles=(
        Role(
            "adult",
            {"en": "Intensive Care", "de": "Intensivstation", "fr": "réanimation polyvalente"},
            weight=5,
        ),
        Role(
            "cardiac",
            {
                "en": "Cardiothoracic ICU",
                "de": "Kardiochirurgische Intensivstation",
                "fr": "réanimation cardiaque",
            },
            duties={
                "en": (
                    "Care for patients after cardiac surgery, including those on intra-aortic balloon pumps and temporary pacing",
                ),
                "de": (
                    "Versorgung von Patientinnen und Patienten nach herzchirurgischen Eingriffen, inkl. IABP und passagerem Schrittmacher",
                ),
                "fr": ("Prendre en charge les patients en post-opératoire de chirurgie cardiaque",),
            },
        ),
        Role(
            "neuro",
            {
                "en": "Neuro ICU",
                "de": "Neurologische Intensivstation",
                "fr": "réanimation neurochirurgicale",
            },
            duties={
                "en": (
                    "Monitor intracranial pressure and neurological status after brain injury, stroke and neurosurgery",
                ),
                "de": (
                    "Überwachung von Hirndruck und neurologischem Status nach Schädel-Hirn-Trauma und Schlaganfall",
                ),
                "fr": (
                    "Surveiller la pression intracrânienne et l'état neurologique des patients",
                ),
            },
        ),
        Role(
            "paediatric",
            {
                "en": "Paediatric Intensive Care (PICU)",
                "de": "Kinderintensivstation",
                "fr": "réanimation pédiatrique",
            },
            duties={
                "en": (
                    "Care for critically ill children from infancy to 16 and support their parents at the bedside",
                ),
                "de": ("Pflege schwerstkranker Kinder und Begleitung der Eltern",),
                "fr": (
                    "Prendre en charge des enfants en situation critique et accompagner les parents",
                ),
            },
        ),
        Role(
            "neonatal",
            {
                "en": "Neonatal Intensive Care (NICU)",
                "de": "Neonatologische Intensivstation",
                "fr": "réanimation néonatale",
            },
            duties={
                "en": (
                    "Care for premature and sick newborns, including those on CPAP and conventional ventilation",
                ),
                "de": ("Versorgung Früh- und kranker Neugeborener, inkl. CPAP und Beatmung",),
            },
        ),
    ),
    levels={"junior": 15, "mid": 45, "senior": 20, "lead": 13, "principal": 2, "executive": 5},
    employment=_SHIFTS,
    salary=50_000,
    hourly=True,
    texts={
        "en": Texts(
            titles={
                "junior": ("Newly Qualified Nurse – {role}", "Graduate Registered Nurse – {role}"),
                "mid": (
                    "Registered Nurse – {role}",
                    "ICU Staff Nurse",
                    "Critical Care Nurse",
                    "Critical Care Staff Nurse – {role}",
                    "ICU Registered Nurse (Nights)",
                ),
                "senior": (
                    "GB|Senior Staff Nurse – Critical Care (Band 6)",
                    "Senior ICU Nurse",
                    "Clinical Nurse Educator – Intensive Care",
                ),
                "lead": (
                    "Charge Nurse – ICU",
                    "GB|Critical Care Sister / Charge Nurse (Band 7)",
                    "ICU Nurse Manager",
                ),
                "principal": ("Clinical Nurse Specialist – Critical Care",),
                "executive": ("GB,IE|Matron – Critical Care", "Director of Critical Care Nursing"),
            },
            field="in intensive or critical care nursing",
            study="nursing",
            mission=(
                "Our 24-bed mixed intensive care unit cares for medical, surgical and trauma patients, with nurse-to-patient ratios of 1:1 or 1:2",
                "You'll be part of a supportive team of around 120 critical care nurses, with a structured competency programme for new starters",
                "We are a level 3 critical care unit with our own outreach team and an ICU follow-up clinic",
                "The unit is expanding by six beds this year, and we are growing the team to match",
            ),
            duties=(
                "Provide one-to-one and one-to-two care for critically ill patients, including ventilated patients",
                "Manage invasive monitoring (arterial lines, central venous catheters) and titrate vasoactive infusions to targets",
                "Care for patients on mechanical ventilation, non-invasive ventilation and high-flow oxygen",
                "Run continuous renal replacement therapy (CRRT) and manage its anticoagulation",
                "Assess sedation and delirium (RASS, CAM-ICU) and work towards early mobilisation",
                "Recognise deterioration early and respond as part of the rapid response and outreach team",
                "Join ward rounds and communicate clearly with intensivists, physiotherapists and families",
                "Support families through difficult conversations, including end-of-life care on the unit",
                "Assist with intubation, tracheostomy care, proning and transfers to CT and theatre",
                "Contribute to ICU quality work such as ventilator-associated pneumonia and line-infection prevention",
                "Supervise student nurses and support newly qualified colleagues",
            ),
            skills=(
                "Experience caring for ventilated patients",
                "Confidence interpreting arterial blood gases",
                "Sound knowledge of sepsis management and haemodynamic monitoring",
                "Calm, clear communication in high-pressure situations",
                "A strong commitment to patient safety and teamwork",
                "Flexibility to work 12-hour day and night shifts, including weekends",
            ),
            extras=(
                "ECMO experience",
                "A post-graduate qualification in critical care nursing",
                "Experience as a preceptor or practice supervisor",
                "Experience with the CCRN exam or critical care competencies",
            ),
            certs=(
                *_NURSE_REGISTRATION,
                "US|ACLS certification; CCRN preferred",
                "GB|ALS or ILS certification",
                "A post-registration critical care course, or willingness to complete one",
            ),
            perks=(
                "A funded post-graduate critical care course",
                "Enhanced pay for nights, weekends and bank holidays",
                "Relocation support for internationally educated nurses",
                "Protected study days every year",
            ),
        ),
        "de": Texts(
            titles={
                "junior": (
                    "Berufseinsteiger{g} Pflege – {role}",
                    "Pflegefachkraft{g} für die {role} (Berufseinstieg)",
                ),
                "mid": (
                    "Pflegefachkraft{g} {role}",
                    "Gesundheits- und Krankenpfleger{g} für die {role}",
                    "Pflegefachfrau/-mann{g} Intensivpflege",
                    "Intensivpflegekraft{g}",
                ),
                "senior": (
                    "Fachkrankenpfleger{g} für Intensivpflege und Anästhesie",
                    "Praxisanleiter{g} Intensivstation",
                ),
                "lead": (
                    "Stationsleitung{g} Intensivstation",
                    "Stellvertretende Stationsleitung{g} {role}",
                ),
                "principal": ("Pflegeexperte{g} Intensivpflege (APN)",),
                "executive": ("Pflegerische Bereichsleitung{g} Intensivmedizin",),
            },
            field="in der Intensivpflege",
            study="Pflege",
            mission=(
                "Unsere interdisziplinäre Intensivstation verfügt über 24 Betten und versorgt internistische, chirurgische und Traumapatienten",
                "Ein Pflegeschlüssel von 1:2 ist bei uns gelebter Standard",
                "Neue Kolleginnen und Kollegen werden von erfahrenen Praxisanleitenden strukturiert eingearbeitet",
            ),
            duties=(
                "Ganzheitliche Pflege und Überwachung beatmeter und schwerstkranker Patientinnen und Patienten",
                "Management invasiver Zugänge (arterielle Katheter, ZVK) und Steuerung katecholaminpflichtiger Therapien",
                "Betreuung invasiver und nicht-invasiver Beatmung sowie High-Flow-Therapie",
                "Durchführung kontinuierlicher Nierenersatzverfahren (CVVHD)",
                "Sedierungs- und Delirmanagement (RASS, CAM-ICU) sowie Frühmobilisation",
                "Mitwirkung bei Intubation, Bauchlagerung und Transporten in CT und OP",
                "Begleitung von Angehörigen, auch in der Palliativsituation",
                "Anleitung von Auszubildenden und neuen Kolleginnen und Kollegen",
            ),
            skills=(
                "Erfahrung in der Versorgung beatmeter Patientinnen und Patienten",
                "Sicherheit in der Interpretation von Blutgasanalysen",
                "Teamfähigkeit, Belastbarkeit und Empathie",
                "Bereitschaft zum Schichtdienst inkl. Wochenenden und Nächten",
            ),
            extras=("Erfahrung mit ECMO", "Weiterbildung zur Praxisanleitung"),
            certs=(
                "Abgeschlossene Ausbildung als Pflegefachfrau/-mann oder Gesundheits- und Krankenpfleger:in",
                "DE|Fachweiterbildung Intensivpflege und Anästhesie (DKG) oder Bereitschaft, diese zu absolvieren",
                "AT|Sonderausbildung Intensivpflege nach GuKG oder Bereitschaft dazu",
                "CH|Diplom HF Pflege und Nachdiplomstudium (NDS HF) Intensivpflege oder Bereitschaft dazu",
            ),
            perks=(
                "DE|Bezahlung nach TVöD-K inkl. Intensivzulage",
                "!DE|Attraktive Vergütung inkl. Intensivzulage",
                "Finanzierte Fachweiterbildung Intensiv und Anästhesie",
                "Verlässliche Dienstpläne mit Wunschdienstbuch",
                "DE|Betriebliche Altersvorsorge (ZVK)",
            ),
        ),
        "fr": Texts(
            titles={
                "junior": ("Infirmier jeune diplômé – {role}",),
                "mid": (
                    "Infirmier en {role}",
                    "IDE en {role}",
                    "Infirmier en soins intensifs",
                    "Infirmier USC / réanimation",
                ),
                "senior": ("Infirmier référent en {role}", "Infirmier expérimenté en réanimation"),
                "lead": (
                    "Cadre de santé – {role}",
                    "Faisant fonction de cadre de santé en réanimation",
                ),
                "principal": ("Infirmier en pratique avancée (IPA) – réanimation",),
                "executive": ("Cadre supérieur de santé – pôle réanimation",),
            },
            field="en réanimation ou en soins intensifs",
            study="soins infirmiers",
            mission=(
                "Le service de réanimation compte 24 lits et accueille des patients médicaux, chirurgicaux et traumatologiques",
                "Un tutorat structuré est proposé aux nouveaux arrivants",
                "Le ratio est d'un infirmier pour deux patients, conformément aux recommandations",
            ),
            duties=(
                "Assurer la prise en charge globale de patients en situation critique, dont des patients ventilés",
                "Gérer les dispositifs invasifs (cathéters artériels, voies veineuses centrales) et les amines vasopressives",
                "Surveiller la ventilation invasive et non invasive",
                "Mettre en œuvre l'épuration extrarénale continue",
                "Évaluer la sédation et la douleur et participer à la mobilisation précoce",
                "Participer aux transferts vers le bloc et l'imagerie",
                "Accompagner les familles, y compris en fin de vie",
                "Encadrer les étudiants infirmiers",
            ),
            skills=(
                "Expérience en réanimation, soins intensifs ou urgences",
                "Maîtrise des gestes techniques et de la surveillance hémodynamique",
                "Sang-froid, rigueur et esprit d'équipe",
                "Disponibilité pour le travail en 12 heures de jour comme de nuit",
            ),
            extras=("DU de réanimation ou de soins intensifs", "Expérience de l'ECMO"),
            certs=(
                "FR|Diplôme d'État d'infirmier (DEI)",
                "FR|Inscription à l'Ordre national des infirmiers",
                "!FR|Diplôme d'infirmier reconnu dans le pays",
                "Diplôme d'État de puéricultrice pour la réanimation pédiatrique ou néonatale",
            ),
            perks=(
                "FR|Prime de soins critiques",
                "Formation d'adaptation à l'emploi en réanimation",
                "Crèche hospitalière",
            ),
        ),
    },
)

NURSING = Family(
    id="nursing_general",
    label="Nursing (wards, community, mental health, theatres)",
    count=90,
    sectors=("hospital", "hospital", "care", "clinic"),
    tools=(
        "electronic patient record",
        "Epic",
        "Cerner",
        "medication administration record",
        "Braden scale",
        "NEWS2",
        "wound-care products",
        "syringe drivers",
    ),
    roles=(
        Role(
            "ward",
            titles={
                "en": {
                    "junior": (
                        "Newly Qualified Staff Nurse – Medical Ward",
                        "Graduate Nurse – Surgical Ward",
                    ),
                    "mid": (
                        "Staff Nurse – General Medicine",
                        "Registered Nurse – Medical/Surgical",
                        "Staff Nurse – Orthopaedics",
                    ),
                    "senior": (
                        "GB|Senior Staff Nurse – Surgical Ward (Band 6)",
                        "Deputy Ward Manager",
                        "Senior Registered Nurse – Medical/Surgical",
                    ),
                    "lead": ("Ward Manager – Elderly Care", "Nurse Unit Manager – Medical"),
                    "executive": ("Director of Nursing", "Chief Nursing Officer"),
                },
                "de": {
                    "junior": ("Pflegefachkraft{g} Innere Medizin (Berufseinstieg)",),
                    "mid": (
                        "Pflegefachkraft{g} für die Allgemeinchirurgie",
                        "Gesundheits- und Krankenpfleger{g} Innere Medizin",
                        "Pflegefachfrau/-mann{g} Normalstation",
                    ),
                    "senior": ("Praxisanleiter{g} Pflege",),
                    "lead": ("Stationsleitung{g} Innere Medizin",),
                    "executive": ("Pflegedirektor{g}", "Pflegedienstleitung{g}"),
                },
                "fr": {
                    "junior": ("Infirmier jeune diplômé – médecine",),
                    "mid": ("Infirmier en chirurgie", "IDE en service de médecine polyvalente"),
                    "senior": ("Infirmier référent en chirurgie orthopédique",),
                    "lead": ("Cadre de santé – médecine",),
                    "executive": ("Directeur des soins",),
                },
                "es": {
                    "junior": ("Enfermero/a recién titulado/a – planta de medicina interna",),
                    "mid": ("Enfermero/a de planta", "Enfermero/a de cirugía"),
                    "lead": ("Supervisor/a de Enfermería",),
                    "executive": ("Director/a de Enfermería",),
                },
            },
            weight=4,
            sectors=("hospital",),
            duties={
                "en": (
                    "Plan and deliver care for a bay of six to eight adult patients on a busy ward",
                    "Carry out admissions, discharges and handovers safely and on time",
                    "Monitor observations using NEWS2 and escalate deterioration promptly",
                ),
                "de": (
                    "Pflege und Betreuung von Patientinnen und Patienten auf einer Normalstation",
                    "Aufnahme-, Entlass- und Übergabemanagement",
                ),
                "fr": (
                    "Assurer les soins d'un secteur de huit à dix patients",
                    "Gérer les entrées, sorties et transmissions",
                ),
                "es": (
                    "Prestar cuidados de enfermería a pacientes hospitalizados en planta",
                    "Gestionar ingresos, altas y relevos de turno",
                ),
            },
        ),
        Role(
            "emergency",
            titles={
                "en": {
                    "mid": ("Emergency Department Staff Nurse", "US,CA|ER Registered Nurse"),
                    "senior": ("Senior Emergency Nurse",),
                    "lead": ("Emergency Department Charge Nurse",),
                },
                "de": {
                    "mid": ("Pflegefachkraft{g} Zentrale Notaufnahme",),
                    "senior": ("Fachpfleger{g} Notfallpflege",),
                    "lead": ("Pflegerische Leitung{g} Notaufnahme",),
                },
                "fr": {
                    "mid": ("Infirmier aux urgences", "Infirmier d'accueil et d'orientation (IAO)")
                },
                "es": {"mid": ("Enfermero/a de Urgencias",)},
            },
            sectors=("hospital",),
            duties={
                "en": (
                    "Triage patients using the Manchester Triage System and prioritise care in a busy emergency department",
                ),
                "de": ("Ersteinschätzung nach dem Manchester-Triage-System",),
                "fr": ("Accueillir, trier et orienter les patients aux urgences",),
                "es": ("Realizar el triaje de pacientes en urgencias",),
            },
        ),
        Role(
            "community",
            titles={
                "en": {
                    "mid": (
                        "Community Nurse",
                        "GB,IE|District Nurse",
                        "US,CA|Home Health Registered Nurse",
                    ),
                    "senior": ("Senior Community Nurse",),
                    "lead": ("Community Nursing Team Leader",),
                },
                "de": {
                    "junior": ("Pflegefachkraft{g} ambulanter Pflegedienst",),
                    "mid": ("Pflegefachkraft{g} ambulante Pflege",),
                    "lead": ("Pflegedienstleitung{g} ambulanter Dienst",),
                },
                "fr": {
                    "mid": ("Infirmier en soins à domicile (SSIAD)", "Infirmier coordinateur HAD")
                },
                "es": {"mid": ("Enfermero/a de atención domiciliaria",)},
            },
            sectors=("care", "clinic"),
            duties={
                "en": (
                    "Visit patients at home to manage wounds, catheters, diabetes and palliative care",
                ),
                "de": ("Versorgung von Patientinnen und Patienten in ihrer häuslichen Umgebung",),
                "fr": ("Réaliser les soins au domicile des patients",),
                "es": ("Atender a pacientes en su domicilio",),
            },
        ),
        Role(
            "mental_health",
            titles={
                "en": {
                    "junior": ("Newly Qualified Mental Health Nurse",),
                    "mid": (
                        "Mental Health Nurse",
                        "GB,IE|Registered Mental Health Nurse (RMN)",
                        "US,CA|Psychiatric Registered Nurse",
                    ),
                    "senior": ("Senior Mental Health Nurse",),
                    "lead": ("Ward Manager – Acute Mental Health",),
                },
                "de": {
                    "mid": ("Pflegefachkraft{g} Psychiatrie",),
                    "lead": ("Stationsleitung{g} Psychiatrie",),
                },
                "fr": {"mid": ("Infirmier en psychiatrie",)},
            },
            duties={
                "en": (
                    "Build therapeutic relationships with people in acute mental distress and carry out risk assessments",
                ),
                "de": ("Bezugspflege und Krisenintervention in der Akutpsychiatrie",),
                "fr": ("Accompagner les patients en souffrance psychique et évaluer les risques",),
            },
        ),
        Role(
            "theatre",
            titles={
                "en": {
                    "mid": (
                        "Theatre Nurse (Scrub)",
                        "Perioperative Nurse",
                        "Recovery Nurse (PACU)",
                    ),
                    "senior": ("Senior Theatre Nurse",),
                    "lead": ("Theatre Team Leader",),
                },
                "de": {
                    "mid": ("OP-Pflegekraft{g}", "Operationstechnischer Assistent{g} (OTA)"),
                    "lead": ("OP-Leitung{g}",),
                },
                "fr": {
                    "mid": ("Infirmier de bloc opératoire (IBODE)", "Infirmier en salle de réveil")
                },
            },
            sectors=("hospital",),
            duties={
                "en": ("Scrub and circulate for general, orthopaedic and day-case surgery",),
                "de": ("Instrumentieren und Springertätigkeit in allen operativen Disziplinen",),
                "fr": ("Instrumenter et assurer la circulation au bloc opératoire",),
            },
        ),
        Role(
            "care_home",
            titles={
                "en": {
                    "junior": (
                        "!US,CA|Healthcare Assistant",
                        "US|Certified Nursing Assistant (CNA)",
                        "!US|Care Assistant",
                        "CA|Personal Support Worker",
                    ),
                    "mid": ("Nurse – Nursing Home",),
                    "lead": ("Clinical Lead – Care Home", "Home Manager (Registered Nurse)"),
                },
                "de": {
                    "junior": ("Pflegehelfer{g}", "Pflegeassistent{g}"),
                    "mid": ("Pflegefachkraft{g} stationäre Altenpflege", "Altenpfleger{g}"),
                    "lead": ("Wohnbereichsleitung{g}",),
                },
                "fr": {
                    "junior": ("Aide-soignant", "Auxiliaire de vie"),
                    "mid": ("Infirmier en EHPAD",),
                    "lead": ("Infirmier coordinateur en EHPAD",),
                },
                "es": {
                    "junior": ("Auxiliar de Enfermería (TCAE)", "Gerocultor/a"),
                    "mid": ("Enfermero/a de residencia",),
                },
            },
            weight=2,
            sectors=("care",),
            duties={
                "en": (
                    "Support older residents with personal care, nutrition, mobility and medication",
                ),
                "de": ("Grund- und Behandlungspflege älterer Bewohnerinnen und Bewohner",),
                "fr": (
                    "Accompagner les résidents dans les actes de la vie quotidienne et les soins",
                ),
                "es": ("Atender a personas mayores en su aseo, alimentación y movilidad",),
            },
        ),
    ),
    levels={"junior": 25, "mid": 45, "senior": 12, "lead": 12, "executive": 4},
    employment=_SHIFTS,
    salary=45_000,
    hourly=True,
    texts={
        "en": Texts(
            titles={},
            field="in nursing or patient care",
            study="nursing",
            mission=(
                "We are proud of our friendly, well-staffed teams and our low turnover",
                "We were rated 'Good' in our most recent inspection",
                "New starters get a supernumerary induction and a named preceptor",
            ),
            duties=(
                "Administer medicines safely and keep accurate records in the electronic patient record",
                "Assess pressure-ulcer, falls and nutrition risk and act on it",
                "Work closely with doctors, therapists, pharmacists and social workers",
                "Support patients and families with compassion and clear information",
                "Mentor students and healthcare assistants",
                "Take part in audits and improvement projects",
            ),
            skills=(
                "Excellent clinical and communication skills",
                "Compassion, patience and respect for dignity",
                "Good IT skills for electronic records",
                "Willingness to work shifts, including weekends",
            ),
            extras=(
                "Venepuncture and cannulation competencies",
                "Mentoring or practice-assessor qualification",
            ),
            certs=(
                *_NURSE_REGISTRATION,
                "GB|Enhanced DBS check (we will process this)",
                "Care Certificate (for healthcare assistant roles)",
            ),
            perks=(
                "GB|Paid NMC revalidation support and CPD time",
                "!GB|Paid CPD time",
                "Flexible rostering with self-rostering options",
                "Discounted gym and staff restaurant",
            ),
        ),
        "de": Texts(
            titles={},
            field="in der Pflege",
            study="Pflege",
            mission=(
                "Unsere Teams sind gut besetzt, die Fluktuation ist gering",
                "Neue Kolleginnen und Kollegen erhalten eine strukturierte Einarbeitung mit fester Ansprechperson",
            ),
            duties=(
                "Sichere Medikamentengabe und lückenlose Dokumentation",
                "Einschätzung von Dekubitus-, Sturz- und Ernährungsrisiken",
                "Enge Zusammenarbeit mit Ärztinnen, Therapeuten und Sozialdienst",
                "Einfühlsame Begleitung von Patientinnen, Bewohnern und Angehörigen",
                "Anleitung von Auszubildenden",
            ),
            skills=(
                "Fachliche Kompetenz und Einfühlungsvermögen",
                "Zuverlässigkeit und Teamgeist",
                "Bereitschaft zum Schichtdienst",
                "Gute Deutschkenntnisse (mind. B2)",
            ),
            extras=("Weiterbildung Wundmanagement", "Erfahrung als Praxisanleitung"),
            certs=(
                "Abgeschlossene Ausbildung als Pflegefachfrau/-mann, Gesundheits- und Krankenpfleger:in oder Altenpfleger:in",
                "Für Assistenzstellen: einjährige Ausbildung in der Pflegehilfe",
            ),
            perks=(
                "DE|Vergütung nach TVöD bzw. AVR",
                "AT|Bezahlung nach Kollektivvertrag",
                "Zuschläge für Nacht-, Sonn- und Feiertagsdienste",
                "Verlässliche Dienstplanung",
            ),
        ),
        "fr": Texts(
            titles={},
            field="en soins infirmiers",
            study="soins infirmiers",
            mission=(
                "Nos équipes sont stables et bienveillantes",
                "Un accompagnement personnalisé est prévu pour chaque nouvel arrivant",
            ),
            duties=(
                "Préparer et administrer les traitements en toute sécurité",
                "Évaluer les risques d'escarres, de chute et de dénutrition",
                "Travailler en lien avec médecins, kinésithérapeutes et assistants sociaux",
                "Accompagner patients et familles avec bienveillance",
                "Encadrer les étudiants et aides-soignants",
            ),
            skills=(
                "Rigueur et sens des responsabilités",
                "Qualités relationnelles et empathie",
                "Disponibilité pour le travail en horaires alternés",
            ),
            extras=("DU plaies et cicatrisation", "Formation de tuteur de stage"),
            certs=(
                "FR|Diplôme d'État d'infirmier (DEI) et inscription à l'Ordre",
                "!FR|Diplôme d'infirmier reconnu et droit d'exercer",
                "Diplôme d'État d'aide-soignant (DEAS) pour les postes d'aide-soignant",
            ),
            perks=(
                "FR|Rémunération selon la grille de la fonction publique hospitalière + Ségur",
                "!FR|Rémunération attractive selon expérience",
                "Primes de nuit et de dimanche",
                "Logement temporaire possible",
            ),
        ),
        "es": Texts(
            titles={},
            field="en enfermería",
            study="Enfermería",
            mission=(
                "Nuestros equipos son estables y cercanos",
                "Ofrecemos un plan de acogida con tutor asignado",
            ),
            duties=(
                "Preparar y administrar la medicación de forma segura",
                "Valorar el riesgo de úlceras por presión, caídas y desnutrición",
                "Coordinarse con medicina, fisioterapia y trabajo social",
                "Acompañar a pacientes y familias con empatía",
            ),
            skills=(
                "Vocación de servicio y empatía",
                "Capacidad de trabajo en equipo",
                "Disponibilidad para turnos rotativos",
            ),
            extras=("Experiencia previa en hospital", "Formación en heridas crónicas"),
            certs=(
                "Grado o Diplomatura en Enfermería y colegiación",
                "Título de TCAE para puestos de auxiliar",
            ),
            perks=("Contrato estable", "Plus de nocturnidad y festivos"),
        ),
    },
)

MEDICINE = Family(
    id="medicine_allied_health",
    label="Medicine and allied health",
    count=70,
    sectors=("hospital", "clinic", "clinic", "care"),
    tools=("electronic patient record", "PACS", "ultrasound", "goniometer", "EMIS Web", "SystmOne"),
    roles=(
        Role(
            "physician",
            titles={
                "en": {
                    "junior": (
                        "Resident Doctor – Internal Medicine",
                        "GB,IE|Junior Clinical Fellow",
                    ),
                    "mid": (
                        "General Practitioner",
                        "!US,CA|Specialty Doctor – Emergency Medicine",
                        "US,CA|Hospitalist Physician",
                    ),
                    "senior": (
                        "!US,CA|Consultant Physician – Respiratory Medicine",
                        "!US,CA|Consultant Anaesthetist",
                        "US,CA|Attending Physician – Pulmonology",
                    ),
                    "lead": ("Clinical Lead – Emergency Medicine",),
                    "executive": ("Medical Director", "Chief Medical Officer"),
                },
                "de": {
                    "junior": (
                        "Assistenzarzt{g} Innere Medizin",
                        "Assistenzarzt{g} in Weiterbildung Allgemeinmedizin",
                    ),
                    "mid": ("Facharzt{g} für Allgemeinmedizin", "Facharzt{g} Anästhesiologie"),
                    "senior": ("Oberarzt{g} Kardiologie", "Oberarzt{g} Unfallchirurgie"),
                    "lead": ("Leitender Oberarzt{g} Innere Medizin",),
                    "executive": ("Chefarzt{g} Innere Medizin", "Ärztlicher Direktor{g}"),
                },
                "fr": {
                    "junior": ("Médecin assistant", "Interne en médecine générale (remplacement)"),
                    "mid": ("Médecin généraliste", "Médecin urgentiste"),
                    "senior": ("Praticien hospitalier – cardiologie",),
                    "lead": ("Chef de service des urgences",),
                    "executive": ("Directeur médical",),
                },
            },
            weight=2,
            duties={
                "en": (
                    "Assess, diagnose and treat patients, and lead the ward round or clinic list",
                    "Supervise and teach junior doctors and medical students",
                    "Take part in the on-call rota",
                ),
                "de": (
                    "Eigenverantwortliche Diagnostik und Therapie",
                    "Teilnahme am Bereitschafts- und Hintergrunddienst",
                    "Anleitung von Assistenzärztinnen und -ärzten",
                ),
                "fr": (
                    "Assurer le diagnostic et la prise en charge des patients",
                    "Participer à la permanence des soins",
                    "Encadrer les internes",
                ),
            },
        ),
        Role(
            "physio",
            titles={
                "en": {
                    "junior": ("GB|Physiotherapist (Band 5)", "Graduate Physiotherapist"),
                    "mid": ("Physiotherapist", "MSK Physiotherapist"),
                    "senior": ("Senior Physiotherapist – Musculoskeletal",),
                    "lead": ("Physiotherapy Team Lead",),
                },
                "de": {
                    "junior": ("Physiotherapeut{g} (Berufseinstieg)",),
                    "mid": ("Physiotherapeut{g}",),
                    "senior": ("Physiotherapeut{g} mit Fachrichtung Manuelle Therapie",),
                    "lead": ("Leitung{g} Physiotherapie",),
                },
                "fr": {
                    "mid": (
                        "Masseur-kinésithérapeute",
                        "Kinésithérapeute en centre de rééducation",
                    ),
                    "lead": ("Cadre de rééducation",),
                },
            },
            tools=("goniometer", "exercise prescription software", "ultrasound"),
            weight=2,
            duties={
                "en": (
                    "Assess and treat musculoskeletal and neurological conditions with exercise-based rehabilitation",
                    "Run group classes and design home exercise programmes",
                ),
                "de": (
                    "Befundung und Behandlung orthopädischer und neurologischer Krankheitsbilder",
                    "Leitung von Gruppentherapien",
                ),
                "fr": (
                    "Réaliser les bilans et les séances de rééducation",
                    "Animer des séances collectives",
                ),
            },
        ),
        Role(
            "radiographer",
            titles={
                "en": {
                    "junior": ("!US,CA|Diagnostic Radiographer (Newly Qualified)",),
                    "mid": (
                        "!US,CA|Diagnostic Radiographer",
                        "US,CA|Radiologic Technologist (CT/MRI)",
                    ),
                    "senior": ("!US,CA|Senior CT Radiographer",),
                    "lead": ("Radiology Services Manager",),
                },
                "de": {
                    "mid": (
                        "Medizinische Technologin / Medizinischer Technologe für Radiologie{g}",
                        "MTRA{g}",
                    ),
                    "lead": ("Leitende MTR{g}",),
                },
                "fr": {"mid": ("Manipulateur en électroradiologie médicale (MERM)",)},
            },
            tools=("CT", "MRI", "PACS"),
            duties={
                "en": (
                    "Perform plain-film, CT and MRI examinations safely and to a high diagnostic standard",
                ),
                "de": ("Durchführung von Röntgen-, CT- und MRT-Untersuchungen",),
                "fr": ("Réaliser les examens de radiologie conventionnelle, scanner et IRM",),
            },
        ),
        Role(
            "ot_slt",
            titles={
                "en": {
                    "mid": ("Occupational Therapist", "Speech and Language Therapist", "Dietitian"),
                    "senior": ("Senior Occupational Therapist",),
                },
                "de": {"mid": ("Ergotherapeut{g}", "Logopäde{g}", "Diätassistent{g}")},
                "fr": {"mid": ("Ergothérapeute", "Orthophoniste", "Diététicien")},
            },
            duties={
                "en": (
                    "Help patients regain independence in daily life, communication or nutrition after illness or injury",
                ),
                "de": ("Förderung der Selbstständigkeit im Alltag nach Krankheit oder Unfall",),
                "fr": (
                    "Aider les patients à retrouver leur autonomie après une maladie ou un accident",
                ),
            },
        ),
        Role(
            "paramedic",
            titles={
                "en": {
                    "mid": ("Paramedic", "US,CA|Emergency Medical Technician (EMT)"),
                    "senior": ("Specialist Paramedic – Urgent Care",),
                    "lead": ("!US,CA|Clinical Team Leader – Ambulance Service",),
                },
                "de": {
                    "mid": ("Notfallsanitäter{g}", "Rettungssanitäter{g}"),
                    "lead": ("Wachleitung{g} Rettungswache",),
                },
                "fr": {"mid": ("Ambulancier diplômé d'État",)},
            },
            sectors=("public", "hospital"),
            duties={
                "en": (
                    "Respond to emergency calls, assess patients on scene and treat or convey them safely",
                ),
                "de": ("Notfallmedizinische Versorgung am Einsatzort und Transport",),
                "fr": ("Assurer le transport sanitaire urgent et les premiers soins",),
            },
        ),
    ),
    levels={"junior": 22, "mid": 45, "senior": 18, "lead": 10, "executive": 5},
    employment={"full_time": 72, "part_time": 22, "temporary": 6},
    salary=62_000,
    hourly=False,
    texts={
        "en": Texts(
            titles={},
            field="in clinical practice",
            study="medicine or a health profession",
            mission=(
                "You'll join a multidisciplinary team that puts patients first and values teaching",
                "We offer a supportive environment with regular supervision and protected CPD time",
            ),
            duties=(
                "Keep clear, timely clinical records",
                "Work closely with nurses, therapists and social care",
                "Contribute to audit, service improvement and teaching",
                "Explain diagnoses and plans to patients and families in plain language",
            ),
            skills=(
                "Sound clinical reasoning and up-to-date knowledge",
                "Excellent communication and empathy",
                "Commitment to evidence-based practice",
                "Effective teamwork and time management",
            ),
            extras=("Teaching or supervision experience", "Experience with research or audit"),
            certs=(
                "GB|Full GMC registration with a licence to practise (doctors) or HCPC registration (allied health)",
                "US|Active state licence and board certification or eligibility",
                "CA|Licensure with the provincial regulatory college",
                "AU|AHPRA registration",
                "IE|Registration with the Medical Council or CORU as applicable",
                "Current basic or advanced life-support certification",
            ),
            perks=("Protected CPD time and study budget", "Indemnity cover"),
        ),
        "de": Texts(
            titles={},
            field="in der Patientenversorgung",
            study="Medizin bzw. eines Gesundheitsfachberufs",
            mission=(
                "Die Stelle ist in ein interdisziplinäres Team eingebunden, das Patientenorientierung und Lehre großschreibt",
                "Regelmäßige Supervision und Fortbildungszeit sind fester Bestandteil",
            ),
            duties=(
                "Sorgfältige und zeitnahe Dokumentation",
                "Enge Zusammenarbeit mit Pflege, Therapie und Sozialdienst",
                "Mitwirkung an Qualitätssicherung und Lehre",
                "Verständliche Aufklärung von Patientinnen, Patienten und Angehörigen",
            ),
            skills=(
                "Fundiertes Fachwissen und klinisches Urteilsvermögen",
                "Empathie und Kommunikationsstärke",
                "Teamfähigkeit",
            ),
            extras=("Erfahrung in der Lehre", "Interesse an klinischer Forschung"),
            certs=(
                "DE|Deutsche Approbation bzw. staatliche Anerkennung im jeweiligen Gesundheitsfachberuf",
                "AT|Berufsberechtigung und Eintragung im Gesundheitsberuferegister",
                "CH|Eidgenössisches Diplom oder anerkanntes ausländisches Diplom",
            ),
            perks=(
                "DE|Vergütung nach TV-Ärzte bzw. TVöD",
                "Finanzierte Fort- und Weiterbildungen",
                "Volle Weiterbildungsbefugnis",
            ),
        ),
        "fr": Texts(
            titles={},
            field="en pratique clinique",
            study="médecine ou professions de santé",
            mission=(
                "Vous rejoindrez une équipe pluridisciplinaire attachée à la qualité des soins et à l'enseignement",
                "Temps de formation protégé et supervision régulière",
            ),
            duties=(
                "Tenir un dossier patient clair et à jour",
                "Travailler en lien avec les équipes soignantes et sociales",
                "Participer aux démarches qualité et à l'enseignement",
                "Expliquer diagnostics et projets de soins aux patients",
            ),
            skills=(
                "Solides connaissances cliniques",
                "Qualités d'écoute et de communication",
                "Esprit d'équipe",
            ),
            extras=("Expérience d'enseignement", "Intérêt pour la recherche clinique"),
            certs=(
                "Diplôme d'État et inscription à l'Ordre professionnel correspondant",
                "Autorisation d'exercice en France",
            ),
            perks=("Temps de DPC protégé", "Possibilité de logement"),
        ),
    },
)

PHARMACY = Family(
    id="pharmacy",
    label="Pharmacy",
    count=55,
    sectors=("pharmacy", "pharmacy", "hospital"),
    tools=(
        "pharmacy management system",
        "robot dispensing",
        "PMR",
        "EPS",
        "clinical decision support",
    ),
    roles=(
        Role(
            "pharmacist",
            titles={
                "en": {
                    "junior": ("GB,IE|Pre-registration Pharmacist", "Newly Qualified Pharmacist"),
                    "mid": ("Community Pharmacist", "Pharmacist", "Clinical Pharmacist – Hospital"),
                    "senior": ("Senior Clinical Pharmacist", "Lead Pharmacist – Antimicrobials"),
                    "lead": ("Pharmacy Manager", "US|Pharmacist in Charge"),
                    "executive": ("Chief Pharmacist", "Head of Pharmacy Services"),
                },
                "de": {
                    "junior": ("Pharmazeut{g} im Praktikum",),
                    "mid": (
                        "Apotheker{g}",
                        "Approbierter Apotheker{g} in Voll- oder Teilzeit",
                        "Krankenhausapotheker{g}",
                    ),
                    "senior": ("Fachapotheker{g} für Klinische Pharmazie",),
                    "lead": ("Filialleitung{g} Apotheke",),
                    "executive": ("Chefapotheker{g}",),
                },
                "fr": {
                    "junior": ("Pharmacien adjoint débutant",),
                    "mid": ("Pharmacien adjoint d'officine", "Pharmacien hospitalier"),
                    "senior": ("Pharmacien adjoint expérimenté",),
                    "lead": ("Pharmacien gérant",),
                    "executive": ("Pharmacien chef de service",),
                },
            },
            weight=3,
            duties={
                "en": (
                    "Clinically check and supervise the dispensing of prescriptions",
                    "Provide consultations, vaccinations and minor-ailment advice",
                    "Carry out medication reviews and reconcile medicines on admission",
                ),
                "de": (
                    "Abgabe von Arzneimitteln und pharmazeutische Beratung",
                    "Durchführung pharmazeutischer Dienstleistungen wie Medikationsanalysen und Impfungen",
                    "Verantwortung für Rezeptur und Defektur",
                ),
                "fr": (
                    "Valider les ordonnances et assurer la dispensation",
                    "Réaliser vaccinations, entretiens pharmaceutiques et bilans partagés de médication",
                    "Superviser les préparateurs",
                ),
            },
        ),
        Role(
            "technician",
            titles={
                "en": {
                    "junior": (
                        "Pharmacy Assistant",
                        "Dispensing Assistant",
                        "Pharmacy Technician Trainee",
                    ),
                    "mid": ("Pharmacy Technician", "US,CA|Certified Pharmacy Technician"),
                    "senior": ("Senior Pharmacy Technician – Aseptic Services",),
                    "lead": ("Dispensary Supervisor",),
                },
                "de": {
                    "junior": ("PKA{g} (Pharmazeutisch-kaufmännische Angestellte)",),
                    "mid": ("PTA{g} (Pharmazeutisch-technische Assistenz)",),
                    "lead": ("Erstkraft PTA{g}",),
                },
                "fr": {
                    "junior": ("Préparateur en pharmacie (alternance)",),
                    "mid": ("Préparateur en pharmacie", "Préparateur en pharmacie hospitalière"),
                    "lead": ("Préparateur référent",),
                },
            },
            weight=2,
            duties={
                "en": (
                    "Dispense prescriptions accurately and label medicines",
                    "Manage stock, orders and controlled-drug records",
                ),
                "de": (
                    "Abgabe und Beratung im Handverkauf",
                    "Herstellung von Rezepturen im Labor",
                    "Warenwirtschaft und Bestellwesen",
                ),
                "fr": (
                    "Délivrer les médicaments et conseiller les patients",
                    "Gérer les stocks et les commandes",
                ),
            },
        ),
    ),
    levels={"junior": 25, "mid": 45, "senior": 12, "lead": 13, "executive": 5},
    employment={"full_time": 65, "part_time": 30, "temporary": 5},
    salary=55_000,
    hourly=True,
    texts={
        "en": Texts(
            titles={},
            field="in pharmacy",
            study="pharmacy",
            mission=(
                "Our pharmacy serves a busy community with a strong repeat-prescription and services business",
                "We are a pharmacist-led team that spends real time with patients",
            ),
            duties=(
                "Keep accurate records in the patient medication record (PMR)",
                "Follow standard operating procedures and controlled-drug rules",
                "Support the team with training and a friendly service",
                "Help grow clinical services such as blood-pressure checks and travel clinics",
            ),
            skills=(
                "Accuracy and care in dispensing",
                "Friendly, confident advice to patients",
                "Good knowledge of medicines and interactions",
                "Teamwork in a busy environment",
            ),
            extras=("Independent prescriber qualification", "Experience with robot dispensing"),
            certs=(
                "GB|Registration with the General Pharmaceutical Council (GPhC)",
                "US|Active pharmacist license (PharmD) or PTCB certification for technicians",
                "CA|Licensure with the provincial college of pharmacists",
                "AU|AHPRA registration as a pharmacist",
                "IE|Registration with the Pharmaceutical Society of Ireland",
            ),
            perks=(
                "Paid professional registration fees",
                "Clinical training and prescribing courses",
            ),
        ),
        "de": Texts(
            titles={},
            field="in der Apotheke",
            study="Pharmazie",
            mission=(
                "Unsere Apotheke versorgt eine treue Stammkundschaft und mehrere Pflegeheime",
                "Beratung nimmt bei uns viel Raum ein – wir haben Zeit für unsere Kundinnen und Kunden",
            ),
            duties=(
                "Sorgfältige Dokumentation in der Warenwirtschaft",
                "Einhaltung der Apothekenbetriebsordnung und des QM-Systems",
                "Mitarbeit im Team mit Freundlichkeit und Fachwissen",
                "Ausbau pharmazeutischer Dienstleistungen",
            ),
            skills=("Freude an der Beratung", "Sorgfalt und Zuverlässigkeit", "Teamfähigkeit"),
            extras=("Weiterbildung Geriatrische Pharmazie", "Erfahrung mit Kommissionierautomaten"),
            certs=(
                "!CH|Approbation als Apotheker:in (für Apothekerstellen)",
                "Staatliche Anerkennung als PTA bzw. abgeschlossene Ausbildung zur PKA",
                "CH|Eidgenössisches Diplom in Pharmazie",
            ),
            perks=(
                "Übertarifliche Bezahlung",
                "Fortbildungen der Apothekerkammer",
                "Personalrabatt",
            ),
        ),
        "fr": Texts(
            titles={},
            field="en officine ou en pharmacie hospitalière",
            study="pharmacie",
            mission=(
                "Notre officine accueille une patientèle fidèle et approvisionne plusieurs EHPAD",
                "Nous prenons le temps du conseil",
            ),
            duties=(
                "Assurer la traçabilité dans le logiciel de gestion officinale",
                "Respecter les bonnes pratiques de dispensation",
                "Participer à la vie de l'équipe",
                "Développer les nouvelles missions (vaccination, TROD, entretiens)",
            ),
            skills=("Sens du conseil et de l'écoute", "Rigueur", "Esprit d'équipe"),
            extras=("DU d'orthopédie ou de micronutrition", "Expérience du robot de dispensation"),
            certs=(
                "Diplôme d'État de docteur en pharmacie et inscription à l'Ordre",
                "Brevet professionnel de préparateur en pharmacie",
            ),
            perks=(
                "FR|Rémunération selon la convention collective de la pharmacie d'officine",
                "Formations continues prises en charge",
            ),
        ),
    },
)

FAMILIES = (ICU, NURSING, MEDICINE, PHARMACY)
