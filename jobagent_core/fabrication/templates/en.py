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
        "I currently work as {title} at {employer} and would like to bring that to {company}.",
        "My current position is {title} at {employer}, and it is the experience I would bring "
        "to {company}.",
        "For the {role} position I can draw on my current work as {title} at {employer}.",
        "At {employer}, where I work as {title}, I have built the experience I would now like "
        "to bring to {company}.",
        "What I would bring to {company} comes first from my current job as {title} at {employer}.",
        "Today I work as {title} at {employer}, which is the background I bring to the "
        "{role} role.",
    ),
    experience_past=(
        "Most relevant to the {role} role is my work as {title} at {employer}.",
        "As {title} at {employer}, I gained experience that I would like to bring to {company}.",
        "For {company}, my most useful experience comes from my time as {title} at {employer}.",
        "My time as {title} at {employer} is the part of my background closest to the "
        "{role} position.",
        "I worked as {title} at {employer}, and that experience is what I would build on as "
        "{role}.",
    ),
    experience_years=(
        "In total, I bring {years} years of professional experience to this application to "
        "{company}.",
        "Altogether, I have {years} years of professional experience, which I would like to "
        "put to work at {company}.",
        "I would join {company} with {years} years of professional experience.",
        "My {years} years of professional experience are what I offer {company}.",
        "All in all, I can draw on {years} years of professional experience in my application "
        "to {company}.",
    ),
    example=(
        "One example relevant to {company}: {bullet}",
        "For instance, with the {role} position in mind: {bullet}",
        "An example that I would bring to {company}: {bullet}",
        "A concrete example with the {role} role in mind: {bullet}",
        "To give {company} one example: {bullet}",
    ),
    earlier=(
        "I have also worked as {title} at {employer}, which adds to what I offer {company}.",
        "My experience also includes the role of {title} at {employer}, useful as {role}.",
        "Before that, I worked as {title} at {employer}, which also prepared me for {company}.",
        "Earlier, as {title} at {employer}, I gained further experience for the {role} role.",
    ),
    education=(
        "My education includes {degree} ({institution}), a basis for my work at {company}.",
        "I studied {degree} ({institution}), a good basis for the {role} role.",
        "For the {role} role I can also rely on my {degree} ({institution}).",
        "My training, {degree} ({institution}), underpins the work I would do at {company}.",
        "I completed {degree} ({institution}), a foundation I would bring to {company}.",
    ),
    skills=(
        "My background in {skills} matches the requirements of the {role} role.",
        "I can contribute my skills in {skills} to {company} from day one.",
        "At {company} I would put my skills in {skills} to work from the start.",
        "I bring hands-on skills in {skills} to the {role} position.",
    ),
    motivation=(
        "I would welcome the opportunity to discuss how I can contribute to {company}, and "
        "thank you for considering my application.",
        "I look forward to hearing from you and to discussing how my experience can support "
        "your team at {company}.",
        "Thank you for your time and consideration; I would be glad to tell {company} more about "
        "my work in an interview.",
        "I would be glad to explain in an interview what I could bring to the {role} role at "
        "{company}.",
        "Thank you for reading my application for the {role} position; I look forward to "
        "talking with you.",
        "I would be pleased to meet the team at {company} and to talk about the {role} role "
        "in more detail.",
    ),
    closings=("Kind regards,", "Sincerely,", "Best regards,"),
    skills_asked=(
        "The {role} posting asks for {skills}, all of which are part of my professional toolkit.",
        "Your posting for the {role} role names {skills}; these are skills I use in my work.",
    ),
    cv=CvHeadings(
        summary="Summary",
        experience="Experience",
        education="Education",
        certifications="Certifications",
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
            "Thank Thanks Hello Dr Prof Professor IT"
        )
    ),
)
