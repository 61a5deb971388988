"""Skilled trades and manufacturing engineering families."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

from jobagent_core.discovery.sample_data.bank import Family, Role, Texts

_TRADE_LEVELS = {"intern": 6, "junior": 20, "mid": 48, "senior": 14, "lead": 12}
_TRADE_CONTRACTS = {"full_time": 82, "contract": 10, "temporary": 8}

ELECTRICIAN = Family(
    id="electrician",
    label="Electricians",
    count=60,
    sectors=("electrical", "electrical", "construction", "manufacturing", "energy"),
    tools=(
        "multifunction tester",
        "insulation-resistance tester",
        "Fluke multimeter",
        "Siemens S7 PLC",
        "KNX",
        "cable tray and conduit",
        "distribution boards",
        "thermal imaging camera",
    ),
    roles=(
        Role(
            "installation",
            titles={
                "en": {
                    "intern": ("Apprentice Electrician",),
                    "junior": (
                        "GB|Electrician's Mate",
                        "GB|Improver Electrician",
                        "US,CA|Apprentice Electrician (2nd year)",
                        "!GB,US,CA|Electrician's Assistant",
                    ),
                    "mid": (
                        "Electrician",
                        "GB|Approved Electrician",
                        "Commercial Electrician",
                        "US,CA|Journeyman Electrician",
                    ),
                    "senior": ("Senior Electrician", "US,CA|Master Electrician"),
                    "lead": ("Electrical Supervisor", "Electrical Foreman"),
                },
                "de": {
                    "intern": ("Auszubildender{g} Elektroniker für Energie- und Gebäudetechnik",),
                    "junior": ("Elektrohelfer{g}",),
                    "mid": (
                        "Elektroniker{g} für Energie- und Gebäudetechnik",
                        "Elektriker{g}",
                        "Elektroinstallateur{g}",
                    ),
                    "senior": ("Obermonteur{g} Elektrotechnik",),
                    "lead": ("Elektrotechnikermeister{g}", "Bauleiter{g} Elektrotechnik"),
                },
                "fr": {
                    "intern": ("Apprenti électricien",),
                    "junior": ("Aide-électricien",),
                    "mid": ("Électricien du bâtiment", "Électricien tertiaire"),
                    "senior": ("Électricien confirmé",),
                    "lead": ("Chef d'équipe électricien", "Chef de chantier électricité"),
                },
            },
            weight=3,
            sectors=("electrical", "construction"),
            duties={
                "en": (
                    "Install first and second fix wiring, containment, lighting and distribution boards in new-build and refurbishment projects",
                    "Test, inspect and certify installations and complete paperwork accurately",
                ),
                "de": (
                    "Elektroinstallationen im Wohnungs- und Gewerbebau, vom Rohbau bis zur Fertigmontage",
                    "Prüfung nach DIN VDE 0100-600 und Erstellung der Prüfprotokolle",
                ),
                "fr": (
                    "Réaliser les installations électriques en neuf et en rénovation (tableaux, éclairage, prises)",
                    "Effectuer les essais et la mise en service",
                ),
            },
        ),
        Role(
            "maintenance",
            titles={
                "en": {
                    "mid": (
                        "Maintenance Electrician",
                        "Industrial Electrician",
                        "Multi-skilled Maintenance Electrician (Shifts)",
                    ),
                    "senior": ("Lead Maintenance Electrician",),
                    "lead": ("Electrical Maintenance Supervisor",),
                },
                "de": {
                    "mid": (
                        "Elektroniker{g} für Betriebstechnik",
                        "Industrieelektriker{g} Instandhaltung",
                    ),
                    "lead": ("Teamleiter{g} Elektroinstandhaltung",),
                },
                "fr": {
                    "mid": (
                        "Électricien de maintenance industrielle",
                        "Électrotechnicien de maintenance",
                    ),
                    "lead": ("Chef d'équipe maintenance électrique",),
                },
            },
            tools=("Siemens S7 PLC", "TIA Portal", "motor drives", "thermal imaging camera"),
            weight=2,
            sectors=("manufacturing", "energy", "hospital", "logistics"),
            duties={
                "en": (
                    "Fault-find on motors, drives, sensors and PLC-controlled production lines",
                    "Carry out planned preventive maintenance and log work in the CMMS",
                ),
                "de": (
                    "Fehlersuche an Antrieben, Sensorik und SPS-gesteuerten Anlagen",
                    "Vorbeugende Instandhaltung und Dokumentation im CMMS",
                ),
                "fr": (
                    "Diagnostiquer les pannes sur moteurs, variateurs et automates",
                    "Réaliser la maintenance préventive",
                ),
            },
        ),
        Role(
            "renewables",
            titles={
                "en": {
                    "mid": (
                        "Solar PV Installer (Electrician)",
                        "EV Charger Installation Electrician",
                    )
                },
                "de": {
                    "mid": ("Elektroniker{g} Photovoltaik", "Servicetechniker{g} Ladeinfrastruktur")
                },
                "fr": {
                    "mid": (
                        "Électricien installateur photovoltaïque",
                        "Installateur de bornes de recharge IRVE",
                    )
                },
            },
            tools=("PV inverters", "battery storage", "EV chargers"),
            sectors=("electrical", "energy"),
            duties={
                "en": ("Install and commission rooftop solar systems, batteries and EV chargers",),
                "de": ("Montage und Inbetriebnahme von PV-Anlagen, Speichern und Wallboxen",),
                "fr": (
                    "Installer et mettre en service des systèmes photovoltaïques et des bornes IRVE",
                ),
            },
        ),
    ),
    levels=_TRADE_LEVELS,
    employment=_TRADE_CONTRACTS,
    salary=45_000,
    hourly=True,
    intern_contract="other",
    texts={
        "en": Texts(
            titles={},
            field="as an electrician",
            study="electrical installation",
            mission=(
                "You'll join a team of around 20 electricians with a steady pipeline of work in and around {city}",
                "We invest in training, and most of our supervisors started here as apprentices",
                "You'll get proper tools, a clear schedule and support from experienced colleagues",
            ),
            duties=(
                "Read drawings and specifications and plan your work safely",
                "Work to BS 7671 or the local wiring code and keep sites tidy",
                "Carry out risk assessments and safe isolation procedures",
                "Liaise with site managers, other trades and customers",
                "Supervise apprentices and mates",
                "Report defects and suggest improvements",
            ),
            skills=(
                "Solid fault-finding skills",
                "A strong focus on health and safety",
                "Pride in neat, high-quality work",
                "Reliability and good time-keeping",
                "A full driving licence",
            ),
            extras=(
                "GB|Inspection and testing qualification (2391)",
                "Experience with fire alarms or data cabling",
                "GB|IPAF or PASMA card",
            ),
            certs=(
                "GB|18th Edition (BS 7671) and NVQ Level 3 in Electrotechnical Installation",
                "GB|ECS card (gold or blue)",
                "US|State journeyman electrician license",
                "US|OSHA 10 card",
                "CA|Red Seal Construction Electrician (309A) certificate",
                "AU|A-grade electrical licence",
                "IE|Qualified electrician with Safe Electric registration",
                "NZ|Registration with the Electrical Workers Registration Board",
            ),
            perks=(
                "Company van and fuel card",
                "Paid overtime and travel time",
                "Tool allowance and quality PPE",
            ),
        ),
        "de": Texts(
            titles={},
            field="im Elektrohandwerk",
            study="Elektrotechnik",
            mission=(
                "Das Elektroteam umfasst rund 20 Kolleginnen und Kollegen mit einer stabilen Auftragslage im Raum {city}",
                "Wir bilden selbst aus – viele unserer Vorarbeiter haben bei uns als Azubi angefangen",
            ),
            duties=(
                "Lesen von Plänen und Schaltplänen",
                "Arbeiten nach DIN VDE und den fünf Sicherheitsregeln",
                "Abstimmung mit Bauleitung, anderen Gewerken und Kunden",
                "Anleitung von Auszubildenden",
            ),
            skills=(
                "Abgeschlossene Ausbildung als Elektroniker:in bzw. Elektriker:in",
                "Sorgfältige und selbstständige Arbeitsweise",
                "Teamfähigkeit und Zuverlässigkeit",
                "Führerschein Klasse B",
            ),
            extras=(
                "Erfahrung mit KNX oder Gebäudeautomation",
                "Meisterbrief oder Bereitschaft zur Weiterbildung",
            ),
            certs=("Elektrofachkraft nach DGUV Vorschrift 3",),
            perks=(
                "Eigenes Firmenfahrzeug",
                "Bezahlung nach Tarif plus Zulagen",
                "Moderne Werkzeugausstattung",
            ),
        ),
        "fr": Texts(
            titles={},
            field="en électricité",
            study="électrotechnique",
            mission=(
                "Vous rejoindrez une équipe d'une vingtaine d'électriciens avec un plan de charge stable autour de {city}",
                "Nous formons nos apprentis et la plupart de nos chefs d'équipe ont commencé chez nous",
            ),
            duties=(
                "Lire les plans et schémas électriques",
                "FR|Respecter la norme NF C 15-100 et les règles de sécurité",
                "!FR|Respecter les normes électriques et les règles de sécurité",
                "Échanger avec le chef de chantier et les autres corps d'état",
                "Former les apprentis",
            ),
            skills=(
                "CAP, BP ou Bac pro électricien",
                "Autonomie et rigueur",
                "Sens du travail bien fait",
                "Permis B",
            ),
            extras=("Expérience en courants faibles ou domotique",),
            certs=(
                "FR|Habilitation électrique B2V, BR, BC à jour",
                "!FR|Habilitations électriques à jour",
            ),
            perks=(
                "Véhicule de service",
                "Paniers repas et indemnités de trajet",
                "Outillage fourni",
            ),
        ),
    },
)

PLUMBING = Family(
    id="plumbing_hvac",
    label="Plumbing, heating and HVAC",
    count=60,
    sectors=("plumbing", "plumbing", "construction", "hospital", "public"),
    tools=(
        "press-fit systems",
        "combustion analyser",
        "refrigerant gauges",
        "heat pumps",
        "gas boilers",
        "BMS controls",
        "pipe threading machine",
        "leak detector",
    ),
    roles=(
        Role(
            "plumber",
            titles={
                "en": {
                    "intern": ("Apprentice Plumber",),
                    "junior": ("GB|Plumber's Mate", "!GB|Plumber's Helper"),
                    "mid": ("Plumber", "Commercial Plumber", "US,CA|Journeyman Plumber"),
                    "senior": ("US,CA|Master Plumber", "Senior Plumber"),
                    "lead": ("Plumbing Supervisor",),
                },
                "de": {
                    "intern": ("Auszubildender{g} Anlagenmechaniker SHK",),
                    "junior": ("Helfer{g} Sanitärinstallation",),
                    "mid": ("Anlagenmechaniker{g} SHK", "Installateur{g} Sanitär"),
                    "senior": ("Obermonteur{g} SHK",),
                    "lead": ("SHK-Meister{g}", "Bauleiter{g} Haustechnik"),
                },
                "fr": {
                    "intern": ("Apprenti plombier",),
                    "mid": ("Plombier chauffagiste", "Plombier"),
                    "senior": ("Plombier confirmé",),
                    "lead": ("Chef d'équipe plomberie",),
                },
            },
            weight=2,
            duties={
                "en": (
                    "Install and repair water, waste and heating pipework in homes and commercial buildings",
                ),
                "de": (
                    "Installation von Trinkwasser-, Abwasser- und Heizungsanlagen",
                    "Badsanierungen von der Demontage bis zur Endmontage",
                ),
                "fr": ("Installer et dépanner les réseaux d'eau, d'évacuation et de chauffage",),
            },
        ),
        Role(
            "heating",
            titles={
                "en": {
                    "mid": ("GB,IE|Gas Engineer", "Heating Engineer", "Heat Pump Installer"),
                    "senior": ("Senior Heating Service Engineer",),
                    "lead": ("Service Manager – Heating",),
                },
                "de": {
                    "mid": ("Kundendiensttechniker{g} Heizung", "Servicetechniker{g} Wärmepumpen"),
                    "lead": ("Kundendienstleiter{g} Heizung",),
                },
                "fr": {
                    "mid": (
                        "Technicien de maintenance chauffage",
                        "Installateur de pompes à chaleur",
                    ),
                    "lead": ("Responsable SAV chauffage",),
                },
            },
            tools=("combustion analyser", "heat pumps", "gas boilers"),
            weight=2,
            duties={
                "en": ("Service, repair and commission gas boilers and air-source heat pumps",),
                "de": (
                    "Wartung, Reparatur und Inbetriebnahme von Gas-Brennwertgeräten und Wärmepumpen",
                ),
                "fr": ("Entretenir, dépanner et mettre en service chaudières et pompes à chaleur",),
            },
        ),
        Role(
            "hvac",
            titles={
                "en": {
                    "junior": ("Trainee HVAC Technician",),
                    "mid": (
                        "HVAC Technician",
                        "Refrigeration and Air Conditioning Engineer",
                        "HVAC Service Technician",
                    ),
                    "senior": ("Senior HVAC Service Technician",),
                    "lead": ("HVAC Supervisor", "Mechanical Site Supervisor"),
                },
                "de": {
                    "mid": (
                        "Kälteanlagenbauer{g}",
                        "Mechatroniker{g} für Kältetechnik",
                        "Servicetechniker{g} Lüftung und Klima",
                    ),
                    "lead": ("Projektleiter{g} Kälte- und Klimatechnik",),
                },
                "fr": {
                    "mid": ("Technicien de maintenance CVC", "Frigoriste"),
                    "lead": ("Chef d'équipe CVC",),
                },
            },
            tools=("refrigerant gauges", "BMS controls", "VRF systems", "air handling units"),
            weight=2,
            sectors=("plumbing", "hospital", "public", "hotel"),
            duties={
                "en": (
                    "Maintain and repair air-conditioning, ventilation and refrigeration plant, including VRF systems and air handling units",
                ),
                "de": ("Wartung und Störungsbeseitigung an Kälte-, Klima- und Lüftungsanlagen",),
                "fr": (
                    "Assurer la maintenance des installations de climatisation, ventilation et froid",
                ),
            },
        ),
    ),
    levels=_TRADE_LEVELS,
    employment=_TRADE_CONTRACTS,
    salary=44_000,
    hourly=True,
    intern_contract="other",
    texts={
        "en": Texts(
            titles={},
            field="in plumbing, heating or HVAC",
            study="plumbing and heating or refrigeration",
            mission=(
                "We look after homes, schools and offices around {city}, with a good balance of installation and service work",
                "You'll have your own van, a manageable workload and support from an experienced office team",
            ),
            duties=(
                "Diagnose faults methodically and explain options to customers",
                "Complete job sheets, certificates and photos on a tablet",
                "Keep vans stocked and tools in good condition",
                "Follow safe working practices on site",
                "Take part in a fair call-out rota",
            ),
            skills=(
                "Strong practical and problem-solving skills",
                "Customer-friendly communication",
                "Tidy, reliable working habits",
                "A full driving licence",
            ),
            extras=(
                "GB|Unvented hot water certificate (G3)",
                "Experience with building management systems",
            ),
            certs=(
                "GB|Gas Safe registration with relevant ACS tickets (CCN1, CENWAT)",
                "GB|F-Gas certification (Category 1)",
                "US|EPA Section 608 Universal certification",
                "US|State journeyman plumber license",
                "CA|Red Seal certificate (Plumber or Refrigeration Mechanic)",
                "AU|Plumbing licence and ARC refrigerant handling licence",
                "IE|RGII registration for gas work",
            ),
            perks=(
                "Company van and fuel card",
                "Call-out allowance",
                "Manufacturer training on heat pumps",
            ),
        ),
        "de": Texts(
            titles={},
            field="im SHK-Handwerk oder in der Kälte- und Klimatechnik",
            study="Versorgungstechnik",
            mission=(
                "Wir betreuen Privat- und Gewerbekunden im Raum {city} – Neubau, Sanierung und Kundendienst",
                "Unser Team ist eingespielt, und die Büroorganisation nimmt den Monteuren den Papierkram ab",
            ),
            duties=(
                "Systematische Fehlersuche und kompetente Beratung beim Kunden",
                "Digitale Auftragsdokumentation per Tablet",
                "Pflege von Fahrzeug und Werkzeug",
                "Teilnahme am Bereitschaftsdienst",
            ),
            skills=(
                "Abgeschlossene Ausbildung im SHK-Handwerk oder in der Kältetechnik",
                "Kundenorientierung",
                "Selbstständige Arbeitsweise",
                "Führerschein Klasse B",
            ),
            extras=("Erfahrung mit Wärmepumpen", "Meisterbrief"),
            certs=("Sachkundenachweis nach Chemikalien-Klimaschutzverordnung (Kategorie I)",),
            perks=(
                "Firmenfahrzeug auch zur privaten Nutzung",
                "Herstellerschulungen",
                "Bereitschaftszulage",
            ),
        ),
        "fr": Texts(
            titles={},
            field="en plomberie, chauffage ou génie climatique",
            study="génie climatique",
            mission=(
                "Nous intervenons chez des particuliers et des entreprises autour de {city}, en installation comme en dépannage",
                "Chaque technicien dispose de son véhicule équipé et d'un planning organisé",
            ),
            duties=(
                "Diagnostiquer les pannes et conseiller les clients",
                "Compléter les rapports d'intervention sur tablette",
                "Entretenir le véhicule et l'outillage",
                "Participer aux astreintes",
            ),
            skills=(
                "CAP ou Bac pro installateur thermique ou sanitaire",
                "Sens du service client",
                "Autonomie",
                "Permis B",
            ),
            extras=("Expérience sur pompes à chaleur", "Qualification RGE"),
            certs=(
                "Attestation d'aptitude à la manipulation des fluides frigorigènes (catégorie I)",
            ),
            perks=("Véhicule de service", "Primes d'astreinte", "Formations constructeurs"),
        ),
    },
)

CONSTRUCTION = Family(
    id="construction_trades",
    label="Construction, carpentry and welding",
    count=65,
    sectors=("construction", "construction", "manufacturing", "energy"),
    tools=(
        "MIG/MAG welding",
        "TIG welding",
        "laser level",
        "nail gun",
        "mitre saw",
        "telehandler",
        "formwork systems",
        "CNC joinery machines",
    ),
    roles=(
        Role(
            "carpenter",
            titles={
                "en": {
                    "intern": ("Apprentice Carpenter",),
                    "junior": ("Carpenter's Labourer",),
                    "mid": ("Carpenter", "Site Joiner", "Formwork Carpenter", "Bench Joiner"),
                    "senior": ("Lead Carpenter",),
                    "lead": ("Carpentry Foreman",),
                },
                "de": {
                    "intern": ("Auszubildender{g} Zimmerer",),
                    "mid": ("Zimmerer{g}", "Tischler{g} / Schreiner{g}", "Betonbauer{g} Schalung"),
                    "senior": ("Vorarbeiter{g} Zimmerei",),
                    "lead": ("Zimmerermeister{g}",),
                },
                "fr": {
                    "intern": ("Apprenti charpentier",),
                    "mid": ("Charpentier bois", "Menuisier poseur", "Coffreur-bancheur"),
                    "lead": ("Chef d'équipe charpente",),
                },
            },
            tools=("mitre saw", "nail gun", "laser level", "CNC joinery machines"),
            weight=2,
            duties={
                "en": (
                    "Build timber frames, roofs, stud walls and formwork, and hang doors and fit kitchens",
                ),
                "de": (
                    "Abbund und Montage von Holzkonstruktionen, Dachstühlen und Holzrahmenbauten",
                ),
                "fr": ("Fabriquer et poser charpentes, ossatures bois et menuiseries",),
            },
        ),
        Role(
            "welder",
            titles={
                "en": {
                    "junior": ("Trainee Welder",),
                    "mid": (
                        "Welder Fabricator (MIG/TIG)",
                        "Coded Pipe Welder",
                        "Structural Steel Welder",
                    ),
                    "senior": ("Senior Welder / Fabricator",),
                    "lead": ("Welding Supervisor",),
                },
                "de": {
                    "junior": ("Schweißhelfer{g}",),
                    "mid": (
                        "Schweißer{g} WIG/MAG",
                        "Metallbauer{g} Konstruktionstechnik",
                        "Rohrschweißer{g}",
                    ),
                    "lead": ("Schweißaufsicht{g} / Schweißfachmann{g}",),
                },
                "fr": {
                    "mid": ("Soudeur TIG/MIG", "Soudeur tuyauteur", "Chaudronnier soudeur"),
                    "lead": ("Chef d'atelier chaudronnerie",),
                },
            },
            tools=(
                "MIG/MAG welding",
                "TIG welding",
                "plasma cutter",
                "welding procedure specifications",
            ),
            weight=2,
            duties={
                "en": (
                    "Weld carbon and stainless steel in all positions to approved welding procedure specifications",
                    "Read fabrication drawings and check your work for quality",
                ),
                "de": (
                    "Schweißen von Bau- und Edelstahl in allen Positionen nach WPS",
                    "Lesen von Fertigungszeichnungen und Qualitätskontrolle",
                ),
                "fr": (
                    "Souder acier et inox toutes positions selon les DMOS",
                    "Lire les plans de fabrication",
                ),
            },
        ),
        Role(
            "site",
            titles={
                "en": {
                    "junior": ("Construction Labourer", "GB|General Site Operative"),
                    "mid": ("Bricklayer", "Roofer", "Scaffolder", "GB|Groundworker"),
                    "senior": ("Site Supervisor",),
                    "lead": ("Site Manager", "Construction Foreman"),
                    "executive": ("Construction Director",),
                },
                "de": {
                    "junior": ("Bauhelfer{g}",),
                    "mid": ("Maurer{g}", "Dachdecker{g}", "Gerüstbauer{g}"),
                    "senior": ("Vorarbeiter{g} Hochbau",),
                    "lead": ("Polier{g} Hochbau", "Bauleiter{g} Hochbau"),
                    "executive": ("Niederlassungsleiter{g} Bau",),
                },
                "fr": {
                    "junior": ("Manœuvre BTP",),
                    "mid": ("Maçon", "Couvreur", "Échafaudeur"),
                    "lead": ("Chef de chantier gros œuvre", "Conducteur de travaux"),
                    "executive": ("Directeur de travaux",),
                },
            },
            tools=("telehandler", "formwork systems", "laser level"),
            weight=3,
            duties={
                "en": (
                    "Lay blockwork and brickwork, set out walls and work safely at height",
                    "Coordinate subcontractors, deliveries and daily site diaries on larger schemes",
                ),
                "de": (
                    "Ausführung von Mauer-, Beton- und Dacharbeiten",
                    "Koordination von Nachunternehmern und Bautagebuch",
                ),
                "fr": (
                    "Réaliser les travaux de maçonnerie et de gros œuvre",
                    "Coordonner les sous-traitants et tenir le journal de chantier",
                ),
            },
        ),
    ),
    levels={"intern": 5, "junior": 20, "mid": 47, "senior": 12, "lead": 13, "executive": 3},
    employment=_TRADE_CONTRACTS,
    salary=42_000,
    hourly=True,
    intern_contract="other",
    texts={
        "en": Texts(
            titles={},
            field="in construction",
            study="construction",
            mission=(
                "We are building a mix of housing, schools and commercial projects across the region, with a full order book for the next two years",
                "Safety comes first on our sites, and we back it with good equipment and proper training",
            ),
            duties=(
                "Work from drawings and method statements",
                "Follow site safety rules, PPE requirements and permits to work",
                "Look after tools, materials and plant",
                "Work with other trades to keep the programme on track",
                "Support and train apprentices",
            ),
            skills=(
                "Proven experience in your trade",
                "Ability to read technical drawings",
                "Good hand skills and attention to detail",
                "Reliability and punctuality",
                "A full driving licence",
            ),
            extras=(
                "Working at height and confined-space training",
                "GB|CPCS or NPORS plant tickets",
            ),
            certs=(
                "GB|CSCS card (blue or gold)",
                "GB|SMSTS or SSSTS for supervisory roles",
                "US|OSHA 30 card",
                "US|AWS D1.1 structural welding certification",
                "CA|Red Seal certificate in your trade",
                "AU|White Card (general construction induction)",
                "Welder qualification to ISO 9606-1 (welding roles)",
            ),
            perks=(
                "Overtime paid at time and a half",
                "Travel allowance",
                "Quality tools and PPE provided",
            ),
        ),
        "de": Texts(
            titles={},
            field="im Bauhandwerk bzw. Metallbau",
            study="Bautechnik",
            mission=(
                "Unsere Auftragsbücher sind für die nächsten zwei Jahre gut gefüllt – Wohnungsbau, Schulen und Gewerbebau",
                "Arbeitssicherheit hat auf unseren Baustellen oberste Priorität",
            ),
            duties=(
                "Arbeiten nach Plänen und Arbeitsanweisungen",
                "Einhaltung der Arbeitsschutzvorschriften",
                "Pflege von Werkzeug, Material und Maschinen",
                "Abstimmung mit anderen Gewerken",
            ),
            skills=(
                "Abgeschlossene Ausbildung im jeweiligen Handwerk oder mehrjährige Erfahrung",
                "Lesen technischer Zeichnungen",
                "Zuverlässigkeit und Teamgeist",
                "Führerschein Klasse B, idealerweise BE",
            ),
            extras=("Kranschein", "Staplerschein"),
            certs=("Schweißerprüfung nach DIN EN ISO 9606-1 (für Schweißer)",),
            perks=(
                "DE|Tarifliche Bezahlung nach Bautarif",
                "Überstundenvergütung",
                "Moderne Maschinen und Arbeitskleidung",
            ),
        ),
        "fr": Texts(
            titles={},
            field="dans le BTP",
            study="bâtiment",
            mission=(
                "Notre carnet de commandes est rempli pour les deux prochaines années : logements, écoles et bâtiments tertiaires",
                "La sécurité est notre priorité sur tous nos chantiers",
            ),
            duties=(
                "Travailler à partir des plans et modes opératoires",
                "Respecter les règles de sécurité et le port des EPI",
                "Entretenir l'outillage et le matériel",
                "Coordonner votre travail avec les autres corps d'état",
            ),
            skills=(
                "CAP, BP ou expérience confirmée dans le métier",
                "Lecture de plans",
                "Sérieux et ponctualité",
                "Permis B",
            ),
            extras=("CACES R482 ou R486", "Travail en hauteur"),
            certs=("Qualification soudeur selon NF EN ISO 9606-1 (postes de soudeur)",),
            perks=(
                "Paniers repas et indemnités de grand déplacement",
                "Heures supplémentaires majorées",
                "EPI fournis",
            ),
        ),
    },
)

ENGINEERING = Family(
    id="manufacturing_engineering",
    label="Manufacturing, mechanical and electrical engineering",
    count=70,
    sectors=("manufacturing", "manufacturing", "energy", "research"),
    tools=(
        "SolidWorks",
        "Siemens NX",
        "CATIA V5",
        "AutoCAD",
        "EPLAN",
        "TIA Portal",
        "Minitab",
        "SAP PP",
        "ANSYS",
        "GD&T",
        "FMEA",
        "Lean and Six Sigma",
    ),
    roles=(
        Role(
            "mechanical",
            titles={
                "en": {
                    "intern": ("Mechanical Engineering Intern",),
                    "junior": ("Graduate Mechanical Engineer",),
                    "mid": ("Mechanical Design Engineer", "Mechanical Engineer"),
                    "senior": ("Senior Mechanical Engineer",),
                    "lead": ("Engineering Team Lead – Mechanical",),
                    "principal": ("Principal Mechanical Engineer",),
                    "executive": ("Head of Engineering",),
                },
                "de": {
                    "intern": ("Praktikant{g} Konstruktion",),
                    "junior": ("Junior Konstrukteur{g}",),
                    "mid": ("Konstrukteur{g} Maschinenbau", "Entwicklungsingenieur{g} Mechanik"),
                    "senior": ("Senior Entwicklungsingenieur{g} Mechanik",),
                    "lead": ("Gruppenleiter{g} Konstruktion",),
                    "executive": ("Leiter{g} Entwicklung",),
                },
                "fr": {
                    "intern": ("Stage – Ingénieur mécanique",),
                    "junior": ("Ingénieur conception mécanique junior",),
                    "mid": ("Ingénieur conception mécanique", "Dessinateur-projeteur"),
                    "senior": ("Ingénieur mécanique senior",),
                    "lead": ("Responsable bureau d'études",),
                    "executive": ("Directeur technique",),
                },
            },
            tools=("SolidWorks", "Siemens NX", "ANSYS", "GD&T"),
            weight=3,
            duties={
                "en": (
                    "Design mechanical assemblies in 3D CAD and produce drawings with full GD&T",
                    "Run tolerance stack-ups and FEA to validate designs",
                ),
                "de": (
                    "Konstruktion von Baugruppen in 3D-CAD inkl. normgerechter Zeichnungen",
                    "Toleranz- und FEM-Berechnungen",
                ),
                "fr": (
                    "Concevoir des ensembles mécaniques en CAO 3D et réaliser les plans",
                    "Réaliser les calculs de tolérances et de résistance",
                ),
            },
        ),
        Role(
            "electrical_eng",
            titles={
                "en": {
                    "junior": ("Graduate Electrical Engineer",),
                    "mid": (
                        "Electrical Engineer – Control Systems",
                        "Automation Engineer (PLC)",
                        "Controls Engineer",
                    ),
                    "senior": ("Senior Controls Engineer",),
                    "lead": ("Electrical Engineering Manager",),
                },
                "de": {
                    "mid": (
                        "Elektroingenieur{g} Steuerungstechnik",
                        "Automatisierungstechniker{g} SPS",
                        "Inbetriebnahmetechniker{g}",
                    ),
                    "senior": ("Senior Automatisierungsingenieur{g}",),
                    "lead": ("Teamleiter{g} Elektrokonstruktion",),
                },
                "fr": {
                    "mid": ("Automaticien", "Ingénieur électrique – contrôle-commande"),
                    "lead": ("Responsable automatisme",),
                },
            },
            tools=("EPLAN", "TIA Portal", "Siemens S7", "Beckhoff TwinCAT"),
            weight=2,
            duties={
                "en": (
                    "Design control panels in EPLAN and program PLCs and HMIs",
                    "Commission machines at customer sites in Europe and overseas",
                ),
                "de": (
                    "Elektrokonstruktion mit EPLAN und SPS-Programmierung",
                    "Inbetriebnahme von Anlagen beim Kunden im In- und Ausland",
                ),
                "fr": (
                    "Concevoir les schémas électriques sous EPLAN et programmer les automates",
                    "Mettre en service les machines chez les clients",
                ),
            },
        ),
        Role(
            "process_quality",
            titles={
                "en": {
                    "junior": ("Junior Quality Engineer",),
                    "mid": ("Process Engineer", "Quality Engineer", "Manufacturing Engineer"),
                    "senior": ("Senior Process Engineer", "Supplier Quality Engineer"),
                    "lead": ("Quality Manager", "Continuous Improvement Manager"),
                },
                "de": {
                    "mid": ("Prozessingenieur{g}", "Qualitätsingenieur{g}", "Fertigungsplaner{g}"),
                    "senior": ("Senior Qualitätsingenieur{g} Lieferanten",),
                    "lead": ("Qualitätsmanager{g}",),
                },
                "fr": {
                    "mid": ("Ingénieur méthodes", "Ingénieur qualité", "Ingénieur process"),
                    "lead": ("Responsable qualité",),
                },
            },
            tools=("Minitab", "FMEA", "SPC", "Lean and Six Sigma"),
            weight=2,
            duties={
                "en": (
                    "Lead root-cause analysis with 8D and FMEA and make fixes stick",
                    "Improve yield and cycle time with lean and SPC",
                ),
                "de": (
                    "Ursachenanalysen mit 8D und FMEA",
                    "Optimierung von Ausbringung und Taktzeiten mit Lean-Methoden",
                ),
                "fr": (
                    "Mener les analyses de causes (8D, AMDEC)",
                    "Améliorer rendement et temps de cycle (lean, MSP)",
                ),
            },
        ),
        Role(
            "production",
            titles={
                "en": {
                    "junior": ("Production Operator", "CNC Machinist"),
                    "mid": ("CNC Programmer / Machinist", "Production Technician"),
                    "lead": ("Production Supervisor", "Production Manager"),
                    "executive": ("Plant Manager", "Operations Director"),
                },
                "de": {
                    "junior": ("Produktionsmitarbeiter{g}", "Maschinenbediener{g}"),
                    "mid": ("Zerspanungsmechaniker{g} CNC", "Industriemechaniker{g}"),
                    "lead": ("Schichtleiter{g} Produktion", "Fertigungsleiter{g}"),
                    "executive": ("Werkleiter{g}",),
                },
                "fr": {
                    "junior": ("Opérateur de production", "Opérateur sur commande numérique"),
                    "mid": ("Régleur CN", "Technicien de maintenance industrielle"),
                    "lead": ("Chef d'atelier", "Responsable de production"),
                    "executive": ("Directeur d'usine",),
                },
            },
            tools=("Heidenhain", "Fanuc", "SAP PP", "measuring equipment"),
            weight=2,
            duties={
                "en": (
                    "Set up and run CNC lathes and milling machines and check parts against drawings",
                ),
                "de": (
                    "Einrichten und Bedienen von CNC-Dreh- und Fräsmaschinen inkl. Qualitätsprüfung",
                ),
                "fr": ("Régler et conduire des tours et centres d'usinage CN",),
            },
        ),
    ),
    levels={
        "intern": 4,
        "junior": 18,
        "mid": 42,
        "senior": 18,
        "lead": 11,
        "principal": 3,
        "executive": 4,
    },
    employment={"full_time": 85, "contract": 8, "temporary": 7},
    salary=60_000,
    hybrid=0.15,
    global_market=True,
    local_share=0.8,
    texts={
        "en": Texts(
            titles={},
            field="in manufacturing or engineering",
            study="mechanical, electrical or manufacturing engineering",
            mission=(
                "Our engineering and production teams work side by side, so you'll see your work built on the shop floor",
                "We're investing in a new production line and digital quality systems this year",
            ),
            duties=(
                "Work with suppliers on parts, tooling and first-article inspections",
                "Write technical documentation and work instructions",
                "Support production with quick, practical problem-solving",
                "Take part in design reviews and customer audits",
                "Drive safety and environmental improvements on site",
            ),
            skills=(
                "Hands-on experience with {tools}",
                "Solid engineering fundamentals and practical judgement",
                "Experience in a regulated or high-volume manufacturing environment",
                "Clear communication with shop-floor and office colleagues",
            ),
            extras=(
                "Six Sigma Green Belt",
                "Experience with ISO 9001 or IATF 16949",
                "Chartered or professional engineer status",
            ),
            perks=(
                "Shift allowance where applicable",
                "Subsidised canteen",
                "Funded professional registration",
            ),
        ),
        "de": Texts(
            titles={},
            field="in Produktion oder Engineering",
            study="Maschinenbau, Elektrotechnik oder Mechatronik",
            mission=(
                "Entwicklung und Fertigung arbeiten bei uns Tür an Tür",
                "Wir investieren in eine neue Fertigungslinie und ein digitales QM-System",
            ),
            duties=(
                "Zusammenarbeit mit Lieferanten bei Teilen, Werkzeugen und Erstmusterprüfungen",
                "Erstellung technischer Dokumentation",
                "Pragmatische Unterstützung der Produktion",
                "Mitwirkung an Design Reviews und Kundenaudits",
            ),
            skills=(
                "Praktische Erfahrung mit {tools}",
                "Fundiertes technisches Verständnis",
                "Hands-on-Mentalität",
                "Gute Deutsch- und Englischkenntnisse",
            ),
            extras=("Six-Sigma-Green-Belt", "Kenntnisse der IATF 16949"),
            certs=(
                "Abgeschlossenes Studium oder abgeschlossene Berufsausbildung (z. B. Techniker:in, Meister:in)",
            ),
            perks=("DE|Bezahlung nach IG-Metall-Tarif", "Schichtzulagen", "Betriebsrestaurant"),
        ),
        "fr": Texts(
            titles={},
            field="dans l'industrie",
            study="génie mécanique, électrique ou industriel",
            mission=(
                "Bureau d'études et production travaillent côte à côte",
                "Nous investissons cette année dans une nouvelle ligne de production",
            ),
            duties=(
                "Travailler avec les fournisseurs sur les pièces, l'outillage et les premiers articles",
                "Rédiger la documentation technique",
                "Apporter un support réactif à la production",
                "Participer aux revues de conception et audits clients",
            ),
            skills=(
                "Expérience pratique de {tools}",
                "Solides bases techniques",
                "Pragmatisme et esprit d'équipe",
            ),
            extras=("Green Belt Six Sigma", "Connaissance de l'IATF 16949"),
            certs=("Diplôme d'ingénieur, BTS ou Bac pro selon le poste",),
            perks=("Primes d'équipe", "Restaurant d'entreprise", "Intéressement"),
        ),
    },
)

FAMILIES = (ELECTRICIAN, PLUMBING, CONSTRUCTION, ENGINEERING)
