"""Where the sample postings are: countries (currency, pay level, language) and
cities, with their names in each posting language. Used only by the generator."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class City:
    name: str  # English name
    local: str = ""  # name in the local language, when it differs
    language: str = ""  # overrides the country's language (Geneva: "fr")
    pay: float = 1.0  # pay level relative to the country's

    def label(self, lang: str, country_language: str) -> str:
        return (
            self.local if self.local and lang == (self.language or country_language) else self.name
        )


@dataclass(frozen=True)
class Country:
    code: str
    names: dict[str, str]  # posting language -> country name
    currency: str
    fx: float  # currency units per EUR
    pay: float  # pay level in EUR relative to Germany
    language: (
        str  # main language of job ads ("en", "de", "fr", "es", or "" for English-as-lingua-franca)
    )
    cities: tuple[City, ...]
    salary_shown: float = 0.5  # share of postings that state pay
    english: bool = False  # English is the everyday language
    states: dict[str, str] = field(default_factory=dict)  # city -> state/province code

    def name(self, lang: str) -> str:
        return self.names.get(lang, self.names["en"])


def _n(en: str, de: str, fr: str, es: str) -> dict[str, str]:
    return {"en": en, "de": de, "fr": fr, "es": es}


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country("DE", _n("Germany", "Deutschland", "Allemagne", "Alemania"), "EUR", 1.0, 1.0, "de",
                (City("Berlin"), City("Munich", "München", pay=1.12), City("Hamburg", pay=1.05),
                 City("Frankfurt am Main", pay=1.1), City("Cologne", "Köln"), City("Stuttgart", pay=1.08),
                 City("Düsseldorf", pay=1.04), City("Leipzig", pay=0.88), City("Dresden", pay=0.88),
                 City("Nuremberg", "Nürnberg"), City("Hanover", "Hannover"), City("Bremen"),
                 City("Essen", pay=0.95), City("Karlsruhe"))),
        Country("AT", _n("Austria", "Österreich", "Autriche", "Austria"), "EUR", 1.0, 0.93, "de",
                (City("Vienna", "Wien", pay=1.05), City("Graz"), City("Linz"), City("Salzburg")),
                salary_shown=1.0),
        Country("CH", _n("Switzerland", "Schweiz", "Suisse", "Suiza"), "CHF", 0.94, 1.55, "de",
                (City("Zurich", "Zürich", pay=1.05), City("Basel"), City("Bern"),
                 City("Geneva", "Genève", language="fr", pay=1.03),
                 City("Lausanne", language="fr")), salary_shown=0.3),
        Country("FR", _n("France", "Frankreich", "France", "Francia"), "EUR", 1.0, 0.82, "fr",
                (City("Paris", pay=1.15), City("Lyon"), City("Marseille", pay=0.95),
                 City("Toulouse"), City("Bordeaux"), City("Lille", pay=0.95), City("Nantes"),
                 City("Strasbourg"), City("Montpellier", pay=0.95), City("Rennes"))),
        Country("BE", _n("Belgium", "Belgien", "Belgique", "Bélgica"), "EUR", 1.0, 0.95, "fr",
                (City("Brussels", "Bruxelles", pay=1.05), City("Liège"),
                 City("Antwerp", language="en"), City("Ghent", language="en"))),
        Country("LU", _n("Luxembourg", "Luxemburg", "Luxembourg", "Luxemburgo"), "EUR", 1.0, 1.2,
                "fr", (City("Luxembourg City", "Luxembourg"),)),
        Country("NL", _n("Netherlands", "Niederlande", "Pays-Bas", "Países Bajos"), "EUR", 1.0,
                1.0, "", (City("Amsterdam", pay=1.08), City("Rotterdam"), City("Utrecht"),
                          City("Eindhoven"), City("The Hague"))),
        Country("GB", _n("United Kingdom", "Vereinigtes Königreich", "Royaume-Uni", "Reino Unido"),
                "GBP", 0.85, 0.85, "en",
                (City("London", pay=1.22), City("Manchester"), City("Birmingham"),
                 City("Edinburgh"), City("Glasgow", pay=0.95), City("Bristol"), City("Leeds"),
                 City("Cambridge", pay=1.08), City("Cardiff", pay=0.92), City("Belfast", pay=0.9)),
                salary_shown=0.85, english=True),
        Country("IE", _n("Ireland", "Irland", "Irlande", "Irlanda"), "EUR", 1.0, 1.0, "en",
                (City("Dublin", pay=1.08), City("Cork"), City("Galway")), salary_shown=0.6,
                english=True),
        Country("ES", _n("Spain", "Spanien", "Espagne", "España"), "EUR", 1.0, 0.58, "es",
                (City("Madrid", pay=1.08), City("Barcelona", pay=1.06), City("Valencia"),
                 City("Seville", "Sevilla"), City("Bilbao"), City("Málaga"))),
        Country("PT", _n("Portugal", "Portugal", "Portugal", "Portugal"), "EUR", 1.0, 0.45, "",
                (City("Lisbon", pay=1.08), City("Porto"))),
        Country("IT", _n("Italy", "Italien", "Italie", "Italia"), "EUR", 1.0, 0.65, "",
                (City("Milan", pay=1.1), City("Rome"), City("Turin"))),
        Country("SE", _n("Sweden", "Schweden", "Suède", "Suecia"), "SEK", 11.3, 0.92, "",
                (City("Stockholm", pay=1.05), City("Gothenburg"), City("Malmö"))),
        Country("DK", _n("Denmark", "Dänemark", "Danemark", "Dinamarca"), "DKK", 7.46, 1.12, "",
                (City("Copenhagen"), City("Aarhus"))),
        Country("NO", _n("Norway", "Norwegen", "Norvège", "Noruega"), "NOK", 11.6, 1.08, "",
                (City("Oslo"), City("Bergen"))),
        Country("FI", _n("Finland", "Finnland", "Finlande", "Finlandia"), "EUR", 1.0, 0.88, "",
                (City("Helsinki"), City("Espoo"), City("Tampere"))),
        Country("PL", _n("Poland", "Polen", "Pologne", "Polonia"), "PLN", 4.3, 0.45, "",
                (City("Warsaw", pay=1.08), City("Kraków"), City("Wrocław"), City("Gdańsk")),
                salary_shown=0.8),
        Country("CZ", _n("Czechia", "Tschechien", "Tchéquie", "Chequia"), "CZK", 25.0, 0.45, "",
                (City("Prague", pay=1.08), City("Brno"))),
        Country("EE", _n("Estonia", "Estland", "Estonie", "Estonia"), "EUR", 1.0, 0.6, "",
                (City("Tallinn"),)),
        Country("US", _n("United States", "USA", "États-Unis", "Estados Unidos"), "USD", 1.08,
                1.45, "en",
                (City("New York", pay=1.2), City("San Francisco", pay=1.3), City("Seattle", pay=1.2),
                 City("Austin"), City("Boston", pay=1.12), City("Chicago"), City("Denver"),
                 City("Atlanta", pay=0.95), City("Los Angeles", pay=1.12), City("Miami", pay=0.95),
                 City("Minneapolis", pay=0.95), City("Philadelphia"), City("Phoenix", pay=0.92),
                 City("Houston", pay=0.95), City("Raleigh", pay=0.92), City("Portland")),
                salary_shown=0.8, english=True,
                states={"New York": "NY", "San Francisco": "CA", "Seattle": "WA", "Austin": "TX",
                        "Boston": "MA", "Chicago": "IL", "Denver": "CO", "Atlanta": "GA",
                        "Los Angeles": "CA", "Miami": "FL", "Minneapolis": "MN",
                        "Philadelphia": "PA", "Phoenix": "AZ", "Houston": "TX",
                        "Raleigh": "NC", "Portland": "OR"}),
        Country("CA", _n("Canada", "Kanada", "Canada", "Canadá"), "CAD", 1.47, 1.0, "en",
                (City("Toronto", pay=1.08), City("Vancouver", pay=1.06),
                 City("Montreal", "Montréal", language="fr"), City("Ottawa"), City("Calgary")),
                salary_shown=0.75, english=True,
                states={"Toronto": "ON", "Vancouver": "BC", "Montreal": "QC", "Ottawa": "ON",
                        "Calgary": "AB"}),
        Country("MX", _n("Mexico", "Mexiko", "Mexique", "México"), "MXN", 19.5, 0.28, "es",
                (City("Mexico City", "Ciudad de México"), City("Guadalajara"),
                 City("Monterrey")), salary_shown=0.6),
        Country("AU", _n("Australia", "Australien", "Australie", "Australia"), "AUD", 1.65, 1.08,
                "en", (City("Sydney", pay=1.08), City("Melbourne"), City("Brisbane"),
                       City("Perth"), City("Adelaide", pay=0.95)), salary_shown=0.75,
                english=True,
                states={"Sydney": "NSW", "Melbourne": "VIC", "Brisbane": "QLD", "Perth": "WA",
                        "Adelaide": "SA"}),
        Country("NZ", _n("New Zealand", "Neuseeland", "Nouvelle-Zélande", "Nueva Zelanda"), "NZD",
                1.8, 0.9, "en", (City("Auckland"), City("Wellington"), City("Christchurch")),
                salary_shown=0.7, english=True),
        Country("SG", _n("Singapore", "Singapur", "Singapour", "Singapur"), "SGD", 1.45, 1.0, "en",
                (City("Singapore"),), salary_shown=0.5, english=True),
        Country("IN", _n("India", "Indien", "Inde", "India"), "INR", 90.0, 0.25, "",
                (City("Bengaluru"), City("Pune"), City("Hyderabad"), City("Gurugram")),
                salary_shown=0.4),
        Country("JP", _n("Japan", "Japan", "Japon", "Japón"), "JPY", 160.0, 0.8, "",
                (City("Tokyo"),), salary_shown=0.6),
        Country("AE", _n("United Arab Emirates", "Vereinigte Arabische Emirate",
                         "Émirats arabes unis", "Emiratos Árabes Unidos"), "AED", 4.0, 1.0, "en",
                (City("Dubai"), City("Abu Dhabi")), salary_shown=0.5, english=True),
        Country("ZA", _n("South Africa", "Südafrika", "Afrique du Sud", "Sudáfrica"), "ZAR", 20.0,
                0.32, "en", (City("Cape Town"), City("Johannesburg")), salary_shown=0.5,
                english=True),
        Country("BR", _n("Brazil", "Brasilien", "Brésil", "Brasil"), "BRL", 6.0, 0.35, "",
                (City("São Paulo"), City("Florianópolis")), salary_shown=0.4),
    )
}  # fmt: skip

# How often each country appears. Knowledge work is advertised everywhere, often in
# English; regulated and local work only where we can write the ad natively.
GLOBAL_WEIGHTS: dict[str, float] = {
    "US": 20, "GB": 13, "DE": 15, "FR": 8, "NL": 5, "IE": 3, "ES": 5, "CA": 5, "AT": 2.5,
    "CH": 3, "SE": 2, "DK": 1, "NO": 1, "FI": 1, "PL": 2, "CZ": 1, "PT": 2, "IT": 2, "AU": 3,
    "SG": 2, "IN": 2, "JP": 1, "AE": 1, "BR": 1, "EE": 1, "BE": 2, "LU": 0.7, "MX": 1.5,
    "NZ": 0.6, "ZA": 0.6,
}  # fmt: skip
LOCAL_WEIGHTS: dict[str, float] = {
    "US": 18, "GB": 16, "DE": 16, "FR": 11, "CA": 6, "AU": 5, "IE": 3, "AT": 3.5, "CH": 3.5,
    "ES": 6, "BE": 2.5, "NZ": 1.5, "AE": 1, "SG": 1, "ZA": 1, "MX": 2, "LU": 0.7,
}  # fmt: skip
