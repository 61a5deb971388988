""" "About us" paragraphs per kind of employer and language. Placeholders:
{company}, {city}, {size} (people), {year} (founded), {what} (what they do)."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

GROUP_OF_SECTOR = {
    "tech": "tech", "fintech": "tech", "bank": "finance", "insurance": "finance",
    "consulting": "advisory", "law": "advisory", "agency": "media", "media": "media",
    "hospital": "health", "care": "health", "clinic": "health", "pharmacy": "health",
    "school": "education", "nursery": "education", "electrical": "trades",
    "plumbing": "trades", "construction": "trades", "manufacturing": "industry",
    "energy": "industry", "logistics": "logistics", "hotel": "hospitality",
    "restaurant": "hospitality", "retail": "retail", "research": "research", "public": "public",
}  # fmt: skip

# Keyed by sector where a sector needs its own wording, else by group.
ABOUT: dict[str, dict[str, tuple[str, ...]]] = {
    "pharmacy": {
        "en": (
            "{company} is an independent pharmacy business with branches in and around {city}, offering {what}",
            "Since {year}, {company} has looked after its community in {city} with {what}",
        ),
        "de": (
            "{company} ist eine inhabergeführte Apotheke bzw. Apothekengruppe in {city} mit {size} Mitarbeitenden. Schwerpunkt: {what}",
            "Seit {year} steht {company} in {city} für {what}",
        ),
        "fr": (
            "{company} est une officine indépendante implantée à {city} depuis {year}, qui propose {what}",
        ),
        "es": ("{company} es una farmacia independiente en {city} que ofrece {what}",),
    },
    "tech": {
        "en": (
            "{company} builds {what}. Founded in {year}, we are now {size} people, with our main office in {city}",
            "At {company} we make {what}. Thousands of customers rely on our product every day, and our {size}-strong team keeps it fast, safe and simple",
            "{company} is a profitable, product-led company based in {city}. We build {what} and have grown steadily since {year}",
        ),
        "de": (
            "{company} entwickelt {what}. Seit der Gründung {year} sind wir auf {size} Mitarbeitende gewachsen; unser Hauptsitz ist in {city}",
            "Bei {company} bauen wir {what}. Mehrere tausend Kundinnen und Kunden nutzen unser Produkt täglich",
            "Wir sind {company}: ein wachsendes Softwareunternehmen aus {city} mit {size} Kolleginnen und Kollegen. Unser Produkt: {what}",
        ),
        "fr": (
            "{company} conçoit {what}. Fondée en {year}, l'entreprise compte aujourd'hui {size} collaborateurs, principalement à {city}",
            "Chez {company}, nous développons {what}. Notre équipe de {size} personnes accompagne des milliers de clients au quotidien",
        ),
        "es": (
            "{company} desarrolla {what}. Desde {year} hemos crecido hasta un equipo de {size} personas con sede en {city}",
            "En {company} creamos {what}. Miles de clientes usan nuestro producto cada día",
        ),
    },
    "finance": {
        "en": (
            "{company} has served households and businesses since {year}. Today {size} colleagues look after {what}",
            "Founded in {year}, {company} is a mid-sized financial group headquartered in {city}, known for {what}",
        ),
        "de": (
            "Seit {year} steht {company} für {what}. Rund {size} Mitarbeitende arbeiten an unserem Hauptsitz in {city} und in den Regionen",
            "{company} ist ein solides, regional verwurzeltes Finanzinstitut mit Sitz in {city} und rund {size} Beschäftigten",
        ),
        "fr": (
            "Depuis {year}, {company} accompagne particuliers et entreprises. Nos {size} collaborateurs sont reconnus pour {what}",
            "{company} est un acteur financier indépendant, basé à {city}, qui emploie {size} personnes",
        ),
        "es": (
            "{company} acompaña a familias y empresas desde {year}. Somos {size} profesionales con sede en {city}",
        ),
    },
    "advisory": {
        "en": (
            "{company} is an independent firm of {size} advisers based in {city}, advising clients on {what}",
            "Since {year}, {company} has built a reputation for {what}, working with owner-led businesses and listed groups alike",
        ),
        "de": (
            "{company} ist eine unabhängige Kanzlei bzw. Beratung mit {size} Berufsträgern und Mitarbeitenden in {city}. Unser Schwerpunkt: {what}",
            "Seit {year} beraten wir bei {company} mittelständische Unternehmen und Konzerne zu {what}",
        ),
        "fr": (
            "{company} est un cabinet indépendant de {size} personnes basé à {city}, reconnu pour {what}",
            "Depuis {year}, {company} conseille PME, ETI et grands groupes en matière de {what}",
        ),
        "es": (
            "{company} es una firma independiente con sede en {city} y {size} profesionales, especializada en {what}",
        ),
    },
    "media": {
        "en": (
            "{company} is an independent media and communications house in {city}. Our {size} people produce {what}",
            "Since {year}, {company} has produced {what} for readers and brands across the region",
        ),
        "de": (
            "{company} ist ein unabhängiges Medienhaus aus {city}. Unsere {size} Mitarbeitenden produzieren {what}",
            "Seit {year} steht {company} für {what}",
        ),
        "fr": (
            "{company} est un groupe média indépendant installé à {city}. Nos {size} collaborateurs produisent {what}",
        ),
        "es": (
            "{company} es un grupo de comunicación independiente con sede en {city} que produce {what}",
        ),
    },
    "health": {
        "en": (
            "{company} provides {what} for the people of {city} and the surrounding area. Our {size} staff are proud of the care we give",
            "{company} is a well-regarded provider of {what}, employing {size} people. We were rated highly in our last inspection",
            "Since {year}, {company} has delivered {what}. We invest in our people and in modern equipment",
        ),
        "de": (
            "{company} ist ein Haus der {what} mit {size} Beschäftigten und versorgt die Menschen in {city} und Umgebung",
            "Als moderner Gesundheitsanbieter in {city} beschäftigt {company} rund {size} Mitarbeitende. Menschlichkeit und Fachkompetenz stehen bei uns im Mittelpunkt",
        ),
        "fr": (
            "{company} assure {what} pour le bassin de {city}. Nos {size} professionnels sont engagés pour la qualité des soins",
            "Établissement de référence depuis {year}, {company} propose {what} et emploie {size} personnes",
        ),
        "es": (
            "{company} ofrece {what} en {city} y su área de influencia, con un equipo de {size} profesionales",
            "Desde {year}, {company} es un referente en {what}",
        ),
    },
    "education": {
        "en": (
            "{company} is a welcoming, inclusive school community in {city} offering {what}. Our team of {size} staff knows every child by name",
            "Founded in {year}, {company} provides {what} and has a strong record of progress and wellbeing",
        ),
        "de": (
            "{company} in {city} bietet {what}. Unser Team aus {size} Kolleginnen und Kollegen legt großen Wert auf Vielfalt und individuelle Förderung",
            "Seit {year} steht {company} für {what}",
        ),
        "fr": (
            "{company}, à {city}, propose {what}. Notre équipe de {size} personnes place le bien-être de chaque enfant au centre",
        ),
        "es": ("{company}, en {city}, ofrece {what} con un equipo de {size} profesionales",),
    },
    "trades": {
        "en": (
            "{company} is a family-run contractor established in {year}, with {size} staff working on {what} across {city} and the region",
            "We are {company}: {size} skilled people delivering {what}. Most of our work comes from repeat clients",
        ),
        "de": (
            "{company} ist ein inhabergeführter Fachbetrieb aus {city}, gegründet {year}, mit {size} Mitarbeitenden. Wir übernehmen {what}",
            "Seit {year} steht {company} für {what} – zuverlässig, sauber und termintreu",
        ),
        "fr": (
            "{company} est une entreprise familiale fondée en {year} à {city}. Nos {size} salariés interviennent sur {what}",
        ),
        "es": (
            "{company} es una empresa familiar fundada en {year} en {city}, con {size} trabajadores dedicados a {what}",
        ),
    },
    "industry": {
        "en": (
            "{company} designs and makes {what}. Founded in {year}, we employ {size} people and export to more than 40 countries",
            "With {size} employees and plants near {city}, {company} is a leading supplier of {what}",
        ),
        "de": (
            "{company} entwickelt und fertigt {what}. Mit {size} Beschäftigten und Kunden in über 40 Ländern zählen wir zu den Technologieführern unserer Branche",
            "Seit {year} produziert {company} am Standort {city} {what}",
        ),
        "fr": (
            "{company} conçoit et fabrique {what}. Fondé en {year}, le groupe emploie {size} personnes et exporte dans plus de 40 pays",
        ),
        "es": (
            "{company} diseña y fabrica {what}. Con {size} empleados, exportamos a más de 40 países",
        ),
    },
    "logistics": {
        "en": (
            "{company} moves goods for retailers and manufacturers. With {size} people and sites around {city}, we specialise in {what}",
            "Since {year}, {company} has offered {what} to customers across the country",
        ),
        "de": (
            "{company} ist ein mittelständischer Logistikdienstleister mit {size} Mitarbeitenden und Standorten rund um {city}. Unser Fokus: {what}",
        ),
        "fr": (
            "{company} est un prestataire logistique de {size} salariés implanté autour de {city}, spécialisé dans {what}",
        ),
        "es": (
            "{company} es un operador logístico con {size} empleados y centros en {city}, especializado en {what}",
        ),
    },
    "hospitality": {
        "en": (
            "{company} is {what} in {city}. Our team of {size} welcomes guests from all over the world",
            "Since {year}, {company} has been {what}, known for warm service and seasonal, local produce",
        ),
        "de": (
            "{company} ist {what} in {city}. Unser Team aus {size} Gastgeberinnen und Gastgebern begeistert Gäste aus aller Welt",
        ),
        "fr": (
            "{company} est {what} à {city}. Notre équipe de {size} personnes accueille une clientèle française et internationale",
        ),
        "es": ("{company} es {what} en {city}, con un equipo de {size} personas",),
    },
    "retail": {
        "en": (
            "{company} is a retailer of {what} with stores across the country and a growing online shop",
            "Since {year}, {company} has sold {what}. Our {size} colleagues are the reason customers come back",
        ),
        "de": (
            "{company} ist ein Filialunternehmen für {what} mit {size} Mitarbeitenden und einem wachsenden Onlineshop",
        ),
        "fr": (
            "{company} est une enseigne spécialisée dans {what}, avec des magasins partout en France et un site e-commerce en forte croissance",
        ),
        "es": (
            "{company} es una cadena especializada en {what}, con tiendas en todo el país y {size} empleados",
        ),
    },
    "research": {
        "en": (
            "{company} is a research organisation in {city} working on {what}. Our {size} scientists and engineers collaborate with universities and industry",
            "Founded in {year}, {company} turns basic research in {what} into real-world applications",
        ),
        "de": (
            "{company} forscht mit {size} Mitarbeitenden in {city} zu {what} – in enger Zusammenarbeit mit Hochschulen und Industrie",
        ),
        "fr": (
            "{company} est un organisme de recherche basé à {city} qui travaille sur {what}, en lien étroit avec les universités et l'industrie",
        ),
        "es": ("{company} es un centro de investigación en {city} dedicado a {what}",),
    },
    "public": {
        "en": (
            "{company} provides {what} for residents and businesses of {city}. We employ {size} people",
        ),
        "de": (
            "Die {company} ist mit {size} Beschäftigten Dienstleisterin für die Bürgerinnen und Bürger in {city}. Zu unseren Aufgaben gehören {what}",
        ),
        "fr": (
            "{company} assure {what} pour les habitants de {city}. La collectivité emploie {size} agents",
        ),
        "es": ("{company} presta {what} a los vecinos de {city}",),
    },
}

WHAT: dict[str, dict[str, tuple[str, ...]]] = {
    "tech": {
        "en": (
            "invoicing and payroll software for small businesses",
            "a scheduling platform for clinics and practices",
            "route-planning software for delivery fleets",
            "a learning platform used by schools and universities",
            "tools that help manufacturers measure their energy use",
            "booking software for restaurants and venues",
            "a mobile banking app for freelancers",
            "software that automates customs paperwork",
            "a property-management platform for landlords",
            "a hiring platform for hourly workers",
            "payment infrastructure for online marketplaces",
            "fleet telematics for electric vans",
        ),
        "de": (
            "Lohn- und Rechnungssoftware für kleine Unternehmen",
            "eine Terminplattform für Arztpraxen",
            "Tourenplanungssoftware für Lieferflotten",
            "eine Lernplattform für Schulen und Hochschulen",
            "Software für das Energiemanagement in der Industrie",
            "Reservierungssoftware für die Gastronomie",
            "eine Banking-App für Selbstständige",
            "Software, die Zollabwicklung automatisiert",
            "eine Plattform für die Hausverwaltung",
            "Zahlungsinfrastruktur für Online-Marktplätze",
        ),
        "fr": (
            "un logiciel de paie et de facturation pour les TPE",
            "une plateforme de prise de rendez-vous pour les cabinets médicaux",
            "un logiciel d'optimisation de tournées de livraison",
            "une plateforme d'apprentissage pour les écoles et universités",
            "des outils de suivi énergétique pour l'industrie",
            "une application bancaire pour les indépendants",
            "une solution de gestion locative pour les propriétaires",
            "une infrastructure de paiement pour les marketplaces",
        ),
        "es": (
            "software de facturación y nóminas para pymes",
            "una plataforma de reservas para restaurantes",
            "software de planificación de rutas para flotas de reparto",
            "una plataforma de pagos para marketplaces",
            "una app de banca para autónomos",
        ),
    },
    "finance": {
        "en": (
            "straightforward savings, mortgages and business lending",
            "commercial and private insurance",
            "personal service and prudent risk management",
        ),
        "de": (
            "faire Finanzierungen und persönliche Beratung",
            "Versicherungslösungen für Privat- und Firmenkunden",
            "solide Geldanlage und Baufinanzierung",
        ),
        "fr": (
            "la qualité de leur conseil",
            "leur expertise en assurance des entreprises",
            "la gestion de patrimoine",
        ),
        "es": ("banca cercana y asesoramiento personal",),
    },
    "advisory": {
        "en": (
            "corporate transactions, employment and data protection",
            "tax, audit and restructuring",
            "commercial contracts, disputes and regulatory matters",
            "operations and digital transformation",
        ),
        "de": (
            "Gesellschaftsrecht, Arbeitsrecht und Datenschutz",
            "Steuerberatung, Wirtschaftsprüfung und Restrukturierung",
            "Vertragsrecht und Prozessführung",
            "Strategie und digitale Transformation",
        ),
        "fr": (
            "droit des affaires, droit social et protection des données",
            "fiscalité, audit et restructuration",
            "contentieux commercial et conformité réglementaire",
            "transformation digitale",
        ),
        "es": ("derecho mercantil, laboral y protección de datos", "fiscalidad y auditoría"),
    },
    "media": {
        "en": (
            "a regional daily, two magazines and a busy news website",
            "podcasts, newsletters and branded content",
            "digital campaigns for consumer and B2B brands",
        ),
        "de": (
            "eine regionale Tageszeitung, zwei Magazine und ein reichweitenstarkes Nachrichtenportal",
            "Podcasts, Newsletter und Corporate Publishing",
            "digitale Kampagnen für Marken aus Handel und Industrie",
        ),
        "fr": (
            "un quotidien régional, deux magazines et un site d'information très suivi",
            "des podcasts, newsletters et contenus de marque",
            "des campagnes digitales pour des marques grand public",
        ),
        "es": (
            "un diario regional, revistas y un portal de noticias",
            "campañas digitales para marcas",
        ),
    },
    "hospital": {
        "en": (
            "acute and emergency hospital services",
            "specialist surgical and cancer care",
            "general and specialist hospital care",
        ),
        "de": ("Schwerpunktversorgung", "Akut- und Notfallversorgung", "Maximalversorgung"),
        "fr": (
            "une offre de soins de court séjour, d'urgences et de maternité",
            "des soins médicaux et chirurgicaux",
        ),
        "es": ("atención hospitalaria y urgencias", "cirugía y cuidados especializados"),
    },
    "care": {
        "en": ("residential and nursing care for older people", "home care and supported living"),
        "de": ("stationären und ambulanten Pflege", "Altenpflege"),
        "fr": (
            "l'accompagnement des personnes âgées dépendantes",
            "des soins infirmiers à domicile",
        ),
        "es": ("cuidados a personas mayores", "atención domiciliaria"),
    },
    "clinic": {
        "en": ("outpatient rehabilitation and therapy", "primary care and diagnostics"),
        "de": ("ambulanten Rehabilitation", "ambulanten Versorgung"),
        "fr": (
            "des soins de rééducation en ambulatoire",
            "des consultations et examens de diagnostic",
        ),
        "es": ("rehabilitación y fisioterapia", "atención primaria y diagnóstico"),
    },
    "pharmacy": {
        "en": (
            "community pharmacy services, vaccinations and health checks",
            "pharmacy services to hospitals and care homes",
        ),
        "de": (
            "persönliche pharmazeutische Beratung und Heimversorgung",
            "Naturheilkunde, Rezeptur und Medikationsmanagement",
        ),
        "fr": (
            "des services de pharmacie d'officine",
            "le conseil pharmaceutique et la vaccination",
        ),
        "es": ("servicios de farmacia comunitaria",),
    },
    "school": {
        "en": (
            "an all-through education for pupils aged 4 to 18",
            "bilingual education from early years to sixth form",
            "a broad, inclusive curriculum with small classes",
        ),
        "de": (
            "ein breites Bildungsangebot von der Grundschule bis zum Abitur",
            "bilingualen Unterricht in kleinen Klassen",
            "ganztägiges Lernen mit inklusivem Profil",
        ),
        "fr": (
            "un enseignement bilingue de la maternelle au lycée",
            "un projet pédagogique ouvert sur le monde, de l'école au lycée",
        ),
        "es": (
            "educación bilingüe de infantil a bachillerato",
            "un proyecto educativo integral en grupos reducidos",
        ),
    },
    "nursery": {
        "en": (
            "full-day early years care for children from six months to five years",
            "play-based early education",
        ),
        "de": (
            "Ganztagsbetreuung mit bilingualem Profil",
            "frühkindliche Bildung mit naturpädagogischem Schwerpunkt",
        ),
        "fr": (
            "un accueil de la petite enfance en petits groupes",
            "un projet pédagogique axé sur l'éveil et la nature",
        ),
        "es": ("educación infantil de 0 a 3 años",),
    },
    "electrical": {
        "en": (
            "domestic, commercial and industrial electrical installations",
            "electrical maintenance and EV charging",
        ),
        "de": (
            "Elektroinstallationen in Wohn- und Gewerbebauten",
            "Gebäudeautomation und Photovoltaik",
        ),
        "fr": (
            "des installations électriques résidentielles et tertiaires",
            "la maintenance électrique industrielle",
        ),
        "es": ("instalaciones eléctricas residenciales e industriales",),
    },
    "plumbing": {
        "en": (
            "heating, ventilation and plumbing for homes and businesses",
            "heat pump installation and servicing",
        ),
        "de": (
            "Heizung, Sanitär und Lüftung für Privat- und Gewerbekunden",
            "Wärmepumpen und Badsanierung",
        ),
        "fr": (
            "l'installation et la maintenance de systèmes de chauffage",
            "la plomberie et la climatisation",
        ),
        "es": ("fontanería, calefacción y climatización",),
    },
    "construction": {
        "en": (
            "new-build housing and refurbishments",
            "timber frame and steel structures",
            "commercial fit-outs",
        ),
        "de": (
            "schlüsselfertigen Wohnungsbau und Sanierungen",
            "Holzbau und Dachsanierung",
            "Stahl- und Hallenbau",
        ),
        "fr": ("la construction et la rénovation de bâtiments", "la charpente et la menuiserie"),
        "es": ("obra nueva y rehabilitación",),
    },
    "manufacturing": {
        "en": (
            "drive systems for industrial machinery",
            "precision components for the automotive and aerospace industries",
            "packaging machines for the food industry",
            "medical devices",
        ),
        "de": (
            "Antriebstechnik für den Maschinenbau",
            "Präzisionsbauteile für Automobil- und Luftfahrtindustrie",
            "Verpackungsmaschinen für die Lebensmittelindustrie",
        ),
        "fr": (
            "des systèmes d'entraînement pour l'industrie",
            "des composants de précision pour l'aéronautique",
            "des machines d'emballage pour l'agroalimentaire",
        ),
        "es": ("componentes de precisión para automoción", "maquinaria de envasado"),
    },
    "energy": {
        "en": ("wind and solar power plants", "grid connections and battery storage"),
        "de": ("Anlagen für Wind- und Solarenergie", "Netzanschlüsse und Batteriespeicher"),
        "fr": ("des parcs éoliens et solaires", "le stockage d'énergie"),
        "es": ("parques eólicos y solares",),
    },
    "logistics": {
        "en": (
            "contract logistics, e-commerce fulfilment and road freight",
            "temperature-controlled distribution",
            "last-mile delivery",
        ),
        "de": (
            "Kontraktlogistik, E-Commerce-Fulfillment und Stückgutverkehre",
            "temperaturgeführte Distribution",
        ),
        "fr": (
            "la logistique contractuelle et le e-commerce",
            "le transport sous température dirigée",
        ),
        "es": ("logística para e-commerce y transporte por carretera",),
    },
    "hotel": {
        "en": (
            "a 120-room boutique hotel",
            "a four-star spa hotel",
            "a design hotel with a rooftop bar",
        ),
        "de": ("ein familiengeführtes 4-Sterne-Hotel", "ein Boutique-Hotel mit 80 Zimmern"),
        "fr": ("un hôtel 4 étoiles de 90 chambres", "un hôtel de charme avec spa"),
        "es": ("un hotel boutique de 60 habitaciones",),
    },
    "restaurant": {
        "en": ("a busy neighbourhood restaurant", "a group of three restaurants and a bakery"),
        "de": (
            "ein lebendiges Restaurant mit regionaler Küche",
            "eine kleine Gruppe von Restaurants und Cafés",
        ),
        "fr": ("une brasserie de quartier très fréquentée", "un restaurant bistronomique"),
        "es": ("un restaurante de cocina de mercado",),
    },
    "retail": {
        "en": (
            "home, garden and DIY products",
            "outdoor clothing and equipment",
            "affordable fashion",
            "consumer electronics",
        ),
        "de": (
            "Haus, Garten und Heimwerken",
            "Outdoor-Bekleidung und Ausrüstung",
            "Mode und Accessoires",
        ),
        "fr": ("l'équipement de la maison", "les articles de sport et de plein air", "la mode"),
        "es": ("moda y complementos", "artículos de deporte"),
    },
    "research": {
        "en": (
            "new materials for batteries",
            "protein engineering and drug discovery",
            "climate and ocean science",
            "medical imaging",
        ),
        "de": (
            "neuen Materialien für Batterien",
            "Wirkstoffforschung",
            "Klima- und Umweltforschung",
        ),
        "fr": (
            "les matériaux pour batteries",
            "la découverte de médicaments",
            "les sciences du climat",
        ),
        "es": ("nuevos materiales", "biotecnología"),
    },
    "public": {
        "en": ("housing, planning, waste and social care services",),
        "de": ("Bürgerdienste, Bauplanung und soziale Leistungen",),
        "fr": ("les services à la population, l'urbanisme et l'action sociale",),
        "es": ("servicios municipales",),
    },
}
