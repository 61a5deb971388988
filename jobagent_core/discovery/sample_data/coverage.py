"""What the sample set promises to serve: twelve common professions in the ten
largest cities it covers and ten European hubs, each pair with at least
`PER_CELL_MIN` fitting postings.

The rest of the set spreads ~2,000 postings over 150 cities, so a profession has
0-2 postings in any one city and a first search ("primary teacher, Dublin") finds
nothing. The generator adds `PER_CELL` postings of each profession to each of these
cities (on-site or hybrid there, or remote where the family is remote-friendly),
and bench/sample_coverage.py with tests/unit/test_sample_coverage.py check that the
real matching pipeline shows at least `PER_CELL_MIN` of them to a matching person.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profession:
    """A profession and a typical person in it (bench/sample_coverage.py's persona)."""

    key: str
    titles: tuple[str, ...]  # what the person is called in English, the searched one first
    family: str  # the job family (families/*.py) whose postings fit
    roles: tuple[str, ...]  # the family's roles that are this profession
    skills: tuple[str, ...]  # the person's skills (canonical taxonomy names)
    degree: str  # their qualification (a licence, for a regulated profession)
    local: dict[str, tuple[str, ...]]  # language -> the titles a CV in that language gives

    @property
    def title(self) -> str:
        return self.titles[0]


# Common professions the families already write, from regulated care and trades to
# office and tech work; civil engineering and graphic design have no family yet.
# Remote postings come from the family's own remote share: nursing, trades,
# teaching, pharmacy and kitchens have none, so they are always on site.
PROFESSIONS: tuple[Profession, ...] = (
    Profession("nurse", ("Registered Nurse", "Staff Nurse"), "nursing_general",
               ("ward", "emergency", "community"),
               ("Nursing", "Patient Care", "Medication Administration", "Basic Life Support",
                "Phlebotomy", "Mentoring", "Clinical Supervision"),
               "BSc (Hons) Adult Nursing, registered nurse",
               {"de": ("Gesundheits- und Krankenpfleger", "Pflegefachkraft"),
                "fr": ("Infirmier",), "es": ("Enfermero",)}),
    Profession("electrician", ("Electrician", "Electrical Installer"), "electrician",
               ("installation", "maintenance"),
               ("Electrical Installation", "Electrical Wiring", "Electrical Troubleshooting",
                "Distribution Boards", "Fire Alarm Systems", "Health and Safety",
                "Driving Licence"),
               "Apprenticeship as an electrician, qualified electrician",
               {"de": ("Elektroniker für Energie- und Gebäudetechnik", "Elektriker"),
                "fr": ("Électricien du bâtiment",), "es": ("Electricista",)}),
    Profession("primary_teacher", ("Primary School Teacher", "Primary Teacher"), "teaching",
               ("primary",),
               ("Primary Education", "Classroom Management", "Safeguarding", "Phonics",
                "Teamwork", "Extracurricular Activities"),
               "Bachelor of Education (Primary), Qualified Teacher Status",
               {"de": ("Grundschullehrer",), "fr": ("Professeur des écoles",),
                "es": ("Maestro de Educación Primaria", "Tutor de Primaria")}),
    Profession("software_engineer", ("Software Engineer", "Backend Engineer",
                                     "Software Developer"), "software_engineering",
               ("backend_python", "backend_java", "fullstack"),
               ("Python", "Java", "SQL", "Docker", "Linux", "CI/CD", "Code Review",
                "Backend Development"),
               "BSc Computer Science",
               {"de": ("Softwareentwickler",), "fr": ("Ingénieur logiciel",),
                "es": ("Ingeniero de Software",)}),
    Profession("data_engineer", ("Data Engineer", "Data Platform Engineer"), "data_engineering",
               ("batch", "platform"),
               ("Data Engineering", "Python", "SQL", "Apache Airflow", "Apache Spark",
                "Snowflake", "Data Warehousing", "ELT"),
               "MSc Computer Science",
               {"es": ("Ingeniero de Datos",)}),
    Profession("account_executive", ("Account Executive", "Enterprise Account Executive"),
               "b2b_sales", ("ae",),
               ("B2B Sales", "Salesforce", "MEDDIC", "Negotiation", "Solution Selling",
                "Customer Success"),
               "BA Business Administration",
               {"fr": ("Ingénieur commercial",), "es": ("Ejecutivo de Cuentas",)}),
    Profession("accountant", ("Accountant", "Management Accountant"), "finance_accounting",
               ("general_ledger",),
               ("Bookkeeping", "Reconciliation", "Year-End Closing", "Management Accounting",
                "IFRS", "Microsoft Excel", "SAP S/4HANA"),
               "BSc Accounting and Finance",
               {"de": ("Finanzbuchhalter",), "fr": ("Comptable général",), "es": ("Contable",)}),
    Profession("financial_analyst", ("Financial Analyst", "FP&A Analyst"), "financial_analysis",
               ("fpa",),
               ("FP&A", "Financial Modeling", "Financial Analysis", "Forecasting",
                "Microsoft Excel", "Power BI", "SAP"),
               "MSc Finance",
               {"de": ("Controller",), "fr": ("Contrôleur de gestion",),
                "es": ("Analista Financiero",)}),
    Profession("pharmacist", ("Pharmacist", "Community Pharmacist", "Clinical Pharmacist"),
               "pharmacy", ("pharmacist",),
               ("Pharmacology", "Teamwork", "Team Leadership"),
               "Master of Pharmacy (MPharm), registered pharmacist",
               {"de": ("Apotheker",), "fr": ("Pharmacien adjoint",), "es": ("Farmacéutico",)}),
    Profession("chef", ("Chef", "Chef de Partie", "Sous Chef", "Cook"), "hospitality_culinary",
               ("kitchen",),
               ("Food Safety", "Hospitality", "Inventory Management", "Team Leadership"),
               "Diploma in Professional Cookery",
               {"de": ("Koch", "Sous-Chef"),
                "fr": ("Cuisinier", "Chef de partie", "Second de cuisine"),
                "es": ("Cocinero", "Jefe de partida", "Segundo de cocina")}),
    Profession("hr_business_partner", ("HR Business Partner", "HR Generalist"), "hr_recruiting",
               ("hrbp",),
               ("Employee Relations", "Employment Law", "Performance Management", "Recruiting",
                "HR Management", "Workday"),
               "BA Human Resource Management",
               {"de": ("Personalreferent",), "fr": ("Chargé RH généraliste",),
                "es": ("Técnico de Recursos Humanos",)}),
    Profession("supply_chain_planner", ("Supply Chain Planner", "Demand Planner"),
               "logistics_supply_chain", ("planning",),
               ("Supply Chain Management", "Demand Planning", "Inventory Management", "SAP",
                "Microsoft Excel", "Power BI", "Procurement"),
               "BSc Logistics and Supply Chain Management",
               {"de": ("Disponent",), "fr": ("Approvisionneur",),
                "es": ("Planificador de Supply Chain",)}),
)  # fmt: skip

# The ten most populous cities (city proper) of the countries where the sample set
# advertises local work too (geo.LOCAL_WEIGHTS): where it suggests a nurse or an
# electrician at all. Japan, India, Brazil and the like get internationally hired
# English-language work only, so their cities are not promised every profession.
# (country code, English city name as in geo.py)
CITIES: tuple[tuple[str, str], ...] = (
    ("MX", "Mexico City"),
    ("GB", "London"),
    ("US", "New York"),
    ("US", "Los Angeles"),
    ("DE", "Berlin"),
    ("ES", "Madrid"),
    ("CA", "Toronto"),
    ("US", "Chicago"),
    ("US", "Houston"),
    ("FR", "Paris"),
    # And the hubs of the European markets the set is richest in, where people try it
    # first ("a primary teacher in Dublin", "an electrician in Leeds").
    ("IE", "Dublin"),
    ("GB", "Manchester"),
    ("GB", "Birmingham"),
    ("GB", "Leeds"),
    ("GB", "Glasgow"),
    ("DE", "Hamburg"),
    ("DE", "Munich"),
    ("AT", "Vienna"),
    ("FR", "Lyon"),
    ("CH", "Zurich"),
)

PER_CELL = 10  # postings the generator adds per (profession, city)
PER_CELL_MIN = 5  # matches a search must show per (profession, city)
# Levels of the added postings: a person with a few years of experience fits them
# (graduate roles and senior leadership are ranked down for them, rightly).
LEVELS = ("mid", "senior")
