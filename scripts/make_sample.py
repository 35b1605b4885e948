"""Generate the bundled illustrative dataset in ``coalitions/data/sample/``.

Run from the repository root::

    python scripts/make_sample.py

The output is deterministic (fixed random seed): rerunning rewrites byte-identical files.

What comes from the study (Ghent University, 2007; ``shared/study``): the 51 coalitions'
spread over the 13 Flemish centre cities and Brussels, the named examples and the five case
studies, the Casa del Mundo row of the inventory template, and the three tables of counts
(sub-theme, primary role, actor composition), which the coalitions reproduce exactly.
Everything else is invented: the remaining coalitions and most descriptions, all actors,
memberships and ties. Persons are fictional.
"""

from __future__ import annotations

import csv
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coalitions.loaders.taxonomy import (  # noqa: E402
    COMPOSITIONS,
    ROLES,
    THEMES,
    composition_of,
    match_theme,
)

OUT = ROOT / "coalitions" / "data" / "sample"
SEED = 20070901
LAST_YEAR = 2016

CITIES = (
    "Aalst", "Antwerpen", "Brugge", "Brussel", "Genk", "Gent", "Hasselt", "Kortrijk",
    "Leuven", "Mechelen", "Oostende", "Roeselare", "Sint-Niklaas", "Turnhout",
)
PROVINCE = {
    "Aalst": "Oost-Vlaanderen", "Gent": "Oost-Vlaanderen", "Sint-Niklaas": "Oost-Vlaanderen",
    "Antwerpen": "Antwerpen", "Mechelen": "Antwerpen", "Turnhout": "Antwerpen",
    "Brugge": "West-Vlaanderen", "Kortrijk": "West-Vlaanderen", "Oostende": "West-Vlaanderen",
    "Roeselare": "West-Vlaanderen", "Genk": "Limburg", "Hasselt": "Limburg",
    "Leuven": "Vlaams-Brabant", "Brussel": None,
}
# Real neighbourhoods, used for invented residents' groups.
WIJKEN = {
    "Aalst": ["Mijlbeek", "Schaarbeek", "Pieter Daens", "Osbroek", "Herdersem", "Hofstade"],
    "Antwerpen": ["Kiel", "Seefhoek", "Deurne-Noord", "Borgerhout", "Linkeroever", "Zurenborg",
                  "Luchtbal", "Oud-Berchem"],
    "Brugge": ["Sint-Pieters", "Christus-Koning", "Assebroek", "Sint-Kruis", "Sint-Andries",
               "Sint-Michiels", "Zeebrugge", "Lissewege", "Koolkerke", "Dudzele", "Kruispoort"],
    "Brussel": ["Noordwijk", "Marollen", "Laken", "Neder-Over-Heembeek", "Haren", "Dansaert",
                "Anneessens"],
    "Genk": ["Winterslag", "Waterschei", "Zwartberg", "Kolderbos", "Bret-Gelieren",
             "Nieuw-Sledderlo"],
    "Gent": ["Rabot", "Ledeberg", "Sluizeken", "Brugse Poort", "Dampoort", "Nieuw Gent", "Muide",
             "Sint-Amandsberg"],
    "Hasselt": ["Runkst", "Kiewit", "Kermt", "Sint-Lambrechts-Herk", "Kuringen", "Godsheide"],
    "Kortrijk": ["Overleie", "Heule", "Bissegem", "Marke", "Lange Munte", "Walle"],
    "Leuven": ["Kessel-Lo", "Heverlee", "Wilsele", "Korbeek-Lo", "Wijgmaal", "Vaartkom"],
    "Mechelen": ["Nekkerspoel", "Battel", "Ganzendries", "Arsenaal", "Hombeek", "Muizen"],
    "Oostende": ["Oosteroever", "Mariakerke", "Stene", "Vuurtorenwijk", "Konterdam",
                 "Westerkwartier"],
    "Roeselare": ["Krottegem", "Beveren", "Rumbeke", "Oekene", "Schiervelde"],
    "Sint-Niklaas": ["Tereken", "Belsele", "Nieuwkerken", "Clementwijk", "Puivelde", "Westerbos"],
    "Turnhout": ["Zevendonk", "Schorvoort", "Oosthoven", "Heizijde", "Stadspark"],
}
KNOWLEDGE = {
    "Aalst": ["Odisee Aalst"],
    "Antwerpen": ["Universiteit Antwerpen", "AP Hogeschool Antwerpen"],
    "Brugge": ["Howest Brugge"],
    "Brussel": ["Vrije Universiteit Brussel", "Erasmushogeschool Brussel"],
    "Genk": ["LUCA School of Arts Genk"],
    "Gent": ["Universiteit Gent", "Hogeschool Gent", "Arteveldehogeschool"],
    "Hasselt": ["Universiteit Hasselt", "PXL Hogeschool"],
    "Kortrijk": ["KU Leuven Kulak", "Howest Kortrijk"],
    "Leuven": ["KU Leuven", "UC Leuven-Limburg"],
    "Mechelen": ["Thomas More Mechelen"],
    "Oostende": ["Vives Oostende"],
    "Roeselare": ["Vives Roeselare"],
    "Sint-Niklaas": ["Odisee Sint-Niklaas"],
    "Turnhout": ["Thomas More Kempen"],
}
INTERCOMMUNALE = {
    "Aalst": "Solva", "Antwerpen": "IGEAN", "Brugge": "WVI",
    "Genk": "LRM – Limburgse Reconversiemaatschappij", "Gent": "Veneco",
    "Hasselt": "LRM – Limburgse Reconversiemaatschappij", "Kortrijk": "Leiedal",
    "Leuven": "Interleuven", "Mechelen": "Igemo", "Oostende": "WVI", "Roeselare": "WVI",
    "Sint-Niklaas": "Interwaas", "Turnhout": "IOK",
}

# Keys that tie organisations to the sub-themes they work on.
THEME_TAGS = {
    "Woonzorgbeleid": {"zorg", "wonen"},
    "Welzijn": {"zorg"},
    "Diversiteit": {"divers", "cohesie"},
    "Ontwikkelingssamenwerking en Noord-Zuid": {"os"},
    "Kinderen en Jeugd": {"jeugd"},
    "Justitie": {"justitie", "zorg"},
    "Wonen": {"wonen"},
    "Milieuvraagstukken": {"milieu"},
    "Duurzaamheid": {"duurz", "milieu", "energie"},
    "Duurzame economie": {"duurz", "econ"},
    "Voeding": {"voeding", "duurz"},
    "Energie": {"energie", "duurz"},
    "Sociale cohesie": {"cohesie", "stad"},
    "Mobiliteit en publieke ruimte": {"mobiliteit", "stad"},
    "Stadsontwikkeling en opwaardering buurten": {"stad", "cohesie"},
    "Creatieve economie / maakeconomie": {"creatief", "econ"},
    "Ondernemen": {"econ"},
    "Stimuleren economische ontwikkeling": {"econ"},
    "Bestuurlijke vernieuwing / ICT": {"ict", "particip"},
    "Beleidsparticipatie / inspraak": {"particip", "cohesie"},
}

# ---------------------------------------------------------------------------------------------
# Organisation templates: (name, sector, tags). "{c}" is the city, "{p}" its province.
CITY_DEPARTMENTS = [
    ("Stad {c}", {"generic", "particip", "econ", "stad"}),
    ("OCMW {c}", {"zorg", "wonen", "justitie"}),
    ("Stad {c} – Welzijnsdienst", {"zorg", "divers"}),
    ("Stad {c} – Jeugddienst", {"jeugd"}),
    ("Stad {c} – Dienst Noord-Zuid", {"os"}),
    ("Stad {c} – Dienst Diversiteit", {"divers", "cohesie"}),
    ("Stad {c} – Milieudienst", {"milieu", "duurz", "energie", "voeding"}),
    ("Stad {c} – Dienst Mobiliteit", {"mobiliteit"}),
    ("Stad {c} – Dienst Stadsontwikkeling", {"stad", "wonen"}),
    ("Stad {c} – Dienst Economie", {"econ", "creatief"}),
    ("Stad {c} – Dienst Participatie", {"particip", "cohesie", "stad"}),
    ("Stad {c} – Cultuurdienst", {"creatief", "os"}),
    ("Stad {c} – ICT-dienst", {"ict"}),
    ("Politiezone {c}", {"justitie", "mobiliteit"}),
]
OTHER_GOV_REGIONAL = [
    ("Vlaamse Milieumaatschappij", {"milieu"}),
    ("Departement Omgeving", {"milieu", "duurz", "stad"}),
    ("Vlaams Energieagentschap", {"energie"}),
    ("Agentschap Wegen en Verkeer", {"mobiliteit"}),
    ("De Lijn", {"mobiliteit"}),
    ("Agentschap Natuur en Bos", {"milieu"}),
    ("Vlaamse Landmaatschappij", {"voeding", "stad"}),
    ("Agentschap Zorg en Gezondheid", {"zorg"}),
    ("Kind en Gezin", {"jeugd"}),
    ("Agentschap Jongerenwelzijn", {"jeugd", "justitie"}),
    ("Departement Onderwijs en Vorming", {"jeugd"}),
    ("Agentschap Binnenlands Bestuur", {"stad", "particip", "cohesie"}),
    ("Agentschap Integratie en Inburgering", {"divers"}),
    ("VDAB", {"econ"}),
    ("Agentschap Ondernemen", {"econ", "creatief"}),
    ("Wonen-Vlaanderen", {"wonen"}),
    ("Vlaams Agentschap Zorg en Gezondheid – Ouderenzorg", {"zorg", "wonen"}),
]
BRUSSELS_GOV = [
    ("Leefmilieu Brussel", {"milieu", "energie", "duurz"}),
    ("Vlaamse Gemeenschapscommissie", {"zorg", "jeugd", "divers", "cohesie"}),
    ("Brussels Hoofdstedelijk Gewest", {"econ", "stad", "mobiliteit"}),
]
LOCAL_OTHER_GOV = [
    ("Provincie {p}", {"generic", "milieu", "mobiliteit", "os", "jeugd", "econ", "duurz"}),
    ("Intercommunale {i}", {"stad", "mobiliteit", "energie", "econ"}),
]
NONPROFIT_REGIONAL = [
    ("Samenlevingsopbouw Vlaanderen", {"stad", "cohesie", "zorg", "particip", "wonen"}),
    ("Bond Beter Leefmilieu", {"milieu", "duurz", "energie"}),
    ("Fietsersbond", {"mobiliteit"}),
    ("11.11.11", {"os"}),
    ("Oxfam-Wereldwinkels", {"os", "voeding"}),
    ("Kind & Samenleving", {"jeugd", "mobiliteit"}),
    ("Transitie Netwerk Vlaanderen", {"duurz", "voeding", "energie"}),
    ("Ecolife", {"duurz", "voeding"}),
    ("Velt", {"voeding", "milieu"}),
    ("Netwerk tegen Armoede", {"zorg", "wonen"}),
    ("Minderhedenforum", {"divers"}),
    ("Vormen vzw", {"jeugd", "os"}),
    ("Trage Wegen vzw", {"mobiliteit"}),
    ("REScoop Vlaanderen", {"energie"}),
    ("Vlaamse Ouderenraad", {"zorg", "wonen"}),
    ("Samenhuizen vzw", {"wonen"}),
    ("Vlaamse Jeugdraad", {"jeugd", "particip"}),
    ("Socius", {"particip", "cohesie"}),
    ("City Mine(d)", {"stad", "particip", "creatief"}),
    ("Vredeseilanden", {"os", "voeding"}),
    ("Rode Kruis Vlaanderen", {"zorg"}),
    ("Kenniscentrum Vlaamse Steden", {"ict"}),
]
NONPROFIT_LOCAL = [
    ("CAW {c}", {"zorg", "justitie", "wonen"}),
    ("vzw Buurtwerk {c}", {"cohesie", "stad", "zorg", "particip"}),
    ("Vrijwilligerspunt {c}", {"zorg", "cohesie"}),
    ("Wijkgezondheidscentrum {c}", {"zorg"}),
    ("Thuiszorg {c} vzw", {"zorg", "wonen"}),
    ("Okra {c}", {"zorg", "wonen"}),
    ("Vereniging waar armen het woord nemen {c}", {"zorg", "wonen", "particip"}),
    ("11.11.11-{c}", {"os"}),
    ("Oxfam-Wereldwinkel {c}", {"os", "voeding"}),
    ("Broederlijk Delen {c}", {"os"}),
    ("Amnesty International {c}", {"os"}),
    ("vzw Wereldhuis {c}", {"os", "divers"}),
    ("Latijns-Amerikaans Collectief {c}", {"os", "divers"}),
    ("Afrikaans Platform {c}", {"os", "divers"}),
    ("Marokkaanse Vereniging {c}", {"divers", "os"}),
    ("Turkse Unie {c}", {"divers"}),
    ("Femma {c}", {"divers", "zorg"}),
    ("Integratiecentrum {c}", {"divers"}),
    ("Chiro {c}", {"jeugd"}),
    ("Scouts {c}", {"jeugd"}),
    ("Jeugdhuis {c}", {"jeugd", "creatief"}),
    ("Speelpleinwerking {c}", {"jeugd"}),
    ("Jeugdraad {c}", {"jeugd", "particip"}),
    ("CLB {c}", {"jeugd", "justitie"}),
    ("Basisschool De Regenboog {c}", {"jeugd"}),
    ("Gezinsbond {c}", {"jeugd", "zorg", "mobiliteit"}),
    ("Natuurpunt {c}", {"milieu"}),
    ("Velt {c}", {"voeding", "milieu"}),
    ("Milieuraad {c}", {"milieu", "duurz", "particip"}),
    ("Klimaatwerkgroep {c}", {"duurz", "energie"}),
    ("Repair Café {c}", {"duurz"}),
    ("Voedselteam {c}", {"voeding"}),
    ("Voedselbank {c}", {"voeding", "zorg"}),
    ("Energiesnoeiers {c}", {"energie"}),
    ("Fietsersbond {c}", {"mobiliteit"}),
    ("Kringloopcentrum {c}", {"duurz", "econ"}),
    ("Sociale Werkplaats {c}", {"econ", "duurz"}),
    ("Kunstencentrum {c}", {"creatief"}),
    ("Davidsfonds {c}", {"generic", "cohesie"}),
    ("KWB {c}", {"generic", "cohesie"}),
    ("Gebruikersraad Open Data {c}", {"ict", "particip"}),
    ("Wijkraad Centrum {c}", {"particip", "stad", "cohesie"}),
]
CITIZEN_TEMPLATES = [
    ("Bewonersgroep {w}", {"stad", "cohesie", "mobiliteit", "particip", "milieu"}),
    ("Buurtcomité {w}", {"cohesie", "stad", "particip"}),
]
PRIVATE_REGIONAL = [
    ("Triodos Bank", {"duurz", "energie", "voeding", "wonen", "creatief"}),
    ("Ecopower cvba", {"energie"}),
    ("Unizo", {"econ", "creatief"}),
]
PRIVATE_LOCAL = [
    ("Voka – Kamer van Koophandel {p}", {"econ", "stad"}),
    ("Handelaarsvereniging Centrum {c}", {"econ", "stad", "mobiliteit", "cohesie"}),
    ("Bouwbedrijf {s}", {"stad", "wonen"}),
    ("Architectenbureau {s} & {s2}", {"stad", "wonen", "creatief"}),
    ("Fietsen {s}", {"mobiliteit"}),
    ("Installatiebedrijf {s} Energie", {"energie", "duurz"}),
    ("Biohoeve {s}", {"voeding", "duurz"}),
    ("Bakkerij {s}", {"voeding", "cohesie"}),
    ("Drukkerij {s}", {"generic", "creatief", "os"}),
    ("Webbureau Pixelwerk {c}", {"ict", "creatief", "econ"}),
    ("Studiebureau {s} Mobiliteit", {"mobiliteit", "stad"}),
    ("Zorgbedrijf {s}", {"zorg"}),
]

FIRST_NAMES = [
    "Jan", "Pieter", "Koen", "Griet", "Els", "An", "Sofie", "Wouter", "Bart", "Lieve", "Hilde",
    "Tom", "Stijn", "Lotte", "Nele", "Joris", "Karel", "Marleen", "Veerle", "Dirk", "Geert",
    "Hans", "Inge", "Katrien", "Leen", "Mieke", "Nathalie", "Ruben", "Sarah", "Tine", "Wim",
    "Annelies", "Bram", "Elke", "Femke", "Hanne", "Jeroen", "Kristof", "Lien", "Maarten", "Nico",
    "Ruth", "Sven", "Thomas", "Ward", "Jolien", "Arne", "Eline", "Fien", "Gert", "Ilse", "Jens",
    "Lore", "Mathias", "Noor", "Olivier", "Rik", "Saskia", "Tijs", "Valerie", "Yasmina",
    "Mohamed", "Fatima", "Youssef", "Ayşe", "Mehmet", "Samira", "Karim", "Leila", "Emre",
    "Bieke", "Dieter", "Evi", "Frederik", "Gitte", "Hendrik", "Jasper", "Kaat", "Laura", "Michiel",
    "Nina", "Pieterjan", "Roel", "Sien", "Toon", "Wannes", "Xavier", "Zoë", "Anouk", "Benoît",
]
SURNAMES = [
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
    "De Smet", "Vermeulen", "Van den Broeck", "Hermans", "Lambrechts", "Vandenberghe",
    "Verhaeghe", "Vanhove", "Van Damme", "Coppens", "Verstraete", "Martens", "Van de Velde",
    "Segers", "Aerts", "Stevens", "Michiels", "Claeys", "De Backer", "Verbeke", "Vercauteren",
    "Van Acker", "De Wilde", "Pauwels", "Bogaert", "Cools", "Hendrickx", "Timmermans", "Baert",
    "De Meyer", "Van Hecke", "Smets", "Geerts", "Cuypers", "Verlinden", "Boeckx", "Decoster",
    "Vanneste", "Deprez", "Desmedt", "El Amrani", "Yılmaz", "Bouzid", "Van Hoof", "Nys",
    "Vanderstraeten", "De Vos", "Lemmens", "Vansteenkiste", "Van Laere", "Dewulf", "Schepens",
    "Van Gorp", "Wuyts", "Luyten", "Bollen", "Vandewalle", "Callens", "Verschueren", "Engelen",
    "D’Haene", "Van Eeckhout", "Mahieu", "Rombouts", "Thys", "Vervoort", "Heylen",
]


# ---------------------------------------------------------------------------------------------
# The 51 coalitions. Fields: city, name, Thema, role, composition, relation, origin, Leeftijd,
# Omvang style ("vzw", "org", "partners"; "+v" adds volunteers), organisation members,
# volunteers in the Omvang text, extra person members, Doel, Acties, Actoren, declared pivot
# (True, False, or the name of the core organisation that is the pivot), core organisations (name, sector, tags, city or None for regional) always among the members.
#
# Composition codes: CN city+nonprofit, CON city+other gov+nonprofit, CNP city+nonprofit+
# private, ALL all four, NP nonprofit+private, N nonprofit only.
COMP = {
    "CN": ("city_government", "nonprofit"),
    "CON": ("city_government", "nonprofit", "other_government"),
    "CNP": ("city_government", "nonprofit", "private"),
    "ALL": ("city_government", "nonprofit", "other_government", "private"),
    "NP": ("nonprofit", "private"),
    "N": ("nonprofit",),
}

CASA = dict(
    Stad="Aalst", Naam="Casa del Mundo", Thema="OS, Noord-Zuid",
    Doel="Sensibiliseren, Noord-Zuidproblematiek duiden,…",
    Acties="Markt met producten en eetwaren uit de hele wereld. Multiculturele sfeer met "
           "randanimatie en optredens",
    Leeftijd="°1994 (eerste Casa del Mundo)",
    Omvang="16 vzw’s (+ 100 vrijwilligers) Sinds enkele jaren verenigd in een Werkgroep "
           "Casa del Mundo",
    Actoren="Werkgroep (Stad, vzw’s, NGO’s, vrijwilligers)",
)


def spec(city, name, thema, role, comp, relation, origin, leeftijd, style, n_org, vols, n_pers,
         doel, acties, actoren, pivot=True, core=()):
    return dict(city=city, name=name, thema=thema, role=role, comp=comp, relation=relation,
                origin=origin, leeftijd=leeftijd, style=style, n_org=n_org, vols=vols,
                n_pers=n_pers, doel=doel, acties=acties, actoren=actoren, pivot=pivot,
                core=list(core))


SPECS = [
    # Aalst
    spec("Aalst", "Casa del Mundo", CASA["Thema"], "sensitising", "CN", "complementary",
         "bottom-up", CASA["Leeftijd"], "vzw+v", 16, 100, 5, CASA["Doel"], CASA["Acties"],
         CASA["Actoren"], pivot="Werkgroep Casa del Mundo",
         core=[("Werkgroep Casa del Mundo", "citizens", {"os"}, "Aalst")]),
    spec("Aalst", "Ageing in Place", "Woonzorgbeleid", "innovation", "CON", "complementary",
         "top-down", "°2011 (proefproject)", "partners", 9, 0, 3,
         "Ouderen zo lang mogelijk zelfstandig laten wonen in hun vertrouwde buurt",
         "Woonzorgzones in twee wijken, aanpassingspremies, buurtgerichte thuiszorg en een "
         "zorgloket per wijk",
         "Stad, OCMW, Vlaamse overheid, vzw’s (thuiszorg, ouderenverenigingen)",
         core=[("Thuiszorg Aalst vzw", "nonprofit", {"zorg"}, "Aalst"),
               ("Okra Aalst", "nonprofit", {"zorg"}, "Aalst")]),
    spec("Aalst", "Jeugdoverleg Aalst", "Jeugd", "cooperation", "CN", "complementary",
         "top-down", "sinds 2003", "org", 8, 0, 2,
         "Afstemming tussen jeugdwerkinitiatieven en stadsdiensten",
         "Driemaandelijks overleg, gezamenlijke zomerkalender, gedeeld materiaal",
         "Stad, jeugdwerk (vzw’s), jeugdraad", pivot=False),
    # Antwerpen
    spec("Antwerpen", "Antwerpen aan het Woord", "Inspraak", "cooperation", "CN",
         "complementary", "top-down", "sinds 2008", "org+v", 14, 60, 8,
         "Bewoners laten meepraten over stadsprojecten; inspraak vroeg in het beleidsproces",
         "Wijkdebatten, stadsgesprekken per district, online reactieplatform",
         "Stad, schepen, vzw’s, bewonersgroepen",
         core=[("Samenlevingsopbouw Antwerpen stad", "nonprofit", {"particip", "stad"},
                "Antwerpen")]),
    spec("Antwerpen", "Transitie Deurne", "Duurzaamheid", "cooperation", "N",
         "supplementary", "bottom-up", "°2012", "vzw+v", 6, 40, 6,
         "Een veerkrachtige, duurzame wijk opbouwen vanuit de buurt",
         "Ruilmarkten, samentuin, repair café, buurtcompost en filmavonden",
         "Bewoners, vrijwilligers, vzw’s (Transitie Netwerk)",
         core=[("Transitie Netwerk Vlaanderen", "nonprofit", {"duurz"}, None)]),
    spec("Antwerpen", "Duurzame Haven", "Duurzaamheid", "innovation", "ALL", "complementary",
         "top-down", "°2009", "partners", 16, 0, 6,
         "Een duurzamere haven: minder uitstoot, betere luchtkwaliteit, meer natuur in het "
         "havengebied",
         "Duurzaamheidsverslag, gezamenlijke indicatoren, projecten rond walstroom, "
         "modal shift en natuurcompensatie",
         "Havenbedrijf, Stad, Vlaamse overheid, Provincie, bedrijven, vzw’s, universiteit",
         core=[("Havenbedrijf Antwerpen", "city_government", {"econ", "milieu"}, "Antwerpen"),
               ("Alfaport Antwerpen", "private", {"econ"}, "Antwerpen"),
               ("Tankterminal Schelde nv", "private", {"econ"}, "Antwerpen"),
               ("Chemiepark Kallo nv", "private", {"econ", "milieu"}, "Antwerpen"),
               ("Logistiek Waaslandhaven nv", "private", {"econ", "mobiliteit"}, "Antwerpen"),
               ("Bond Beter Leefmilieu", "nonprofit", {"milieu"}, None),
               ("Natuurpunt Antwerpen", "nonprofit", {"milieu"}, "Antwerpen"),
               ("Universiteit Antwerpen", "knowledge", {"milieu"}, "Antwerpen"),
               ("Vlaamse Milieumaatschappij", "other_government", {"milieu"}, None),
               ("Provincie Antwerpen", "other_government", {"generic"}, None)]),
    spec("Antwerpen", "Groene Singel", "Mobiliteit", "sensitising", "N", "adversarial",
         "bottom-up", "sinds 2006", "vzw+v", 7, 150, 6,
         "Verzet tegen een bovengrondse ringweg; pleiten voor leefbaarheid en gezondheid langs "
         "de ring",
         "Infoavonden, petities, bezwaarschriften, fietstochten langs de ring",
         "Bewonersgroepen, vzw’s, vrijwilligers"),
    spec("Antwerpen", "Speelpleinwerking Linkeroever", "Kinderen en Jeugd", "services", "CN",
         "complementary", "bottom-up", "°1997", "vzw+v", 5, 45, 4,
         "Elke zomer een betaalbaar speelaanbod voor kinderen van Linkeroever",
         "Speelpleinwerking in juli en augustus, animatorcursussen, uitleendienst spelmateriaal",
         "Stad (Jeugddienst), vzw’s, vrijwilligers"),
    spec("Antwerpen", "Wijkvernieuwing Seefhoek", "Stadsontwikkeling", "cooperation", "CNP",
         "complementary", "top-down", "sinds 2004", "org", 12, 0, 5,
         "Opwaardering van de Seefhoek: betere woningen, groen en ontmoetingsplekken",
         "Wijkcontract, renovatiepremies, heraanleg pleinen, buurtbudget",
         "Stad, bewoners, vzw’s, handelaars, architecten"),
    # Brugge
    spec("Brugge", "Brugse Buurtcomités", "Sociale cohesie", "cooperation", "CN",
         "complementary", "bottom-up", "°1995", "org+v", 20, 200, 14,
         "Buurtcomités ondersteunen en onderling verbinden; samenleven in de wijken versterken",
         "Buurtfeesten, buurtbudgetten, overleg met stadsdiensten, jaarlijkse "
         "buurtcomitédag",
         "Buurtcomités, vrijwilligers, Stad (Dienst Participatie)",
         core=[("Buurtcomité Sint-Pieters", "citizens", {"cohesie"}, "Brugge"),
               ("Buurtcomité Assebroek", "citizens", {"cohesie"}, "Brugge"),
               ("Buurtcomité Sint-Kruis", "citizens", {"cohesie"}, "Brugge"),
               ("Buurtcomité Christus-Koning", "citizens", {"cohesie"}, "Brugge"),
               ("Buurtcomité Sint-Andries", "citizens", {"cohesie"}, "Brugge"),
               ("Buurtcomité Sint-Michiels", "citizens", {"cohesie"}, "Brugge"),
               ("Buurtcomité Lissewege", "citizens", {"cohesie"}, "Brugge"),
               ("Buurtcomité Koolkerke", "citizens", {"cohesie"}, "Brugge"),
               ("Buurtcomité Dudzele", "citizens", {"cohesie"}, "Brugge")]),
    spec("Brugge", "Zeebrugge Open", "Stadsontwikkeling en opwaardering buurten", "innovation",
         "CNP", "complementary", "top-down", "°2010", "partners", 10, 0, 4,
         "Zeebrugge opwaarderen als woonkern en badplaats naast de haven",
         "Masterplan, tijdelijke invulling van leegstand, evenementen op de dijk",
         "Stad, MBZ, handelaars, bewoners, vzw’s",
         core=[("MBZ – Maatschappij van de Brugse Zeehaven", "city_government", {"econ", "stad"},
                "Brugge")]),
    spec("Brugge", "Handmade Brugge", "Creatieve economie / maakeconomie", "innovation", "CNP",
         "complementary", "bottom-up", "°2013", "org", 11, 0, 4,
         "Ambachtelijke makers zichtbaar maken en een plek geven in de binnenstad",
         "Pop-upwinkels, makersmarkt, gedeelde werkplaats, opleiding voor starters",
         "Makers (bedrijven), vzw’s, Stad (Dienst Economie), hogeschool",
         core=[("Atelier Smeedwerk Verbeke", "private", {"creatief"}, "Brugge"),
               ("Keramiekstudio Van Acker", "private", {"creatief"}, "Brugge"),
               ("Houtatelier De Krul", "private", {"creatief"}, "Brugge")]),
    spec("Brugge", "Opwaardering Kruispoort", "Stadsontwikkeling", "public_space", "CON",
         "complementary", "top-down", "sinds 2007", "org", 7, 0, 4,
         "De omgeving van de Kruispoort en de vesten veiliger en aangenamer maken",
         "Heraanleg van de vesten, verkeersluwe zone, bewonersoverleg",
         "Stad, Provincie, Vlaamse overheid (Agentschap Wegen en Verkeer), bewoners"),
    # Brussel
    spec("Brussel", "EGEB", "Milieu, water", "sensitising", "N", "supplementary", "bottom-up",
         "°2012 (Staten-Generaal van het Water)", "vzw+v", 12, 80, 6,
         "Water in de stad zichtbaar maken; burgers betrekken bij het waterbeheer van het "
         "Zennebekken",
         "Staten-Generaal van het Water (SG Water): werkgroepen, wandelingen langs de Zenne, "
         "regenwaterprojecten in wijken",
         "vzw’s, NGO’s, universiteiten, bewonerscollectieven",
         pivot="Brusselse Raad voor het Leefmilieu (BRAL)",
         core=[("Brusselse Raad voor het Leefmilieu (BRAL)", "nonprofit", {"milieu", "stad"},
                "Brussel"),
               ("Inter-Environnement Bruxelles", "nonprofit", {"milieu", "stad"}, "Brussel"),
               ("Coördinatie Zenne", "nonprofit", {"milieu"}, "Brussel"),
               ("Natagora Brussel", "nonprofit", {"milieu"}, "Brussel"),
               ("Vrije Universiteit Brussel", "knowledge", {"milieu"}, "Brussel"),
               ("Université libre de Bruxelles", "knowledge", {"milieu"}, "Brussel"),
               ("Collectief Waterwijken", "citizens", {"milieu"}, "Brussel")]),
    spec("Brussel", "Brussels Metropolitan", "Stimuleren economische ontwikkeling",
         "innovation", "NP", "supplementary", "bottom-up", "°2008", "partners", 5, 0, 1,
         "De economische ontwikkeling van de grootstedelijke zone rond Brussel stimuleren",
         "Lobby, gezamenlijke studies over mobiliteit en tewerkstelling, jaarlijkse conferentie",
         "Werkgeversorganisaties (BECI, Voka, VBO), bedrijven, kennisinstellingen",
         pivot="BECI",
         core=[("BECI", "private", {"econ"}, "Brussel"),
               ("Voka – Kamer van Koophandel Vlaams-Brabant", "private", {"econ"}, None),
               ("VBO", "private", {"econ"}, None)]),
    spec("Brussel", "Kritische Massa", "Mobiliteit en publieke ruimte", "sensitising", "N",
         "adversarial", "bottom-up", "sinds 1998", "vzw+v", 4, 300, 10,
         "Fietsers zichtbaar maken en ruimte voor de fiets opeisen",
         "Maandelijkse fietstocht door de stad op de laatste vrijdag, acties aan gevaarlijke "
         "kruispunten",
         "Fietsers (burgers), vzw’s", pivot=False,
         core=[("GRACQ – Les Cyclistes Quotidiens", "nonprofit", {"mobiliteit"}, "Brussel"),
               ("Fietsersbond Brussel", "nonprofit", {"mobiliteit"}, "Brussel")]),
    spec("Brussel", "Zennewater Platform", "Milieuvraagstukken", "sensitising", "CON",
         "complementary", "bottom-up", "°2005", "org", 8, 0, 4,
         "Het herwaarderen van de Zenne en de blauwe netwerken in de stad",
         "Studiedagen, opening van overwelfde stukken bepleiten, educatief pakket voor scholen",
         "Stad, Gewest (Leefmilieu Brussel), vzw’s, scholen"),
    spec("Brussel", "Welzijnsoverleg Noordwijk", "Welzijn", "cooperation", "CN",
         "complementary", "top-down", "sinds 2001", "org", 10, 0, 3,
         "Afstemming van het welzijnsaanbod in de Noordwijk; drempels naar hulp verlagen",
         "Maandelijks netwerkoverleg, gezamenlijk onthaalpunt, sociale kaart van de wijk",
         "Stad, OCMW, vzw’s (CAW, wijkgezondheidscentrum), bewoners"),
    # Genk
    spec("Genk", "Welzijnsnetwerk Genk-Noord", "Welzijn", "sensitising", "CON",
         "complementary", "top-down", "°2006", "org", 9, 0, 3,
         "Signalen over armoede en welzijn in Genk-Noord bundelen en doorgeven aan het beleid",
         "Signalenbundel, themadagen, vorming voor eerstelijnswerkers",
         "Stad, OCMW, Provincie, vzw’s"),
    spec("Genk", "Samen Tuinieren Waterschei", "Sociale cohesie", "services", "N",
         "complementary", "bottom-up", "°2010", "vzw+v", 4, 30, 6,
         "Bewoners van verschillende afkomst samenbrengen rond een gemeenschappelijke moestuin",
         "Samentuin met veertig percelen, kookateliers, zadenruil",
         "Bewoners, vrijwilligers, vzw’s", pivot=False),
    spec("Genk", "Wijkontwikkeling Winterslag", "Stadsontwikkeling en opwaardering buurten",
         "public_space", "ALL", "complementary", "top-down", "sinds 2009", "partners", 11, 0, 4,
         "De voormalige mijnsite en de tuinwijk van Winterslag nieuw leven geven",
         "Herbestemming van mijngebouwen, heraanleg van de cité, tijdelijke projecten met "
         "bewoners",
         "Stad, Provincie, Vlaamse overheid, bedrijven, bewoners, vzw’s"),
    # Gent
    spec("Gent", "Torekes", "Duurzame economie", "innovation", "CN", "complementary",
         "top-down", "°2010", "org+v", 9, 50, 4,
         "Een wijkmunt die buurtbewoners beloont voor inzet voor buurt en milieu",
         "Torekes verdienen met vrijwilligerswerk, besteden in buurtwinkels en aan een "
         "volkstuintje",
         "Stad, Samenlevingsopbouw, vzw’s, bewoners",
         core=[("Samenlevingsopbouw Gent", "nonprofit", {"stad", "duurz"}, "Gent")]),
    spec("Gent", "Energent", "Energie", "services", "NP", "supplementary", "bottom-up",
         "°2013", "org+v", 8, 40, 7,
         "Gentenaars samen duurzame energie laten produceren en energie besparen",
         "Burgercoöperatie, groepsaankopen isolatie, investeren in windturbines en zonnepanelen",
         "Burgers (coöperatie), vzw’s, bedrijven", pivot="Energent cvba",
         core=[("Energent cvba", "citizens", {"energie"}, "Gent"),
               ("Ecopower cvba", "private", {"energie"}, None),
               ("Samenlevingsopbouw Gent", "nonprofit", {"energie"}, "Gent"),
               ("Bond Beter Leefmilieu", "nonprofit", {"energie"}, None)]),
    spec("Gent", "Apps for Ghent", "Open data, ICT", "innovation", "CNP", "complementary",
         "top-down", "°2011", "partners", 9, 0, 4,
         "Open data van de stad laten gebruiken door ontwikkelaars en burgers",
         "Hackathons, wedstrijd voor apps, open-dataportaal",
         "Stad (Digipolis), bedrijven, UGent, vzw’s",
         core=[("Digipolis Gent", "city_government", {"ict"}, "Gent"),
               ("Open Knowledge Belgium", "nonprofit", {"ict"}, None)]),
    spec("Gent", "Buurtenergie Ledeberg", "Energie", "sensitising", "N", "complementary",
         "bottom-up", "sinds 2011", "vzw", 5, 0, 5,
         "Huurders en eigenaars in Ledeberg helpen energie te besparen",
         "Energiescans, huisbezoeken, infosessies over premies",
         "vzw’s, bewoners, vrijwilligers", pivot=False),
    spec("Gent", "Wijkpact Rabot", "Stadsontwikkeling en opwaardering buurten",
         "cooperation", "CNP", "complementary", "top-down", "°2005", "org", 12, 0, 5,
         "De Rabotwijk samen met bewoners en ondernemers vernieuwen",
         "Wijkcontract, nieuw park, buurtwerkplaats, tijdelijke invulling van braakliggende "
         "grond",
         "Stad, vzw’s, bewoners, ondernemers"),
    spec("Gent", "Leefstraten Sluizeken", "Mobiliteit en publieke ruimte", "public_space",
         "CN", "complementary", "bottom-up", "°2013", "vzw+v", 5, 35, 7,
         "Straten tijdelijk autovrij maken en als ontmoetingsruimte gebruiken",
         "Leefstraat-experimenten van enkele weken, straatfeesten, evaluatie met bewoners",
         "Bewoners, vzw’s, Stad (Dienst Mobiliteit)"),
    # Hasselt
    spec("Hasselt", "Speelstraten Hasselt", "Kinderen en Jeugd, Mobiliteit en publieke ruimte",
         "public_space", "N", "complementary", "bottom-up", "°2009", "vzw+v", 5, 60, 7,
         "Kinderen veilig op straat laten spelen tijdens de zomervakantie",
         "Speelstraten aanvragen met buren, spelkoffers, buurtfeest bij de afsluiting",
         "Bewoners, vzw’s (Kind & Samenleving), vrijwilligers", pivot=False),
    spec("Hasselt", "Noord-Zuidplatform Hasselt", "Ontwikkelingssamenwerking en Noord-Zuid",
         "sensitising", "N", "complementary", "bottom-up", "sinds 1999", "vzw", 10, 0, 3,
         "Noord-Zuidorganisaties samenbrengen en het publiek sensibiliseren",
         "Week van de Fair Trade, infostanden, gezamenlijke campagnes",
         "vzw’s, NGO’s, vrijwilligers", pivot=False),
    spec("Hasselt", "Buurtwerking Runkst", "Stadsontwikkeling", "cooperation", "CNP",
         "complementary", "top-down", "°2008", "org", 9, 0, 4,
         "Leefbaarheid en samenhang in Runkst verbeteren",
         "Buurtcentrum, buurtbudget, overleg met handelaars over de dorpskern",
         "Stad, vzw’s, bewoners, handelaars"),
    # Kortrijk
    spec("Kortrijk", "Leiaarde", "Diversiteit", "sensitising", "N", "complementary",
         "bottom-up", "°2004", "vzw+v", 8, 40, 4,
         "Ontmoeting tussen culturen in Kortrijk bevorderen",
         "Feest van de diversiteit, dialoogtafels, taalcafé",
         "vzw’s, zelforganisaties, vrijwilligers"),
    spec("Kortrijk", "De Magneet", "Jeugd", "innovation", "CNP", "complementary",
         "bottom-up", "°2007", "org", 8, 0, 4,
         "Jongeren kansen geven om eigen projecten te realiseren",
         "Broedplaats met repetitieruimtes, coaching en startbudgetten voor jongerenprojecten",
         "Jeugdwerk (vzw’s), Stad (Jeugddienst), bedrijven, hogeschool"),
    spec("Kortrijk", "Leiemeersen Leefbaar", "Milieuvraagstukken", "sensitising", "N",
         "adversarial", "bottom-up", "sinds 2008", "vzw+v", 6, 25, 5,
         "De open ruimte in de Leiemeersen vrijwaren van bebouwing",
         "Bezwaarschriften, natuurwandelingen, petitie, hoorzitting in de gemeenteraad",
         "Bewonersgroepen, Natuurpunt, vrijwilligers", pivot=False),
    # Leuven
    spec("Leuven", "Innovage", "Welzijn", "innovation", "CNP", "complementary", "top-down",
         "°2010", "partners", 11, 0, 4,
         "Zorgtechnologie en zorgdiensten voor thuiswonende ouderen ontwikkelen en uittesten",
         "Living lab, proefprojecten met sensoren en alarmsystemen, gebruikerspanels",
         "Stad, OCMW, KU Leuven, bedrijven, vzw’s",
         core=[("KU Leuven", "knowledge", {"zorg"}, "Leuven"),
               ("Zorgtech Leuven nv", "private", {"zorg"}, "Leuven")]),
    spec("Leuven", "Leuven Zuid", "Noord-Zuid problematiek", "sensitising", "N",
         "complementary", "bottom-up", "°1991", "vzw+v", 12, 70, 4,
         "Leuvenaars bewust maken van mondiale ongelijkheid",
         "Wereldfeest, debatavonden, educatieve projecten in scholen",
         "vzw’s, NGO’s, vrijwilligers"),
    spec("Leuven", "Netwerk Intrafamiliaal geweld", "Justitie", "cooperation", "CON",
         "complementary", "top-down", "sinds 2005", "org", 8, 0, 3,
         "Hulpverlening, politie en justitie afstemmen bij intrafamiliaal geweld",
         "Ketenaanpak, casusoverleg, gezamenlijke registratie, vorming voor hulpverleners",
         "Stad, politiezone, Parket en Justitiehuis (federale overheid), vzw’s (CAW)",
         core=[("Parket Leuven", "other_government", {"justitie"}, "Leuven"),
               ("Justitiehuis Leuven", "other_government", {"justitie"}, "Leuven"),
               ("CAW Leuven", "nonprofit", {"justitie"}, "Leuven")]),
    spec("Leuven", "Energiecoöperatie Dijleland", "Energie", "services", "NP",
         "supplementary", "bottom-up", "°2012", "org+v", 6, 20, 5,
         "Lokale hernieuwbare energie in handen van burgers",
         "Zonnepanelen op daken van scholen, groepsaankoop groene stroom, energieadvies",
         "Burgers, vzw’s, bedrijven (installateurs)"),
    # Mechelen
    spec("Mechelen", "Pure Hubs", "Voeding", "sensitising", "CNP", "complementary",
         "bottom-up", "°2012", "org", 10, 0, 4,
         "Lokaal en seizoensgebonden voedsel dichter bij de Mechelaar brengen",
         "Afhaalpunten voor boerenpakketten, workshops, proeverijen op de markt",
         "Landbouwers (bedrijven), vzw’s, Stad (Milieudienst)"),
    spec("Mechelen", "Startersacademie", "Ondernemen", "innovation", "CNP", "complementary",
         "top-down", "°2009", "partners", 9, 0, 3,
         "Starters in Mechelen begeleiden naar een levensvatbare zaak",
         "Opleidingstraject, coaching door ervaren ondernemers, startersbeurs",
         "Stad (Dienst Economie), Unizo, Voka, bedrijven, hogeschool",
         core=[("Unizo", "private", {"econ"}, None)]),
    spec("Mechelen", "Wereldwinkelplatform Mechelen", "OS", "sensitising", "N",
         "complementary", "bottom-up", "sinds 1993", "vzw+v", 7, 50, 3,
         "Eerlijke handel promoten en Noord-Zuidthema’s bespreekbaar maken",
         "Ontbijten, campagnes, fairtrade-standen op evenementen",
         "vzw’s, NGO’s, vrijwilligers", pivot=False),
    # Oostende
    spec("Oostende", "Fietseling", "Mobiliteit", "sensitising", "N", "supplementary",
         "bottom-up", "°2010", "vzw+v", 5, 30, 6,
         "Fietsen in Oostende veiliger en aantrekkelijker maken",
         "Fietstellingen, meldpunt gevaarlijke punten, fietsparade, fietsherstellessen",
         "Fietsers (burgers), vzw’s (Fietsersbond), vrijwilligers"),
    spec("Oostende", "Trage Wegen Oostende", "Mobiliteit en publieke ruimte", "public_space",
         "CON", "complementary", "bottom-up", "°2011", "org+v", 6, 20, 4,
         "Voet- en fietspaden tussen wijken en polder herwaarderen",
         "Inventaris van trage wegen, onderhoudsdagen, bewegwijzering",
         "vzw’s, vrijwilligers, Stad, Provincie"),
    spec("Oostende", "Oosteroever Leeft", "Stadsontwikkeling", "sensitising", "N",
         "adversarial", "bottom-up", "sinds 2007", "vzw+v", 5, 40, 5,
         "Betaalbaar wonen en groen op de Oosteroever verdedigen tegenover hoogbouwprojecten",
         "Bewonersvergaderingen, bezwaarschriften, alternatieve inrichtingsplannen",
         "Bewonersgroepen, vzw’s, vrijwilligers", pivot=False),
    # Roeselare
    spec("Roeselare", "Kindvriendelijke Stad Roeselare", "Kinderen en Jeugd", "sensitising",
         "CN", "complementary", "top-down", "°2006", "org", 7, 0, 3,
         "Roeselare bekijken door de ogen van kinderen",
         "Kinderraad, veilige schoolroutes, speelweefsel in de wijken",
         "Stad (Jeugddienst), scholen, jeugdwerk (vzw’s)"),
    spec("Roeselare", "Klimaatplatform Roeselare", "Duurzaamheid", "sensitising", "N",
         "supplementary", "bottom-up", "°2009", "vzw+v", 6, 30, 4,
         "Klimaatbewustzijn vergroten en burgers tot actie aanzetten",
         "Klimaatcafés, dikketruiendag, energiezuinige buurtwedstrijd",
         "vzw’s, burgers, vrijwilligers", pivot=False),
    # Sint-Niklaas
    spec("Sint-Niklaas", "Cohousing Waasland", "Wonen", "sensitising", "N", "complementary",
         "bottom-up", "°2014", "vzw+v", 5, 25, 6,
         "Gemeenschappelijk wonen bekendmaken als betaalbaar en sociaal alternatief",
         "Infoavonden, bezoeken aan cohousingprojecten, begeleiding van starters",
         "Burgers, vrijwilligers, vzw’s (Samenhuizen)",
         core=[("Samenhuizen vzw", "nonprofit", {"wonen"}, None)]),
    spec("Sint-Niklaas", "Solied", "Duurzaamheid", "sensitising", "N", "complementary",
         "bottom-up", "°2008", "vzw+v", 10, 120, 6,
         "Een solidaire en duurzame levensstijl in Sint-Niklaas zichtbaar en haalbaar maken",
         "Duurzaamheidsmarkt, repair café, lokale voedselkalender, wijkacties",
         "vzw’s, NGO’s, bewoners, vrijwilligers, hogeschool",
         core=[("Natuurpunt Waasland", "nonprofit", {"milieu"}, "Sint-Niklaas"),
               ("Velt Waasland", "nonprofit", {"voeding"}, "Sint-Niklaas"),
               ("Odisee Sint-Niklaas", "knowledge", {"duurz"}, "Sint-Niklaas")]),
    spec("Sint-Niklaas", "Klimopjegevel", "Publieke ruimte", "public_space", "CN",
         "complementary", "bottom-up", "°2012", "vzw+v", 4, 40, 6,
         "Gevels en straten vergroenen met klimplanten",
         "Geveltuinen aanleggen, plantgoed verdelen, begeleiding bij aanvraag vergunning",
         "Bewoners, vrijwilligers, vzw’s, Stad (Milieudienst)"),
    spec("Sint-Niklaas", "Zelfoogsttuin", "Voeding", "services", "N", "complementary",
         "bottom-up", "°2013", "vzw+v", 4, 30, 7,
         "Verse groenten lokaal telen en laten oogsten door de leden",
         "Zelfoogstboerderij met abonnementen, werkdagen, kookworkshops",
         "Burgers, vrijwilligers, vzw’s (Velt)"),
    # Turnhout
    spec("Turnhout", "Pestactieplan", "Kinderen en Jeugd", "sensitising", "CON",
         "complementary", "top-down", "sinds 2008", "org", 10, 0, 3,
         "Pesten op school en in de vrije tijd voorkomen en aanpakken",
         "Gemeenschappelijk actieplan voor scholen, week tegen pesten, vorming leerkrachten",
         "Stad, scholen, CLB, Vlaamse overheid, jeugdwerk (vzw’s)",
         core=[("CLB Turnhout", "nonprofit", {"jeugd"}, "Turnhout")]),
    spec("Turnhout", "De Koep", "Sociale cohesie", "cooperation", "CNP", "complementary",
         "bottom-up", "°2009", "org+v", 10, 45, 6,
         "Een ontmoetingsplek in de wijk waar bewoners, verenigingen en ondernemers elkaar "
         "vinden",
         "Buurthuis met sociaal restaurant, wijkactiviteiten, dienstencentrum, "
         "samenwerking met lokale handelaars",
         "vzw’s, bewoners, vrijwilligers, Stad (Dienst Participatie), OCMW, handelaars",
         pivot="vzw De Koep",
         core=[("vzw De Koep", "nonprofit", {"cohesie"}, "Turnhout")]),
]

# Which Actoren words signal which composition sector (a self-check that free text and the
# coded sectors column agree).
_ACTOR_WORDS = {
    "city_government": r"\b(Stad|OCMW|schepen|Havenbedrijf|MBZ|politiezone|Digipolis)\b",
    "other_government": r"\b(Provincie|Vlaamse overheid|Gewest|Parket|Justitiehuis|"
                        r"Agentschap Wegen en Verkeer|Leefmilieu Brussel|federale overheid)\b",
    "private": r"\b(bedrijven|handelaars|ondernemers|architecten|Unizo|Voka|BECI|VBO|"
               r"Werkgeversorganisaties|Landbouwers|Makers)\b",
    "nonprofit": r"(\bvzw|NGO|vrijwilligers|[Bb]ewoner|[Bb]urgers|[Bb]uurtcomités|scholen|"
                 r"universiteit|UGent|KU Leuven|hogeschool|jeugdwerk|Natuurpunt|"
                 r"kennisinstellingen|[Ff]ietsers \(burgers\)|zelforganisaties|Werkgroep)",
}


# ---------------------------------------------------------------------------------------------
def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "").replace("'", ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("ı", "i")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def founded_year(leeftijd: str) -> int:
    return int(re.search(r"(19|20)\d\d", leeftijd).group(0))


class Builder:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.actors: dict[str, dict] = {}  # id -> row
        self.tags: dict[str, set[str]] = {}
        self.degree: Counter[str] = Counter()
        self.used_names: set[str] = set()
        self.people_by_org: dict[str, list[str]] = defaultdict(list)
        self.firm_names: dict[str, list[str]] = {}

    # actors ------------------------------------------------------------------------------
    def org(self, name: str, sector: str, tags: set[str], city: str | None) -> str:
        aid = "org-" + slug(name)
        if aid not in self.actors:
            self.actors[aid] = dict(id=aid, name=name, kind="organisation", sector=sector,
                                    function="", organisation="", city=city or "")
            self.tags[aid] = set(tags)
        else:
            self.tags[aid] |= set(tags)
        return aid

    def person_name(self) -> str:
        while True:
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def person(self, function: str, sector: str, org: str | None, city: str | None,
               name: str | None = None) -> str:
        name = name or self.person_name()
        self.used_names.add(name)
        pid = "per-" + slug(name)
        assert pid not in self.actors, pid
        self.actors[pid] = dict(id=pid, name=name, kind="person", sector=sector,
                                function=function, organisation=org or "", city=city or "")
        if org:
            self.people_by_org[org].append(pid)
        return pid

    # organisation pools ------------------------------------------------------------------
    def city_pool(self, city: str) -> list[str]:
        return [self.org(t.format(c=city), "city_government", tags, city)
                for t, tags in CITY_DEPARTMENTS]

    def other_gov_pool(self, city: str) -> list[str]:
        pool = []
        if city == "Brussel":
            pool += [self.org(n, "other_government", tags, None) for n, tags in BRUSSELS_GOV]
        else:
            p = PROVINCE[city]
            pool.append(self.org(f"Provincie {p}", "other_government",
                                 LOCAL_OTHER_GOV[0][1], None))
            pool.append(self.org(INTERCOMMUNALE[city], "other_government",
                                 LOCAL_OTHER_GOV[1][1], None))
        pool += [self.org(n, "other_government", tags, None) for n, tags in OTHER_GOV_REGIONAL]
        return pool

    def nonprofit_pool(self, city: str) -> list[str]:
        pool = [self.org(t.format(c=city), "nonprofit", tags, city)
                for t, tags in NONPROFIT_LOCAL]
        pool += [self.org(n, "nonprofit", tags, None) for n, tags in NONPROFIT_REGIONAL]
        pool += [self.org(k, "knowledge", {"generic", "innov"}, city) for k in KNOWLEDGE[city]]
        for w in WIJKEN[city]:
            for t, tags in CITIZEN_TEMPLATES:
                pool.append(self.org(t.format(w=w), "citizens", tags, city))
        return pool

    def private_pool(self, city: str) -> list[str]:
        if city not in self.firm_names:
            names = []
            for t, tags in PRIVATE_LOCAL:
                s, s2 = self.rng.sample([s for s in SURNAMES if "’" not in s], 2)
                p = PROVINCE[city] or "Brussel"
                names.append((t.format(c=city, s=s, s2=s2, p=p), tags))
            self.firm_names[city] = names
        pool = [self.org(n, "private", tags, city) for n, tags in self.firm_names[city]]
        pool += [self.org(n, "private", tags, None) for n, tags in PRIVATE_REGIONAL]
        return pool

    def pick(self, pool: list[str], n: int, tags: set[str], exclude: set[str]) -> list[str]:
        """n distinct organisations, preferring theme matches and well-connected ones."""
        chosen: list[str] = []
        candidates = [a for a in pool if a not in exclude]
        for _ in range(min(n, len(candidates))):
            weights = []
            for a in candidates:
                match = len(self.tags[a] & tags)
                base = 6.0 * match if match else (0.6 if "generic" in self.tags[a] else 0.08)
                if not self.actors[a]["city"]:
                    base *= 0.3  # regional actors: present in many cities, but not everywhere
                # Preferential attachment: a few organisations end up in many coalitions.
                weights.append(base * (1 + self.degree[a]))
            a = self.rng.choices(candidates, weights)[0]
            chosen.append(a)
            candidates.remove(a)
        return chosen


def build() -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    b = Builder()
    rng = b.rng

    # City government persons: per city a participation official and a schepen who cross
    # coalitions (the "tussenruimte"), other officials per department created on demand.
    # Named persons with an apostrophe and an accent, for realistic text handling.
    b.city_pool("Gent")
    b.person("official", "city_government", "org-" + slug("Stad Gent – Milieudienst"), "Gent",
             name="Griet D’Hondt")
    b.person("staff", "nonprofit", b.org("Samenlevingsopbouw Vlaanderen", "nonprofit",
                                         {"stad"}, None), None, name="Zoë Vercauteren")
    gov_people: dict[str, dict[str, list[str]]] = {}
    for city in CITIES:
        b.city_pool(city)
        stad = "org-" + slug(f"Stad {city}")
        part = "org-" + slug(f"Stad {city} – Dienst Participatie")
        gov_people[city] = {
            "bridge_official": [b.person("official", "city_government", part, city)],
            "politicians": [b.person("politician", "city_government", stad, city)
                            for _ in range(3)],
        }
    coalitions, memberships = [], []
    seen_ids = set()
    for i, s in enumerate(SPECS):
        city = s["city"]
        cid = f"{slug(city)}-{slug(s['name'])}"
        assert cid not in seen_ids, cid
        seen_ids.add(cid)
        year = founded_year(s["leeftijd"])
        sectors = COMP[s["comp"]]
        tags = set().union(*(THEME_TAGS[match_theme(p.strip()).name]
                             for p in s["thema"].split(",")))
        # Check the free-text actors field speaks of exactly the coded sectors.
        said = {sec for sec, rx in _ACTOR_WORDS.items() if re.search(rx, s["actoren"])}
        assert said == set(sectors), (s["name"], said, sectors)

        members: dict[str, str] = {}  # actor -> role
        orgs: list[str] = []
        for name, sector, otags, ocity in s["core"]:
            orgs.append(b.org(name, sector, otags, ocity))
        n_org = max(s["n_org"], len(orgs))
        # Organisation quotas per sector, the rest nonprofit.
        quota = Counter()
        if "city_government" in sectors:
            quota["city_government"] = 1 + (n_org >= 9) + (rng.random() < 0.3)
        if "other_government" in sectors:
            quota["other_government"] = 1 + (n_org >= 8) + (rng.random() < 0.3)
        if "private" in sectors:
            quota["private"] = 1 + (n_org >= 8) + rng.randrange(0, 3)
        have = Counter(b.actors[o]["sector"] for o in orgs)
        pools = {
            "city_government": b.city_pool(city),
            "other_government": b.other_gov_pool(city),
            "private": b.private_pool(city),
        }
        for sec in ("city_government", "other_government", "private"):
            need = quota[sec] - have[sec]
            if need > 0:
                orgs += b.pick(pools[sec], need, tags, set(orgs))
        # Nonprofit side: "vzw" styles count nonprofit organisations exactly (Omvang).
        np_have = sum(b.actors[o]["sector"] in ("nonprofit", "citizens", "knowledge")
                      for o in orgs)
        if s["style"].startswith("vzw"):
            np_need = n_org - sum(b.actors[o]["sector"] == "nonprofit" for o in orgs)
            pool = [a for a in b.nonprofit_pool(city) if b.actors[a]["sector"] == "nonprofit"]
        else:
            np_need = max(n_org - len(orgs), 1 - np_have)
            pool = b.nonprofit_pool(city)
        # Knowledge institutions where the Actoren text names them, now and then elsewhere.
        names_knowledge = re.search(r"universiteit|hogeschool|UGent|KU Leuven|"
                                    r"kennisinstellingen", s["actoren"])
        has_knowledge = any(b.actors[o]["sector"] == "knowledge" for o in orgs)
        if not has_knowledge and (names_knowledge or rng.random() < 0.15):
            orgs.append(b.org(rng.choice(KNOWLEDGE[city]), "knowledge", {"generic"}, city))
            if not s["style"].startswith("vzw"):
                np_need -= 1
        orgs += b.pick(pool, np_need, tags, set(orgs))
        for o in orgs:
            members[o] = "member"

        # Persons.
        persons: list[str] = []
        if "city_government" in sectors:
            gp = gov_people[city]
            # The bridging official and a schepen sit in all their city's coalitions with city
            # government; other schepenen now and then.
            persons += [gp["bridge_official"][0], gp["politicians"][0]]
            if rng.random() < 0.35:
                persons.append(rng.choice(gp["politicians"][1:]))
            depts = [o for o in orgs if b.actors[o]["sector"] == "city_government"]
            for d in depts[:2]:
                staff = [p for p in b.people_by_org.get(d, [])
                         if b.actors[p]["function"] == "official"]
                if staff and rng.random() < 0.6:
                    persons.append(rng.choice(staff))
                else:
                    persons.append(b.person("official", "city_government", d, city))
        member_orgs = [o for o in orgs if b.actors[o]["sector"] in
                       ("nonprofit", "citizens", "knowledge", "private", "other_government")]
        rng.shuffle(member_orgs)
        for o in member_orgs[: max(1, s["n_pers"] // 3)]:
            a = b.actors[o]
            staff = b.people_by_org.get(o, [])
            if staff and rng.random() < 0.5:
                persons.append(rng.choice(staff))
            elif a["sector"] == "citizens":
                persons.append(b.person("volunteer", "citizens", o, a["city"] or city))
            else:
                persons.append(b.person("staff", a["sector"], o, a["city"] or city))
        citizen_orgs = [o for o in orgs if b.actors[o]["sector"] in ("nonprofit", "citizens")]
        while len(persons) < s["n_pers"] + (2 if "city_government" in sectors else 0):
            if rng.random() < 0.55 and citizen_orgs:
                o = rng.choice(citizen_orgs)
                persons.append(b.person("volunteer", b.actors[o]["sector"], o, city))
            else:
                persons.append(b.person("resident", "citizens", None, city))
        for p in dict.fromkeys(persons):
            members.setdefault(p, "member")

        # Roles: a declared pivot in most coalitions, then funders, advisors, partners.
        if s["pivot"]:
            if isinstance(s["pivot"], str):
                pivot = "org-" + slug(s["pivot"])
            elif s["origin"] == "top-down" and "city_government" in sectors:
                gov = [p for p in members if b.actors[p]["kind"] == "person"
                       and b.actors[p]["function"] == "official"]
                pivot = gov[-1]
            else:
                cands = [p for p in members if b.actors[p]["kind"] == "person"
                         and b.actors[p]["function"] in ("staff", "volunteer")
                         and b.actors[p]["sector"] in ("nonprofit", "citizens")]
                pivot = cands[0] if cands and rng.random() < 0.75 else next(
                    o for o in orgs if b.actors[o]["sector"] in ("nonprofit", "citizens"))
            members[pivot] = "coordinator" if rng.random() < 0.4 else "pivot"
        for a, role in list(members.items()):
            if role != "member":
                continue
            row = b.actors[a]
            r = rng.random()
            if row["kind"] == "organisation":
                funds = {"other_government": 0.45, "city_government": 0.45, "private": 0.25}
                if r < funds.get(row["sector"], 0.0):
                    members[a] = "funder"
                elif row["sector"] == "knowledge" and r < 0.6:
                    members[a] = "advisor"
                elif r < 0.3:
                    members[a] = "partner"
            elif row["function"] == "politician" and r < 0.2:
                members[a] = "advisor"

        n_members = len(members)
        assert 5 <= n_members <= 40, (s["name"], n_members)
        for a, role in members.items():
            b.degree[a] += 1
            core_role = role in ("pivot", "coordinator")
            since = year if core_role or rng.random() < 0.5 else rng.randint(year, LAST_YEAR)
            memberships.append(dict(actor=a, coalition=cid, role=role, since=since))

        # The size text, coherent with the members.
        n_np = sum(b.actors[o]["sector"] == "nonprofit" for o in orgs)
        apos = "’" if i % 2 == 0 else "'"
        style = s["style"]
        if s["name"] == "Casa del Mundo":
            assert n_np == 16, n_np
            omvang = CASA["Omvang"]
        else:
            count = n_np if style.startswith("vzw") else len(orgs)
            word = {"vzw": f"vzw{apos}s", "org": "organisaties", "partners": "partners"}[
                style.split("+")[0]]
            omvang = f"{count} {word}"
            if style.endswith("+v"):
                omvang += f" (+ {s['vols']} vrijwilligers)"
        coalitions.append({
            "id": cid, "Stad": city, "Naam": s["name"], "Thema": s["thema"], "Doel": s["doel"],
            "Acties": s["acties"], "Leeftijd": s["leeftijd"], "Omvang": omvang,
            "Actoren": s["actoren"], "role": s["role"], "relation": s["relation"],
            "origin": s["origin"], "sectors": ";".join(sectors),
        })

    # The two named persons take part in Gent's and Antwerpen's coalitions.
    present = {(m["actor"], m["coalition"]) for m in memberships}
    for cname, pid in (("Torekes", "per-griet-dhondt"), ("Wijkpact Rabot", "per-griet-dhondt"),
                       ("Antwerpen aan het Woord", "per-zoe-vercauteren"),
                       ("Torekes", "per-zoe-vercauteren")):
        c = next(c for c in coalitions if c["Naam"] == cname)
        if (pid, c["id"]) not in present:
            memberships.append(dict(actor=pid, coalition=c["id"], role="member",
                                    since=founded_year(c["Leeftijd"]) + 1))

    ties = make_ties(b, memberships, coalitions)

    # Keep only actors that take part (members, tie ends, or affiliation targets of those).
    used = {m["actor"] for m in memberships} | {t["source"] for t in ties} | {
        t["target"] for t in ties}
    used |= {b.actors[a]["organisation"] for a in used if b.actors[a]["organisation"]}
    actors = [b.actors[a] for a in sorted(used)]
    return coalitions, actors, memberships, ties


def make_ties(b: Builder, memberships: list[dict], coalitions: list[dict]) -> list[dict]:
    """Direct ties: funding, advice, collaboration and reporting lines."""
    rng = b.rng
    by_coalition: dict[str, list[str]] = defaultdict(list)
    for m in memberships:
        by_coalition[m["coalition"]].append(m["actor"])
    ties: dict[tuple[str, str], dict] = {}

    def add(src: str, dst: str, kind: str, weight: float) -> None:
        if src != dst and (src, dst) not in ties and (dst, src) not in ties:
            ties[(src, dst)] = dict(source=src, target=dst, type=kind, weight=weight)

    for c in coalitions:
        members = by_coalition[c["id"]]
        A = b.actors
        orgs = [a for a in members if A[a]["kind"] == "organisation"]
        gov = [a for a in orgs if A[a]["sector"] in ("city_government", "other_government")]
        firms = [a for a in orgs if A[a]["sector"] == "private"]
        civil = [a for a in orgs if A[a]["sector"] in ("nonprofit", "citizens")]
        know = [a for a in orgs if A[a]["sector"] == "knowledge"]
        if civil and (gov or firms) and rng.random() < 0.7:
            add(rng.choice(gov or firms), rng.choice(civil), "funds",
                float(rng.choice([1, 2, 2, 3, 3, 4, 5])))
        if know and rng.random() < 0.8:
            add(rng.choice(know), rng.choice(civil or orgs), "advises",
                float(rng.choice([1, 2, 3])))
        if len(civil) >= 2 and rng.random() < 0.9:
            x, y = rng.sample(civil, 2)
            add(x, y, "collaborates", float(rng.choice([1, 2, 3, 4, 5])))
        if len(civil) >= 4 and rng.random() < 0.5:
            x, y = rng.sample(civil, 2)
            add(x, y, "collaborates", float(rng.choice([1, 2, 3])))
        officials = [a for a in members if A[a]["function"] == "official"]
        politicians = [a for a in members if A[a]["function"] == "politician"]
        if officials and politicians and rng.random() < 0.6:
            add(rng.choice(officials), politicians[0], "reports_to",
                float(rng.choice([2, 3, 4])))
    return sorted(ties.values(), key=lambda t: (t["source"], t["target"]))


# ---------------------------------------------------------------------------------------------
def check(coalitions, actors, memberships, ties) -> None:
    """The study's three tables, reproduced exactly, and referential integrity."""
    themes = Counter()
    for c in coalitions:
        themes.update({match_theme(p.strip()).name for p in c["Thema"].split(",")})
    assert themes == Counter({t.name: t.study_count for t in THEMES}), themes
    assert Counter(c["role"] for c in coalitions) == Counter(
        {r.code: r.study_count for r in ROLES})
    declared = Counter(composition_of(c["sectors"].split(";")) for c in coalitions)
    assert declared == Counter({k: n for k, _, n in COMPOSITIONS}), declared
    sector = {a["id"]: a["sector"] for a in actors}
    by_c = defaultdict(set)
    for m in memberships:
        by_c[m["coalition"]].add(sector[m["actor"]])
    for c in coalitions:
        assert composition_of(by_c[c["id"]]) == tuple(sorted(c["sectors"].split(";"))), c["Naam"]
    ids = [a["id"] for a in actors]
    assert len(ids) == len(set(ids))
    assert all(a["organisation"] in sector for a in actors if a["organisation"])
    assert len({(m["actor"], m["coalition"]) for m in memberships}) == len(memberships)


def write(name: str, rows: list[dict], header: list[str]) -> None:
    with open(OUT / name, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


# The second inventory wave (wave2/): the same study a few years on. A complete snapshot,
# made from wave 1 by exactly these differences (documented in the sample's README; the tests
# compute them again from the two folders and compare with `coalitions changes`).
WAVE2_STOPPED = ["genk-samen-tuinieren-waterschei"]
WAVE2_FOUNDED = [
    {"id": "leuven-klimaatburen-kessel-lo", "Stad": "Leuven", "Naam": "Klimaatburen Kessel-Lo",
     "Thema": "Energie", "Doel": "Buren helpen hun huizen samen te renoveren en energie te delen",
     "Acties": "Renovatiecafés, een gedeelde energiecoach per straat, groepsaankoop isolatie",
     "Leeftijd": "°2024", "Omvang": "4 organisaties (+ 30 vrijwilligers)",
     "Actoren": "Burgers, vzw’s, energiecoöperatie", "role": "cooperation",
     "relation": "supplementary", "origin": "bottom-up", "sectors": "nonprofit;private"},
    {"id": "hasselt-voedselteam-runkst", "Stad": "Hasselt", "Naam": "Voedselteam Runkst",
     "Thema": "Voeding", "Doel": "Lokaal en betaalbaar voedsel voor de buurt",
     "Acties": "Wekelijkse groentepakketten van boeren uit de streek, kookavonden",
     "Leeftijd": "°2025", "Omvang": "3 organisaties (+ 15 vrijwilligers)",
     "Actoren": "Buurtcomité, bakkerij, vrijwilligers", "role": "services",
     "relation": "complementary", "origin": "bottom-up", "sectors": "nonprofit;private"},
]
WAVE2_NEW_ACTORS = [
    {"id": "org-vzw-klimaatburen-kessel-lo", "name": "vzw Klimaatburen Kessel-Lo",
     "kind": "organisation", "sector": "nonprofit", "function": "", "organisation": "",
     "city": "Leuven"},
]
WAVE2_FOUNDED_MEMBERS = [
    ("org-vzw-klimaatburen-kessel-lo", "leuven-klimaatburen-kessel-lo", "pivot", 2024),
    ("org-ecopower-cvba", "leuven-klimaatburen-kessel-lo", "member", 2024),
    ("org-klimaatwerkgroep-leuven", "leuven-klimaatburen-kessel-lo", "member", 2024),
    ("per-lien-vervoort", "leuven-klimaatburen-kessel-lo", "member", 2024),
    ("org-buurtcomite-runkst", "hasselt-voedselteam-runkst", "pivot", 2025),
    ("org-bakkerij-cools", "hasselt-voedselteam-runkst", "member", 2025),
    ("per-evi-de-smet", "hasselt-voedselteam-runkst", "member", 2025),
]
# Members who joined or left coalitions that exist in both waves.
WAVE2_JOINED = [
    ("org-gezinsbond-genk", "genk-wijkontwikkeling-winterslag", "partner", 2024),
    ("per-jasper-wouters", "hasselt-speelstraten-hasselt", "member", 2025),
    ("per-wim-segers", "leuven-leuven-zuid", "member", 2024),
]
WAVE2_LEFT = [
    ("per-pieterjan-luyten", "genk-welzijnsnetwerk-genk-noord"),
    ("org-okra-genk", "genk-welzijnsnetwerk-genk-noord"),
]
# A change of declared pivot: the coordinator steps back, another member takes over.
WAVE2_ROLES = [
    ("per-lotte-de-meyer", "genk-welzijnsnetwerk-genk-noord", "member"),
    ("per-saskia-coppens", "genk-welzijnsnetwerk-genk-noord", "coordinator"),
]


def wave2(coalitions, actors, memberships, ties):
    """Wave 2 of the sample: wave 1 with the differences above, nothing else."""
    coalitions = [c for c in coalitions if c["id"] not in WAVE2_STOPPED] + [
        dict(c) for c in WAVE2_FOUNDED]
    actors = [*actors, *(dict(a) for a in WAVE2_NEW_ACTORS)]
    left = set(WAVE2_LEFT)
    roles = {(a, c): r for a, c, r in WAVE2_ROLES}
    out = []
    for m in memberships:
        key = (m["actor"], m["coalition"])
        if m["coalition"] in WAVE2_STOPPED or key in left:
            continue
        out.append({**m, "role": roles.get(key, m["role"])})
    for a, c, r, since in [*WAVE2_JOINED, *WAVE2_FOUNDED_MEMBERS]:
        out.append({"actor": a, "coalition": c, "role": r, "since": since})
    return coalitions, actors, out, list(ties)


COALITION_COLUMNS = ["id", "Stad", "Naam", "Thema", "Doel", "Acties", "Leeftijd", "Omvang",
                     "Actoren", "role", "relation", "origin", "sectors"]
ACTOR_COLUMNS = ["id", "name", "kind", "sector", "function", "organisation", "city"]


def main() -> None:
    coalitions, actors, memberships, ties = build()
    check(coalitions, actors, memberships, ties)
    OUT.mkdir(parents=True, exist_ok=True)
    write("coalitions.csv", coalitions, COALITION_COLUMNS)
    write("actors.csv", actors, ACTOR_COLUMNS)
    write("memberships.csv", memberships, ["actor", "coalition", "role", "since"])
    write("ties.csv", ties, ["source", "target", "type", "weight"])
    w2 = wave2(coalitions, actors, memberships, ties)
    (OUT / "wave2").mkdir(exist_ok=True)
    for name, rows, header in zip(
            ("coalitions.csv", "actors.csv", "memberships.csv", "ties.csv"), w2,
            (COALITION_COLUMNS, ACTOR_COLUMNS, ["actor", "coalition", "role", "since"],
             ["source", "target", "type", "weight"]), strict=True):
        write(f"wave2/{name}", rows, header)
    persons = sum(a["kind"] == "person" for a in actors)
    print(f"{len(coalitions)} coalitions, {len(actors)} actors ({persons} persons, "
          f"{len(actors) - persons} organisations), {len(memberships)} memberships, "
          f"{len(ties)} ties -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
