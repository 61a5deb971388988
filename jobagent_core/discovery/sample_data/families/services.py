"""Logistics, hospitality and retail families."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

from jobagent_core.discovery.sample_data.bank import Family, Role, Texts

LOGISTICS = Family(
    id="logistics_supply_chain",
    label="Logistics, warehousing and supply chain",
    count=75,
    sectors=("logistics", "logistics", "retail", "manufacturing"),
    tools=(
        "SAP EWM",
        "Manhattan WMS",
        "SAP IBP",
        "handheld scanners",
        "Microsoft Excel",
        "Power BI",
        "Transporeon",
        "reach trucks",
        "digital tachograph",
    ),
    roles=(
        Role(
            "warehouse",
            titles={
                "en": {
                    "junior": (
                        "Warehouse Operative",
                        "Picker Packer",
                        "Warehouse Associate (Nights)",
                    ),
                    "mid": ("Forklift Driver", "Reach Truck Operator", "Goods-In Coordinator"),
                    "senior": ("Warehouse Team Leader",),
                    "lead": ("Warehouse Supervisor", "Warehouse Manager"),
                    "executive": ("Head of Warehouse Operations",),
                },
                "de": {
                    "intern": ("Auszubildender{g} Fachkraft für Lagerlogistik",),
                    "junior": ("Lagermitarbeiter{g}", "Kommissionierer{g}"),
                    "mid": ("Staplerfahrer{g}", "Fachkraft{g} für Lagerlogistik"),
                    "lead": ("Schichtleiter{g} Lager", "Lagerleiter{g}"),
                    "executive": ("Leiter{g} Logistik",),
                },
                "fr": {
                    "junior": ("Préparateur de commandes", "Agent logistique"),
                    "mid": ("Cariste", "Réceptionnaire"),
                    "lead": ("Chef d'équipe logistique", "Responsable d'entrepôt"),
                    "executive": ("Directeur de site logistique",),
                },
                "es": {
                    "junior": ("Mozo/a de almacén", "Preparador/a de pedidos"),
                    "mid": ("Carretillero/a",),
                    "lead": ("Jefe/a de almacén",),
                },
            },
            tools=("handheld scanners", "reach trucks", "SAP EWM", "Manhattan WMS"),
            weight=4,
            duties={
                "en": (
                    "Pick, pack and load orders accurately against daily targets using handheld scanners",
                    "Operate forklifts and reach trucks safely to put away and replenish stock",
                ),
                "de": (
                    "Kommissionierung und Verpackung von Aufträgen per Handscanner",
                    "Ein- und Auslagerung mit Stapler und Schubmaststapler",
                ),
                "fr": (
                    "Préparer les commandes à l'aide de scanners",
                    "Charger et décharger les camions au chariot élévateur",
                ),
                "es": (
                    "Preparar pedidos con terminal de radiofrecuencia",
                    "Cargar y descargar camiones con carretilla elevadora",
                ),
            },
        ),
        Role(
            "driver",
            titles={
                "en": {
                    "mid": (
                        "GB|HGV Class 1 Driver",
                        "US|CDL Class A Truck Driver",
                        "!US,CA|Delivery Driver (7.5 t)",
                        "CA|AZ Truck Driver",
                    ),
                    "senior": ("Driver Trainer",),
                },
                "de": {"mid": ("Berufskraftfahrer{g} CE Nahverkehr", "LKW-Fahrer{g} Fernverkehr")},
                "fr": {"mid": ("Chauffeur poids lourd SPL", "Chauffeur-livreur PL")},
                "es": {"mid": ("Conductor/a de camión (carné C+E)",)},
            },
            tools=("digital tachograph", "telematics app"),
            weight=2,
            sectors=("logistics",),
            duties={
                "en": (
                    "Deliver to retail and industrial customers on regular routes, mostly home every night",
                    "Carry out vehicle checks and keep tachograph and delivery records in order",
                ),
                "de": (
                    "Belieferung von Handels- und Industriekunden im Nahverkehr",
                    "Abfahrtskontrollen und Führen der Fahrerkarte",
                ),
                "fr": (
                    "Livrer des clients de la grande distribution et de l'industrie",
                    "Effectuer les contrôles du véhicule",
                ),
                "es": (
                    "Realizar rutas de reparto regionales",
                    "Revisar el vehículo y gestionar el tacógrafo",
                ),
            },
        ),
        Role(
            "planning",
            titles={
                "en": {
                    "junior": ("Logistics Coordinator", "Transport Planner"),
                    "mid": ("Supply Chain Planner", "Demand Planner"),
                    "senior": ("Senior Supply Chain Analyst", "Senior Demand Planner"),
                    "lead": ("Logistics Manager", "Supply Chain Manager"),
                    "executive": ("Head of Supply Chain", "Supply Chain Director"),
                },
                "de": {
                    "junior": ("Disponent{g} Nahverkehr",),
                    "mid": ("Supply Chain Planner{g}", "Disponent{g}"),
                    "senior": ("Senior Supply Chain Planner{g}",),
                    "lead": ("Logistikmanager{g}",),
                    "executive": ("Head of Supply Chain{g}",),
                },
                "fr": {
                    "junior": ("Exploitant transport", "Assistant logistique"),
                    "mid": ("Approvisionneur", "Supply Chain Planner"),
                    "senior": ("Supply Chain Planner senior",),
                    "lead": ("Responsable logistique", "Responsable supply chain"),
                    "executive": ("Directeur supply chain",),
                },
                "es": {
                    "junior": ("Técnico/a de Tráfico",),
                    "mid": ("Planificador/a de Supply Chain",),
                    "senior": ("Planificador/a de Supply Chain Senior",),
                    "lead": ("Responsable de Logística",),
                },
            },
            tools=("SAP IBP", "Microsoft Excel", "Power BI", "Transporeon"),
            weight=2,
            duties={
                "en": (
                    "Plan demand, inventory and replenishment to hit service levels with the least stock",
                    "Plan daily transport, book carriers and solve delivery problems",
                ),
                "de": (
                    "Bedarfs- und Bestandsplanung zur Sicherstellung der Lieferfähigkeit",
                    "Tourenplanung und Steuerung von Frachtführern",
                ),
                "fr": (
                    "Planifier la demande, les stocks et les réapprovisionnements",
                    "Organiser les transports et gérer les transporteurs",
                ),
                "es": (
                    "Planificar la demanda y los niveles de stock",
                    "Organizar las rutas y gestionar transportistas",
                ),
            },
        ),
        # Buying is its own job: a buyer is not a supply chain planner, nor the reverse.
        Role(
            "purchasing",
            titles={
                "en": {
                    "mid": ("Buyer", "Procurement Specialist"),
                    "senior": ("Senior Buyer",),
                    "lead": ("Procurement Manager",),
                },
                "de": {
                    "mid": ("Einkäufer{g}",),
                    "senior": ("Senior Strategischer Einkäufer{g}",),
                    "lead": ("Leiter{g} Einkauf",),
                },
                "fr": {"mid": ("Acheteur",), "lead": ("Responsable achats",)},
                "es": {"mid": ("Comprador/a",)},
            },
            tools=("SAP MM", "Microsoft Excel", "Coupa"),
            weight=1,
            duties={
                "en": (
                    "Source and qualify suppliers, negotiate prices and terms",
                    "Place and chase purchase orders and keep supplier records up to date",
                ),
                "de": (
                    "Lieferantenauswahl sowie Preis- und Konditionsverhandlungen",
                    "Bestellabwicklung und Pflege der Lieferantenstammdaten",
                ),
                "fr": (
                    "Sourcer et qualifier les fournisseurs, négocier prix et conditions",
                    "Passer et suivre les commandes fournisseurs",
                ),
                "es": (
                    "Buscar y homologar proveedores y negociar precios y condiciones",
                    "Gestionar los pedidos de compra",
                ),
            },
        ),
    ),
    levels={"intern": 3, "junior": 35, "mid": 35, "senior": 10, "lead": 13, "executive": 4},
    employment={"full_time": 70, "temporary": 18, "part_time": 12},
    salary=40_000,
    hourly=True,
    intern_contract="other",
    texts={
        "en": Texts(
            titles={},
            field="in logistics, warehousing or supply chain",
            study="supply chain management, logistics or business",
            mission=(
                "Our {city} distribution centre ships around 40,000 orders a day for retail and e-commerce clients",
                "We run three shifts, with fixed patterns and plenty of overtime in peak season",
            ),
            duties=(
                "Follow health and safety rules and keep the site clean and organised",
                "Record stock movements accurately in {tool}",
                "Work with colleagues across shifts to meet service-level targets",
                "Report damages, shortages and near misses",
                "Suggest improvements to layout and processes",
            ),
            skills=(
                "Reliability and good time-keeping",
                "Comfort with physical work and being on your feet",
                "Basic IT skills",
                "A positive attitude and teamwork",
                "Experience with {tools}",
            ),
            extras=("Experience in a fast-moving e-commerce warehouse", "Lean or 5S training"),
            certs=(
                "GB|Counterbalance and reach forklift licence (RTITB or equivalent)",
                "GB|Category C+E licence with Driver CPC and digital tachograph card",
                "US|Class A CDL with a clean driving record",
                "US|Forklift certification",
                "CA|AZ licence and clean abstract",
                "CIPS qualification (procurement roles)",
            ),
            perks=("Weekly pay", "Overtime paid at a premium", "Free parking and on-site canteen"),
        ),
        "de": Texts(
            titles={},
            field="in der Logistik",
            study="Logistik, Supply Chain Management oder BWL",
            mission=(
                "Unser Logistikzentrum bei {city} versendet täglich rund 40.000 Sendungen für Handel und E-Commerce",
                "Wir arbeiten im Dreischichtsystem mit festen Schichtmodellen",
            ),
            duties=(
                "Einhaltung der Arbeitssicherheit und Ordnung am Arbeitsplatz",
                "Buchung von Warenbewegungen in {tool}",
                "Schichtübergreifende Zusammenarbeit zur Erreichung der Servicelevel",
                "Meldung von Schäden und Fehlmengen",
            ),
            skills=(
                "Zuverlässigkeit und Pünktlichkeit",
                "Körperliche Belastbarkeit",
                "Teamfähigkeit",
                "Erfahrung mit {tools}",
            ),
            extras=("Erfahrung im E-Commerce-Umfeld", "Grundkenntnisse SAP"),
            certs=(
                "Gültiger Staplerschein (für Staplerfahrer)",
                "Führerschein Klasse CE mit Schlüsselzahl 95 und Fahrerkarte (für Berufskraftfahrer)",
            ),
            perks=("Schichtzulagen", "Pünktliche Bezahlung nach Tarif", "Kostenlose Parkplätze"),
        ),
        "fr": Texts(
            titles={},
            field="en logistique ou supply chain",
            study="logistique ou supply chain",
            mission=(
                "Notre entrepôt près de {city} expédie environ 40 000 colis par jour pour la distribution et le e-commerce",
                "Organisation en 3x8 avec des horaires fixes",
            ),
            duties=(
                "Respecter les consignes de sécurité et maintenir l'ordre dans la zone",
                "Enregistrer les mouvements de stock dans {tool}",
                "Atteindre les objectifs de productivité et de qualité",
                "Signaler les anomalies et les casses",
            ),
            skills=(
                "Ponctualité et fiabilité",
                "Bonne condition physique",
                "Esprit d'équipe",
                "Expérience avec {tools}",
            ),
            extras=("Expérience en entrepôt e-commerce",),
            certs=(
                "FR|CACES R489 catégories 1, 3 et 5 à jour (postes de cariste)",
                "!FR|Permis cariste à jour (postes de cariste)",
                "FR|Permis C/CE et FIMO/FCO à jour (postes de chauffeur)",
            ),
            perks=("Primes de nuit et de productivité", "Tickets restaurant", "Parking gratuit"),
        ),
        "es": Texts(
            titles={},
            field="en logística",
            study="Logística o Comercio Internacional",
            mission=(
                "Nuestro centro logístico cerca de {city} prepara unos 40.000 pedidos diarios para retail y e-commerce",
                "Trabajamos a turnos con horarios estables",
            ),
            duties=(
                "Cumplir las normas de seguridad y mantener el orden",
                "Registrar los movimientos de stock en {tool}",
                "Alcanzar los objetivos de productividad y calidad",
            ),
            skills=(
                "Puntualidad y responsabilidad",
                "Capacidad para trabajo físico",
                "Trabajo en equipo",
            ),
            extras=("Experiencia en almacenes de e-commerce",),
            certs=(
                "Carné de carretillero en vigor",
                "Carné C+E, CAP y tarjeta de tacógrafo (puestos de conductor)",
            ),
            perks=("Plus de nocturnidad", "Estabilidad laboral"),
        ),
    },
)

HOSPITALITY = Family(
    id="hospitality_culinary",
    label="Hospitality and culinary",
    count=75,
    sectors=("hotel", "restaurant"),
    tools=(
        "Opera PMS",
        "Mews",
        "Lightspeed POS",
        "combi ovens",
        "HACCP logs",
        "SevenRooms",
        "TheFork Manager",
    ),
    roles=(
        Role(
            "kitchen",
            titles={
                "en": {
                    "intern": ("Apprentice Chef",),
                    "junior": ("Commis Chef", "Kitchen Porter", "Line Cook"),
                    "mid": ("Chef de Partie", "Pastry Chef", "Cook"),
                    "senior": ("Sous Chef", "Senior Sous Chef"),
                    "lead": ("Head Chef", "Executive Sous Chef"),
                    "executive": ("Executive Chef", "Culinary Director"),
                },
                "de": {
                    "intern": ("Auszubildender{g} Koch",),
                    "junior": ("Jungkoch{g}", "Küchenhilfe{g}"),
                    "mid": ("Koch{g}", "Chef de Partie{g}", "Patissier{g}"),
                    "senior": ("Sous-Chef{g}",),
                    "lead": ("Küchenchef{g}",),
                    "executive": ("Executive Chef{g}",),
                },
                "fr": {
                    "intern": ("Apprenti cuisinier",),
                    "junior": ("Commis de cuisine", "Plongeur"),
                    "mid": ("Chef de partie", "Pâtissier", "Cuisinier"),
                    "senior": ("Second de cuisine",),
                    "lead": ("Chef de cuisine",),
                    "executive": ("Chef exécutif",),
                },
                "es": {
                    "junior": ("Ayudante de cocina", "Friegaplatos"),
                    "mid": ("Cocinero/a", "Jefe/a de partida"),
                    "senior": ("Segundo/a de cocina",),
                    "lead": ("Jefe/a de cocina",),
                },
            },
            tools=("combi ovens", "HACCP logs", "sous-vide equipment"),
            weight=4,
            duties={
                "en": (
                    "Prepare and cook dishes to spec during busy services, with seasonal menus that change monthly",
                    "Run your section: mise en place, ordering, stock rotation and food-safety records",
                ),
                "de": (
                    "Zubereitung der Gerichte nach Rezeptur im À-la-carte- und Bankettgeschäft",
                    "Mise en place, Warenannahme und HACCP-Dokumentation",
                ),
                "fr": (
                    "Préparer et dresser les plats selon les fiches techniques",
                    "Assurer la mise en place, la gestion des stocks et le respect des normes HACCP",
                ),
                "es": (
                    "Elaborar los platos según las fichas técnicas",
                    "Realizar la mise en place y controlar el APPCC",
                ),
            },
        ),
        Role(
            "front_of_house",
            titles={
                "en": {
                    "junior": ("Waiter / Waitress", "Server", "Bartender", "Barista"),
                    "mid": ("Head Waiter", "Sommelier", "Bar Supervisor"),
                    "lead": ("Restaurant Manager", "Food and Beverage Manager"),
                },
                "de": {
                    "junior": ("Servicekraft{g}", "Barkeeper{g}"),
                    "mid": ("Chef de Rang{g}", "Sommelier{g}"),
                    "lead": ("Restaurantleiter{g}",),
                },
                "fr": {
                    "junior": ("Serveur", "Barman", "Runner"),
                    "mid": ("Chef de rang", "Sommelier"),
                    "lead": ("Maître d'hôtel", "Directeur de restaurant"),
                },
                "es": {
                    "junior": ("Camarero/a", "Barman / Barwoman"),
                    "mid": ("Jefe/a de sala",),
                    "lead": ("Director/a de restaurante",),
                },
            },
            tools=("Lightspeed POS", "SevenRooms", "TheFork Manager"),
            weight=3,
            duties={
                "en": (
                    "Welcome guests, take orders and make recommendations from the menu and wine list",
                    "Keep service smooth and friendly, even when the restaurant is full",
                ),
                "de": (
                    "Herzliche Betreuung unserer Gäste und kompetente Beratung zu Speisen und Weinen",
                ),
                "fr": (
                    "Accueillir les clients, prendre les commandes et conseiller sur les mets et les vins",
                ),
                "es": ("Atender a los clientes y recomendar platos y vinos",),
            },
        ),
        Role(
            "hotel",
            titles={
                "en": {
                    "junior": ("Hotel Receptionist", "Front Desk Agent", "Room Attendant"),
                    "mid": ("Night Auditor", "Guest Relations Executive", "Events Coordinator"),
                    "senior": ("Assistant Front Office Manager",),
                    "lead": ("Front Office Manager", "Executive Housekeeper"),
                    "executive": ("Hotel General Manager",),
                },
                "de": {
                    "intern": ("Auszubildender{g} Hotelfachmann/-frau",),
                    "junior": ("Rezeptionist{g}", "Zimmermädchen / Roomboy{g}"),
                    "mid": ("Night Auditor{g}", "Bankettkoordinator{g}"),
                    "lead": ("Empfangschef{g}", "Hausdame{g}"),
                    "executive": ("Hoteldirektor{g}",),
                },
                "fr": {
                    "junior": ("Réceptionniste", "Femme / valet de chambre"),
                    "mid": ("Night auditor", "Coordinateur événementiel"),
                    "lead": ("Chef de réception", "Gouvernante générale"),
                    "executive": ("Directeur d'hôtel",),
                },
                "es": {
                    "junior": ("Recepcionista de hotel", "Camarero/a de pisos"),
                    "lead": ("Jefe/a de recepción", "Gobernanta"),
                    "executive": ("Director/a de hotel",),
                },
            },
            tools=("Opera PMS", "Mews"),
            weight=2,
            sectors=("hotel",),
            duties={
                "en": (
                    "Check guests in and out, handle reservations in the property-management system and resolve issues warmly",
                ),
                "de": ("Check-in und Check-out der Gäste sowie Reservierungsbearbeitung im PMS",),
                "fr": ("Gérer les arrivées, les départs et les réservations dans le PMS",),
                "es": ("Gestionar check-in, check-out y reservas en el PMS",),
            },
        ),
    ),
    levels={"intern": 4, "junior": 38, "mid": 30, "senior": 10, "lead": 14, "executive": 4},
    employment={"full_time": 55, "part_time": 25, "temporary": 20},
    salary=36_000,
    hourly=True,
    intern_contract="other",
    texts={
        "en": Texts(
            titles={},
            field="in hospitality",
            study="hospitality or culinary arts",
            mission=(
                "We cook with local suppliers and change our menu with the seasons",
                "Our team is small, loyal and has a lot of fun",
                "Guests come back for the food and stay for the welcome",
            ),
            duties=(
                "Keep your area spotless and follow hygiene and allergen procedures",
                "Work as one team with kitchen and front of house",
                "Help train new colleagues",
                "Handle feedback and complaints calmly",
            ),
            skills=(
                "Passion for food and hospitality",
                "A calm head in busy services",
                "Good communication and a friendly manner",
                "Flexibility to work evenings, weekends and holidays",
            ),
            extras=("Fine-dining experience", "WSET Level 2 (for wine roles)", "A second language"),
            certs=(
                "GB|Level 2 Food Hygiene certificate",
                "US|ServSafe Food Handler or Manager certification",
                "US|TIPS or state alcohol-server certification",
                "AU|RSA certificate (bar roles)",
                "IE|HACCP training certificate",
            ),
            perks=(
                "Staff meals on shift",
                "Tips shared fairly across the team",
                "Discounts at our hotels and restaurants",
                "Four-day weeks available",
            ),
        ),
        "de": Texts(
            titles={},
            field="in der Gastronomie oder Hotellerie",
            study="Hotellerie oder Gastronomie",
            mission=(
                "Wir kochen mit regionalen Produzenten und wechseln die Karte mit den Jahreszeiten",
                "Unser Team ist klein, herzlich und eingespielt",
            ),
            duties=(
                "Sauberkeit und Einhaltung der Hygiene- und Allergenvorschriften",
                "Enge Zusammenarbeit zwischen Küche und Service",
                "Einarbeitung neuer Kolleginnen und Kollegen",
                "Souveräner Umgang mit Gästefeedback",
            ),
            skills=(
                "Leidenschaft für Gastronomie",
                "Belastbarkeit im Tagesgeschäft",
                "Freundliches Auftreten",
                "Bereitschaft zu Abend- und Wochenenddiensten",
            ),
            extras=("Erfahrung in der gehobenen Gastronomie", "Fremdsprachenkenntnisse"),
            certs=("Belehrung nach § 43 Infektionsschutzgesetz",),
            perks=(
                "Personalverpflegung",
                "Trinkgeldbeteiligung",
                "Mitarbeiterrabatte in unseren Häusern",
                "Planbare Dienstpläne",
            ),
        ),
        "fr": Texts(
            titles={},
            field="en restauration ou hôtellerie",
            study="hôtellerie-restauration",
            mission=(
                "Nous travaillons avec des producteurs locaux et changeons la carte à chaque saison",
                "Une équipe soudée et bienveillante",
            ),
            duties=(
                "Veiller à la propreté et au respect des normes d'hygiène",
                "Travailler en lien étroit entre cuisine et salle",
                "Former les nouveaux arrivants",
                "Gérer les retours clients avec calme",
            ),
            skills=(
                "Passion pour le métier",
                "Résistance au rush",
                "Sens de l'accueil",
                "Disponibilité soirs et week-ends",
            ),
            extras=("Expérience en restauration gastronomique", "Anglais courant"),
            certs=("Formation HACCP",),
            perks=("Repas fournis", "Pourboires partagés", "Deux jours de repos consécutifs"),
        ),
        "es": Texts(
            titles={},
            field="en hostelería",
            study="Hostelería o Cocina",
            mission=(
                "Trabajamos con productores locales y cambiamos la carta cada temporada",
                "Somos un equipo pequeño y muy unido",
            ),
            duties=(
                "Mantener la limpieza y cumplir las normas de higiene",
                "Coordinarse entre cocina y sala",
                "Formar a nuevos compañeros",
            ),
            skills=(
                "Pasión por la hostelería",
                "Capacidad para trabajar bajo presión",
                "Disponibilidad para noches y fines de semana",
            ),
            extras=("Experiencia en restaurantes gastronómicos", "Idiomas"),
            certs=("Carné de manipulador de alimentos",),
            perks=("Comida de personal", "Propinas compartidas", "Dos días libres seguidos"),
        ),
    },
)

RETAIL = Family(
    id="retail",
    label="Retail",
    count=65,
    sectors=("retail",),
    tools=(
        "POS tills",
        "handheld stock scanners",
        "SAP Retail",
        "planograms",
        "click-and-collect app",
    ),
    roles=(
        Role(
            "floor",
            titles={
                "en": {
                    "junior": (
                        "Sales Assistant",
                        "Retail Associate",
                        "Cashier",
                        "Stock Replenishment Assistant (Early Shift)",
                    ),
                    "mid": ("Keyholder", "Visual Merchandiser", "Senior Sales Advisor"),
                },
                "de": {
                    "intern": ("Auszubildender{g} Kaufmann/Kauffrau im Einzelhandel",),
                    "junior": ("Verkäufer{g}", "Kassierer{g}", "Mitarbeiter{g} Warenverräumung"),
                    "mid": ("Verkaufsberater{g}", "Visual Merchandiser{g}", "Erstkraft{g}"),
                },
                "fr": {
                    "junior": ("Vendeur", "Hôte de caisse", "Employé libre-service"),
                    "mid": ("Conseiller de vente", "Visual merchandiser"),
                },
                "es": {
                    "junior": ("Dependiente/a", "Cajero/a", "Reponedor/a"),
                    "mid": ("Visual Merchandiser", "Responsable de sección"),
                },
            },
            tools=("POS tills", "handheld stock scanners", "click-and-collect app"),
            weight=3,
            duties={
                "en": (
                    "Welcome customers and help them find what they need",
                    "Serve customers at the tills and handle returns accurately",
                    "Replenish shelves, rotate stock and keep the shop floor tidy",
                    "Prepare click-and-collect orders",
                ),
                "de": (
                    "Freundliche Beratung und Bedienung unserer Kundschaft",
                    "Kassieren und Bearbeitung von Umtausch und Reklamationen",
                    "Warenverräumung und Pflege der Verkaufsfläche",
                ),
                "fr": (
                    "Accueillir et conseiller les clients",
                    "Tenir la caisse et gérer les retours",
                    "Réassortir les rayons et veiller à la bonne tenue du magasin",
                ),
                "es": (
                    "Atender y asesorar a los clientes",
                    "Gestionar el cobro en caja y las devoluciones",
                    "Reponer y mantener el orden en tienda",
                ),
            },
        ),
        Role(
            "management",
            titles={
                "en": {
                    "senior": ("Assistant Store Manager", "Department Manager"),
                    "lead": ("Store Manager",),
                    "executive": ("Area Manager", "Regional Operations Director"),
                },
                "de": {
                    "senior": ("Stellvertretende Filialleitung{g}",),
                    "lead": ("Filialleiter{g}",),
                    "executive": ("Bezirksleiter{g}", "Regionalleiter{g} Vertrieb"),
                },
                "fr": {
                    "senior": ("Adjoint responsable de magasin",),
                    "lead": ("Responsable de magasin",),
                    "executive": ("Directeur régional",),
                },
                "es": {
                    "senior": ("Subdirector/a de tienda",),
                    "lead": ("Encargado/a de tienda",),
                    "executive": ("Responsable de zona",),
                },
            },
            tools=("SAP Retail", "workforce scheduling", "sales dashboards"),
            weight=2,
            duties={
                "en": (
                    "Lead, coach and schedule a team of 15–30 colleagues",
                    "Own the store's sales, margin, shrinkage and payroll budget",
                    "Recruit and train new team members",
                    "Open and close the store and manage cash procedures",
                ),
                "de": (
                    "Führung, Motivation und Einsatzplanung des Filialteams",
                    "Verantwortung für Umsatz, Inventurdifferenzen und Personalkosten",
                    "Rekrutierung und Einarbeitung neuer Mitarbeitender",
                ),
                "fr": (
                    "Animer, former et planifier une équipe de 15 à 30 personnes",
                    "Piloter le chiffre d'affaires, la démarque et la masse salariale",
                    "Recruter les nouveaux collaborateurs",
                ),
                "es": (
                    "Liderar y organizar un equipo de 15 a 30 personas",
                    "Gestionar ventas, mermas y costes de personal",
                    "Seleccionar y formar al equipo",
                ),
            },
        ),
    ),
    levels={"intern": 3, "junior": 50, "mid": 18, "senior": 10, "lead": 14, "executive": 5},
    employment={"full_time": 45, "part_time": 40, "temporary": 15},
    salary=32_000,
    hourly=True,
    intern_contract="other",
    texts={
        "en": Texts(
            titles={},
            field="in retail or customer service",
            study="retail management or business",
            mission=(
                "Our {city} store is one of the busiest in the chain, with a loyal local customer base",
                "We promote from within: most of our store managers started on the shop floor",
            ),
            duties=(
                "Set up displays and promotions to planogram",
                "Support the team in hitting sales and service targets",
                "Take part in stock counts and deliveries",
                "Keep the store safe, clean and welcoming",
            ),
            skills=(
                "A friendly, customer-first attitude",
                "Comfort handling cash and card payments",
                "Reliability and flexibility across the week",
                "Teamwork and a positive attitude",
                "Experience with POS tills and stock scanners",
            ),
            extras=(
                "Previous retail experience",
                "Visual merchandising flair",
                "A second language",
            ),
            perks=(
                "Staff discount of 20–30%",
                "Paid breaks",
                "Bonus linked to store performance",
                "Clear path into management",
            ),
        ),
        "de": Texts(
            titles={},
            field="im Einzelhandel",
            study="Einzelhandel",
            mission=(
                "Unsere Filiale in {city} gehört zu den umsatzstärksten des Unternehmens",
                "Wir fördern Talente aus den eigenen Reihen",
            ),
            duties=(
                "Umsetzung von Aktionen und Warenpräsentation",
                "Mitwirkung bei Inventuren und Warenannahme",
                "Sicherstellung eines sauberen, einladenden Ladenbilds",
            ),
            skills=(
                "Freude am Umgang mit Menschen",
                "Zuverlässigkeit und Flexibilität",
                "Teamgeist",
                "Erfahrung im Einzelhandel wünschenswert",
            ),
            extras=(
                "Abgeschlossene Ausbildung im Einzelhandel",
                "Erfahrung in der Warenpräsentation",
            ),
            perks=(
                "Mitarbeiterrabatt",
                "Tarifliche Bezahlung inkl. Urlaubs- und Weihnachtsgeld",
                "Planbare Arbeitszeiten",
            ),
        ),
        "fr": Texts(
            titles={},
            field="dans la vente ou le commerce de détail",
            study="commerce",
            mission=(
                "Notre magasin de {city} est l'un des plus fréquentés de l'enseigne",
                "Nous favorisons la promotion interne",
            ),
            duties=(
                "Mettre en place les opérations commerciales",
                "Participer aux inventaires et à la réception des marchandises",
                "Contribuer à l'atteinte des objectifs du magasin",
            ),
            skills=(
                "Sens du service client",
                "Dynamisme et fiabilité",
                "Esprit d'équipe",
                "Disponibilité le samedi",
            ),
            extras=("Expérience en prêt-à-porter ou en grande distribution",),
            perks=("Remise collaborateur", "Prime sur objectifs", "Possibilités d'évolution"),
        ),
        "es": Texts(
            titles={},
            field="en comercio o atención al cliente",
            study="Comercio",
            mission=(
                "Nuestra tienda de {city} es una de las de mayor afluencia de la cadena",
                "Apostamos por la promoción interna",
            ),
            duties=(
                "Montar promociones y escaparates",
                "Participar en inventarios y recepción de mercancía",
                "Contribuir a los objetivos de venta de la tienda",
            ),
            skills=(
                "Orientación al cliente",
                "Responsabilidad y flexibilidad horaria",
                "Trabajo en equipo",
            ),
            extras=("Experiencia previa en moda o retail",),
            perks=("Descuento para empleados", "Incentivos por ventas", "Plan de carrera"),
        ),
    },
)

FAMILIES = (LOGISTICS, HOSPITALITY, RETAIL)
