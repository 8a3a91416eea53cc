"""Words the generator itself puts on pages, in every language.

Editors' texts live in data/ and docs/; these are the labels around them.
A test checks that every key has all three languages and the same
{placeholders} in each.
"""

from __future__ import annotations

from functools import lru_cache

STRINGS: dict[str, dict[str, str]] = {
    # Language names, each in its own language (the language selector).
    "language.da": {"da": "Dansk", "de": "Dansk", "en": "Dansk"},
    "language.de": {"da": "Deutsch", "de": "Deutsch", "en": "Deutsch"},
    "language.en": {"da": "English", "de": "English", "en": "English"},
    # Untranslated content.
    "fallback.title": {
        "da": "Siden er ikke oversat endnu",
        "de": "Diese Seite ist noch nicht übersetzt",
        "en": "This page is not translated yet",
    },
    "fallback.body": {
        "da": "Her er den danske tekst.",
        "de": "Hier steht der dänische Text. Ihr Browser kann ihn übersetzen.",
        "en": "Below is the Danish text. Your browser can translate it.",
    },
    "fallback.badge": {"da": "på dansk", "de": "nur auf Dänisch", "en": "in Danish only"},
    "unverified.badge": {
        "da": "ikke bekræftet",
        "de": "noch nicht bestätigt",
        "en": "not yet confirmed",
    },
    # Plan: states and notices.
    "plan.period": {"da": "Periode", "de": "Zeitraum", "en": "Period"},
    "plan.adopted": {"da": "Vedtaget", "de": "Beschlossen", "en": "Adopted"},
    "plan.adopted_unknown": {
        "da": "Kilden oplyser ikke, hvornår planen blev vedtaget.",
        "de": "Die Quelle nennt kein Datum des Beschlusses.",
        "en": "The source does not say when the plan was adopted.",
    },
    "plan.source": {"da": "Kilde", "de": "Quelle", "en": "Source"},
    "plan.ended.title": {
        "da": "Planens periode er slut",
        "de": "Der Zeitraum dieses Plans ist abgelaufen",
        "en": "This plan's period has ended",
    },
    "plan.ended.body": {
        "da": "Perioden sluttede {end}. Kommunen har ikke offentliggjort en ny plan her endnu, så du ser den seneste plan.",
        "de": "Der Zeitraum endete am {end}. Die Kommune hat hier noch keinen neuen Plan veröffentlicht; Sie sehen den letzten Plan.",
        "en": "The period ended on {end}. The municipality has not published a new plan here yet, so you are seeing the most recent one.",
    },
    "plan.upcoming.title": {
        "da": "Planen gælder endnu ikke",
        "de": "Dieser Plan gilt noch nicht",
        "en": "This plan is not in force yet",
    },
    "plan.upcoming.body": {
        "da": "Planen gælder fra {start}.",
        "de": "Der Plan gilt ab dem {start}.",
        "en": "The plan applies from {start}.",
    },
    "plan.none": {
        "da": "Kommunen har ikke offentliggjort en handlingsplan her endnu.",
        "de": "Die Kommune hat hier noch keinen Aktionsplan veröffentlicht.",
        "en": "The municipality has not published an action plan here yet.",
    },
    "plan.status_note": {
        "da": "Status er, som den står i planen.",
        "de": "Der Status ist so angegeben, wie er im Plan steht.",
        "en": "Status is as stated in the plan.",
    },
    "plan.status_as_of": {
        "da": "Status senest tjekket {date}.",
        "de": "Status zuletzt geprüft am {date}.",
        "en": "Status last checked on {date}.",
    },
    "plan.targets": {"da": "Planens mål", "de": "Ziele des Plans", "en": "The plan's targets"},
    "plan.actions_count": {"da": "{n} handlinger", "de": "{n} Maßnahmen", "en": "{n} actions"},
    "plan.for_group": {
        "da": "Det gør kommunen for dig",
        "de": "Das tut die Kommune für Sie",
        "en": "What the municipality does for you",
    },
    "plan.for_everyone": {
        "da": "Og for alle nye borgere",
        "de": "Und für alle Neubürger",
        "en": "And for all new residents",
    },
    "plan.no_group_actions": {
        "da": "Planen har ingen handlinger særligt for denne gruppe.",
        "de": "Der Plan enthält keine eigenen Maßnahmen für diese Gruppe.",
        "en": "The plan has no actions especially for this group.",
    },
    "plan.see_full": {
        "da": "Se hele handlingsplanen",
        "de": "Den ganzen Aktionsplan ansehen",
        "en": "See the whole action plan",
    },
    "plan.other.title": {"da": "Handlinger fra andre planer", "de": "Maßnahmen aus anderen Plänen",
                         "en": "Actions from other plans"},
    "plan.other.about": {
        "da": "Disse handlinger hører til en plan, der ikke gælder nu. De står her, så links til dem stadig virker.",
        "de": "Diese Maßnahmen gehören zu einem Plan, der zurzeit nicht gilt. Sie stehen hier, damit Links auf sie weiter funktionieren.",
        "en": "These actions belong to a plan that is not in force now. They are listed here so that links to them keep working.",
    },
    "plan.everyone": {"da": "Alle nye borgere", "de": "Alle Neubürger", "en": "All new residents"},
    "plan.timeline.caption": {
        "da": "Handlingerne kvartal for kvartal",
        "de": "Die Maßnahmen Quartal für Quartal",
        "en": "The actions quarter by quarter",
    },
    "plan.timeline.action": {"da": "Handling", "de": "Maßnahme", "en": "Action"},
    "plan.timeline.exact": {
        "da": "planlagt i dette kvartal",
        "de": "in diesem Quartal geplant",
        "en": "planned for this quarter",
    },
    "plan.timeline.year": {
        "da": "i løbet af året",
        "de": "im Laufe des Jahres",
        "en": "some time this year",
    },
    "plan.timeline.scroll": {
        "da": "Tabellen kan rulles vandret.",
        "de": "Die Tabelle lässt sich waagerecht scrollen.",
        "en": "The table scrolls sideways.",
    },
    "quarter.short": {"da": "{n}. kvt.", "de": "Q{n}", "en": "Q{n}"},
    "quarter.long": {"da": "{n}. kvartal {year}", "de": "{n}. Quartal {year}", "en": "Q{n} {year}"},
    # Action fields.
    "action.status": {"da": "Status", "de": "Status", "en": "Status"},
    "action.timing": {"da": "Hvornår", "de": "Wann", "en": "When"},
    "action.lead": {"da": "Ansvarlig", "de": "Verantwortlich", "en": "Lead"},
    "action.partners": {"da": "Samarbejdspartnere", "de": "Partner", "en": "Partners"},
    "action.category": {"da": "Type", "de": "Art", "en": "Kind"},
    "action.phases": {"da": "Fase", "de": "Phase", "en": "Phase"},
    "action.target_groups": {"da": "Målgrupper", "de": "Zielgruppen", "en": "Target groups"},
    "action.focus_area": {"da": "Indsatsområde", "de": "Handlungsfeld", "en": "Focus area"},
    "action.funding": {"da": "Finansiering", "de": "Finanzierung", "en": "Funding"},
    "action.extra_funding": {
        "da": "Kræver penge ud over det årlige budget",
        "de": "Braucht Geld über das jährliche Budget hinaus",
        "en": "Needs money beyond the yearly budget",
    },
    "action.cost.year": {"da": "ca. {amount} kr. om året", "de": "ca. {amount} Kronen pro Jahr", "en": "about DKK {amount} a year"},
    "action.cost.total": {"da": "ca. {amount} kr. i alt", "de": "ca. {amount} Kronen insgesamt", "en": "about DKK {amount} in total"},
    "action.targets": {"da": "Mål", "de": "Ziele", "en": "Targets"},
    "target.from_to": {
        "da": "Fra {baseline} til {target} inden {deadline}",
        "de": "Von {baseline} auf {target} bis {deadline}",
        "en": "From {baseline} to {target} by {deadline}",
    },
    "target.to": {"da": "Mål: {target} inden {deadline}", "de": "Ziel: {target} bis {deadline}", "en": "Target: {target} by {deadline}"},
    "target.value": {"da": "Mål: {target}", "de": "Ziel: {target}", "en": "Target: {target}"},
    "target.baseline": {"da": "Udgangspunkt: {baseline}", "de": "Ausgangswert: {baseline}", "en": "Baseline: {baseline}"},
    "target.source": {"da": "Måles af", "de": "Gemessen durch", "en": "Measured by"},
    "target.open": {
        "da": "Måltallet er ikke fastsat endnu.",
        "de": "Der Zielwert ist noch nicht festgelegt.",
        "en": "The target value is not set yet.",
    },
    # Vocabularies.
    "phase.attraction": {"da": "Tiltrækning", "de": "Gewinnen", "en": "Attraction"},
    "phase.reception": {"da": "Modtagelse", "de": "Empfang", "en": "Reception"},
    "phase.retention": {"da": "Fastholdelse", "de": "Halten", "en": "Retention"},
    "phase.attraction.about": {
        "da": "Før du flytter: at du får lyst til at flytte hertil.",
        "de": "Bevor Sie umziehen: Lust darauf machen, hierher zu ziehen.",
        "en": "Before you move: making you want to move here.",
    },
    "phase.reception.about": {
        "da": "Når du flytter: en god velkomst og hjælp til at komme i gang.",
        "de": "Wenn Sie umziehen: ein guter Empfang und Hilfe beim Ankommen.",
        "en": "When you move: a good welcome and help getting started.",
    },
    "phase.retention.about": {
        "da": "Når du bor her: at du trives og bliver.",
        "de": "Wenn Sie hier wohnen: dass Sie sich wohlfühlen und bleiben.",
        "en": "Once you live here: helping you thrive and stay.",
    },
    "category.concrete": {"da": "Konkret handling", "de": "Konkrete Maßnahme", "en": "Concrete action"},
    "category.knowledge": {"da": "Data og viden", "de": "Daten und Wissen", "en": "Data and knowledge"},
    "category.branding": {"da": "Branding", "de": "Markenbildung", "en": "Branding"},
    "status.planned": {"da": "Planlagt", "de": "Geplant", "en": "Planned"},
    "status.ongoing": {"da": "I gang", "de": "Läuft", "en": "Ongoing"},
    "status.done": {"da": "Gennemført", "de": "Abgeschlossen", "en": "Done"},
    "status.dropped": {"da": "Droppet", "de": "Eingestellt", "en": "Dropped"},
    # The guide to the authorities.
    "guide.for": {"da": "For:", "de": "Für:", "en": "For:"},
    "guide.who": {"da": "Hvem", "de": "Wer", "en": "Who"},
    "guide.where": {"da": "Hvor", "de": "Wo", "en": "Where"},
    "search.none.said": {"da": "Der blev ikke fundet noget for «{q}».", "de": "Für „{q}“ wurde nichts gefunden.",
                         "en": "Nothing was found for “{q}”."},
    "search.none.topics": {"da": "Prøv et andet ord, eller begynd her:", "de": "Versuchen Sie ein anderes Wort, oder beginnen Sie hier:",
                           "en": "Try another word, or start here:"},
    "search.none.guide": {"da": "Trin for trin: det, du skal gøre", "de": "Schritt für Schritt: was Sie tun müssen",
                          "en": "Step by step: what you need to do"},
    "search.none.directory": {"da": "Foreninger og fællesskaber", "de": "Vereine und Gemeinschaften", "en": "Clubs and communities"},
    "search.none.contact": {"da": "Kontakt", "de": "Kontakt", "en": "Contact"},
    "search.none.languages": {"da": "Søg på et andet sprog:", "de": "In einer anderen Sprache suchen:",
                              "en": "Search in another language:"},
    "guide.when": {"da": "Hvornår", "de": "Wann", "en": "When"},
    "guide.after": {"da": "Efter:", "de": "Nach:", "en": "After:"},
    "guide.duration": {"da": "Hvor lang tid", "de": "Wie lange", "en": "How long"},
    "guide.bring": {"da": "Tag med", "de": "Mitbringen", "en": "Bring"},
    "guide.next": {"da": "Bagefter:", "de": "Danach:", "en": "What comes next:"},
    "guide.and": {"da": "og", "de": "und", "en": "and"},
    "guide.or": {"da": "eller", "de": "oder", "en": "or"},
    "guide.optional": {"da": "hvis det passer på dig", "de": "falls zutreffend", "en": "if it applies to you"},
    "guide.only_if": {"da": "Kun hvis:", "de": "Nur wenn:", "en": "Only if:"},
    "guide.danish_words": {"da": "Ord på dansk:", "de": "Dänische Begriffe:", "en": "Danish words:"},
    "guide.checked": {"da": "Oplysningerne er tjekket {date}", "de": "Angaben geprüft am {date}", "en": "Facts checked on {date}"},
    "guide.source": {"da": "Officiel kilde", "de": "Offizielle Quelle", "en": "Official source"},
    "guide.done": {"da": "Klaret", "de": "Erledigt", "en": "Done"},
    # Issue 18: the guide on a phone and with a screen reader
    "guide.step": {"da": "Trin", "de": "Schritt", "en": "Step"},
    "guide.mark_done": {"da": "Markér '{step}' som klaret", "de": "„{step}“ als erledigt markieren", "en": "Mark '{step}' as done"},
    "guide.your_steps": {"da": "Dine trin", "de": "Ihre Schritte", "en": "Your steps"},
    "guide.announce": {
        "da": "{n} trin for din situation: {choice}", "de": "{n} Schritte für Ihre Situation: {choice}",
        "en": "{n} steps for your situation: {choice}",
    },
    "guide.announce_all": {
        "da": "Alle {n} trin. Vælg din situation for kun at se dine.",
        "de": "Alle {n} Schritte. Wählen Sie Ihre Situation, um nur Ihre zu sehen.",
        "en": "All {n} steps. Choose your situation to see only yours.",
    },
    "guide.print_address": {
        "da": "Hele guiden med alle detaljer:", "de": "Die ganze Anleitung mit allen Einzelheiten:",
        "en": "The whole guide with every detail:",
    },
    "guide.show_all": {"da": "Vis alle trin", "de": "Alle Schritte aufklappen", "en": "Show all steps"},
    "guide.hide_all": {"da": "Skjul alle trin", "de": "Alle Schritte zuklappen", "en": "Hide all steps"},
    "guide.print": {"da": "Udskriv tjekliste", "de": "Checkliste drucken", "en": "Print checklist"},
    "guide.progress": {"da": "{done} af {total} trin klaret", "de": "{done} von {total} Schritten erledigt", "en": "{done} of {total} steps done"},
    "guide.choose_base": {"da": "Hvad er din situation?", "de": "Was trifft auf Sie zu?", "en": "What is your situation?"},
    "guide.addons": {"da": "Gælder det også dig?", "de": "Trifft auch das zu?", "en": "Does this apply to you too?"},
    "guide.addons_nojs": {
        "da": "Trin, der kun gælder i særlige tilfælde, er markeret med \"Kun hvis\".",
        "de": "Schritte, die nur in bestimmten Fällen gelten, sind mit „Nur wenn“ markiert.",
        "en": "Steps that only apply in some cases are marked \"Only if\".",
    },
    "guide.permalink": {"da": "Fast link til dine trin:", "de": "Fester Link zu Ihren Schritten:", "en": "Permanent link to your steps:"},
    "guide.pages_intro": {
        "da": "Hver situation har sin egen side med et fast link, som du kan gemme, sende eller udskrive:",
        "de": "Jede Situation hat eine eigene Seite mit festem Link zum Speichern, Weiterleiten oder Drucken:",
        "en": "Each situation has its own page with a permanent link to save, send or print:",
    },
    "guide.filtered": {
        "da": "Viser {n} af {total} trin for dit valg.",
        "de": "{n} von {total} Schritten für Ihre Auswahl.",
        "en": "Showing {n} of {total} steps for your choice.",
    },
    "guide.terms_title": {"da": "Ord på dansk", "de": "Dänische Begriffe", "en": "Danish words"},
    "guide.back": {"da": "Tilbage til guiden", "de": "Zurück zur Anleitung", "en": "Back to the guide"},
    "guide.page_title": {"da": "Trin for trin: {situation}", "de": "Schritt für Schritt: {situation}", "en": "Step by step: {situation}"},
    "guide.page_intro": {
        "da": "Her er dine trin i den rækkefølge, du skal tage dem. Sæt flueben, når et trin er klaret – det gemmes kun i din browser.",
        "de": "Hier sind Ihre Schritte in der Reihenfolge, in der Sie sie erledigen. Haken Sie erledigte Schritte ab – das wird nur in Ihrem Browser gespeichert.",
        "en": "Here are your steps in the order to take them. Tick a step when it is done – this is saved in your browser only.",
    },
    "stage.before-moving": {"da": "Før du flytter", "de": "Vor dem Umzug", "en": "Before you move"},
    "stage.on-arrival": {"da": "Når du kommer", "de": "Bei der Ankunft", "en": "When you arrive"},
    "stage.first-weeks": {"da": "De første uger", "de": "In den ersten Wochen", "en": "In the first weeks"},
    "stage.first-months": {"da": "De første måneder", "de": "In den ersten Monaten", "en": "In the first months"},
    "stage.when-needed": {"da": "Når du får brug for det", "de": "Bei Bedarf", "en": "When you need it"},
    # The community directory.
    "directory.filters": {"da": "Filtrér foreningerne", "de": "Angebote filtern", "en": "Filter the directory"},
    "directory.search": {"da": "Søg", "de": "Suchen", "en": "Search"},
    "directory.town": {"da": "By", "de": "Ort", "en": "Town"},
    "directory.kind": {"da": "Slags", "de": "Art", "en": "Kind"},
    "directory.language": {"da": "Sprog", "de": "Sprache", "en": "Language"},
    "directory.all": {"da": "Alle", "de": "Alle", "en": "All"},
    "directory.reset": {"da": "Nulstil", "de": "Zurücksetzen", "en": "Reset"},
    "directory.count": {"da": "{n} af {total} vises", "de": "{n} von {total} angezeigt", "en": "Showing {n} of {total}"},
    "directory.none": {
        "da": "Ingen passer til dit valg. Prøv at fjerne et filter.",
        "de": "Nichts passt zu Ihrer Auswahl. Entfernen Sie einen Filter.",
        "en": "Nothing matches your choice. Try removing a filter.",
    },
    "directory.jump": {"da": "Gå til en by", "de": "Zu einem Ort springen", "en": "Jump to a town"},
    "directory.languages": {"da": "Sprog:", "de": "Sprachen:", "en": "Languages:"},
    "directory.website": {"da": "Hjemmeside", "de": "Website", "en": "Website"},
    "directory.join": {"da": "Sådan deltager du:", "de": "So machen Sie mit:", "en": "How to take part:"},
    "directory.address": {"da": "Adresse:", "de": "Adresse:", "en": "Address:"},
    "directory.confirmed": {"da": "Oplysningerne er tjekket {date}", "de": "Angaben geprüft am {date}", "en": "Details checked on {date}"},
    "directory.source": {"da": "Kilde", "de": "Quelle", "en": "Source"},
    "directory.show_town": {"da": "Vis foreninger og tilbud i {town} ({n})", "de": "Vereine und Angebote in {town} zeigen ({n})",
                           "en": "Show clubs and offers in {town} ({n})"},
    "directory.town_more": {"da": "Alt om {town}", "de": "Alles über {town}", "en": "All about {town}"},
    "directory.town_title": {"da": "{town}: foreninger og fællesskaber", "de": "{town}: Vereine und Gemeinschaften", "en": "{town}: clubs and communities"},
    "directory.entries_count": {"da": "{n} tilbud", "de": "{n} Angebote", "en": "{n} listed"},
    "directory.german_name": {"da": "Tysk navn:", "de": "Deutscher Name:", "en": "German name:"},
    "directory.offers": {"da": "Foreninger og tilbud", "de": "Vereine und Angebote", "en": "Clubs and offers"},
    "directory.none_here": {
        "da": "Der er ingen tilbud fra denne by i oversigten endnu.",
        "de": "Aus diesem Ort sind noch keine Angebote verzeichnet.",
        "en": "Nothing from this town is listed yet.",
    },
    "directory.back": {"da": "Tilbage til oversigten", "de": "Zurück zur Übersicht", "en": "Back to the directory"},
    "map.title": {"da": "Kort over byerne", "de": "Karte der Orte", "en": "Map of the towns"},
    "map.description": {
        "da": "Et tegnet kort med byerne og de tilbud, der har en placering. Kortet henter intet fra andre hjemmesider.",
        "de": "Eine gezeichnete Karte mit den Orten und den Angeboten, deren Lage bekannt ist. Die Karte lädt nichts von anderen Websites.",
        "en": "A drawn map of the towns and the offers whose location is known. The map loads nothing from other websites.",
    },
    "map.missing": {
        "da": "Uden placering på kortet endnu:",
        "de": "Noch ohne Lage auf der Karte:",
        "en": "Not on the map yet:",
    },
    "map.none": {
        "da": "Ingen byer eller tilbud har en placering endnu.",
        "de": "Noch hat kein Ort und kein Angebot eine Lage.",
        "en": "No town or offer has a location yet.",
    },
    "map.neighbours": {
        "da": "Grå firkanter viser byer uden for kommunen, så du kan finde rundt: {names}.",
        "de": "Graue Quadrate zeigen Orte außerhalb der Kommune zur Orientierung: {names}.",
        "en": "Grey squares show towns outside the municipality, to help you find your way: {names}.",
    },
    "map.north": {"da": "Nord", "de": "Norden", "en": "North"},
    "kind.association": {"da": "Forening", "de": "Verein", "en": "Association"},
    "kind.local-council": {"da": "Lokalråd", "de": "Ortsrat", "en": "Local council"},
    "kind.welcome-ambassador": {"da": "Velkomstambassadør", "de": "Willkommensbotschafter", "en": "Welcome ambassador"},
    "kind.language-cafe": {"da": "Sprogcafé", "de": "Sprachcafé", "en": "Language café"},
    "kind.newcomer-network": {"da": "Netværk for tilflyttere", "de": "Netzwerk für Zugezogene", "en": "Newcomer network"},
    "kind.sports": {"da": "Sport", "de": "Sport", "en": "Sports"},
    "kind.culture": {"da": "Kultur", "de": "Kultur", "en": "Culture"},
    "kind.volunteering": {"da": "Frivilligt arbejde", "de": "Ehrenamt", "en": "Volunteering"},
    "kind.faith": {"da": "Tro og kirke", "de": "Glaube und Kirche", "en": "Faith"},
    "kind.library": {"da": "Bibliotek", "de": "Bibliothek", "en": "Library"},
    "kind.education": {"da": "Uddannelse", "de": "Bildung", "en": "Education"},
    "kind.public-service": {"da": "Offentlig service", "de": "Öffentlicher Dienst", "en": "Public service"},
    "kind.family": {"da": "Børn og familie", "de": "Kinder und Familie", "en": "Children and family"},
    # Events.
    "events.title": {"da": "Kommende arrangementer", "de": "Kommende Veranstaltungen", "en": "Upcoming events"},
    "events.none": {
        "da": "Der er ingen kommende arrangementer i kalenderen lige nu. Kig forbi igen, eller abonnér på kalenderen.",
        "de": "Zurzeit stehen keine kommenden Veranstaltungen im Kalender. Schauen Sie wieder vorbei oder abonnieren Sie den Kalender.",
        "en": "There are no upcoming events in the calendar right now. Check back later, or subscribe to the calendar.",
    },
    "events.none_here": {
        "da": "Ingen kommende arrangementer i denne by lige nu.",
        "de": "Zurzeit keine kommenden Veranstaltungen in diesem Ort.",
        "en": "No upcoming events in this town right now.",
    },
    "events.organiser": {"da": "Arrangør:", "de": "Veranstalter:", "en": "Organiser:"},
    "events.signup": {"da": "Tilmelding", "de": "Anmeldung", "en": "Sign up"},
    "events.add": {"da": "Føj til kalender", "de": "Zum Kalender hinzufügen", "en": "Add to calendar"},
    "events.subscribe": {"da": "Abonnér på kalenderen", "de": "Kalender abonnieren", "en": "Subscribe to the calendar"},
    "events.subscribe_help": {
        "da": "kopiér linket ind i din telefons kalender, så kommer nye arrangementer automatisk med.",
        "de": "fügen Sie den Link in den Kalender Ihres Telefons ein, dann erscheinen neue Veranstaltungen automatisch.",
        "en": "add the link to your phone's calendar and new events will appear automatically.",
    },
    "events.calendar_name": {"da": "Arrangementer for nye borgere", "de": "Veranstaltungen für Neubürger", "en": "Events for newcomers"},
    "repeat.week": {"da": "hver uge", "de": "jede Woche", "en": "every week"},
    "repeat.week.n": {"da": "hver {n}. uge", "de": "alle {n} Wochen", "en": "every {n} weeks"},
    "repeat.month": {"da": "hver måned", "de": "jeden Monat", "en": "every month"},
    "repeat.month.n": {"da": "hver {n}. måned", "de": "alle {n} Monate", "en": "every {n} months"},
    "repeat.nth_weekday": {"da": "({nth} {weekday})", "de": "(am {nth} {weekday})", "en": "({nth} {weekday})"},
    "ordinal.1": {"da": "første", "de": "ersten", "en": "first"},
    "ordinal.2": {"da": "anden", "de": "zweiten", "en": "second"},
    "ordinal.3": {"da": "tredje", "de": "dritten", "en": "third"},
    "ordinal.4": {"da": "fjerde", "de": "vierten", "en": "fourth"},
    "ordinal.5": {"da": "femte", "de": "fünften", "en": "fifth"},
    # Open data.
    "data.directory_json": {"da": "alle foreninger og tilbud (JSON)", "de": "alle Vereine und Angebote (JSON)", "en": "every club and offer (JSON)"},
    "data.directory_hsds": {
        "da": "de samme i den åbne standard Open Referral HSDS 3.0",
        "de": "dieselben im offenen Standard Open Referral HSDS 3.0",
        "en": "the same in the open standard Open Referral HSDS 3.0",
    },
    "data.directory_csv": {"da": "de samme som regneark (CSV)", "de": "dieselben als Tabelle (CSV)", "en": "the same as a spreadsheet (CSV)"},
    "data.events_json": {"da": "alle arrangementer (JSON)", "de": "alle Veranstaltungen (JSON)", "en": "every event (JSON)"},
    "data.plan_json": {"da": "den gældende handlingsplan (JSON)", "de": "der geltende Aktionsplan (JSON)", "en": "the current action plan (JSON)"},
    "data.schemas": {"da": "Filernes opbygning (JSON Schema):", "de": "Aufbau der Dateien (JSON Schema):", "en": "The files' structure (JSON Schema):"},
    # The welcome package.
    "welcome.qr_title": {"da": "QR-kode til siden på dansk", "de": "QR-Code zur Website auf Deutsch", "en": "QR code for the site in English"},
    "welcome.address_unknown": {
        "da": "Hjemmesidens offentlige adresse er endnu ikke kendt, så brevet har endnu ingen QR-kode.",
        "de": "Die öffentliche Adresse dieser Website ist noch nicht bekannt. Deshalb hat dieser Brief noch keinen QR-Code.",
        "en": "The public address of this website is not yet known, so this letter has no QR code yet.",
    },
    "welcome.qr_caption": {
        "da": "Scan koden med din telefon, eller skriv adressen:",
        "de": "Scannen Sie den Code mit Ihrem Telefon oder geben Sie die Adresse ein:",
        "en": "Scan the code with your phone, or type the address:",
    },
    "welcome.team_offer": {
        "da": "Vi taler gerne med dig i telefonen eller ved et møde – på",
        "de": "Wir sprechen gern am Telefon oder bei einem Treffen mit Ihnen – auf",
        "en": "We are happy to talk to you on the phone or in person – in",
    },
    "welcome.contact_where": {
        "da": "Kontaktoplysninger finder du på",
        "de": "Kontaktdaten finden Sie auf",
        "en": "You will find our contact details at",
    },
    "welcome.all_entries": {"da": "Alle foreninger og fællesskaber", "de": "Alle Vereine und Gemeinschaften", "en": "All clubs and communities"},
    "welcome.guide_link": {"da": "Alle trin med detaljer: {situation}", "de": "Alle Schritte im Detail: {situation}", "en": "All steps in detail: {situation}"},
    "welcome.print": {"da": "Udskriv", "de": "Drucken", "en": "Print"},
    # Shared facts.
    "site.accessibility_statement": {
        "da": "Kommunens tilgængelighedserklæring",
        "de": "Erklärung zur Barrierefreiheit der Kommune",
        "en": "The municipality's accessibility statement",
    },
    "site.accessibility_statement.missing": {
        "da": "Linket til tilgængelighedserklæringen er ikke tilføjet endnu.",
        "de": "Der Link zur Erklärung zur Barrierefreiheit fehlt noch.",
        "en": "The link to the accessibility statement has not been added yet.",
    },
    "site.unverified_link": {
        "da": "Adressen følger statens faste mønster for erklæringer, men er ikke bekræftet af kommunen endnu.",
        "de": "Die Adresse folgt dem festen Muster des Staates für solche Erklärungen, ist aber noch nicht von der Kommune bestätigt.",
        "en": "The address follows the state's fixed pattern for these statements, but the municipality has not confirmed it yet.",
    },
    "site.feedback.missing": {
        "da": "Kommunen har endnu ikke oplyst en e-mailadresse til fejl på siden. Brug kontaktoplysningerne på kommunens hjemmeside.",
        "de": "Die Kommune hat noch keine E-Mail-Adresse für Fehlermeldungen angegeben. Nutzen Sie die Kontaktdaten auf der Website der Kommune.",
        "en": "The municipality has not yet given an e-mail address for reporting problems. Please use the contact details on the municipality's website.",
    },
    "site.team_languages": {"da": "Teamet taler", "de": "Das Team spricht", "en": "The team speaks"},
    "site.website": {
        "da": "Kontaktoplysninger på kommunens hjemmeside",
        "de": "Kontaktdaten auf der Website der Kommune",
        "en": "Contact details on the municipality's website",
    },
    # The 404 page.
    "notfound.title": {"da": "Siden findes ikke", "de": "Seite nicht gefunden", "en": "Page not found"},
    "notfound.body": {
        "da": "Siden er måske flyttet eller slettet, eller adressen er skrevet forkert.",
        "de": "Die Seite wurde vielleicht verschoben oder gelöscht, oder die Adresse ist falsch geschrieben.",
        "en": "The page may have moved or been deleted, or the address may be mistyped.",
    },
    "notfound.home": {"da": "Gå til forsiden på dansk", "de": "Zur Startseite auf Deutsch", "en": "Go to the home page in English"},
    # Footer.
    "footer.accessibility": {"da": "Tilgængelighed", "de": "Barrierefreiheit", "en": "Accessibility"},
    "footer.privacy": {"da": "Privatliv", "de": "Datenschutz", "en": "Privacy"},
    "footer.report": {
        "da": "Fejl på siden? Skriv til os",
        "de": "Fehler auf der Seite? Schreiben Sie uns",
        "en": "Problem with this page? Tell us",
    },
    "footer.municipality": {"da": "Kommunens hjemmeside", "de": "Website der Kommune", "en": "Municipality website"},
    "footer.languages": {"da": "Sprog", "de": "Sprachen", "en": "Languages"},
    # ---------- Issue 17: "Was this page useful?" at the end of every page, the header ----------
    "feedback.question": {"da": "Var siden nyttig?", "de": "War diese Seite hilfreich?", "en": "Was this page useful?"},
    "feedback.ask": {
        "da": "Skriv til os, hvis noget manglede, var svært at forstå eller var forkert.",
        "de": "Schreiben Sie uns, wenn etwas gefehlt hat, schwer zu verstehen oder falsch war.",
        "en": "Write to us if something was missing, hard to understand or wrong.",
    },
    "feedback.mail": {"da": "Skriv en e-mail om denne side", "de": "E-Mail zu dieser Seite schreiben", "en": "Write an e-mail about this page"},
    "feedback.private": {
        "da": "E-mailen går fra dit eget e-mailprogram direkte til kommunen. Siden gemmer intet om dig og bruger ingen cookies.",
        "de": "Die E-Mail geht aus Ihrem eigenen E-Mail-Programm direkt an die Kommune. Diese Website speichert nichts über Sie und verwendet keine Cookies.",
        "en": "The e-mail goes from your own e-mail program straight to the municipality. This site stores nothing about you and uses no cookies.",
    },
    "feedback.subject": {"da": "Var siden nyttig? {url}", "de": "War diese Seite hilfreich? {url}", "en": "Was this page useful? {url}"},
    "feedback.body": {
        "da": "Side: {url}\nSprog: {language}\n\nDet manglede jeg, eller det var forkert:\n",
        "de": "Seite: {url}\nSprache: {language}\n\nDas hat mir gefehlt oder war falsch:\n",
        "en": "Page: {url}\nLanguage: {language}\n\nWhat was missing or wrong:\n",
    },
    "feedback.missing": {
        "da": "Kommunen har endnu ikke givet os en e-mailadresse til kommentarer om siden.",
        "de": "Die Kommune hat uns noch keine E-Mail-Adresse für Rückmeldungen zu dieser Website genannt.",
        "en": "The municipality has not yet given us an e-mail address for comments on this site.",
    },
    "feedback.contact": {"da": "Sådan kontakter du kommunen", "de": "So erreichen Sie die Kommune", "en": "How to contact the municipality"},
    # Each in its own language: offered on a page in the source language to a reader whose browser prefers it.
    "offer.link": {"da": "Denne side findes også på dansk", "de": "Diese Seite gibt es auch auf Deutsch", "en": "This page is also in English"},
    "plan.timeline.today": {"da": "I dag", "de": "Heute", "en": "Today"},
    "plan.timeline.after": {
        "da": "I dag, {date}, ligger efter planens periode.",
        "de": "Heute, am {date}, liegt nach dem Zeitraum des Plans.",
        "en": "Today, {date}, is after the plan's period.",
    },
    "plan.timeline.before": {
        "da": "I dag, {date}, ligger før planens periode.",
        "de": "Heute, am {date}, liegt vor dem Zeitraum des Plans.",
        "en": "Today, {date}, is before the plan's period.",
    },
    "plan.group_ended": {
        "da": "Kommunens seneste handlingsplan for nye borgere sluttede {end}, og der er ingen ny plan endnu. Derfor viser vi ikke planens handlinger her, som om kommunen gør dem i dag.",
        "de": "Der letzte Aktionsplan der Kommune für Neubürger endete am {end}; einen neuen Plan gibt es noch nicht. Deshalb zeigen wir seine Maßnahmen hier nicht so, als täte die Kommune sie heute.",
        "en": "The municipality's latest action plan for new residents ended on {end}, and there is no new plan yet. So we do not show its actions here as if the municipality were doing them today.",
    },
    "plan.group_ended_contained": {
        "da": "Planen havde {n} handlinger for denne gruppe, med den status, planen selv angiver:",
        "de": "Der Plan enthielt {n} Maßnahmen für diese Gruppe, mit dem Stand, den der Plan selbst angibt:",
        "en": "The plan had {n} actions for this group, with the status the plan itself gives:",
    },
    "plan.group_ended_link": {
        "da": "Se hele den seneste plan",
        "de": "Den ganzen letzten Plan ansehen",
        "en": "See the whole latest plan",
    },
    # ---------- end of issue 17 ----------
}


class MissingString(KeyError):
    pass


@lru_cache(maxsize=8)
def labels(lang: str) -> dict[str, str]:
    """Every label in `lang` without placeholders filled: `L[key]` in templates that loop (faster than a call)."""
    return {key: texts[lang] for key, texts in STRINGS.items() if lang in texts}


def ui(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang`, with {placeholders} filled in."""
    try:
        text = STRINGS[key][lang]
    except KeyError:
        raise MissingString(f"UI string '{key}' has no '{lang}' text") from None
    return text.format(**values) if values else text
