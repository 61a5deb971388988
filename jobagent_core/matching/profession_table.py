"""The regulated professions themselves: for each, the job titles only its members
may hold, what proves a person may practise it, its helpers and trainees.

A table of patterns (folded text, see `discovery.places.fold`) apart from
`professions.py`, which reads job titles and profiles against it. The order counts:
a title is read as the first profession that claims it.
"""

from __future__ import annotations

import re

from jobagent_core.matching.profession_grade import Profession

__all__ = ["PROFESSIONS"]


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_STATE_RECOGNISED = (
    r"staatlich(?:e|er)? (?:anerkannt\w*|anerkennung|gepruft\w*)|staatliche anerkennung"
)

PROFESSIONS: tuple[Profession, ...] = (
    Profession(
        key="physician",
        label="physician",
        needs="a licence to practise medicine (e.g. Approbation als Arzt, GMC registration)",
        titles=_p(
            r"\b(?:physician|physicians|medical doctor|doctor|doctors|general practitioner|gp"
            r"|hospitalist|surgeon|anaesthetist|anesthetist|anesthesiologist|psychiatrist"
            r"|radiologist|cardiologist|oncologist|neurologist|dermatologist|pathologist"
            r"|paediatrician|pediatrician|gynaecologist|gynecologist|obstetrician|urologist"
            r"|internist\w*|clinical fellow|foundation (?:year|doctor)|specialty registrar"
            r"|\w*(?<!zahn)(?<!tier)arzt(?:in|innen|e)?|medecins?|medico|medica|chirurg(?:in)?"
            r"|chirurgien(?!-dentiste)|psychiater\w*)\b"
        ),
        licence=_p(
            r"\b(?:approbation(?! als (?:apotheker|zahnarzt|tierarzt|psycho))"
            r"|approbiert\w* (?:arzt|arztin)|medical licen[cs]e|licensed (?:physician|medical)"
            r"|licen[cs]e to practi[cs]e medicine|gmc (?:registration|registered|licen[cs]e)"
            r"|full (?:and unrestricted )?gmc(?: registration)?|board[- ]certified physician"
            r"|mbbs|mbchb|mb bs"
            r"|doctor of medicine|md|staatsexamen (?:in )?(?:human)?medizin|arztliche prufung"
            r"|facharzt(?:anerkennung|bezeichnung)|mrcp|mrcs|frcs|docteur en medecine"
            r"|diplome d'etat de docteur en medecine|ordre des medecins|medical degree"
            r"|(?:abgeschlossenes )?studium der humanmedizin|humanmedizin)\b"
        ),
        not_titles=_p(
            r"\b(?:physician (?:assistant|associate)|tree surgeon|doctoral|assistant|assistent\w*"
            r"|helfer\w*|practice manager)\b"
        ),
        trainees=_p(r"\b(?:medical student|medizinstudent\w*|famulatur|praktisches jahr)\b"),
    ),
    Profession(
        key="dentist",
        label="dentist",
        needs="a licence to practise dentistry (e.g. Approbation als Zahnarzt, GDC registration)",
        titles=_p(
            r"\b(?:dentist|dentists|dental surgeon|dental officer|orthodontist"
            r"|zahnarzt(?:in|innen|e)?|zahnarztin|chirurgien-dentiste|dentiste|odontolog[oa])\b"
        ),
        licence=_p(
            r"\b(?:gdc registration|bds|dds|dmd|approbation als zahnarzt\w*"
            r"|zahnarztliche approbation|staatsexamen zahnmedizin|chirurgie dentaire"
            r"|licensed dentist)\b"
        ),
        helpers=_p(r"\b(?:dental (?:nurse|assistant)|zahnmedizinische\w* fachangestellte\w*)\b"),
    ),
    Profession(
        key="nurse",
        label="nurse",
        needs="a nursing registration (e.g. NMC PIN, RN licence, Examen als Pflegefachkraft)",
        titles=_p(
            r"\b(?:nurse|nurses|nursing (?:sister|officer|director)|director of nursing"
            r"|head of nursing|ward sister|matron|rn|rgn|krankenschwester\w*"
            r"|\w*krankenpfleger(?:in|innen)?|pflegefach(?:frau|mann|kraft|krafte|person)\w*"
            r"|\w*pflegekraft|\w*pflegekrafte"
            r"|(?:alten|intensiv|fach|anasthesie|op-|psychiatrie)?pfleger(?:in|innen)?"
            r"|infirmier\w*|ide|ibode|iade|enfermer[oa]s?|puericultrice)\b"
        ),
        licence=_p(
            r"\b(?:nmc (?:registration|registered|pin)|registered (?:general |adult "
            r"|mental health |children's |sick children's )?nurse|rgn|rn(?: licen[cs]e)?"
            r"|nursing licen[cs]e|licensed (?:practical |registered )?nurse|nclex"
            r"|state board of nursing|ahpra|nmbi|examen\w* (?:als |zur |zum )?"
            r"(?:gesundheits|kranken|pflege|alten|kinderkranken)\w*|examiniert\w*"
            r"|pflegeexamen|berufsurkunde|erlaubnis zur fuhrung der berufsbezeichnung"
            r"|abgeschlossene\w* (?:\w+ )?ausbildung (?:als |zur |zum )?(?:pflegefach"
            r"|gesundheits|kranken|alten)\w*|generalistische\w* pflegeausbildung"
            r"|diplome d'etat d'infirmier\w*|b\.?sc\.? (?:\(hons\) )?(?:adult |mental health "
            r"|child |children's |learning disabilit\w* )?nursing|(?:adult|mental health|child"
            r"|children's) nursing|bachelor of (?:science in )?nursing|bsn|nursing degree"
            r"|pflegestudium)\b"
        ),
        helpers=_p(
            r"\b(?:nursing (?:assistant|associate|auxiliary)|healthcare assistant"
            r"|health care assistant|care assistant|pflegehelfer\w*|pflegeassistent\w*"
            r"|aide-soignant\w*|auxiliar de enfermeria|krankenpflegehelfer\w*)\b"
        ),
        not_titles=_p(r"\b(?:dental nurse|veterinary nurse|vet nurse|nursery|tierpfleger\w*)\b"),
        trainees=_p(r"\b(?:student nurse|nursing student|pflegeschuler\w*)\b"),
    ),
    Profession(
        key="midwife",
        label="midwife",
        needs="a midwifery registration (e.g. NMC, Hebammenexamen)",
        titles=_p(
            r"\b(?:midwife|midwives|hebamme\w*|entbindungspfleger\w*|sage-femme|sages-femmes"
            r"|matrona)\b"
        ),
        licence=_p(
            r"\b(?:registered midwife|nmc (?:registration|registered|pin)|hebammenexamen"
            r"|staatlich anerkannte hebamme|b\.?sc\.? (?:\(hons\) )?midwifery"
            r"|diplome d'etat de sage-femme)\b"
        ),
    ),
    Profession(
        key="pharmacist",
        label="pharmacist",
        needs="a licence as a pharmacist (e.g. Approbation als Apotheker, GPhC registration)",
        titles=_p(
            r"\b(?:pharmacist|pharmacists|\w*apotheker(?:in|innen)?|pharmacien\w*"
            r"|farmaceutic[oa]s?|pharmazeut(?:in)?)\b"
        ),
        licence=_p(
            r"\b(?:approbation als apotheker\w*|approbierte?r? apotheker\w*"
            r"|gphc (?:registration|registered)|registered pharmacist|licensed pharmacist"
            r"|pharmacist licen[cs]e|board of pharmacy|pharm\.? ?d|mpharm"
            r"|staatsexamen (?:in )?pharmazie|pharmazeutische prufung|docteur en pharmacie"
            r"|ordre (?:national )?des pharmaciens|psi registration|pharmacy degree)\b"
        ),
        not_titles=_p(r"\b(?:pharmaceutical|pharmacy (?:technician|assistant))\b"),
        trainees=_p(r"\b(?:foundation (?:trainee )?pharmacist|pip|interne? en pharmacie)\b"),
        covers=("pharmacy technician",),
    ),
    Profession(
        key="pharmacy technician",
        label="pharmacy technician",
        needs="a pharmacy technician qualification (e.g. PTA exam, GPhC registration)",
        titles=_p(
            r"\b(?:pharmacy technician|pharmacy tech|pta|pharmazeutisch-technische\w*"
            r"|preparateur\w* en pharmacie|tecnico de farmacia|cpht)\b"
        ),
        licence=_p(
            r"\b(?:gphc (?:registration|registered)|ptcb|cpht|certified pharmacy technician"
            r"|pta-examen|staatliche prufung (?:als|zur|zum) pta|brevet professionnel de "
            r"preparateur|bp preparateur)\b"
        ),
    ),
    Profession(
        key="paramedic",
        label="paramedic",
        needs="a paramedic registration (e.g. HCPC, Notfallsanitäter exam)",
        titles=_p(r"\b(?:paramedic|paramedics|notfallsanitater\w*|ambulancier\w*)\b"),
        licence=_p(
            r"\b(?:hcpc (?:registration|registered)|registered paramedic|nremt"
            r"|(?:state )?(?:licensed|certified) paramedic|notfallsanitater\w*[- ]?prufung"
            r"|staatliche prufung (?:als|zum|zur) notfallsanitater\w*"
            r"|diplome d'etat d'ambulancier)\b"
        ),
    ),
    Profession(
        key="physiotherapist",
        label="physiotherapist",
        needs="a physiotherapy licence (e.g. HCPC registration, staatliche Anerkennung)",
        titles=_p(
            r"\b(?:physiotherapist|physical therapist|\w*physiotherapeut(?:in|innen|en)?"
            r"|krankengymnast\w*|(?:masseur-)?kinesitherapeute|fisioterapeuta)\b"
        ),
        licence=_p(
            r"\b(?:hcpc (?:registration|registered)|registered physiotherapist"
            r"|licensed physical therapist|dpt|erlaubnis zur fuhrung der berufsbezeichnung"
            r"|diplome d'etat de masseur-kinesitherapeute|b\.?sc\.? (?:\(hons\) )?physiotherapy"
            r"|physiotherapy degree|" + _STATE_RECOGNISED + r"(?= (?:\w+ ){0,2}physio))\b"
        ),
    ),
    Profession(
        key="radiographer",
        label="radiographer",
        needs="a radiography registration (e.g. HCPC, staatliche Anerkennung als MTR)",
        titles=_p(
            r"\b(?:radiographer|radiologic technologist|mtr|mtra|medizinische\w* technolog\w* "
            r"(?:fur|fuer) radiologie|manipulateur\w* en electroradiologie\w*|merm)\b"
        ),
        licence=_p(
            r"\b(?:hcpc (?:registration|registered)|arrt|registered radiographer"
            r"|diplome d'etat de manipulateur|b\.?sc\.? (?:\(hons\) )?diagnostic radiography"
            r"|staatliche\w* (?:prufung|anerkennung) (?:als |zur |zum )?(?:mtr|mtra))\b"
        ),
    ),
    Profession(
        key="psychotherapist",
        label="psychotherapist",
        needs="a licence as a psychotherapist or clinical psychologist",
        titles=_p(
            r"\b(?:psychotherapist|clinical psychologist|counselling psychologist"
            r"|\w*psychotherapeut(?:in|innen)?|psychologue clinicien\w*|psicologo clinico)\b"
        ),
        licence=_p(
            r"\b(?:approbation (?:als )?(?:psychologische\w* )?psychotherapeut\w*"
            r"|hcpc (?:registration|registered)|licensed (?:clinical )?psychologist"
            r"|doctorate in clinical psychology|dclinpsy|psyd|fachkunde (?:in )?"
            r"(?:verhaltenstherapie|tiefenpsycholog\w*|psychoanalyse|systemische\w*))\b"
        ),
    ),
    Profession(
        key="veterinarian",
        label="veterinarian",
        needs="a veterinary licence (e.g. RCVS registration, Approbation als Tierarzt)",
        titles=_p(
            r"\b(?:veterinarian|veterinary surgeon|vet surgeon|vet|\w*tierarzt(?:in|innen|e)?"
            r"|veterinaire|veterinario)\b"
        ),
        licence=_p(
            r"\b(?:rcvs|approbation als tierarzt\w*|dvm|vmd|bvsc|bvms|licensed veterinarian"
            r"|docteur veterinaire|staatsexamen (?:in )?veterinarmedizin)\b"
        ),
        helpers=_p(
            r"\b(?:veterinary (?:nurse|assistant)|vet (?:nurse|assistant)"
            r"|tiermedizinische\w* fachangestellte\w*|auxiliaire veterinaire)\b"
        ),
    ),
    Profession(
        key="electrician",
        label="electrician",
        needs="a completed electrician's qualification (e.g. Gesellenbrief, journeyman "
        "licence, NVQ Level 3)",
        titles=_p(
            r"\b(?:electrician|electricians|\w*elektriker(?:in|innen)?|\w*elektroniker(?:in|innen)?"
            r"|elektroinstallateur\w*|elektromonteur\w*|elektrofachkraft|elektromeister\w*"
            r"|\w*monteur\w* (?:\w+ )?elektro\w*|vorarbeiter\w* (?:\w+ )?elektro\w*"
            r"|electricien\w*|electricista|wireman|wiremen)\b"
        ),
        licence=_p(
            r"\b(?:journey(?:man|woman|person)(?: electrician| wireman|'s licen[cs]e"
            r"| licen[cs]e| card)|licensed electrician|master electrician"
            r"|electrical (?:contractor )?licen[cs]e|electrician'?s licen[cs]e|red seal"
            r"|(?:gesellenbrief|gesellenprufung|facharbeiterbrief|meisterbrief|meisterprufung)"
            r"(?= (?:\w+ ){0,3}(?:elektr|industrieelektr))|abgeschlossene\w* (?:berufs)?"
            r"ausbildung (?:als |zum |zur )?(?:elektr|industrieelektr)\w*|abgeschlossene\w* "
            r"(?:elektro\w*|elektrotechnische\w*) (?:berufs)?ausbildung|elektrofachkraft"
            r"|elektromeister\w*|18th edition|bs ?7671"
            r"|ecs (?:gold )?card|jib (?:gold )?card|am2|nvq (?:level )?3|city (?:&|and) guilds "
            r"(?:2365|2357|2360|2330|level 3)|national craft certificate|qqi level 6"
            r"|approved electrician|qualified electrician|cap (?:electricien|proelec)"
            r"|bac pro melec|brevet professionnel electricien)\b"
        ),
        helpers=_p(
            r"\b(?:electrician'?s? (?:assistant|mate|helper)|electrical (?:helper|labou?rer)"
            r"|elektrohelfer\w*|helfer\w* elektro\w*|aide-electricien\w*|aide electricien\w*"
            r"|ayudante de electricista)\b"
        ),
        not_titles=_p(r"\b(?:engineer|ingenieur\w*|planer\w*|designer)\b"),
    ),
    Profession(
        key="plumber",
        label="plumber or gas engineer",
        needs="a completed plumbing or gas qualification (e.g. Gesellenbrief, Gas Safe, "
        "journeyman licence)",
        titles=_p(
            r"\b(?:plumber|plumbers|gas engineer|gas fitter|gasfitter|heating engineer"
            r"|\w*anlagenmechaniker\w*|installateur\w* (?:sanitar|shk|heizung)\w*"
            r"|sanitarinstallateur\w*|plombier\w*|fontanero)\b"
        ),
        licence=_p(
            r"\b(?:gas safe|journey(?:man|woman|person) plumber|licensed plumber|master plumber"
            r"|plumbing licen[cs]e|(?:gesellenbrief|gesellenprufung|meisterbrief|meisterprufung)"
            r"(?= (?:\w+ ){0,3}(?:anlagenmechaniker|installateur|sanitar|shk))"
            r"|abgeschlossene\w* (?:berufs)?ausbildung (?:als |zum "
            r"|zur )?(?:anlagenmechaniker|installateur)\w*|nvq (?:level )?[23] plumbing"
            r"|acs (?:gas )?(?:qualification|certificate)|cap (?:installateur|monteur)\w*)\b"
        ),
        helpers=_p(r"\b(?:plumber'?s? (?:mate|helper|assistant)|helfer\w* shk|aide-plombier)\b"),
    ),
    Profession(
        key="university lecturer",
        label="university lecturer",
        needs="a doctorate (PhD)",
        titles=_p(
            r"\b(?:lecturer|university teacher|assistant professor|associate professor"
            r"|full professor|professor(?:ship)?|\w*professur|universitatsprofessor\w*"
            r"|juniorprofessor\w*|hochschullehrer\w*|hochschuldozent\w*|maitre de conferences"
            r"|professeur des universites|enseignant-chercheur|profesor (?:titular|universitario"
            r"|asociado|contratado doctor))\b"
        ),
        licence=_p(
            r"\b(?:ph\.? ?d|dphil|doctorate|doctoral degree|abgeschlossene promotion"
            r"|promoviert\w*|dr\. ?(?:phil|rer|ing|med)|doktorgrad"
            r"|habilitation|habilitiert\w*|doctorat)\b"
        ),
        not_titles=_p(r"\b(?:guest lecturer|gastdozent\w*)\b"),
    ),
    Profession(
        key="school teacher",
        label="school teacher",
        needs="a teaching qualification (e.g. QTS, Lehramt with 2. Staatsexamen, CAPES)",
        titles=_p(
            r"\b(?:teacher|teachers|schoolteacher|form tutor|\w*lehrer(?:in|innen)?"
            r"|\w*lehrkraft|\w*lehrkrafte|professeur des ecoles"
            r"|professeure? (?:de |d'|des |en )[a-z'-]+|professeur\w* contractuel\w*"
            r"|enseignant(?:e|es|s)?|instituteur\w*|institutrice\w*|maestr[oa]s?"
            r"|profesor(?:a)? de (?:educacion )?(?:primaria|secundaria|ingles|matematicas)"
            r"|docente)\b"
        ),
        licence=_p(
            r"\b(?:qts|qualified teacher status|pgce|pgde|teaching (?:licen[cs]e|credential"
            r"|certificate|certification|qualification)|state (?:teaching )?certification"
            r"|certified teacher|licensed teacher|lehramt\w*|(?:zweite[s]?|2\.) staatsexamen"
            r"(?= (?:\w+ ){0,3}lehr)|lehrbefahigung|crpe|capes|capet|cafep|agregation|meef"
            r"|b\.? ?ed|bachelor of education|teaching council registration|gtcs registration"
            r"|oposiciones)\b"
        ),
        helpers=_p(
            r"\b(?:teaching assistant|learning support assistant|hlta|lehrassistent\w*"
            r"|schulbegleit\w*|assistant d'education|aesh|classroom assistant"
            r"|teacher'?s aide|paraprofessional|paraeducator)\b"
        ),
        not_titles=_p(
            r"\b(?:yoga|pilates|dance|tanz\w*|swim\w*|schwimm\w*|driving|fahrlehrer\w*|piano"
            r"|guitar|music school|musikschul\w*|esl|efl|tefl|celta|language school"
            r"|sprachschul\w*|surf|ski|fitness|preschool|pre-school|nursery|kindergarten"
            r"|early years|kita|hochschullehrer\w*|university|universite|universitat)\b"
        ),
        trainees=_p(r"\b(?:trainee teacher|student teacher|teacher trainee)\b"),
    ),
    Profession(
        key="lawyer",
        label="lawyer",
        needs="admission to the bar (e.g. Zulassung als Rechtsanwalt, practising certificate)",
        titles=_p(
            r"\b(?:lawyer|lawyers|attorney|solicitor|barrister|rechtsanwalt(?:in|innen)?"
            r"|syndikusrechtsanwalt(?:in)?|anwalt(?:in)?|fachanwalt(?:in)?|avocat\w*"
            r"|abogad[oa]s?|notar(?:in)?|notaire)\b"
        ),
        licence=_p(
            r"\b(?:bar admission|admitted to (?:the|practi[cs]e)|admission to the bar"
            r"|member of the (?:\w+ )*bar|licensed to practi[cs]e law|practising certificate"
            r"|qualified solicitor|called to the bar|juris doctor|zulassung (?:als |zur )?"
            r"rechtsanwalt\w*|anwaltszulassung|(?:zweite[s]?|2\.) (?:juristische[s]? )?"
            r"staatsexamen(?! (?:\w+ ){0,3}lehr)|volljurist\w*|befahigung zum richteramt"
            r"|certificat d'aptitude a la profession d'avocat|inscrit\w* au barreau"
            r"|master de acceso a la abogacia|abogad[oa] colegiad[oa])\b"
        ),
        helpers=_p(
            r"\b(?:paralegal|legal assistant|rechtsanwaltsfachangestellte\w*"
            r"|assistant juridique)\b"
        ),
        trainees=_p(r"\b(?:trainee solicitor|pupil barrister|eleve-avocat\w*)\b"),
    ),
    Profession(
        key="chartered accountant",
        label="chartered accountant or tax adviser",
        needs="a professional accountancy licence (e.g. CPA, ACA, Steuerberaterprüfung)",
        titles=_p(
            r"\b(?:chartered accountant|certified public accountant|cpa|chartered certified "
            r"accountant|steuerberater(?:in|innen)?|wirtschaftsprufer(?:in|innen)?"
            r"|expert-comptable|experts-comptables|commissaire aux comptes)\b"
        ),
        licence=_p(
            r"\b(?:cpa|acca|cima|icaew|icas|chartered accountant|steuerberater(?:prufung"
            r"|examen)|bestellung als steuerberater\w*|wirtschaftsprufer(?:examen|prufung)"
            r"|wp-examen|diplome d'expertise comptable|cpa licen[cs]e)\b"
        ),
    ),
    Profession(
        key="architect",
        label="architect",
        needs="registration as an architect (e.g. Architektenkammer, ARB)",
        titles=_p(r"\b(?:architect|architects|architekt(?:in|innen)?|architecte|arquitect[oa])\b"),
        licence=_p(
            r"\b(?:architektenkammer|architektenliste|kammerfahig\w*|bauvorlageberechtig\w*"
            r"|registered architect|arb (?:registration|registered)|riba chartered"
            r"|licensed architect|ncarb|hmonp|ordre des architectes)\b"
        ),
        not_titles=_p(
            r"\b(?:software|solutions?|cloud|data|daten|enterprise|it|systems?|security"
            r"|technical|network|netzwerk|salesforce|integration|platform|application"
            r"|infrastructure|ml|ai|machine learning|devops|aws|azure|gcp|sap|cyber"
            r"|information|business|digital|interior|landscape|game|level|losungs|sicherheits"
            r"|unternehmens)[ -]?(?:architect|architekt)\w*|\b\w+(?<!innen)architekt\w*"
        ),
    ),
    Profession(
        key="social worker",
        label="social worker",
        needs="a social work registration (e.g. Social Work England, staatliche Anerkennung)",
        titles=_p(
            r"\b(?:social worker|social workers|sozialarbeiter(?:in|innen)?"
            r"|sozialpadagog(?:e|in|innen)|assistante? (?:de service )?social(?:e)?"
            r"|trabajador(?:a)? social)\b"
        ),
        licence=_p(
            r"\b(?:social work england|hcpc (?:registration|registered)|registered social worker"
            r"|lcsw|lmsw|msw|degree in social work|b\.?a\.? (?:\(hons\) )?social work"
            r"|deass|diplome d'etat d'assistant de service social|"
            + _STATE_RECOGNISED
            + r"(?= (?:\w+ ){0,2}sozial))\b"
        ),
    ),
)
