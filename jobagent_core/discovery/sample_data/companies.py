"""Fictional employers: names that sound like their sector and country, and a short
"about us" in the posting's language. Any resemblance to a real company is a
coincidence. Used only by the generator."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from jobagent_core.discovery.sample_data.geo import COUNTRIES, City

_SYLLABLE_A = (
    "Quor", "Vant", "Kel", "Lum", "Brin", "Tess", "Nord", "Fern", "Orb", "Pell", "Hal", "Salt",
    "Cob", "Lark", "Mer", "Tide", "Amb", "Sil", "Kest", "Vir", "Zeph", "Oak", "Hel", "Mar",
    "Sol", "Trel", "Cor", "Ash", "Bren", "Dal", "Elm", "Fal", "Gal", "Hav", "Ilv", "Jor", "Kal",
    "Lin", "Mos", "Nev", "Ost", "Pry", "Riv", "Sev", "Tal", "Ulm", "Ves", "Wren", "Yar", "Zan",
)  # fmt: skip
_SYLLABLE_B = (
    "ora", "ex", "ly", "wise", "mint", "loop", "path", "grid", "nest", "stack", "field", "wave",
    "line", "ium", "ova", "ara", "eon", "ick", "way", "io", "ant", "ix", "ent", "mark", "well",
    "crest", "ridge", "haven", "bury", "ane", "osa", "elle",
)  # fmt: skip
_SURNAMES = {
    "en": ("Hartley", "Whitmore", "Ashford", "Caldwell", "Pemberton", "Holloway", "Marsh",
           "Fairbairn", "Doyle", "Okafor", "Brennan", "Kowalczyk", "Patel", "Lindqvist",
           "Sutherland", "Grayson", "Rafferty", "Blackwood", "Ferreira", "MacAllister"),
    "de": ("Brandt", "Hoffmann", "Krüger", "Lehmann", "Vogel", "Schuster", "Albrecht",
           "Hartmann", "Sommer", "Wendt", "Eckert", "Pohl", "Franke", "Reinhardt", "Kessler",
           "Winter", "Brückner", "Seidel"),
    "fr": ("Dubois", "Lefèvre", "Moreau", "Garnier", "Rousseau", "Chevalier", "Fontaine",
           "Mercier", "Blanchard", "Girard", "Perrin", "Lemaire", "Bertrand", "Marchand",
           "Delmas", "Carpentier"),
    "es": ("García", "Navarro", "Romero", "Castillo", "Ortega", "Rubio", "Molina", "Delgado",
           "Vidal", "Herrera", "Iglesias", "Serrano"),
}  # fmt: skip
_PLACES = {
    "en": ("Harrowfield", "Eastmere", "Alderbrook", "Kestrel Bay", "Westcombe", "Ravensholm",
           "Millbrook", "Ashcombe", "Brackenridge", "Hollins Park", "Cedar Hill", "Greenhaven",
           "Maple Grove", "Stonebridge", "Fenwick", "Larchmont Vale"),
    "de": ("Rheinau", "Lindenhof", "Eichenau", "Talblick", "Sonnenberg", "Waldhausen",
           "Elbufer", "Mainfeld", "Buchenhain", "Lerchenfeld", "Auental", "Kastanienhof"),
    "fr": ("Valmont", "Bellevue", "Saint-Aubin", "Montclair", "Beaulieu", "Val-Fleuri",
           "Sainte-Marthe", "Roseraie", "Clairefontaine", "Mirabeau"),
    "es": ("San Rafael", "Santa Lucía", "Los Álamos", "La Alameda", "Montesol", "Las Acacias",
           "Valdeflores"),
}  # fmt: skip
_LEGAL = {
    "DE": ("GmbH", "GmbH", "AG", "GmbH & Co. KG", "SE"), "AT": ("GmbH", "AG"),
    "CH": ("AG", "GmbH", "SA"), "FR": ("SAS", "SA", "SARL"), "BE": ("SA", "SRL", "NV"),
    "LU": ("S.A.", "S.à r.l."), "NL": ("B.V.", "N.V."), "GB": ("Ltd", "Ltd", "plc"),
    "IE": ("Ltd", "DAC"), "ES": ("S.L.", "S.A."), "PT": ("Lda.", "S.A."), "IT": ("S.r.l.", "S.p.A."),
    "SE": ("AB",), "DK": ("ApS", "A/S"), "NO": ("AS",), "FI": ("Oy",), "PL": ("Sp. z o.o.",),
    "CZ": ("s.r.o.",), "EE": ("OÜ",), "US": ("Inc.", "LLC", "Inc."), "CA": ("Inc.", "Ltd."),
    "MX": ("S.A. de C.V.",), "AU": ("Pty Ltd",), "NZ": ("Ltd",), "SG": ("Pte. Ltd.",),
    "IN": ("Pvt. Ltd.",), "JP": ("K.K.",), "AE": ("LLC", "FZ-LLC"), "ZA": ("(Pty) Ltd",),
    "BR": ("Ltda.",),
}  # fmt: skip

# sector -> naming locale -> patterns. {root} invented word, {surname}, {place}.
_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "tech": {"*": ("{root}", "{root}", "{root} Labs", "{root} Technologies", "{root} Software",
                   "{root} Systems", "{root} Cloud", "{root} Analytics")},
    "fintech": {"*": ("{root} Pay", "{root} Finance", "{root}", "{root} Capital")},
    "bank": {"en": ("{place} Savings Bank", "{root} Bank", "{surname} & {surname2} Bank"),
             "de": ("Bankhaus {surname}", "{root} Bank", "{place}er Bank"),
             "fr": ("Banque {surname}", "Crédit {place}", "{root} Banque"),
             "es": ("Banco {place}", "Caja {place}")},
    "insurance": {"en": ("{root} Insurance", "{place} Mutual"),
                  "de": ("{root} Versicherung", "{place}er Versicherungsgruppe"),
                  "fr": ("{root} Assurances", "Mutuelle {place}"),
                  "es": ("{root} Seguros",)},
    "consulting": {"en": ("{surname} & Partners", "{root} Consulting", "{surname} Advisory"),
                   "de": ("{surname} & Partner", "{root} Consulting", "{surname} Beratung"),
                   "fr": ("{surname} Conseil", "{root} Consulting", "Cabinet {surname}"),
                   "es": ("{surname} Consultores", "{root} Consulting")},
    "agency": {"en": ("{root} Digital", "{root} Studio", "{root} Creative"),
               "de": ("{root} Digital", "{root} Agentur", "{root} Kommunikation"),
               "fr": ("Agence {root}", "{root} Communication", "Studio {root}"),
               "es": ("{root} Digital", "Agencia {root}")},
    "media": {"en": ("{place} Courier", "{root} Media", "The {place} Review", "{root} Studios"),
              "de": ("{place}er Tagblatt", "{root} Medien", "{root} Verlag"),
              "fr": ("Le Journal de {place}", "{root} Médias", "Éditions {surname}"),
              "es": ("Diario de {place}", "{root} Medios")},
    "hospital": {"en": ("{place} General Hospital", "{place} University Hospital",
                        "St {saint}'s Hospital", "{place} Medical Center", "{place} Royal Infirmary"),
                 "de": ("Klinikum {place}", "Krankenhaus {place}", "{place}-Klinik",
                        "Evangelisches Krankenhaus {place}", "Kreisklinikum {place}"),
                 "fr": ("Centre Hospitalier de {place}", "Hôpital {place}", "Clinique {place}",
                        "Hôpital privé de {place}"),
                 "es": ("Hospital {place}", "Clínica {place}", "Hospital Universitario {place}")},
    "care": {"en": ("{place} Care Homes", "{place} House Nursing Home", "{root} Home Care"),
             "de": ("Seniorenresidenz {place}", "Pflegezentrum {place}", "{root} Pflegedienst"),
             "fr": ("EHPAD {place}", "Résidence {place}", "{root} Soins à domicile"),
             "es": ("Residencia {place}", "{root} Cuidados")},
    "clinic": {"en": ("{surname} Physiotherapy", "{place} Health Centre", "{root} Rehab",
                      "{place} Family Practice"),
               "de": ("Praxis {surname}", "Reha-Zentrum {place}", "MVZ {place}"),
               "fr": ("Cabinet {surname}", "Centre de rééducation {place}", "Centre médical {place}"),
               "es": ("Centro Médico {place}", "Clínica {surname}")},
    "pharmacy": {"en": ("{place} Pharmacy", "{surname}'s Chemist", "{root} Pharmacy Group"),
                 "de": ("{place}-Apotheke", "Apotheke am {place}", "{surname} Apotheken"),
                 "fr": ("Pharmacie {place}", "Pharmacie {surname}", "Pharmacie du {place}"),
                 "es": ("Farmacia {place}", "Farmacia {surname}")},
    "school": {"en": ("{place} Academy", "{place} School", "St {saint}'s School",
                      "{place} International School", "{place} Community School"),
               "de": ("{surname}-Schule", "Freie Schule {place}", "Gemeinschaftsschule {place}",
                      "Internationale Schule {place}"),
               "fr": ("Institution {surname}", "Groupe scolaire {place}", "Cours {surname}",
                      "École internationale de {place}"),
               "es": ("Colegio {place}", "Instituto {place}")},
    "nursery": {"en": ("Little Acorns {place}", "{place} Day Nursery", "Bright Steps Early Learning"),
                "de": ("Kita Sonnenblume {place}", "Kinderhaus {place}", "Kita Pusteblume"),
                "fr": ("Crèche Les Petits Pas", "Micro-crèche {place}", "Crèche {place}"),
                "es": ("Escuela Infantil {place}",)},
    "electrical": {"en": ("{surname} Electrical", "{surname} & Sons Electrical", "{root} Power Services"),
                   "de": ("{surname} Elektrotechnik", "Elektro {surname}", "{root} Gebäudetechnik"),
                   "fr": ("{surname} Électricité", "{root} Énergies"),
                   "es": ("Instalaciones Eléctricas {surname}",)},
    "plumbing": {"en": ("{surname} Plumbing & Heating", "{root} Heating Services", "{surname} Mechanical"),
                 "de": ("{surname} Haustechnik", "{surname} Sanitär-Heizung-Klima", "{root} Wärmetechnik"),
                 "fr": ("{surname} Plomberie Chauffage", "{root} Climatisation"),
                 "es": ("Fontanería {surname}", "{root} Climatización")},
    "construction": {"en": ("{surname} Construction", "{surname} Builders", "{root} Structures"),
                     "de": ("{surname} Bau", "{surname} Holzbau", "{root} Bauunternehmung"),
                     "fr": ("{surname} & Fils BTP", "{surname} Construction", "{root} Bâtiment"),
                     "es": ("Construcciones {surname}",)},
    "manufacturing": {"en": ("{root} Industries", "{root} Manufacturing", "{root} Precision"),
                      "de": ("{root} Maschinenbau", "{surname} Antriebstechnik", "{root} Werke"),
                      "fr": ("{root} Industrie", "{surname} Mécanique"),
                      "es": ("Industrias {root}",)},
    "energy": {"*": ("{root} Energy", "{root} Renewables", "{root} Grid")},
    "logistics": {"en": ("{root} Logistics", "{root} Freight", "{surname} Distribution"),
                  "de": ("{root} Logistik", "Spedition {surname}", "{root} Logistics"),
                  "fr": ("Transports {surname}", "{root} Logistique"),
                  "es": ("Transportes {surname}", "{root} Logística")},
    "hotel": {"en": ("The {place} Hotel", "{root} Hotels", "{place} Lodge & Spa"),
              "de": ("Hotel {place}", "{root} Hotels", "Gasthof {surname}"),
              "fr": ("Hôtel {place}", "{root} Hôtels", "Domaine de {place}"),
              "es": ("Hotel {place}", "{root} Hoteles")},
    "restaurant": {"en": ("{surname}'s Kitchen", "{root} Eatery", "The {place} Arms"),
                   "de": ("Restaurant {place}", "Wirtshaus {surname}", "{root} Gastro"),
                   "fr": ("Brasserie {surname}", "Bistrot {place}", "{root} Restauration"),
                   "es": ("Restaurante {place}", "Grupo {root}")},
    "retail": {"en": ("{root} Stores", "{root} Retail", "{surname} & Co.", "{root} Market"),
               "de": ("{root} Markt", "{root} Handel", "Kaufhaus {surname}"),
               "fr": ("Maison {surname}", "{root} Boutiques", "Magasins {root}"),
               "es": ("Tiendas {root}", "Almacenes {root}")},
    "law": {"en": ("{surname} {surname2} LLP", "{surname} & {surname2}", "{surname} Legal"),
            "de": ("{surname} {surname2} Rechtsanwälte", "{surname} & Partner Rechtsanwälte"),
            "fr": ("{surname} {surname2} Avocats", "Cabinet {surname} Avocats"),
            "es": ("{surname} {surname2} Abogados",)},
    "research": {"en": ("{place} Institute of Science", "{root} Biosciences", "{root} Therapeutics"),
                 "de": ("Institut für Angewandte Forschung {place}", "{root} Biotech", "{root} Pharma"),
                 "fr": ("Institut {surname}", "{root} Biotech", "Laboratoire {place}"),
                 "es": ("Instituto de Investigación {place}", "{root} Biotech")},
    "public": {"en": ("{place} City Council", "{place} County Council"),
               "de": ("Stadtverwaltung {place}", "Kreisverwaltung {place}"),
               "fr": ("Mairie de {place}", "Communauté d'agglomération de {place}"),
               "es": ("Ayuntamiento de {place}",)},
}  # fmt: skip
_SAINTS = ("Aldric", "Bride", "Columba", "Jude", "Brendan", "Helena", "Oswin", "Cuthbert")


@dataclass(frozen=True)
class Company:
    name: str
    sector: str
    country: str
    city: City
    founded: int
    size: int
    slug: str


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def naming_locale(country: str, city: City) -> str:
    language = city.language or COUNTRIES[country].language
    return language if language in ("de", "fr", "es") else "en"


_SIZES = {
    "tech": (15, 900), "fintech": (30, 1500), "bank": (400, 9000), "insurance": (300, 7000),
    "consulting": (20, 2500), "agency": (8, 150), "media": (40, 1200), "hospital": (600, 6000),
    "care": (40, 900), "clinic": (6, 120), "pharmacy": (5, 400), "school": (40, 220),
    "nursery": (8, 60), "electrical": (6, 180), "plumbing": (5, 150), "construction": (20, 1500),
    "manufacturing": (120, 8000), "energy": (60, 4000), "logistics": (80, 6000),
    "hotel": (30, 400), "restaurant": (12, 300), "retail": (200, 12000), "law": (15, 600),
    "research": (30, 1500), "public": (300, 5000),
}  # fmt: skip


class CompanyPool:
    """Creates employers on demand and reuses them, so one company posts several jobs."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.by_key: dict[tuple[str, str], list[Company]] = {}
        self.names: set[str] = set()

    def pick(self, sector: str, country: str, city: City) -> Company:
        known = self.by_key.setdefault((sector, country), [])
        if known and self.rng.random() < min(0.75, 0.15 * len(known)):
            company = self.rng.choice(known)
            return Company(company.name, sector, country, city, company.founded, company.size,
                           company.slug)  # fmt: skip
        for _ in range(50):
            name = self._name(sector, country, city)
            if name not in self.names:
                break
        self.names.add(name)
        low, high = _SIZES[sector]
        company = Company(
            name=name,
            sector=sector,
            country=country,
            city=city,
            founded=self.rng.randint(
                1890 if sector in {"hospital", "school", "bank"} else 1975, 2021
            ),
            size=int(self.rng.uniform(low, high)),
            slug=_slug(name),
        )
        known.append(company)
        return company

    def _name(self, sector: str, country: str, city: City) -> str:
        locale = naming_locale(country, city)
        patterns = _NAMES[sector].get(locale) or _NAMES[sector].get("*") or _NAMES[sector]["en"]
        rng = self.rng
        surname, surname2 = rng.sample(_SURNAMES[locale], 2)
        name = rng.choice(patterns).format(
            root=rng.choice(_SYLLABLE_A) + rng.choice(_SYLLABLE_B),
            surname=surname,
            surname2=surname2,
            place=rng.choice(_PLACES[locale]),
            saint=rng.choice(_SAINTS),
        )
        public = sector in {"hospital", "school", "nursery", "public", "care", "pharmacy"}
        if not public and rng.random() < 0.45:
            name = f"{name} {rng.choice(_LEGAL[country])}"
        return name
