"""Finance, people, legal, administration and editorial families."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

from jobagent_core.discovery.sample_data.bank import Family, Role, Texts

_OFFICE_SECTORS = ("manufacturing", "retail", "logistics", "tech", "consulting", "hotel", "energy",
                   "insurance", "hospital", "public")  # fmt: skip

ACCOUNTING = Family(
    id="finance_accounting",
    label="Finance and accounting",
    count=65,
    sectors=(*_OFFICE_SECTORS, "consulting"),
    tools=(
        "SAP S/4HANA",
        "DATEV",
        "Xero",
        "Sage",
        "Microsoft Dynamics 365",
        "Microsoft Excel",
        "NetSuite",
        "Oracle Fusion",
        "QuickBooks",
        "Power BI",
    ),
    roles=(
        Role(
            "general_ledger",
            titles={
                "en": {
                    "junior": ("Accounts Assistant", "Junior Accountant"),
                    "mid": ("Accountant", "Management Accountant", "General Ledger Accountant"),
                    "senior": ("Senior Accountant",),
                    "lead": ("Financial Controller", "Accounting Manager"),
                    "executive": (
                        "Finance Director",
                        "Head of Accounting",
                        "Chief Financial Officer (CFO)",
                    ),
                },
                "de": {
                    "junior": ("Junior Buchhalter{g}",),
                    "mid": ("Finanzbuchhalter{g}", "Buchhalter{g}", "Bilanzbuchhalter{g}"),
                    "senior": ("Senior Accountant{g}", "Bilanzbuchhalter{g} (Senior)"),
                    "lead": ("Leiter{g} Finanzbuchhaltung", "Teamleiter{g} Rechnungswesen"),
                    "executive": ("Head of Finance{g}", "Kaufmännischer Leiter{g}", "CFO{g}"),
                },
                "fr": {
                    "junior": ("Assistant comptable", "Comptable junior"),
                    "mid": ("Comptable général", "Comptable unique"),
                    "senior": ("Comptable senior",),
                    "lead": ("Responsable comptable", "Chef comptable"),
                    "executive": (
                        "Directeur administratif et financier (DAF)",
                        "Directeur financier",
                    ),
                },
            },
            tools=("SAP S/4HANA", "DATEV", "Microsoft Excel"),
            weight=3,
            duties={
                "en": (
                    "Run month-end and year-end close: journals, accruals, prepayments and reconciliations",
                    "Prepare management accounts and variance commentary",
                    "Support the external audit and prepare statutory accounts",
                ),
                "de": (
                    "Durchführung von Monats- und Jahresabschlüssen nach HGB",
                    "Kontenabstimmungen, Abgrenzungen und Anlagenbuchhaltung",
                    "Ansprechperson für Wirtschaftsprüfung und Steuerberatung",
                ),
                "fr": (
                    "Assurer les clôtures mensuelles et annuelles",
                    "Réaliser les rapprochements bancaires et la révision des comptes",
                    "Préparer la liasse fiscale en lien avec l'expert-comptable",
                ),
            },
        ),
        Role(
            "payables",
            titles={
                "en": {
                    "junior": ("Accounts Payable Clerk", "Purchase Ledger Assistant"),
                    "mid": ("Accounts Payable Specialist", "Credit Controller"),
                    "lead": ("Accounts Payable Team Lead",),
                },
                "de": {
                    "junior": ("Sachbearbeiter{g} Kreditorenbuchhaltung",),
                    "mid": ("Kreditorenbuchhalter{g}", "Debitorenbuchhalter{g}"),
                    "lead": ("Teamleiter{g} Kreditoren",),
                },
                "fr": {
                    "junior": ("Comptable fournisseurs junior",),
                    "mid": ("Comptable fournisseurs", "Comptable clients / recouvrement"),
                    "lead": ("Responsable comptabilité fournisseurs",),
                },
            },
            tools=("SAP S/4HANA", "Basware", "Microsoft Excel"),
            weight=2,
            duties={
                "en": (
                    "Process supplier invoices, match them to purchase orders and prepare payment runs",
                    "Chase overdue customer balances politely but firmly",
                    "Reconcile supplier statements",
                ),
                "de": (
                    "Prüfung und Kontierung von Eingangsrechnungen",
                    "Vorbereitung von Zahlungsläufen und Mahnwesen",
                    "Abstimmung von Kreditoren- und Debitorenkonten",
                ),
                "fr": (
                    "Saisir et contrôler les factures fournisseurs",
                    "Préparer les règlements et assurer le recouvrement",
                    "Lettrer les comptes fournisseurs",
                ),
            },
        ),
        Role(
            "payroll",
            titles={
                "en": {
                    "junior": ("Payroll Administrator",),
                    "mid": ("Payroll Specialist",),
                    "senior": ("Senior Payroll Specialist",),
                    "lead": ("Payroll Manager",),
                },
                "de": {
                    "junior": ("Junior Payroll Specialist{g}",),
                    "mid": ("Lohn- und Gehaltsbuchhalter{g}", "Entgeltabrechner{g}"),
                    "lead": ("Teamleiter{g} Entgeltabrechnung",),
                },
                "fr": {
                    "junior": ("Gestionnaire de paie junior",),
                    "mid": ("Gestionnaire de paie",),
                    "senior": ("Gestionnaire de paie confirmé",),
                    "lead": ("Responsable paie",),
                },
            },
            tools=("ADP", "DATEV Lohn", "Sage Payroll", "Microsoft Excel"),
            duties={
                "en": (
                    "Run monthly payroll for around 600 employees, including starters, leavers and benefits",
                    "Handle payroll queries from employees with care and discretion",
                ),
                "de": (
                    "Eigenständige Entgeltabrechnung für rund 600 Mitarbeitende",
                    "Meldungen an Sozialversicherungsträger und Finanzamt",
                ),
                "fr": (
                    "Établir les bulletins de paie d'environ 600 salariés",
                    "Gérer les déclarations sociales (DSN)",
                ),
            },
        ),
        Role(
            "tax",
            titles={
                "en": {
                    "mid": ("Tax Accountant", "Tax Associate"),
                    "senior": ("Senior Tax Accountant", "Tax Manager"),
                    "lead": ("Head of Tax",),
                },
                "de": {
                    "junior": ("Steuerfachangestellte{g}",),
                    "mid": ("Steuerfachangestellte{g}", "Tax Accountant{g}"),
                    "senior": ("Steuerberater{g}",),
                    "lead": ("Leiter{g} Steuern",),
                },
                "fr": {
                    "mid": ("Juriste fiscaliste", "Comptable fiscaliste"),
                    "senior": ("Fiscaliste senior",),
                    "lead": ("Responsable fiscal",),
                },
            },
            tools=("DATEV", "Alphatax", "Microsoft Excel"),
            duties={
                "en": (
                    "Prepare VAT returns and corporate tax computations",
                    "Keep on top of transfer-pricing documentation",
                ),
                "de": (
                    "Erstellung von Umsatzsteuervoranmeldungen und Steuererklärungen",
                    "Vorbereitung von Jahresabschlüssen für Mandanten",
                ),
                "fr": ("Préparer les déclarations de TVA et d'impôt sur les sociétés",),
            },
        ),
    ),
    levels={"junior": 25, "mid": 38, "senior": 18, "lead": 12, "executive": 7},
    employment={"full_time": 80, "part_time": 12, "temporary": 8},
    salary=52_000,
    remote=0.05,
    hybrid=0.45,
    global_market=False,
    texts={
        "en": Texts(
            titles={},
            field="in accounting or finance",
            study="accounting, finance or business",
            mission=(
                "You'll join a finance team of twelve that supports a business with operations in several countries",
                "We're moving to a new ERP system this year, so there's plenty of room to improve how we work",
                "It's a hands-on role with real responsibility and a manager who invests in your development",
            ),
            duties=(
                "Keep the ledgers in {tool} accurate and reconciled",
                "Improve and document finance processes and controls",
                "Answer queries from budget holders and suppliers",
                "Support ad-hoc analysis and projects for the finance director",
                "Help with the move to automated invoice processing",
            ),
            skills=(
                "Strong Excel skills (pivot tables, lookups)",
                "Experience with {tools}",
                "Accuracy and a good eye for detail",
                "The ability to meet deadlines under pressure",
                "Good knowledge of double-entry bookkeeping and IFRS or local GAAP",
            ),
            extras=("Experience in a multinational or group environment", "Power BI skills"),
            certs=(
                "!US,CA|ACCA, CIMA or ACA qualified, or part-qualified and studying",
                "US|CPA licence, or eligible to sit the exam",
                "CA|CPA designation, or enrolled in the CPA PEP",
                "GB|AAT Level 3 or above",
            ),
            perks=("Paid study leave and exam fees", "Hybrid working after probation"),
        ),
        "de": Texts(
            titles={},
            field="im Rechnungswesen",
            study="Betriebswirtschaft oder einer kaufmännischen Ausbildung",
            mission=(
                "Das Finanzteam besteht aus zwölf Kolleginnen und Kollegen und betreut mehrere Gesellschaften im In- und Ausland",
                "In diesem Jahr führen wir SAP S/4HANA ein – Mitgestaltung ist ausdrücklich erwünscht",
            ),
            duties=(
                "Sorgfältige Pflege der Konten in {tool}",
                "Mitarbeit an der Optimierung und Digitalisierung von Prozessen",
                "Ansprechperson für Fachabteilungen und Lieferanten",
                "Unterstützung bei Sonderprojekten und Analysen",
            ),
            skills=(
                "Sicherer Umgang mit MS Excel",
                "Erfahrung mit {tools}",
                "Sorgfältige, zuverlässige und strukturierte Arbeitsweise",
                "Fundierte Kenntnisse im Handels- und Steuerrecht",
            ),
            extras=("Kenntnisse in IFRS", "Erfahrung im Konzernumfeld"),
            certs=(
                "Abgeschlossene kaufmännische Ausbildung, z. B. als Steuerfachangestellte:r, oder Studium mit Schwerpunkt Rechnungswesen",
                "DE|Weiterbildung zum/zur Bilanzbuchhalter:in (IHK) wünschenswert",
            ),
            perks=("Unterstützung bei Weiterbildungen",),
        ),
        "fr": Texts(
            titles={},
            field="en comptabilité",
            study="comptabilité et gestion (BTS, DCG ou équivalent)",
            mission=(
                "Vous rejoindrez une équipe finance de douze personnes au sein d'un groupe présent dans plusieurs pays",
                "Nous migrons vers un nouvel ERP cette année : de belles occasions d'améliorer nos process",
            ),
            duties=(
                "Tenir une comptabilité fiable dans {tool}",
                "Participer à l'amélioration et à la digitalisation des process",
                "Répondre aux questions des opérationnels et des fournisseurs",
                "Contribuer aux projets et analyses ponctuels",
            ),
            skills=(
                "Maîtrise d'Excel",
                "Expérience avec {tools}",
                "Rigueur et sens de l'organisation",
                "Bonnes connaissances des normes comptables françaises",
            ),
            extras=("Connaissance des normes IFRS", "Expérience en groupe international"),
            certs=("Diplôme de type BTS CG, DCG ou DSCG",),
            perks=("Accompagnement dans la préparation du DSCG",),
        ),
    },
)

ANALYSIS = Family(
    id="financial_analysis",
    label="Financial analysis, FP&A and controlling",
    count=55,
    sectors=(
        "bank",
        "fintech",
        "insurance",
        "manufacturing",
        "energy",
        "consulting",
        "tech",
        "retail",
    ),
    tools=(
        "Microsoft Excel",
        "Power BI",
        "Tableau",
        "SAP BPC",
        "Anaplan",
        "Bloomberg Terminal",
        "FactSet",
        "Python",
        "SQL",
        "Workday Adaptive Planning",
    ),
    roles=(
        Role(
            "fpa",
            titles={
                "en": {
                    "junior": ("Junior Financial Analyst", "Graduate FP&A Analyst"),
                    "mid": ("Financial Analyst", "FP&A Analyst"),
                    "senior": ("Senior FP&A Analyst", "Senior Financial Analyst"),
                    "lead": ("FP&A Manager",),
                    "executive": ("Director of FP&A", "VP Finance"),
                },
                "de": {
                    "junior": ("Junior Controller{g}",),
                    "mid": (
                        "Controller{g}",
                        "Financial Analyst{g} FP&A",
                        "Referent{g} Controlling",
                    ),
                    "senior": ("Senior Controller{g}",),
                    "lead": ("Leiter{g} Controlling", "Teamleiter{g} FP&A"),
                    "executive": ("Head of Controlling{g}", "Bereichsleiter{g} Finanzen"),
                },
                "fr": {
                    "junior": ("Contrôleur de gestion junior",),
                    "mid": ("Contrôleur de gestion", "Analyste FP&A"),
                    "senior": ("Contrôleur de gestion senior",),
                    "lead": ("Responsable contrôle de gestion",),
                    "executive": ("Directeur FP&A", "Directeur du contrôle de gestion"),
                },
            },
            tools=("Anaplan", "SAP BPC", "Power BI", "Microsoft Excel"),
            weight=3,
            duties={
                "en": (
                    "Lead the annual budget and monthly rolling forecast",
                    "Build driver-based financial models for new initiatives",
                    "Explain monthly performance against budget to business leaders",
                ),
                "de": (
                    "Verantwortung für Budgetplanung und rollierende Forecasts",
                    "Erstellung von Monatsreportings mit Abweichungsanalysen",
                    "Aufbau von Business Cases für Investitionsentscheidungen",
                ),
                "fr": (
                    "Piloter le processus budgétaire et les reprévisions mensuelles",
                    "Analyser les écarts entre réel et budget",
                    "Construire des business cases pour les projets d'investissement",
                ),
            },
        ),
        Role(
            "investment",
            titles={
                "en": {
                    "junior": ("Investment Analyst (Graduate)",),
                    "mid": ("Investment Analyst", "Equity Research Analyst"),
                    "senior": ("Senior Investment Analyst",),
                    "lead": ("Portfolio Manager",),
                    "principal": ("Principal, Investments",),
                    "executive": ("Chief Investment Officer",),
                },
                "de": {
                    "mid": ("Investment Analyst{g}", "Portfolio-Analyst{g}"),
                    "senior": ("Senior Investment Manager{g}",),
                    "lead": ("Portfoliomanager{g}",),
                },
                "fr": {
                    "mid": ("Analyste investissement", "Analyste financier"),
                    "senior": ("Chargé d'investissement senior",),
                    "lead": ("Gérant de portefeuille",),
                },
            },
            tools=("Bloomberg Terminal", "FactSet", "Microsoft Excel", "Python"),
            duties={
                "en": (
                    "Build DCF and comparable-company valuation models",
                    "Write investment memos and present them to the investment committee",
                    "Monitor portfolio companies and markets",
                ),
                "de": (
                    "Erstellung von Bewertungsmodellen (DCF, Multiples)",
                    "Ausarbeitung von Investment-Memos für das Investmentkomitee",
                ),
                "fr": (
                    "Réaliser des valorisations (DCF, multiples)",
                    "Rédiger les notes d'investissement pour le comité",
                ),
            },
        ),
        Role(
            "credit",
            titles={
                "en": {
                    "junior": ("Junior Credit Analyst",),
                    "mid": ("Credit Risk Analyst", "Credit Analyst"),
                    "senior": ("Senior Credit Risk Analyst",),
                    "lead": ("Credit Risk Manager",),
                },
                "de": {
                    "mid": ("Kreditanalyst{g}", "Risikoanalyst{g}"),
                    "senior": ("Senior Risikomanager{g}",),
                    "lead": ("Leiter{g} Kreditrisikomanagement",),
                },
                "fr": {
                    "mid": ("Analyste crédit", "Analyste risques"),
                    "senior": ("Analyste crédit senior",),
                    "lead": ("Responsable risques de crédit",),
                },
            },
            tools=("SAS", "Python", "SQL", "Moody's Analytics"),
            duties={
                "en": (
                    "Analyse the financial statements of corporate borrowers and recommend credit limits",
                    "Monitor the loan book and flag early warning signs",
                ),
                "de": (
                    "Analyse von Jahresabschlüssen gewerblicher Kreditnehmer und Votierung von Kreditanträgen",
                ),
                "fr": (
                    "Analyser la situation financière des emprunteurs et proposer des limites de crédit",
                ),
            },
        ),
    ),
    levels={"junior": 20, "mid": 38, "senior": 24, "lead": 10, "principal": 2, "executive": 6},
    employment={"full_time": 92, "contract": 8},
    salary=62_000,
    remote=0.06,
    hybrid=0.55,
    global_market=True,
    local_share=0.7,
    texts={
        "en": Texts(
            titles={},
            field="in financial analysis, FP&A, controlling or investment",
            study="finance, economics, mathematics or a related field",
            mission=(
                "Finance is a true business partner here: you'll sit with commercial and operations leaders, not just send them reports",
                "You'll report to the finance director and work with a small, sharp team",
            ),
            duties=(
                "Build and maintain models and dashboards in {tool} and {tool2}",
                "Turn numbers into clear recommendations for senior management",
                "Improve the speed and quality of reporting through automation",
                "Prepare board and investor materials",
                "Analyse pricing, margins and unit economics",
            ),
            skills=(
                "Advanced Excel and financial-modelling skills",
                "Experience with {tools}",
                "Strong understanding of the three financial statements",
                "Clear, confident communication with non-finance colleagues",
                "Curiosity and a healthy scepticism about numbers",
            ),
            extras=("SQL or Python for data work", "Experience in a private-equity-backed company"),
            certs=(
                "CFA charterholder or progress towards the CFA",
                "ACCA or CIMA qualified (or close to it)",
            ),
            perks=("Exam and study support for CFA, ACCA or CIMA",),
        ),
        "de": Texts(
            titles={},
            field="im Controlling, FP&A oder Finanzbereich",
            study="Wirtschaftswissenschaften, Finanzen oder Wirtschaftsmathematik",
            mission=(
                "Das Controlling versteht sich bei uns als Sparringspartner der Geschäftsführung",
                "Die Position berichtet direkt an die kaufmännische Leitung",
            ),
            duties=(
                "Aufbau und Pflege von Modellen und Dashboards in {tool} und {tool2}",
                "Ableitung klarer Handlungsempfehlungen für das Management",
                "Automatisierung und Beschleunigung des Reportings",
                "Vorbereitung von Unterlagen für Aufsichtsrat und Gesellschafter",
            ),
            skills=(
                "Sehr gute Excel-Kenntnisse und Erfahrung in der Finanzmodellierung",
                "Erfahrung mit {tools}",
                "Analytisches Denkvermögen und Kommunikationsstärke",
                "Gute Englischkenntnisse",
            ),
            extras=("SQL- oder Python-Kenntnisse", "SAP-CO-Kenntnisse"),
            perks=("Förderung von Weiterbildungen (z. B. CFA, Controller Akademie)",),
        ),
        "fr": Texts(
            titles={},
            field="en contrôle de gestion, FP&A ou analyse financière",
            study="finance ou contrôle de gestion (école de commerce ou master)",
            mission=(
                "Le contrôle de gestion est un véritable partenaire des opérationnels",
                "Le poste est rattaché au directeur financier",
            ),
            duties=(
                "Construire et maintenir des modèles et tableaux de bord dans {tool} et {tool2}",
                "Formuler des recommandations claires à la direction",
                "Automatiser et fiabiliser le reporting",
                "Préparer les supports pour le conseil d'administration",
            ),
            skills=(
                "Excellente maîtrise d'Excel et de la modélisation financière",
                "Expérience avec {tools}",
                "Esprit d'analyse et de synthèse",
                "Anglais professionnel",
            ),
            extras=("Connaissance de SQL ou Python", "Expérience en audit"),
            perks=("Accompagnement vers le CFA",),
        ),
    },
)

HR = Family(
    id="hr_recruiting",
    label="HR and recruiting",
    count=60,
    sectors=(*_OFFICE_SECTORS, "agency"),
    tools=(
        "Workday",
        "Personio",
        "SAP SuccessFactors",
        "Greenhouse",
        "LinkedIn Recruiter",
        "BambooHR",
        "HiBob",
        "Microsoft Excel",
        "Lever",
        "Teams",
    ),
    roles=(
        Role(
            "recruiting",
            titles={
                "en": {
                    "intern": ("Talent Acquisition Intern",),
                    "junior": (
                        "Recruitment Coordinator",
                        "Junior Recruiter",
                        "Recruitment Consultant",
                    ),
                    "mid": ("Talent Acquisition Partner", "Recruiter", "Technical Recruiter"),
                    "senior": ("Senior Recruiter", "Senior Talent Acquisition Partner"),
                    "lead": ("Talent Acquisition Lead", "Recruitment Team Leader"),
                    "executive": ("Head of Talent Acquisition",),
                },
                "de": {
                    "intern": ("Werkstudent{g} Recruiting",),
                    "junior": ("Junior Recruiter{g}", "Recruiting-Koordinator{g}"),
                    "mid": ("Recruiter{g}", "Talent Acquisition Manager{g}", "Personalberater{g}"),
                    "senior": ("Senior Recruiter{g}",),
                    "lead": ("Teamleiter{g} Recruiting",),
                    "executive": ("Head of Talent Acquisition{g}",),
                },
                "fr": {
                    "intern": ("Stage – Chargé de recrutement",),
                    "junior": ("Chargé de recrutement junior", "Assistant recrutement"),
                    "mid": (
                        "Chargé de recrutement",
                        "Talent Acquisition Specialist",
                        "Consultant en recrutement",
                    ),
                    "senior": ("Talent Acquisition Manager",),
                    "lead": ("Responsable recrutement",),
                },
            },
            tools=("Greenhouse", "LinkedIn Recruiter", "Lever", "Personio"),
            weight=3,
            duties={
                "en": (
                    "Manage 15–20 open roles end to end, from intake meeting to offer",
                    "Source candidates proactively on LinkedIn, GitHub and at events",
                    "Advise hiring managers on market, salary and interview design",
                ),
                "de": (
                    "Ganzheitliche Betreuung von 15 bis 20 Vakanzen vom Briefing bis zum Vertragsangebot",
                    "Aktive Direktansprache über LinkedIn, Xing und Events",
                    "Beratung der Führungskräfte zu Markt und Auswahlverfahren",
                ),
                "fr": (
                    "Gérer 15 à 20 recrutements de bout en bout",
                    "Sourcer activement sur LinkedIn et lors d'événements",
                    "Conseiller les managers sur le marché et le processus d'entretien",
                ),
            },
        ),
        Role(
            "hrbp",
            titles={
                "en": {
                    "mid": ("HR Business Partner", "HR Generalist"),
                    "senior": ("Senior HR Business Partner",),
                    "lead": ("HR Manager",),
                    "executive": ("Head of People", "HR Director", "Chief People Officer"),
                },
                "de": {
                    "mid": ("HR Business Partner{g}", "Personalreferent{g}"),
                    "senior": ("Senior HR Business Partner{g}",),
                    "lead": ("Personalleiter{g}", "HR Manager{g}"),
                    "executive": ("Head of People{g}", "Leiter{g} Personal"),
                },
                "fr": {
                    "mid": ("HR Business Partner", "Chargé RH généraliste"),
                    "senior": ("HR Business Partner senior",),
                    "lead": ("Responsable ressources humaines",),
                    "executive": ("Directeur des ressources humaines (DRH)",),
                },
            },
            tools=("Workday", "SAP SuccessFactors", "Personio"),
            weight=2,
            duties={
                "en": (
                    "Coach managers on performance, employee relations and organisational change",
                    "Lead annual pay and performance reviews for your business units",
                    "Handle sensitive cases fairly and in line with employment law",
                ),
                "de": (
                    "Beratung der Führungskräfte in allen personalrelevanten Fragen",
                    "Begleitung von Veränderungsprozessen und Mitarbeitergesprächen",
                    "Vertrauensvolle Zusammenarbeit mit dem Betriebsrat",
                ),
                "fr": (
                    "Accompagner les managers sur la performance et les relations sociales",
                    "Piloter les campagnes d'entretiens annuels",
                    "Entretenir le dialogue social avec le CSE",
                ),
            },
        ),
        Role(
            "hr_admin",
            titles={
                "en": {
                    "junior": ("HR Assistant", "HR Administrator"),
                    "mid": ("People Operations Specialist", "HR Officer"),
                },
                "de": {
                    "junior": ("Personalsachbearbeiter{g}", "HR Assistant{g}"),
                    "mid": ("HR Specialist{g} Operations",),
                },
                "fr": {
                    "junior": ("Assistant RH", "Gestionnaire administration du personnel"),
                    "mid": ("Chargé ADP et paie",),
                },
            },
            tools=("HiBob", "BambooHR", "Personio", "Microsoft Excel"),
            duties={
                "en": (
                    "Prepare contracts and letters and keep employee records accurate",
                    "Run onboarding and offboarding",
                ),
                "de": (
                    "Erstellung von Arbeitsverträgen, Zeugnissen und Bescheinigungen",
                    "Pflege der Personalakten und Stammdaten",
                ),
                "fr": (
                    "Rédiger les contrats de travail et avenants",
                    "Gérer les entrées et sorties du personnel",
                ),
            },
        ),
        Role(
            "learning",
            titles={
                "en": {
                    "mid": ("Learning & Development Specialist",),
                    "senior": ("Senior L&D Partner",),
                    "lead": ("Learning & Development Manager",),
                },
                "de": {
                    "mid": ("Referent{g} Personalentwicklung",),
                    "lead": ("Leiter{g} Personalentwicklung",),
                },
                "fr": {"mid": ("Chargé de formation",), "lead": ("Responsable formation",)},
            },
            tools=("Cornerstone", "LinkedIn Learning", "Articulate 360"),
            duties={
                "en": ("Design leadership and onboarding programmes and measure their impact",),
                "de": ("Konzeption von Führungskräfte- und Onboarding-Programmen",),
                "fr": ("Construire le plan de développement des compétences",),
            },
        ),
    ),
    levels={"intern": 3, "junior": 25, "mid": 35, "senior": 17, "lead": 12, "executive": 8},
    employment={"full_time": 80, "part_time": 12, "temporary": 8},
    salary=52_000,
    remote=0.08,
    hybrid=0.5,
    global_market=False,
    texts={
        "en": Texts(
            titles={},
            field="in HR or recruitment",
            study="human resources, psychology or business",
            mission=(
                "The people team is eight strong and supports around 900 employees in four countries",
                "We're growing quickly and want hiring and people processes that feel personal, fair and fast",
            ),
            duties=(
                "Keep data in {tool} accurate and use it to report on hiring and retention",
                "Contribute to employer branding and our careers site",
                "Improve processes and templates across the employee lifecycle",
                "Champion diversity, equity and inclusion in everything we do",
            ),
            skills=(
                "Experience with {tools}",
                "Excellent interpersonal skills and discretion",
                "Good working knowledge of employment law",
                "Strong organisation with a high volume of tasks",
            ),
            extras=(
                "Experience in a fast-growing company",
                "Knowledge of works councils or union relations",
            ),
            certs=(
                "GB,IE|CIPD Level 5 or above, or working towards it",
                "US,CA|SHRM-CP or PHR certification",
            ),
            perks=(
                "GB,IE|CIPD study support",
                "US,CA|SHRM certification support",
            ),
        ),
        "de": Texts(
            titles={},
            field="im Personalwesen oder Recruiting",
            study="Personalmanagement, Psychologie oder BWL",
            mission=(
                "Unser Personalteam betreut rund 900 Mitarbeitende an vier Standorten",
                "Wir wachsen und wollen Personalprozesse, die persönlich, fair und schnell sind",
            ),
            duties=(
                "Pflege der Daten in {tool} und Reporting zu Einstellungen und Fluktuation",
                "Mitarbeit am Employer Branding und an der Karriereseite",
                "Optimierung von HR-Prozessen und Vorlagen",
            ),
            skills=(
                "Erfahrung mit {tools}",
                "Kommunikationsstärke, Empathie und Diskretion",
                "Gute Kenntnisse im Arbeitsrecht",
                "Organisationstalent",
            ),
            extras=(
                "Erfahrung in der Zusammenarbeit mit dem Betriebsrat",
                "Weiterbildung zum/zur Personalfachkaufmann/-frau (IHK)",
            ),
            perks=("Budget für Fortbildungen im HR-Bereich",),
        ),
        "fr": Texts(
            titles={},
            field="en ressources humaines ou recrutement",
            study="ressources humaines (master RH, psychologie du travail)",
            mission=(
                "L'équipe RH compte huit personnes et accompagne environ 900 collaborateurs",
                "Nous grandissons et voulons des process RH humains, équitables et rapides",
            ),
            duties=(
                "Tenir à jour les données dans {tool} et suivre les indicateurs RH",
                "Contribuer à la marque employeur",
                "Améliorer les process RH",
            ),
            skills=(
                "Expérience avec {tools}",
                "Excellent relationnel et discrétion",
                "Bonne connaissance du droit du travail",
                "Sens de l'organisation",
            ),
            extras=(
                "Expérience en forte croissance",
                "Connaissance des instances représentatives du personnel",
            ),
            perks=("Formations RH prises en charge",),
        ),
    },
)

LEGAL = Family(
    id="legal",
    label="Legal and compliance",
    count=55,
    sectors=("law", "law", "bank", "tech", "insurance", "manufacturing", "energy"),
    tools=(
        "Microsoft Word",
        "iManage",
        "LexisNexis",
        "Westlaw",
        "Ironclad",
        "DocuSign",
        "Relativity",
    ),
    roles=(
        Role(
            "lawyer",
            titles={
                "en": {
                    "junior": ("GB,IE|Trainee Solicitor", "Junior Associate"),
                    "mid": ("Associate – Commercial", "Employment Lawyer", "Corporate Associate"),
                    "senior": ("Senior Associate – Commercial", "Senior Associate – Employment"),
                    "lead": ("Counsel", "Legal Director"),
                    "principal": ("Partner – Corporate", "Partner – Employment"),
                },
                "de": {
                    "junior": ("Rechtsreferendar{g}", "Berufseinsteiger{g} Rechtsanwalt"),
                    "mid": (
                        "Rechtsanwalt{g} Arbeitsrecht",
                        "Rechtsanwalt{g} Gesellschaftsrecht/M&A",
                    ),
                    "senior": ("Senior Associate{g} Arbeitsrecht",),
                    "lead": ("Counsel{g}",),
                    "principal": ("Partner{g} Gesellschaftsrecht",),
                },
                "fr": {
                    "junior": ("Avocat collaborateur junior", "Élève-avocat (stage final)"),
                    "mid": ("Avocat collaborateur en droit social", "Avocat en droit des affaires"),
                    "senior": ("Avocat senior en droit des sociétés",),
                    "lead": ("Counsel",),
                    "principal": ("Associé en droit social",),
                },
            },
            tools=("Microsoft Word", "iManage", "LexisNexis"),
            weight=2,
            duties={
                "en": (
                    "Advise clients on commercial contracts, employment matters or corporate transactions",
                    "Draft and negotiate agreements and prepare advice notes",
                    "Run due-diligence workstreams and supervise trainees",
                ),
                "de": (
                    "Beratung von Mandanten in allen Fragen des Arbeits- oder Gesellschaftsrechts",
                    "Vertretung vor Arbeits- und Zivilgerichten",
                    "Mitwirkung an Transaktionen und Due-Diligence-Prüfungen",
                ),
                "fr": (
                    "Conseiller les clients en droit social ou en droit des affaires",
                    "Rédiger actes, contrats et consultations",
                    "Représenter les clients devant les juridictions",
                ),
            },
        ),
        Role(
            "in_house",
            titles={
                "en": {
                    "mid": ("Legal Counsel", "Commercial Counsel"),
                    "senior": ("Senior Legal Counsel",),
                    "lead": ("Head of Legal",),
                    "executive": ("General Counsel",),
                },
                "de": {
                    "mid": ("Legal Counsel{g}", "Syndikusrechtsanwalt{g}", "Justiziar{g}"),
                    "senior": ("Senior Legal Counsel{g}",),
                    "lead": ("Leiter{g} Recht",),
                    "executive": ("General Counsel{g}",),
                },
                "fr": {
                    "mid": ("Juriste droit des affaires", "Juriste contrats"),
                    "senior": ("Juriste senior",),
                    "lead": ("Responsable juridique",),
                    "executive": ("Directeur juridique",),
                },
            },
            tools=("Ironclad", "DocuSign", "Microsoft Word"),
            weight=2,
            duties={
                "en": (
                    "Draft and negotiate customer, supplier and partnership agreements",
                    "Give pragmatic advice to sales, product and HR",
                ),
                "de": (
                    "Gestaltung und Verhandlung von Kunden-, Lieferanten- und Kooperationsverträgen",
                    "Pragmatische Beratung von Vertrieb, Produkt und HR",
                ),
                "fr": (
                    "Rédiger et négocier les contrats clients et fournisseurs",
                    "Conseiller les équipes commerciales et RH",
                ),
            },
        ),
        Role(
            "privacy",
            titles={
                "en": {
                    "mid": ("Data Protection Officer", "Privacy Counsel"),
                    "senior": ("Senior Privacy Counsel",),
                },
                "de": {
                    "mid": ("Datenschutzbeauftragter{g}", "Datenschutzjurist{g}"),
                    "senior": ("Senior Datenschutzjurist{g}",),
                },
                "fr": {"mid": ("Délégué à la protection des données (DPO)", "Juriste RGPD")},
            },
            tools=("OneTrust", "Microsoft Word"),
            duties={
                "en": (
                    "Maintain the record of processing, run DPIAs and answer data-subject requests",
                ),
                "de": (
                    "Führung des Verarbeitungsverzeichnisses und Durchführung von Datenschutz-Folgenabschätzungen",
                ),
                "fr": (
                    "Tenir le registre des traitements et réaliser les analyses d'impact (AIPD)",
                ),
            },
        ),
        Role(
            "paralegal",
            titles={
                "en": {
                    "junior": ("Paralegal", "Legal Assistant"),
                    "mid": ("Senior Paralegal", "Compliance Officer"),
                },
                "de": {
                    "junior": ("Rechtsanwaltsfachangestellte{g}",),
                    "mid": ("Paralegal{g}", "Compliance Officer{g}"),
                },
                "fr": {
                    "junior": ("Assistant juridique",),
                    "mid": ("Juriste assistant", "Chargé de conformité"),
                },
            },
            tools=("iManage", "Microsoft Word", "Relativity"),
            duties={
                "en": ("Prepare bundles, manage deadlines and keep matter files in order",),
                "de": ("Fristenkontrolle, Schriftverkehr und Aktenführung",),
                "fr": ("Suivre les échéances et préparer les dossiers",),
            },
        ),
    ),
    levels={"junior": 22, "mid": 38, "senior": 22, "lead": 8, "principal": 4, "executive": 6},
    employment={"full_time": 88, "part_time": 7, "contract": 5},
    salary=68_000,
    remote=0.04,
    hybrid=0.5,
    global_market=False,
    texts={
        "en": Texts(
            titles={},
            field="in legal practice or an in-house legal team",
            study="law",
            mission=(
                "You'll join a collegiate team known for clear, commercial advice",
                "Our clients range from start-ups to listed companies",
            ),
            duties=(
                "Research points of law and keep up with legislative change",
                "Keep precise records in {tool}",
                "Contribute to know-how, templates and training for the business",
                "Manage risks and escalate issues early",
            ),
            skills=(
                "Excellent drafting skills and attention to detail",
                "Sound judgement and commercial awareness",
                "Ability to explain complex issues simply",
                "Experience with {tools}",
            ),
            extras=("A second language", "Experience of regulated industries"),
            certs=(
                "!US,CA|Qualified solicitor in England and Wales, or qualified to practise locally",
                "US|Admitted to the bar in at least one US state",
                "CA|Member in good standing of a provincial law society",
                "GB|A law degree and the SQE or LPC",
            ),
            perks=("Realistic billable-hours target", "Paid professional memberships"),
        ),
        "de": Texts(
            titles={},
            field="in einer Kanzlei oder Rechtsabteilung",
            study="Rechtswissenschaften",
            mission=(
                "Unser Team steht für verständliche, wirtschaftlich sinnvolle Beratung",
                "Wir beraten Start-ups ebenso wie börsennotierte Unternehmen",
            ),
            duties=(
                "Recherche zu Rechtsfragen und Verfolgung aktueller Gesetzgebung",
                "Sorgfältige Dokumentation in {tool}",
                "Erstellung von Mustern, Leitfäden und Schulungen",
                "Frühzeitiges Erkennen rechtlicher Risiken",
            ),
            skills=(
                "Sehr gute Formulierungsfähigkeit und Genauigkeit",
                "Wirtschaftliches Verständnis",
                "Verhandlungssicheres Englisch",
                "Erfahrung mit {tools}",
            ),
            extras=("Promotion oder LL.M.", "Erfahrung in regulierten Branchen"),
            certs=(
                "DE|Zwei juristische Staatsexamina, davon idealerweise eines mit Prädikat",
                "Zulassung als Rechtsanwalt/Rechtsanwältin",
                "Abgeschlossene Ausbildung zur/zum Rechtsanwaltsfachangestellten",
            ),
            perks=("Realistische Billable-Hours-Vorgaben", "Übernahme von Fachanwaltskursen"),
        ),
        "fr": Texts(
            titles={},
            field="en cabinet d'avocats ou en direction juridique",
            study="droit (master 2)",
            mission=(
                "Vous rejoindrez une équipe reconnue pour des conseils clairs et opérationnels",
                "Nos clients vont de la start-up au groupe coté",
            ),
            duties=(
                "Effectuer des recherches juridiques et assurer la veille",
                "Tenir les dossiers à jour dans {tool}",
                "Élaborer des modèles et former les équipes",
                "Identifier et prévenir les risques juridiques",
            ),
            skills=(
                "Excellentes qualités rédactionnelles",
                "Sens des affaires et pragmatisme",
                "Anglais juridique courant",
                "Expérience avec {tools}",
            ),
            extras=("LL.M. ou double formation", "Expérience en secteur réglementé"),
            certs=("FR|Titulaire du CAPA", "Master 2 en droit des affaires ou droit social"),
            perks=("Objectifs d'heures facturables raisonnables",),
        ),
    },
)

ADMIN = Family(
    id="administration",
    label="Administration and office support",
    count=60,
    sectors=(*_OFFICE_SECTORS, "law", "school", "research"),
    tools=(
        "Microsoft 365",
        "Outlook",
        "Microsoft Excel",
        "Microsoft Word",
        "Teams",
        "SAP",
        "Google Workspace",
        "DocuSign",
        "Concur",
        "Salesforce",
    ),
    roles=(
        Role(
            "assistant",
            titles={
                "en": {
                    "junior": ("Administrative Assistant", "Office Assistant", "Team Assistant"),
                    "mid": ("Executive Assistant", "Personal Assistant to the Managing Director"),
                    "senior": ("Senior Executive Assistant to the CEO",),
                    "lead": ("Head of Executive Support",),
                },
                "de": {
                    "junior": ("Büroassistenz{g}", "Teamassistenz{g}"),
                    "mid": ("Assistenz der Geschäftsführung{g}", "Executive Assistant{g}"),
                    "senior": ("Senior Executive Assistant{g} des Vorstands",),
                },
                "fr": {
                    "junior": ("Assistant administratif", "Assistant d'équipe"),
                    "mid": ("Assistant de direction", "Office Manager"),
                    "senior": ("Assistant de direction générale",),
                },
            },
            tools=("Outlook", "Microsoft Excel", "Concur"),
            weight=3,
            duties={
                "en": (
                    "Manage complex diaries, travel and expenses for the leadership team",
                    "Prepare board papers and take minutes",
                ),
                "de": (
                    "Terminkoordination, Reiseplanung und Reisekostenabrechnung für die Geschäftsführung",
                    "Vorbereitung von Sitzungen und Protokollführung",
                ),
                "fr": (
                    "Gérer les agendas, les déplacements et les notes de frais de la direction",
                    "Préparer les réunions et rédiger les comptes rendus",
                ),
            },
        ),
        Role(
            "office",
            titles={
                "en": {
                    "junior": ("Receptionist", "Front Desk Coordinator"),
                    "mid": ("Office Manager", "Facilities Coordinator"),
                    "lead": ("Office Services Team Lead",),
                    "executive": ("Head of Administration",),
                },
                "de": {
                    "junior": ("Empfangsmitarbeiter{g}",),
                    "mid": ("Office Manager{g}", "Kaufmännischer Mitarbeiter{g} Verwaltung"),
                    "lead": ("Leiter{g} Verwaltung",),
                },
                "fr": {
                    "junior": ("Hôte d'accueil", "Standardiste"),
                    "mid": ("Office Manager", "Assistant des services généraux"),
                    "lead": ("Responsable des services généraux",),
                },
            },
            tools=("Microsoft 365", "Google Workspace", "Envoy"),
            weight=2,
            duties={
                "en": (
                    "Run the front desk, greet visitors and handle calls and post",
                    "Look after office supplies, suppliers and facilities",
                ),
                "de": (
                    "Empfang von Besucherinnen und Besuchern, Telefonzentrale und Postbearbeitung",
                    "Betreuung von Dienstleistern und Büroausstattung",
                ),
                "fr": (
                    "Accueillir les visiteurs et gérer le standard",
                    "Gérer les fournitures, les prestataires et les locaux",
                ),
            },
        ),
        Role(
            "clerk",
            titles={
                "en": {
                    "junior": ("Data Entry Clerk", "Administration Officer"),
                    "mid": ("Administrative Coordinator", "Operations Administrator"),
                },
                "de": {
                    "junior": ("Sachbearbeiter{g} Verwaltung",),
                    "mid": ("Sachbearbeiter{g} Auftragsabwicklung",),
                },
                "fr": {
                    "junior": ("Agent administratif",),
                    "mid": ("Assistant de gestion", "Gestionnaire administratif"),
                },
            },
            tools=("SAP", "Microsoft Excel", "Salesforce"),
            duties={
                "en": (
                    "Enter and check orders, invoices and customer data accurately",
                    "Produce weekly reports in Excel",
                ),
                "de": (
                    "Erfassung und Prüfung von Aufträgen und Stammdaten",
                    "Erstellung wöchentlicher Auswertungen",
                ),
                "fr": (
                    "Saisir et contrôler les commandes et données clients",
                    "Réaliser les reportings hebdomadaires",
                ),
            },
        ),
    ),
    levels={"junior": 45, "mid": 35, "senior": 8, "lead": 8, "executive": 3},
    employment={"full_time": 65, "part_time": 25, "temporary": 10},
    salary=40_000,
    remote=0.02,
    hybrid=0.3,
    global_market=False,
    texts={
        "en": Texts(
            titles={},
            field="in an administrative or office role",
            study="business administration",
            mission=(
                "You'll be the person who keeps our busy office running smoothly",
                "It's a varied role where no two days are the same",
            ),
            duties=(
                "Organise meetings, events and team lunches",
                "Keep filing, contracts and records organised in {tool}",
                "Act as the first point of contact for internal questions",
                "Support onboarding of new joiners",
                "Raise purchase orders and track invoices",
            ),
            skills=(
                "Excellent organisational skills and attention to detail",
                "Confident use of {tools}",
                "A friendly, professional manner on the phone and in person",
                "Discretion with confidential information",
                "The ability to prioritise and stay calm when things get busy",
            ),
            extras=("Experience with SAP or another ERP", "A second language"),
            perks=("Free lunch on Fridays",),
        ),
        "de": Texts(
            titles={},
            field="in der Büro- oder Teamassistenz",
            study="einer kaufmännischen Ausbildung",
            mission=(
                "Die Stelle ist das organisatorische Herz unseres Standorts",
                "Die Aufgaben sind abwechslungsreich und kein Tag gleicht dem anderen",
            ),
            duties=(
                "Organisation von Meetings, Veranstaltungen und Teamevents",
                "Ablage und Vertragsverwaltung in {tool}",
                "Erste Anlaufstelle für interne Fragen",
                "Unterstützung beim Onboarding neuer Kolleginnen und Kollegen",
                "Bestellwesen und Rechnungsprüfung",
            ),
            skills=(
                "Abgeschlossene kaufmännische Ausbildung, z. B. als Kaufmann/-frau für Büromanagement",
                "Sicherer Umgang mit {tools}",
                "Freundliches, professionelles Auftreten",
                "Diskretion und Zuverlässigkeit",
                "Organisationstalent",
            ),
            extras=("SAP-Kenntnisse", "Gute Englischkenntnisse"),
            perks=("Zuschuss zum Mittagessen",),
        ),
        "fr": Texts(
            titles={},
            field="dans un poste administratif",
            study="assistanat de direction ou gestion (BTS)",
            mission=(
                "Vous serez le point d'appui de toute l'équipe au quotidien",
                "Un poste polyvalent où aucune journée ne se ressemble",
            ),
            duties=(
                "Organiser réunions, séminaires et événements internes",
                "Classer et archiver contrats et documents dans {tool}",
                "Être le premier interlocuteur pour les questions internes",
                "Participer à l'accueil des nouveaux arrivants",
                "Gérer les commandes et le suivi des factures",
            ),
            skills=(
                "BTS Support à l'action managériale ou équivalent",
                "Maîtrise de {tools}",
                "Excellent sens de l'organisation",
                "Discrétion et sens du service",
            ),
            extras=("Connaissance de SAP", "Anglais courant"),
            perks=("Horaires réguliers",),
        ),
    },
)

JOURNALISM = Family(
    id="journalism_content",
    label="Journalism and content",
    count=55,
    sectors=("media", "media", "agency", "tech", "public"),
    tools=(
        "WordPress",
        "Adobe Premiere Pro",
        "Canva",
        "Google Analytics 4",
        "Chartbeat",
        "Hootsuite",
        "Adobe Audition",
        "Trello",
        "Datawrapper",
        "MadCap Flare",
    ),
    roles=(
        Role(
            "reporter",
            titles={
                "en": {
                    "intern": ("Editorial Intern",),
                    "junior": ("Trainee Reporter", "Junior Reporter"),
                    "mid": ("News Reporter", "Reporter – Local Government", "Business Reporter"),
                    "senior": ("Senior Reporter", "Investigations Reporter"),
                    "lead": ("News Editor", "Managing Editor"),
                    "executive": ("Editor-in-Chief",),
                },
                "de": {
                    "intern": ("Volontär{g} Redaktion",),
                    "junior": ("Volontär{g}", "Junior-Redakteur{g}"),
                    "mid": (
                        "Redakteur{g} Lokales",
                        "Wirtschaftsredakteur{g}",
                        "Online-Redakteur{g}",
                    ),
                    "senior": ("Leitender Redakteur{g}",),
                    "lead": ("Ressortleiter{g} Lokales", "Chef{g} vom Dienst"),
                    "executive": ("Chefredakteur{g}",),
                },
                "fr": {
                    "intern": ("Stage – Journaliste",),
                    "junior": ("Journaliste junior",),
                    "mid": ("Journaliste", "Journaliste web", "Secrétaire de rédaction"),
                    "senior": ("Grand reporter",),
                    "lead": ("Chef d'édition", "Rédacteur en chef adjoint"),
                    "executive": ("Rédacteur en chef",),
                },
            },
            tools=("WordPress", "Datawrapper", "Chartbeat"),
            weight=3,
            duties={
                "en": (
                    "Find, report and write original stories for print and online, often on deadline",
                    "Cultivate sources and attend council meetings, courts and events",
                    "Fact-check rigorously and follow the editorial code",
                ),
                "de": (
                    "Recherche und Verfassen eigener Geschichten für Print und Online",
                    "Pflege von Kontakten zu Verwaltung, Vereinen und Wirtschaft",
                    "Sorgfältige Faktenprüfung nach dem Pressekodex",
                ),
                "fr": (
                    "Enquêter et rédiger des articles pour le print et le web",
                    "Développer un réseau de sources locales",
                    "Vérifier rigoureusement les informations",
                ),
            },
        ),
        Role(
            "copy",
            titles={
                "en": {
                    "junior": ("Junior Copywriter", "Content Writer"),
                    "mid": ("Copywriter", "Content Writer", "Content Editor"),
                    "senior": ("Senior Copywriter",),
                    "lead": ("Content Lead",),
                    "executive": ("Head of Content",),
                },
                "de": {
                    "junior": ("Junior Texter{g}",),
                    "mid": ("Texter{g}", "Content Creator{g}"),
                    "senior": ("Senior Texter{g}",),
                    "lead": ("Head of Content{g}",),
                },
                "fr": {
                    "junior": ("Rédacteur web junior",),
                    "mid": ("Concepteur-rédacteur", "Rédacteur web"),
                    "senior": ("Concepteur-rédacteur senior",),
                    "lead": ("Responsable éditorial",),
                },
            },
            tools=("WordPress", "Canva", "Semrush", "Google Docs"),
            weight=2,
            duties={
                "en": (
                    "Write web copy, newsletters, case studies and scripts in a clear, human voice",
                    "Edit others' work for accuracy, tone and SEO",
                ),
                "de": (
                    "Konzeption und Erstellung von Texten für Web, Newsletter und Social Media",
                ),
                "fr": ("Rédiger des contenus web, newsletters et études de cas",),
            },
        ),
        Role(
            "social_video",
            titles={
                "en": {
                    "junior": ("Social Media Assistant",),
                    "mid": ("Social Media Editor", "Video Producer"),
                    "senior": ("Senior Video Producer",),
                },
                "de": {"mid": ("Social-Media-Redakteur{g}", "Videoredakteur{g}")},
                "fr": {"mid": ("Community manager", "Journaliste reporter d'images (JRI)")},
            },
            tools=("Adobe Premiere Pro", "Hootsuite", "CapCut", "Canva"),
            duties={
                "en": (
                    "Produce short video and social posts that bring our journalism to new audiences",
                ),
                "de": ("Produktion von Kurzvideos und Social-Media-Beiträgen",),
                "fr": ("Produire des vidéos courtes et des contenus pour les réseaux sociaux",),
            },
        ),
        Role(
            "technical_writer",
            titles={
                "en": {"mid": ("Technical Writer",), "senior": ("Senior Technical Writer",)},
                "de": {
                    "mid": ("Technischer Redakteur{g}",),
                    "senior": ("Senior Technischer Redakteur{g}",),
                },
                "fr": {"mid": ("Rédacteur technique",)},
            },
            tools=("MadCap Flare", "Markdown", "Git", "Confluence"),
            duties={
                "en": ("Write user guides, API documentation and release notes with engineers",),
                "de": ("Erstellung von Betriebsanleitungen und Online-Hilfen nach Normvorgaben",),
                "fr": ("Rédiger les manuels utilisateurs et la documentation technique",),
            },
        ),
    ),
    levels={"intern": 6, "junior": 22, "mid": 38, "senior": 18, "lead": 10, "executive": 4},
    employment={"full_time": 70, "part_time": 12, "contract": 13, "temporary": 5},
    salary=48_000,
    remote=0.15,
    hybrid=0.4,
    global_market=False,
    texts={
        "en": Texts(
            titles={},
            field="in journalism, editorial or content work",
            study="journalism, English, communications or a related field",
            mission=(
                "Our newsroom and content team publish around 60 pieces a day across web, newsletters and social",
                "We value accuracy over speed, but we are fast too",
            ),
            duties=(
                "Pitch ideas in the morning editorial meeting",
                "Publish and optimise content in {tool}",
                "Use audience data from {tool2} to learn what readers value",
                "Work with photographers, designers and video producers",
            ),
            skills=(
                "A portfolio of published work",
                "Excellent writing and editing skills in English",
                "Sound news judgement and a strong sense of ethics",
                "Experience with {tools}",
                "The ability to work calmly to tight deadlines",
            ),
            extras=("GB|Shorthand (100 wpm)", "Data-journalism skills", "A full driving licence"),
            certs=("GB,IE|NCTJ Diploma in Journalism (or equivalent experience)",),
            perks=("Subscriptions to the publications you read for work",),
        ),
        "de": Texts(
            titles={},
            field="im Journalismus oder in der Redaktion",
            study="Journalistik, Germanistik, Kommunikationswissenschaft oder eines vergleichbaren Fachs",
            mission=(
                "Unsere Redaktion veröffentlicht täglich rund 60 Beiträge für Print, Web und Social Media",
                "Sorgfalt geht vor Schnelligkeit – aber schnell sind wir auch",
            ),
            duties=(
                "Themenvorschläge in der Morgenkonferenz",
                "Veröffentlichung und Optimierung der Inhalte in {tool}",
                "Auswertung von Reichweitendaten mit {tool2}",
                "Zusammenarbeit mit Fotografie, Grafik und Video",
            ),
            skills=(
                "Abgeschlossenes Volontariat oder Journalistenschule",
                "Stilsicheres Deutsch und Freude am Schreiben",
                "Gutes Gespür für Themen",
                "Erfahrung mit {tools}",
                "Belastbarkeit bei engen Deadlines",
            ),
            extras=("Kenntnisse im Datenjournalismus", "Führerschein Klasse B"),
            perks=("Zugang zu allen Publikationen des Hauses",),
        ),
        "fr": Texts(
            titles={},
            field="en journalisme ou en rédaction",
            study="journalisme (école reconnue) ou lettres",
            mission=(
                "Notre rédaction publie une soixantaine de contenus par jour sur le web, les newsletters et les réseaux",
                "La rigueur avant la vitesse, mais nous savons aussi être réactifs",
            ),
            duties=(
                "Proposer des sujets en conférence de rédaction",
                "Publier et optimiser les contenus dans {tool}",
                "Analyser l'audience avec {tool2}",
                "Travailler avec photographes, graphistes et vidéastes",
            ),
            skills=(
                "Diplôme d'une école de journalisme reconnue ou expérience équivalente",
                "Excellente plume et orthographe irréprochable",
                "Sens de l'actualité et déontologie",
                "Expérience avec {tools}",
            ),
            extras=("Compétences en datajournalisme", "Permis B"),
            certs=("Carte de presse appréciée",),
            perks=("Abonnements presse pris en charge",),
        ),
    },
)

FAMILIES = (ACCOUNTING, ANALYSIS, HR, LEGAL, ADMIN, JOURNALISM)
