"""English letter phrasing."""

from jobagent_core.fabrication.templates import CvHeadings, LetterPhrases, word_list

PHRASES = LetterPhrases(
    language="en",
    months=word_list(
        "January February March April May June July August September October November December"
    ),
    date_format="{day} {month} {year}",
    conjunction="and",
    subjects=("Application for the {role} position", "Application: {role}"),
    greetings=("Dear {company} hiring team,", "Dear Hiring Manager,", "Dear {company} team,"),
    openings=(
        "I am writing to apply for the {role} position at {company}.",
        "I would like to apply for the role of {role} at {company}.",
        "The {role} opening at {company} caught my attention, and I am pleased to submit "
        "my application.",
    ),
    research=(
        "{sentence} That is a large part of what draws me to this role.",
        "What I read about {company} stood out to me: {sentence}",
    ),
    experience_current=(
        "I currently work as {title} at {employer}.",
        "My current position is {title} at {employer}.",
    ),
    experience_past=(
        "Most relevant to this role is my work as {title} at {employer}.",
        "As {title} at {employer}, I gained experience that is directly relevant to this position.",
    ),
    experience_years=(
        "In total, I bring {years} years of professional experience.",
        "Altogether, I have {years} years of professional experience.",
    ),
    example=("One example from that role: {bullet}", "For instance: {bullet}"),
    earlier=(
        "I have also worked as {title} at {employer}.",
        "My experience also includes the role of {title} at {employer}.",
    ),
    education=(
        "My education includes {degree} ({institution}).",
        "I studied {degree} ({institution}).",
    ),
    skills=(
        "My background in {skills} matches the requirements of the {role} role.",
        "I can contribute my skills in {skills} from day one.",
        "The position calls for {skills}, all of which are part of my professional toolkit.",
    ),
    motivation=(
        "I would welcome the opportunity to discuss how I can contribute to {company}. "
        "Thank you for considering my application.",
        "I look forward to hearing from you and to discussing how my experience can support "
        "your team at {company}.",
        "Thank you for your time and consideration; I would be glad to tell you more about my "
        "work in an interview.",
    ),
    closings=("Kind regards,", "Sincerely,", "Best regards,"),
    cv=CvHeadings(
        summary="Summary",
        experience="Experience",
        education="Education",
        skills="Skills",
        languages="Languages",
        present="present",
    ),
    stopwords=frozenset(
        word_list(
            "the and of to in for with is are we you our your on as at be this that will an a "
            "or from by have has it who what"
        )
    ),
    names=frozenset(
        word_list(
            "Dear Hiring Manager Team Regards Sincerely Best Kind Mr Ms Mrs Madam Sir I Yours "
            "Faithfully Recruiter Recruiting HR Human Resources Talent Acquisition CV Resume "
            "Curriculum Vitae English German French Spanish Italian Dutch Portuguese Polish "
            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Application Position Role "
            "Thank Thanks Hello Dr Prof IT"
        )
    ),
)
