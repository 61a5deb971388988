"""Language-specific phrasing shared by every family: headings, experience lines,
work arrangements, contracts, benefits and closings. Used only by the generator."""

# ruff: noqa: E501 - prose content: sentences are kept whole, one per line, to be read and edited as text.

from __future__ import annotations

HEADINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "about": ("About us", "Who we are", "About {company}", "The company"),
        "role": ("The role", "About the role", "The opportunity", "Why this role matters"),
        "duties": ("What you'll do", "Your responsibilities", "Key responsibilities",
                   "In this role you will", "Day to day", "Main duties", "What you'll work on"),
        "skills": ("What you'll bring", "About you", "Requirements", "What we're looking for",
                   "You'll be a good fit if you have", "Skills and experience"),
        "extras": ("Nice to have", "Bonus points", "Desirable", "It would be great if you also had"),
        "perks": ("What we offer", "Benefits", "Perks", "Why join us", "In return", "What's in it for you"),
        "facts": ("At a glance", "Key facts", "The details"),
        "tools": ("Tools you'll use", "Our stack", "Tech and tools"),
        "apply": ("How to apply", "Next steps", "Our hiring process"),
    },
    "de": {
        "about": ("Über uns", "Wer wir sind", "Das sind wir"),
        "role": ("Die Position", "Deine Rolle", "Ihre Rolle"),
        "duties_du": ("Deine Aufgaben", "Das erwartet dich", "Was du bewegst", "Dein Verantwortungsbereich"),
        "duties_sie": ("Ihre Aufgaben", "Das erwartet Sie", "Ihr Verantwortungsbereich", "Aufgabengebiet"),
        "skills_du": ("Dein Profil", "Das bringst du mit", "Was du mitbringst"),
        "skills_sie": ("Ihr Profil", "Das bringen Sie mit", "Was Sie mitbringen", "Anforderungen"),
        "extras": ("Wünschenswert", "Nice to have", "Von Vorteil"),
        "perks_du": ("Wir bieten", "Das bieten wir dir", "Deine Benefits", "Warum wir?"),
        "perks_sie": ("Wir bieten", "Das bieten wir Ihnen", "Ihre Vorteile", "Unser Angebot"),
        "facts": ("Auf einen Blick", "Eckdaten"),
        "tools": ("Unser Stack", "Tools und Technologien"),
        "apply": ("Bewerbung", "Kontakt", "So geht es weiter"),
    },
    "fr": {
        "about": ("Qui sommes-nous ?", "À propos de {company}", "L'entreprise", "Présentation"),
        "role": ("Le poste", "Contexte", "Votre rôle"),
        "duties": ("Vos missions", "Missions principales", "Ce que vous ferez", "Descriptif du poste"),
        "skills": ("Votre profil", "Profil recherché", "Compétences attendues", "Ce que vous apportez"),
        "extras": ("Les plus", "Serait un atout", "Appréciés"),
        "perks": ("Ce que nous offrons", "Avantages", "Pourquoi nous rejoindre ?", "Nos avantages"),
        "facts": ("En bref", "Informations clés"),
        "tools": ("Environnement technique", "Nos outils"),
        "apply": ("Processus de recrutement", "Pour postuler", "Candidature"),
    },
    "es": {
        "about": ("Quiénes somos", "Sobre {company}", "La empresa"),
        "role": ("El puesto", "Tu rol"),
        "duties": ("Tus funciones", "Qué harás", "Responsabilidades"),
        "skills": ("Qué buscamos", "Requisitos", "Tu perfil"),
        "extras": ("Valorable", "Se valorará", "Suma puntos"),
        "perks": ("Qué ofrecemos", "Beneficios", "Te ofrecemos"),
        "facts": ("Datos clave", "En resumen"),
        "tools": ("Herramientas", "Nuestro stack"),
        "apply": ("Proceso de selección", "Cómo aplicar"),
    },
}  # fmt: skip

# {field} carries its preposition; {n} years; {study} subject area.
EXPERIENCE: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "intern": ("Currently studying {study}, with at least six months of your course left",
                   "Enrolled in a degree or vocational programme in {study}"),
        "junior": ("Up to two years of experience {field}; internships and placements count",
                   "A first experience {field}, for example through placements or an apprenticeship",
                   "Some hands-on experience {field} and a strong wish to learn"),
        "mid": ("{n}+ years of experience {field}", "At least {n} years of professional experience {field}",
                "Solid experience {field} ({n} years or more)"),
        "senior": ("{n}+ years of experience {field}", "Extensive experience {field}, typically {n} years or more",
                   "A proven track record {field} over at least {n} years"),
        "lead": ("{n}+ years {field}, including at least two years leading a team",
                 "Significant experience {field} and a track record of leading and developing people"),
        "principal": ("{n}+ years {field}, with a track record of setting direction across several teams",
                      "Deep expertise {field}, recognised beyond your own team"),
        "executive": ("{n}+ years {field}, including several years in a senior leadership role",
                      "A track record of leading a large function {field} through growth and change"),
    },
    "de": {
        "intern": ("Laufendes Studium oder Ausbildung im Bereich {study}",
                   "Immatrikulation in einem Studiengang mit Bezug zu {study}"),
        "junior": ("Erste Berufserfahrung {field}, z. B. durch Praktika oder Werkstudententätigkeit",
                   "Berufseinstieg oder bis zu zwei Jahre Erfahrung {field}"),
        "mid": ("Mindestens {n} Jahre Berufserfahrung {field}", "Mehrjährige Berufserfahrung {field} (ab {n} Jahren)"),
        "senior": ("Mehrjährige Berufserfahrung {field} (mind. {n} Jahre)",
                   "Fundierte, mindestens {n}-jährige Erfahrung {field}"),
        "lead": ("Mehrjährige Berufserfahrung {field}, davon mindestens zwei Jahre mit Führungsverantwortung",
                 "Umfassende Erfahrung {field} sowie erste Erfahrung in der fachlichen oder disziplinarischen Führung"),
        "principal": ("Langjährige Erfahrung {field} und nachweisliche fachliche Prägung mehrerer Teams",),
        "executive": ("Langjährige Führungserfahrung {field}, idealerweise auf Bereichs- oder Geschäftsleitungsebene",
                      "Mindestens {n} Jahre Berufserfahrung {field}, davon mehrere Jahre in leitender Funktion"),
    },
    "fr": {
        "intern": ("Étudiant(e) en {study}, à la recherche d'un stage de fin d'études",
                   "Formation en cours en {study} (Bac+3 à Bac+5)"),
        "junior": ("Une première expérience {field} (stage, alternance ou premier emploi)",
                   "Jeune diplômé(e) ou jusqu'à deux ans d'expérience {field}"),
        "mid": ("Au moins {n} ans d'expérience {field}", "Une expérience de {n} ans minimum {field}"),
        "senior": ("{n} ans d'expérience minimum {field}", "Une solide expérience {field} (plus de {n} ans)"),
        "lead": ("Une expérience significative {field}, dont au moins deux ans en management d'équipe",),
        "principal": ("Plus de {n} ans d'expérience {field} et une expertise reconnue",),
        "executive": ("Une solide expérience de direction {field}", "Au moins {n} ans d'expérience {field}, dont plusieurs années à un poste de direction"),
    },
    "es": {
        "intern": ("Estudiante de {study} con disponibilidad para prácticas",),
        "junior": ("Primera experiencia {field}, prácticas incluidas", "Hasta dos años de experiencia {field}"),
        "mid": ("Al menos {n} años de experiencia {field}",),
        "senior": ("Más de {n} años de experiencia {field}",),
        "lead": ("Experiencia sólida {field} y al menos dos años liderando equipos",),
        "principal": ("Más de {n} años de experiencia {field} y referente técnico en tu área",),
        "executive": ("Amplia experiencia directiva {field}",),
    },
}  # fmt: skip
YEARS = {
    "mid": (2, 3, 4),
    "senior": (5, 6),
    "lead": (6, 7, 8),
    "principal": (8, 10),
    "executive": (10, 12, 15),
}
DEGREE = {
    "en": "A degree or qualification in {study}, or equivalent practical experience",
    "de": "Abgeschlossenes Studium oder abgeschlossene Ausbildung im Bereich {study}",
    "fr": "Formation supérieure en {study} ou expérience équivalente",
    "es": "Formación en {study} o experiencia equivalente",
}

LANGUAGE_SKILLS: dict[str, tuple[str, ...]] = {
    "en": ("Excellent written and spoken English", "Clear, confident communication in English"),
    "en_abroad": ("Fluent English; {local} is a plus but not required", "Professional English (our working language)"),
    "de": ("Sehr gute Deutschkenntnisse (mind. C1) und gute Englischkenntnisse",
           "Verhandlungssichere Deutschkenntnisse in Wort und Schrift", "Gute Deutsch- und Englischkenntnisse"),
    "fr": ("Anglais professionnel", "Excellentes qualités rédactionnelles en français", "Un bon niveau d'anglais est un plus"),
    "es": ("Nivel alto de español; inglés valorable", "Buen nivel de inglés"),
}  # fmt: skip
LOCAL_LANGUAGE_NAME = {"de": "German", "fr": "French", "es": "Spanish", "": "the local language"}

WORK_MODE: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "remote": ("This is a fully remote role{area}; we meet in person a few times a year",
                   "You can work from anywhere{area} — our team is distributed and works asynchronously",
                   "Remote-first: work from home{area}, with a co-working allowance if you prefer an office"),
        "hybrid": ("Hybrid: {n} days a week in our {city} office, the rest from home",
                   "We work hybrid, with {n} office days a week in {city}",
                   "The role is based in {city}, with flexibility to work from home part of the week"),
        "onsite": ("This role is based on site in {city}", "Location: {city}, on site",
                   "You'll be based at our site in {city}"),
    },
    "de": {
        "remote": ("Die Stelle ist zu 100 % remote besetzbar{area}", "Remote-first: Arbeiten von überall{area}, mit regelmäßigen Team-Treffen"),
        "hybrid": ("Hybrides Arbeiten: {n} Tage pro Woche im Büro in {city}, der Rest mobil",
                   "Mobiles Arbeiten ist bis zu {n} Tage pro Woche möglich"),
        "onsite": ("Einsatzort: {city}", "Arbeitsort ist {city}"),
    },
    "fr": {
        "remote": ("Poste en full remote{area}, avec un séminaire d'équipe chaque trimestre",
                   "Télétravail complet possible{area}"),
        "hybrid": ("Télétravail possible jusqu'à {n} jours par semaine", "Mode hybride : {n} jours au bureau de {city}"),
        "onsite": ("Poste basé à {city}", "Lieu de travail : {city}"),
    },
    "es": {
        "remote": ("Puesto 100 % en remoto{area}",),
        "hybrid": ("Modelo híbrido: {n} días de teletrabajo a la semana", "Trabajo híbrido desde nuestra oficina de {city}"),
        "onsite": ("Puesto presencial en {city}", "Lugar de trabajo: {city}"),
    },
}  # fmt: skip

CONTRACT: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "full_time": ("Full-time, permanent", "Permanent, full-time ({h} hours a week)"),
        "part_time": ("Part-time ({h} hours a week)", "Part-time, {h} hours per week, flexible days"),
        "contract": ("Contract, {m} months with possible extension", "Freelance contract ({m} months)"),
        "temporary": ("Fixed-term ({m} months)", "Temporary, {m} months"),
        "internship": ("Internship ({m} months)", "Paid internship, {m} months"),
        "other": ("Apprenticeship (3 years, paid)",),
    },
    "de": {
        "full_time": ("Vollzeit, unbefristet", "Vollzeit ({h} Std./Woche), unbefristet"),
        "part_time": ("Teilzeit ({h} Std./Woche)", "Teilzeit mit {h} Wochenstunden"),
        "contract": ("Freelance / Projektvertrag ({m} Monate)",),
        "temporary": ("Befristet auf {m} Monate", "Befristet ({m} Monate), Übernahme angestrebt"),
        "internship": ("Praktikum ({m} Monate)", "Pflichtpraktikum, {m} Monate"),
        "other": ("Ausbildung (3 bzw. 3,5 Jahre)",),
    },
    "fr": {
        "full_time": ("CDI, temps plein", "CDI – {h} h par semaine"),
        "part_time": ("Temps partiel ({h} h/semaine)", "CDI à temps partiel ({h} h)"),
        "contract": ("Mission freelance ({m} mois)",),
        "temporary": ("CDD de {m} mois", "CDD ({m} mois), évolutif en CDI"),
        "internship": ("Stage de {m} mois", "Stage conventionné ({m} mois)"),
        "other": ("Alternance (contrat d'apprentissage)",),
    },
    "es": {
        "full_time": ("Contrato indefinido, jornada completa",),
        "part_time": ("Media jornada ({h} h/semana)",),
        "contract": ("Contrato freelance ({m} meses)",),
        "temporary": ("Contrato temporal de {m} meses",),
        "internship": ("Prácticas de {m} meses",),
        "other": ("Formación profesional dual",),
    },
}  # fmt: skip

FACT_LABELS = {
    "en": {"location": "Location", "contract": "Contract", "salary": "Salary", "start": "Start", "mode": "Work arrangement"},
    "de": {"location": "Standort", "contract": "Anstellung", "salary": "Gehalt", "start": "Start", "mode": "Arbeitsmodell"},
    "fr": {"location": "Localisation", "contract": "Contrat", "salary": "Rémunération", "start": "Démarrage", "mode": "Organisation"},
    "es": {"location": "Ubicación", "contract": "Contrato", "salary": "Salario", "start": "Incorporación", "mode": "Modalidad"},
}  # fmt: skip
MODE_LABEL = {
    "en": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On site"},
    "de": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "Vor Ort"},
    "fr": {"remote": "Full remote", "hybrid": "Hybride", "onsite": "Sur site"},
    "es": {"remote": "Remoto", "hybrid": "Híbrido", "onsite": "Presencial"},
}
START = {
    "en": ("As soon as possible", "Within the next three months", "Flexible"),
    "de": ("Ab sofort", "Zum nächstmöglichen Zeitpunkt", "Nach Vereinbarung"),
    "fr": ("Dès que possible", "Au plus tôt", "À convenir"),
    "es": ("Inmediata", "A convenir"),
}

PERKS: dict[str, tuple[str, ...]] = {
    "en": ("Flexible working hours", "A yearly learning budget and time for training",
           "Enhanced parental leave", "An employee assistance programme for you and your family",
           "Two paid volunteering days a year", "Regular team events and a yearly get-together",
           "Clear career progression with regular feedback", "Staff discounts",
           "A subsidised canteen", "Free parking on site", "Wellbeing allowance",
           "Home-office set-up budget", "Paid sick leave from day one"),
    "de": ("Flexible Arbeitszeiten mit Gleitzeitkonto", "Individuelles Weiterbildungsbudget",
           "Betriebliche Altersvorsorge mit Arbeitgeberzuschuss", "Fahrrad-Leasing",
           "Firmenfitness-Programm", "Teamevents und Sommerfest",
           "Moderne Arbeitsplätze und gute Ausstattung", "Zuschuss zur Kinderbetreuung",
           "Vermögenswirksame Leistungen", "Kantine mit frischer, regionaler Küche",
           "Strukturierte Einarbeitung mit Patenprogramm", "Mitarbeiterrabatte"),
    "fr": ("Carte titres-restaurant", "Mutuelle prise en charge à 70 %",
           "Prise en charge de 50 % de l'abonnement transport", "Forfait mobilités durables",
           "Intéressement et participation", "CSE avec de nombreux avantages",
           "Budget formation individuel", "RTT (10 jours par an)", "Parcours d'intégration structuré",
           "Événements d'équipe réguliers"),
    "es": ("Seguro médico privado", "Ticket restaurante", "Jornada intensiva en verano",
           "Horario flexible", "Plan de formación continua", "Retribución flexible",
           "Buen ambiente de trabajo y eventos de equipo"),
}  # fmt: skip
COUNTRY_PERKS: dict[str, dict[str, tuple[str, ...]]] = {
    "GB": {"en": ("Pension with {p}% employer contribution", "25 days' holiday plus bank holidays", "Cycle to Work scheme")},
    "IE": {"en": ("Pension with {p}% employer contribution", "Bike to Work scheme", "Private health cover")},
    "US": {"en": ("Medical, dental and vision insurance", "401(k) with {p}% company match", "{d} days PTO plus paid holidays")},
    "CA": {"en": ("Extended health and dental benefits", "RRSP matching", "Three weeks' vacation to start")},
    "AU": {"en": ("Superannuation on top of salary", "Salary packaging options", "Extra leave between Christmas and New Year")},
    "NZ": {"en": ("KiwiSaver contributions", "Health insurance")},
    "NL": {"en": ("8% holiday allowance", "Travel allowance", "Pension plan")},
    "SE": {"en": ("Wellness allowance", "Occupational pension", "25 days' vacation")},
    "DK": {"en": ("Pension scheme", "Lunch scheme", "Six weeks' holiday")},
    "NO": {"en": ("Pension scheme", "Five weeks' holiday")},
    "FI": {"en": ("Lunch and sports benefits",)},
    "SG": {"en": ("Medical and dental coverage", "Annual wage supplement")},
    "AE": {"en": ("Tax-free salary", "Housing allowance", "Annual flight home")},
    "DE": {"de": ("30 Tage Urlaub", "Deutschlandticket als Jobticket"),
           "en": ("30 days of paid holiday", "Germany-wide public transport ticket")},
    "AT": {"de": ("13. und 14. Monatsgehalt", "Öffi-Ticket", "Essenszuschuss"),
           "en": ("Salary paid 14 times a year", "Public transport ticket")},
    "CH": {"de": ("5 Wochen Ferien", "Grosszügige Pensionskasse", "Halbtax-Abo"),
           "fr": ("5 semaines de vacances", "Caisse de pension avantageuse"),
           "en": ("Five weeks' vacation", "Generous pension fund contributions")},
    "FR": {"fr": ("25 jours de congés payés + RTT", "13e mois"), "en": ("Meal vouchers", "Health insurance (mutuelle)")},
    "BE": {"fr": ("Chèques-repas", "Assurance hospitalisation", "Éco-chèques"), "en": ("Meal vouchers", "Hospitalisation insurance")},
    "LU": {"fr": ("Chèques-repas", "Assurance complémentaire santé")},
    "ES": {"es": ("23 días laborables de vacaciones",), "en": ("Private health insurance", "Flexible compensation plan")},
    "MX": {"es": ("Prestaciones superiores a las de ley", "Vales de despensa")},
}  # fmt: skip

CLOSING: dict[str, tuple[str, ...]] = {
    "en": ("Apply with your CV; a cover letter is optional",
           "Send us your CV and a few lines on why this role appeals to you",
           "We review applications on a rolling basis and aim to reply within a week",
           "Our process: a 30-minute call, a conversation with the team, and a final interview with the hiring manager",
           "Questions about the role? Write to {contact} at careers@{slug}.example"),
    "en_fair": ("We welcome applications from everyone and make reasonable adjustments throughout the process",
                "{company} is an equal opportunity employer",
                "We are committed to building a diverse team and encourage people from under-represented groups to apply"),
    "de_du": ("Klingt gut? Dann freuen wir uns auf deine Bewerbung – ein Anschreiben brauchst du nicht",
              "Bewirb dich mit deinem Lebenslauf über unser Karriereportal",
              "Fragen vorab? {contact} aus dem Recruiting-Team hilft dir gern weiter: jobs@{slug}.example"),
    "de_sie": ("Wir freuen uns auf Ihre Bewerbung mit Angabe Ihrer Gehaltsvorstellung und Ihres frühestmöglichen Eintrittstermins",
               "Bitte bewerben Sie sich bevorzugt über unser Online-Formular",
               "Für Rückfragen steht Ihnen {contact} gern zur Verfügung (jobs@{slug}.example)"),
    "de_fair": ("Schwerbehinderte Menschen werden bei gleicher Eignung bevorzugt berücksichtigt",
                "Wir freuen uns über Bewerbungen unabhängig von Geschlecht, Herkunft, Religion, Behinderung, Alter oder sexueller Identität"),
    "fr": ("Envoyez-nous votre CV et quelques lignes sur votre motivation",
           "Processus de recrutement : un premier échange téléphonique, un entretien avec l'équipe, puis une rencontre avec la direction",
           "Vous avez une question ? Contactez {contact} à recrutement@{slug}.example"),
    "fr_fair": ("Tous nos postes sont ouverts aux personnes en situation de handicap",
                "Nous nous engageons en faveur de la diversité et de l'égalité des chances"),
    "es": ("Envíanos tu CV y cuéntanos por qué te interesa el puesto",
           "Proceso: una primera llamada, una entrevista con el equipo y una reunión final"),
    "es_fair": ("Promovemos la igualdad de oportunidades y valoramos la diversidad",),
}  # fmt: skip
CONTACTS = {
    "en": (
        "Sarah Mitchell",
        "Daniel Osei",
        "Priya Raman",
        "Tom Gallagher",
        "Emily Chen",
        "Marcus Reid",
    ),
    "de": (
        "Anna Berger",
        "Jonas Keller",
        "Lea Hofmann",
        "Murat Yilmaz",
        "Sophie Wagner",
        "Felix Braun",
    ),
    "fr": ("Claire Martin", "Julien Petit", "Camille Laurent", "Nadia Benali", "Thomas Roux"),
    "es": ("Lucía Fernández", "Javier Ruiz", "Marta Sánchez"),
}

HOOKS: dict[str, tuple[str, ...]] = {
    "en": ("We're looking for {a} {title} to join {company} in {city}",
           "{company} is hiring {a} {title}",
           "Join {company} as our new {title}",
           "Could you be our next {title}? Read on"),
    "de_du": ("Zur Verstärkung unseres Teams in {city} suchen wir dich als {title}",
              "Du willst mehr bewegen? Werde Teil von {company} als {title}"),
    "de_sie": ("Zur Verstärkung unseres Teams in {city} suchen wir zum nächstmöglichen Zeitpunkt eine:n {title}",
               "{company} sucht für den Standort {city} eine:n {title}"),
    "fr": ("Dans le cadre de notre développement, nous recrutons un(e) {title} à {city}",
           "{company} recrute un(e) {title}", "Rejoignez {company} en tant que {title}"),
    "es": ("Buscamos un/a {title} para incorporarse a nuestro equipo de {city}",
           "{company} busca {title}"),
}  # fmt: skip
AGENCY_INTRO = {
    "en": "Our client, {about_lower}, is looking for a {title}. This is an exclusive assignment",
}

# Put at the top of the duties of lead and executive postings.
LEAD_DUTIES: dict[str, tuple[str, ...]] = {
    "en": ("Lead and develop a team of {n} people, with regular one-to-ones and honest feedback",
           "Plan rotas, workloads and priorities for your team", "Hire and onboard new team members"),
    "de": ("Fachliche und disziplinarische Führung eines Teams von {n} Mitarbeitenden",
           "Personaleinsatz- und Ressourcenplanung", "Auswahl und Einarbeitung neuer Teammitglieder"),
    "fr": ("Encadrer et faire grandir une équipe de {n} personnes", "Organiser les plannings et les priorités de l'équipe",
           "Recruter et intégrer les nouveaux collaborateurs"),
    "es": ("Liderar y desarrollar un equipo de {n} personas", "Organizar turnos, cargas de trabajo y prioridades"),
}  # fmt: skip
EXEC_DUTIES: dict[str, tuple[str, ...]] = {
    "en": ("Set the strategy and yearly objectives for the whole function", "Own a budget of several million and report to the executive board",
           "Build and develop the leadership team below you", "Represent the function with customers, partners and regulators"),
    "de": ("Entwicklung und Umsetzung der Bereichsstrategie", "Budget- und Ergebnisverantwortung mit Berichtslinie an die Geschäftsführung",
           "Aufbau und Entwicklung der Führungskräfte im Bereich", "Vertretung des Bereichs gegenüber Kunden, Partnern und Behörden"),
    "fr": ("Définir la stratégie et les objectifs annuels de la direction", "Piloter le budget et rendre compte au comité de direction",
           "Structurer et faire grandir l'équipe de managers", "Représenter la direction auprès des partenaires et des autorités"),
    "es": ("Definir la estrategia y los objetivos anuales del área", "Gestionar el presupuesto y reportar al comité de dirección",
           "Desarrollar al equipo de mandos intermedios"),
}  # fmt: skip
