"""Write ``bench/routing/prompts.jsonl``: a labelled set of light and heavy requests for complexity routing.

Every prompt comes from a *template family* — one kind of task (a capital lookup, a proof, a
contract analysis…) written in one or more languages, with slots filled from the vocabulary below.
A family has one label, decided by what the task asks for (see README.md beside this file), never
by a feature the classifier computes. Whole families are held out for the test split (``split`` =
"test"), so the test prompts come from templates the model never saw.

Each line: {"id", "family", "lang", "label", "split", "body"} where body is an OpenAI chat or
completions request body (string or list-of-parts content, system prompts, several turns, tools,
response_format and max_tokens as real clients send them).

Usage: python bench/routing/make_prompts.py [--seed 13] [--out bench/routing/prompts.jsonl]
"""

# ruff: noqa: E501  (templates and vocabulary read best one entry a line)
from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LANGS = ("en", "de", "fr", "es", "it", "nl")

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

COUNTRIES = {
    "en": ["France", "Germany", "Japan", "Canada", "Brazil", "Kenya", "Norway", "Peru", "Vietnam", "Egypt"],
    "de": ["Frankreich", "Japan", "Kanada", "Brasilien", "Kenia", "Norwegen", "Peru", "Ägypten", "Polen"],
    "fr": [
        "l'Allemagne",
        "le Japon",
        "le Canada",
        "le Brésil",
        "le Kenya",
        "la Norvège",
        "le Pérou",
        "l'Égypte",
    ],
    "es": ["Alemania", "Japón", "Canadá", "Brasil", "Kenia", "Noruega", "Francia", "Egipto", "Polonia"],
    "it": ["la Germania", "il Giappone", "il Canada", "il Brasile", "il Kenya", "la Norvegia", "la Francia"],
    "nl": ["Duitsland", "Japan", "Canada", "Brazilië", "Kenia", "Noorwegen", "Frankrijk", "Egypte", "Polen"],
}
CITIES = ["Amsterdam", "Lyon", "Munich", "Seville", "Turin", "Ghent", "Porto", "Zurich", "Boston", "Osaka"]
TERMS = {
    "en": ["photosynthesis", "inflation", "a mortgage", "an API", "latency", "a haiku", "GDP", "a firewall"],
    "de": ["Photosynthese", "Inflation", "eine Hypothek", "eine API", "Latenz", "ein Haiku", "das BIP"],
    "fr": [
        "la photosynthèse",
        "l'inflation",
        "une hypothèque",
        "une API",
        "la latence",
        "un haïku",
        "le PIB",
    ],
    "es": ["la fotosíntesis", "la inflación", "una hipoteca", "una API", "la latencia", "un haiku", "el PIB"],
    "it": ["la fotosintesi", "l'inflazione", "un mutuo", "un'API", "la latenza", "un haiku", "il PIL"],
    "nl": ["fotosynthese", "inflatie", "een hypotheek", "een API", "latentie", "een haiku", "het bbp"],
}
SENTENCES = {
    "en": [
        "The meeting is moved to Thursday at ten.",
        "Please send me the invoice by Friday.",
        "The train was late again this morning.",
        "We loved the hotel, the staff were very kind.",
        "Can you call me back after lunch?",
        "The new printer does not work on the second floor.",
    ],
    "de": [
        "Das Meeting wird auf Donnerstag um zehn verschoben.",
        "Bitte schicken Sie mir die Rechnung bis Freitag.",
        "Der Zug hatte heute Morgen wieder Verspätung.",
        "Das Hotel war wunderbar, das Personal sehr freundlich.",
    ],
    "fr": [
        "La réunion est déplacée à jeudi dix heures.",
        "Merci de m'envoyer la facture avant vendredi.",
        "Le train était encore en retard ce matin.",
        "Nous avons adoré l'hôtel, le personnel était charmant.",
    ],
    "es": [
        "La reunión se traslada al jueves a las diez.",
        "Por favor, envíeme la factura antes del viernes.",
        "El tren llegó tarde otra vez esta mañana.",
        "Nos encantó el hotel, el personal fue muy amable.",
    ],
    "it": [
        "La riunione è spostata a giovedì alle dieci.",
        "Per favore mandami la fattura entro venerdì.",
        "Il treno era di nuovo in ritardo stamattina.",
        "Abbiamo adorato l'albergo, il personale era gentile.",
    ],
    "nl": [
        "De vergadering is verplaatst naar donderdag om tien uur.",
        "Stuur me de factuur vóór vrijdag.",
        "De trein had vanochtend weer vertraging.",
        "We vonden het hotel geweldig, het personeel was vriendelijk.",
    ],
}
LANG_NAMES = {
    "en": ["German", "French", "Spanish", "Italian", "Dutch", "Portuguese"],
    "de": ["Englische", "Französische", "Spanische", "Italienische", "Niederländische"],
    "fr": ["anglais", "allemand", "espagnol", "italien", "néerlandais"],
    "es": ["inglés", "alemán", "francés", "italiano", "neerlandés"],
    "it": ["inglese", "tedesco", "francese", "spagnolo", "olandese"],
    "nl": ["Engels", "Duits", "Frans", "Spaans", "Italiaans"],
}
WORDS = {
    "en": ["happy", "quick", "difficult", "beautiful", "important", "angry", "cheap", "brave"],
    "de": ["glücklich", "schnell", "schwierig", "schön", "wichtig", "wütend", "billig"],
    "fr": ["heureux", "rapide", "difficile", "beau", "important", "fâché", "courageux"],
    "es": ["feliz", "rápido", "difícil", "hermoso", "importante", "enfadado", "barato"],
    "it": ["felice", "veloce", "difficile", "bello", "importante", "arrabbiato", "economico"],
    "nl": ["blij", "snel", "moeilijk", "mooi", "belangrijk", "boos", "goedkoop"],
}
REVIEWS = {
    "en": [
        "Terrible service, I waited an hour and nobody came.",
        "Absolutely love this blender!",
        "It's okay, does what it says.",
        "The battery died after two days.",
        "Best pizza in town.",
    ],
    "de": [
        "Schrecklicher Service, eine Stunde gewartet.",
        "Ich liebe diesen Mixer!",
        "Ganz okay, tut was es soll.",
        "Der Akku war nach zwei Tagen leer.",
    ],
    "fr": [
        "Service horrible, j'ai attendu une heure.",
        "J'adore ce mixeur !",
        "Correct, sans plus.",
        "La batterie a lâché au bout de deux jours.",
    ],
    "es": [
        "Servicio terrible, esperé una hora.",
        "¡Me encanta esta batidora!",
        "Está bien, cumple.",
        "La batería murió a los dos días.",
    ],
    "it": [
        "Servizio pessimo, ho aspettato un'ora.",
        "Adoro questo frullatore!",
        "Niente di speciale.",
        "La batteria è morta dopo due giorni.",
    ],
    "nl": [
        "Vreselijke service, een uur gewacht.",
        "Ik ben dol op deze blender!",
        "Het is oké.",
        "De batterij was na twee dagen leeg.",
    ],
}
NAMES = [
    "Anna Müller",
    "João Silva",
    "Marie Dubois",
    "Luca Rossi",
    "Sanne de Vries",
    "Carlos Pérez",
    "Tom Baker",
]
COMPANIES = [
    "Northwind",
    "Acme Logistics",
    "Brightline Energy",
    "Vela Health",
    "Kestrel Bank",
    "Orbis Retail",
]
TOPICS = [
    "remote work",
    "electric cars",
    "urban gardening",
    "cybersecurity for small firms",
    "sleep",
    "coffee",
]
ANIMALS = ["dolphin", "bat", "penguin", "shark", "whale", "platypus", "frog", "eagle"]
ACRONYMS = ["NASA", "HTTP", "GDPR", "CPU", "NATO", "SQL", "DNA", "UNESCO", "ETA", "FAQ"]
UNITS = [
    ("kilometres", "miles"),
    ("pounds", "kilograms"),
    ("litres", "gallons"),
    ("feet", "metres"),
    ("ounces", "grams"),
]
CODE_LANGS = ["Python", "TypeScript", "Go", "Rust", "Java", "C++", "Kotlin", "C#"]
SHELL = ["ls -la", "grep -r foo .", "chmod +x run.sh", "git status", "df -h", "tail -f app.log", "ps aux"]
PY_ONE = [
    "get the length of a list",
    "reverse a string",
    "check if a key is in a dict",
    "read a file line by line",
    "convert a string to an int",
    "sort a list of numbers",
]

CODE_TASKS = {
    "en": [
        "parses an ISO 8601 duration string into seconds",
        "merges overlapping intervals",
        "implements an LRU cache with O(1) get and put",
        "validates and normalises IBAN numbers",
        "computes the longest common subsequence of two strings",
        "rate-limits calls with a token bucket",
        "serialises a binary tree to a string and back",
        "finds the shortest path in a weighted graph",
        "streams a large CSV file and aggregates totals per customer",
        "retries an HTTP call with exponential backoff and jitter",
    ],
    "de": [
        "eine ISO-8601-Dauer in Sekunden umwandelt",
        "überlappende Intervalle zusammenführt",
        "einen LRU-Cache mit O(1) implementiert",
        "IBAN-Nummern prüft und normalisiert",
        "den kürzesten Weg in einem gewichteten Graphen findet",
    ],
    "fr": [
        "convertit une durée ISO 8601 en secondes",
        "fusionne des intervalles qui se chevauchent",
        "implémente un cache LRU en O(1)",
        "valide et normalise des IBAN",
        "trouve le plus court chemin dans un graphe pondéré",
    ],
    "es": [
        "convierte una duración ISO 8601 en segundos",
        "fusiona intervalos solapados",
        "implementa una caché LRU en O(1)",
        "valida y normaliza números IBAN",
        "encuentra el camino más corto en un grafo ponderado",
    ],
    "it": [
        "converte una durata ISO 8601 in secondi",
        "unisce intervalli sovrapposti",
        "implementa una cache LRU in O(1)",
        "valida e normalizza codici IBAN",
        "trova il cammino minimo in un grafo pesato",
    ],
    "nl": [
        "een ISO 8601-duur omzet naar seconden",
        "overlappende intervallen samenvoegt",
        "een LRU-cache met O(1) implementeert",
        "IBAN-nummers valideert en normaliseert",
        "het kortste pad in een gewogen graaf vindt",
    ],
}
BUGGY = [
    (
        "Python",
        "IndexError: list index out of range",
        "def window_sums(xs, k):\n    out = []\n    for i in range(len(xs)):\n        out.append(sum(xs[i:i + k]) + xs[i + k])\n    return out",
    ),
    (
        "Python",
        "RecursionError: maximum recursion depth exceeded",
        "def flatten(tree):\n    if not tree:\n        return []\n    return flatten(tree) + [tree.value] + flatten(tree.right)",
    ),
    (
        "JavaScript",
        "TypeError: Cannot read properties of undefined (reading 'map')",
        "async function load() {\n  const res = fetch('/api/items');\n  const data = res.json();\n  return data.items.map(i => i.id);\n}",
    ),
    (
        "Go",
        "fatal error: all goroutines are asleep - deadlock!",
        "func main() {\n    ch := make(chan int)\n    ch <- 1\n    go func() { fmt.Println(<-ch) }()\n}",
    ),
    (
        "Java",
        "java.util.ConcurrentModificationException",
        "for (String s : names) {\n    if (s.isEmpty()) {\n        names.remove(s);\n    }\n}",
    ),
    (
        "C",
        "Segmentation fault (core dumped)",
        "char *copy(const char *s) {\n    char *d;\n    strcpy(d, s);\n    return d;\n}",
    ),
    (
        "Rust",
        "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
        'let mut v = vec![1, 2, 3];\nlet first = &v[0];\nv.push(4);\nprintln!("{}", first);',
    ),
    (
        "SQL",
        'ERROR: column "o.total" must appear in the GROUP BY clause',
        "SELECT c.name, o.total, COUNT(*)\nFROM customers c JOIN orders o ON o.customer_id = c.id\nGROUP BY c.name;",
    ),
]
CLASSES = [
    "class ReportService:\n    def __init__(self):\n        self.db = PostgresClient('prod')\n        self.mailer = SmtpMailer()\n\n"
    "    def run(self, month):\n        rows = self.db.query(f\"SELECT * FROM sales WHERE month = '{month}'\")\n"
    "        total = 0\n        for r in rows:\n            if r['status'] == 'paid':\n                total += r['amount']\n"
    "        html = '<h1>' + str(total) + '</h1>'\n        self.mailer.send('boss@example.com', html)\n        return total",
    "public class OrderProcessor {\n    public void process(Order o) {\n        if (o != null) {\n"
    "            if (o.getItems().size() > 0) {\n                double t = 0;\n                for (Item i : o.getItems()) { t += i.getPrice() * i.getQty(); }\n"
    "                if (o.getCustomer().isVip()) { t = t * 0.9; }\n                Database.save(o, t);\n                EmailSender.send(o.getCustomer(), t);\n"
    "            }\n        }\n    }\n}",
    "function handle(req, res) {\n  db.query('SELECT * FROM users WHERE name = \"' + req.query.name + '\"', (err, rows) => {\n"
    "    if (err) { res.send(500); }\n    res.json(rows);\n  });\n}",
]
PROOFS = {
    "en": [
        "there are infinitely many primes",
        "the square root of 2 is irrational",
        "the sum of the first n odd numbers is n^2",
        "every tree with n vertices has n-1 edges",
        "n^3 - n is divisible by 6 for every integer n",
        "a bounded monotone sequence converges",
    ],
    "de": [
        "es unendlich viele Primzahlen gibt",
        "die Wurzel aus 2 irrational ist",
        "die Summe der ersten n ungeraden Zahlen n^2 ist",
        "n^3 - n für jede ganze Zahl n durch 6 teilbar ist",
    ],
    "fr": [
        "il existe une infinité de nombres premiers",
        "la racine carrée de 2 est irrationnelle",
        "la somme des n premiers nombres impairs vaut n^2",
        "n^3 - n est divisible par 6 pour tout entier n",
    ],
    "es": [
        "existen infinitos números primos",
        "la raíz cuadrada de 2 es irracional",
        "la suma de los primeros n números impares es n^2",
        "n^3 - n es divisible por 6 para todo entero n",
    ],
    "it": [
        "esistono infiniti numeri primi",
        "la radice quadrata di 2 è irrazionale",
        "la somma dei primi n numeri dispari è n^2",
        "n^3 - n è divisibile per 6 per ogni intero n",
    ],
    "nl": [
        "er oneindig veel priemgetallen zijn",
        "de wortel uit 2 irrationaal is",
        "de som van de eerste n oneven getallen n^2 is",
        "n^3 - n deelbaar is door 6 voor elk geheel getal n",
    ],
}
INTEGRALS = [
    r"\int_0^1 x^{%d} \ln x \, dx",
    r"\int_0^{\pi} x \sin(%d x) \, dx",
    r"\sum_{k=1}^{\infty} \frac{1}{k(k+%d)}",
    r"\lim_{n \to \infty} \left(1 + \frac{%d}{n}\right)^n",
    r"\int_{-\infty}^{\infty} e^{-%d x^2} \, dx",
]
RECURRENCES = [
    "a(n) = 2a(n-1) + 1 with a(0) = 0",
    "a(n) = a(n-1) + a(n-2) with a(0)=0, a(1)=1",
    "T(n) = 2T(n/2) + n",
    "a(n) = 3a(n-1) - 2a(n-2) with a(0)=1, a(1)=3",
    "S(n) = 1^2 + 2^2 + ... + n^2",
]
SYSTEMS = [
    "a URL shortener",
    "a real-time chat service",
    "a payment ledger",
    "a feature-flag service",
    "a distributed job scheduler",
    "a metrics ingestion pipeline",
    "a multi-tenant search index",
]
COMPARE = [
    ("PostgreSQL", "MongoDB"),
    ("Kafka", "RabbitMQ"),
    ("microservices", "a modular monolith"),
    ("React", "Svelte"),
    ("index funds", "active funds"),
    ("heat pumps", "gas boilers"),
    ("leasing", "buying a company car"),
]
PROJECTS = {
    "en": [
        "migration of our data centre to the cloud",
        "launch of a mobile banking app",
        "ERP rollout in 4 countries",
        "move of a 200-person office",
        "ISO 27001 certification",
    ],
    "de": [
        "Migration unseres Rechenzentrums in die Cloud",
        "Einführung einer Mobile-Banking-App",
        "ERP-Einführung in 4 Ländern",
    ],
    "fr": [
        "migration de notre centre de données vers le cloud",
        "lancement d'une application bancaire",
        "déploiement d'un ERP dans 4 pays",
    ],
    "es": [
        "migración de nuestro centro de datos a la nube",
        "lanzamiento de una app de banca móvil",
        "implantación de un ERP en 4 países",
    ],
    "it": [
        "migrazione del nostro data center nel cloud",
        "lancio di un'app di mobile banking",
        "introduzione di un ERP in 4 paesi",
    ],
    "nl": [
        "migratie van ons datacenter naar de cloud",
        "lancering van een mobiele bank-app",
        "invoering van een ERP in 4 landen",
    ],
}
SYMPTOMS = {
    "en": [
        "fever, night sweats and weight loss over six weeks",
        "sudden chest pain radiating to the left arm",
        "fatigue, joint pain and a butterfly-shaped rash",
        "progressive shortness of breath and ankle swelling",
    ],
    "de": [
        "Fieber, Nachtschweiß und Gewichtsverlust seit sechs Wochen",
        "plötzliche Brustschmerzen mit Ausstrahlung in den linken Arm",
        "Müdigkeit, Gelenkschmerzen und einen schmetterlingsförmigen Ausschlag",
    ],
    "fr": [
        "fièvre, sueurs nocturnes et perte de poids depuis six semaines",
        "douleur thoracique soudaine irradiant vers le bras gauche",
        "fatigue, douleurs articulaires et éruption en ailes de papillon",
    ],
    "es": [
        "fiebre, sudores nocturnos y pérdida de peso desde hace seis semanas",
        "dolor torácico súbito irradiado al brazo izquierdo",
        "cansancio, dolor articular y un exantema en alas de mariposa",
    ],
    "it": [
        "febbre, sudorazione notturna e calo di peso da sei settimane",
        "dolore toracico improvviso irradiato al braccio sinistro",
        "stanchezza, dolori articolari ed eruzione a farfalla",
    ],
    "nl": [
        "koorts, nachtzweten en gewichtsverlies sinds zes weken",
        "plotselinge pijn op de borst uitstralend naar de linkerarm",
        "vermoeidheid, gewrichtspijn en een vlindervormige uitslag",
    ],
}
GDPR_CASES = {
    "en": [
        "an employer to monitor employees' private messages on work laptops",
        "a hospital to share pseudonymised patient records with a research partner in the US",
        "a shop to keep customers' purchase history for ten years for marketing",
        "a school to use facial recognition for attendance",
    ],
    "de": [
        "einen Arbeitgeber, private Nachrichten auf Dienstlaptops zu überwachen",
        "ein Krankenhaus, pseudonymisierte Patientendaten mit einem US-Forschungspartner zu teilen",
    ],
    "fr": [
        "un employeur de surveiller les messages privés sur les ordinateurs professionnels",
        "un hôpital de partager des dossiers patients pseudonymisés avec un partenaire aux États-Unis",
    ],
    "es": [
        "un empleador vigilar los mensajes privados en los portátiles de trabajo",
        "un hospital compartir historiales seudonimizados con un socio de investigación en EE. UU.",
    ],
    "it": [
        "un datore di lavoro monitorare i messaggi privati sui portatili aziendali",
        "un ospedale condividere cartelle cliniche pseudonimizzate con un partner negli USA",
    ],
    "nl": [
        "een werkgever privéberichten op werklaptops te monitoren",
        "een ziekenhuis gepseudonimiseerde patiëntdossiers te delen met een onderzoekspartner in de VS",
    ],
}
CLAUSES = [
    "The Supplier shall deliver the Goods within thirty (30) days of the Purchase Order.",
    "The Supplier's aggregate liability under this Agreement shall not exceed the fees paid in the preceding month.",
    "Either party may terminate this Agreement for convenience upon ninety (90) days' written notice.",
    "The Customer shall indemnify the Supplier against all claims arising from the Customer's data.",
    "All intellectual property created under this Agreement shall vest in the Customer upon payment.",
    "The Supplier may subcontract any part of the Services without the Customer's consent.",
    "Invoices are payable within sixty (60) days; late payments bear interest at 1% per month.",
    "This Agreement is governed by the laws of England and Wales.",
    "The Supplier shall maintain insurance of not less than EUR 1,000,000 per claim.",
    "Confidential Information shall be kept secret for five (5) years after termination.",
    "Service credits are the Customer's sole and exclusive remedy for any failure to meet the SLA.",
    "The Customer grants the Supplier a licence to use anonymised usage data for any purpose.",
]
REPORT_LINES = [
    "Revenue in the third quarter rose to EUR 41.2 million, up 7% year on year.",
    "Operating costs increased faster than revenue, mainly because of energy prices.",
    "The northern region missed its target by 12% after the loss of two major accounts.",
    "Headcount grew from 310 to 342, with most hires in engineering.",
    "Customer churn fell to 3.1%, the lowest in five years.",
    "Inventory days rose from 48 to 63 as the new warehouse ramped up.",
    "The board approved a capital expenditure plan of EUR 9 million for 2027.",
    "Two product launches were delayed to the first quarter because of supplier problems.",
    "Net promoter score improved from 31 to 38 across all regions.",
    "Cash at the end of the quarter was EUR 12.7 million against a covenant minimum of 10.",
]
LETTER_LINES = [
    "Thank you for your letter regarding the renovation of the east wing.",
    "As discussed at our meeting, the works will start after the summer holidays.",
    "The contractor has confirmed that scaffolding will be in place for about six weeks.",
    "Residents will be informed by a notice in the entrance hall two weeks in advance.",
    "Parking on the east side will not be available during this period.",
    "We apologise for any inconvenience this may cause and appreciate your patience.",
    "Should you have any questions, please do not hesitate to contact our office.",
]


def doc(rng: random.Random, lines: list[str], n_min: int, n_max: int) -> str:
    """A long document: the lines shuffled and repeated into numbered paragraphs."""
    n = rng.randint(n_min, n_max)
    return "\n".join(f"{i + 1}. {rng.choice(lines)}" for i in range(n))


def contract(rng: random.Random, n_min: int = 12, n_max: int = 40) -> str:
    head = f"MASTER SERVICES AGREEMENT between {rng.choice(COMPANIES)} (the Customer) and {rng.choice(COMPANIES)} (the Supplier), dated {rng.randint(1, 28)} March 2026.\n"
    return head + doc(rng, CLAUSES, n_min, n_max)


# ---------------------------------------------------------------------------------------------
# Families
# ---------------------------------------------------------------------------------------------

Maker = Callable[[random.Random, str], Any]  # (rng, lang) -> text, or a full body (dict)


@dataclass(frozen=True)
class Family:
    name: str
    label: str  # "light" or "heavy": what the task asks for, see README.md
    langs: tuple[str, ...]
    make: Maker
    count: int = 18
    test: bool = False  # held out: the whole family is in the test split
    shapes: tuple[str, ...] = ("chat",)  # how the text is sent, chosen per prompt
    max_tokens: tuple[int, ...] = ()  # choices for max_tokens (0: not sent)


def pick(rng: random.Random, table: dict[str, list[str]], lang: str) -> str:
    return rng.choice(table.get(lang) or table["en"])


def by_lang(rng: random.Random, lang: str, **forms: str) -> str:
    return forms.get(lang) or forms["en"]


def greeting(rng: random.Random, lang: str) -> str:
    return rng.choice(
        {
            "en": [
                "Hi!",
                "Hello, how are you today?",
                "Good morning :)",
                "Hey there",
                "Thanks, that was helpful!",
            ],
            "de": ["Hallo!", "Guten Morgen, wie geht's?", "Danke, das hat geholfen!", "Servus"],
            "fr": ["Bonjour !", "Salut, ça va ?", "Merci, c'était utile !", "Bonsoir"],
            "es": ["¡Hola!", "Hola, ¿qué tal?", "¡Gracias, me ayudó mucho!", "Buenos días"],
            "it": ["Ciao!", "Buongiorno, come va?", "Grazie, mi è stato utile!", "Salve"],
            "nl": ["Hoi!", "Goedemorgen, hoe gaat het?", "Bedankt, dat hielp!", "Hallo daar"],
        }[lang]
    )


def capital(rng: random.Random, lang: str) -> str:
    c = pick(rng, COUNTRIES, lang)
    return by_lang(
        rng,
        lang,
        en=f"What is the capital of {c}?",
        de=f"Was ist die Hauptstadt von {c}?",
        fr=f"Quelle est la capitale de {c} ?",
        es=f"¿Cuál es la capital de {c}?",
        it=f"Qual è la capitale del{'la' if c.startswith('la') else ''} {c.split(' ', 1)[-1]}?",
        nl=f"Wat is de hoofdstad van {c}?",
    )


def define(rng: random.Random, lang: str) -> str:
    t = pick(rng, TERMS, lang)
    return by_lang(
        rng,
        lang,
        en=rng.choice([f"Define {t} in one sentence.", f"What is {t}?"]),
        de=f"Was ist {t}? Bitte kurz.",
        fr=f"Qu'est-ce que {t} ? Réponds brièvement.",
        es=f"¿Qué es {t}? En una frase.",
        it=f"Cos'è {t}? In una frase.",
        nl=f"Wat is {t}? Kort graag.",
    )


def translate_sentence(rng: random.Random, lang: str) -> str:
    s = pick(rng, SENTENCES, lang)
    target = pick(rng, LANG_NAMES, lang)
    return by_lang(
        rng,
        lang,
        en=f"Translate into {target}: {s}",
        de=f"Übersetze ins {target}: {s}",
        fr=f"Traduis en {target} : {s}",
        es=f"Traduce al {target}: {s}",
        it=f"Traduci in {target}: {s}",
        nl=f"Vertaal naar het {target}: {s}",
    )


def synonym(rng: random.Random, lang: str) -> str:
    w = pick(rng, WORDS, lang)
    return by_lang(
        rng,
        lang,
        en=f"Give me a synonym for '{w}'.",
        de=f"Nenne ein Synonym für „{w}“.",
        fr=f"Donne-moi un synonyme de « {w} ».",
        es=f"Dame un sinónimo de «{w}».",
        it=f"Dammi un sinonimo di «{w}».",
        nl=f"Geef een synoniem voor '{w}'.",
    )


def sentiment(rng: random.Random, lang: str) -> dict[str, Any]:
    r = pick(rng, REVIEWS, lang)
    text = by_lang(
        rng,
        lang,
        en=f"Classify the sentiment of this review as positive, negative or neutral: {r}",
        de=f"Klassifiziere die Stimmung dieser Bewertung (positiv, negativ, neutral): {r}",
        fr=f"Classe le sentiment de cet avis (positif, négatif, neutre) : {r}",
        es=f"Clasifica el sentimiento de esta reseña (positivo, negativo, neutro): {r}",
        it=f"Classifica il sentiment di questa recensione (positivo, negativo, neutro): {r}",
        nl=f"Classificeer het sentiment van deze review (positief, negatief, neutraal): {r}",
    )
    body: dict[str, Any] = {"messages": [{"role": "user", "content": text}]}
    if rng.random() < 0.5:
        body["response_format"] = {
            "type": "json_schema",
            "json_schema": {
                "name": "sentiment",
                "schema": {
                    "type": "object",
                    "properties": {"label": {"enum": ["positive", "negative", "neutral"]}},
                },
            },
        }
    return body


def extract_entity(rng: random.Random, lang: str) -> dict[str, Any]:
    name = rng.choice(NAMES)
    email = name.split()[0].lower() + "@" + rng.choice(COMPANIES).split()[0].lower() + ".com"
    note = f"Hi, this is {name} from {rng.choice(COMPANIES)}. Reach me at {email} or +31 6 {rng.randint(10000000, 99999999)}. Meeting on {rng.randint(1, 28)}/0{rng.randint(1, 9)}."
    text = by_lang(
        rng,
        lang,
        en=f"Extract the name, email and phone number from this text:\n{note}",
        de=f"Extrahiere Name, E-Mail und Telefonnummer aus diesem Text:\n{note}",
        fr=f"Extrais le nom, l'e-mail et le téléphone de ce texte :\n{note}",
        es=f"Extrae el nombre, el correo y el teléfono de este texto:\n{note}",
        it=f"Estrai nome, email e telefono da questo testo:\n{note}",
        nl=f"Extraheer naam, e-mail en telefoonnummer uit deze tekst:\n{note}",
    )
    body: dict[str, Any] = {"messages": [{"role": "user", "content": text}]}
    if rng.random() < 0.6:
        body["response_format"] = {
            "type": rng.choice(["json_object", "json_schema"]),
            "json_schema": {
                "name": "contact",
                "schema": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}, "email": {"type": "string"}},
                },
            },
        }
    return body


def polite_rewrite(rng: random.Random, lang: str) -> str:
    s = pick(rng, SENTENCES, lang)
    return by_lang(
        rng,
        lang,
        en=rng.choice([f"Rewrite this more politely: {s}", f"Make this shorter: {s}"]),
        de=f"Formuliere das höflicher um: {s}",
        fr=f"Reformule plus poliment : {s}",
        es=f"Reformula esto de forma más educada: {s}",
        it=f"Riformula in modo più gentile: {s}",
        nl=f"Herformuleer dit beleefder: {s}",
    )


def grammar_fix(rng: random.Random, lang: str) -> str:
    bad = {
        "en": ["He go to school yesterday.", "Their is two apple on the table.", "Me and him was late."],
        "de": ["Ich habe gestern nach Hause gegangen.", "Das Kinder spielt im Garten."],
        "fr": ["Je suis allé à le marché hier.", "Les enfant joue dans le jardin."],
        "es": ["Yo ha ido al mercado ayer.", "Los niño juega en el jardín."],
        "it": ["Io ha andato al mercato ieri.", "I bambino gioca in giardino."],
        "nl": ["Ik heb gisteren naar huis gegaan.", "De kinderen speelt in de tuin."],
    }
    s = pick(rng, bad, lang)
    return by_lang(
        rng,
        lang,
        en=f"Correct the grammar: {s}",
        de=f"Korrigiere die Grammatik: {s}",
        fr=f"Corrige la grammaire : {s}",
        es=f"Corrige la gramática: {s}",
        it=f"Correggi la grammatica: {s}",
        nl=f"Corrigeer de grammatica: {s}",
    )


def helpdesk_faq(rng: random.Random, lang: str) -> dict[str, Any]:
    company = rng.choice(COMPANIES)
    system = (
        f"You are the customer service assistant of {company}. Be friendly and concise. Opening hours are "
        f"Monday to Friday, 9:00 to 17:30. Returns are accepted within 30 days with the receipt. Passwords "
        f"are reset from the login page via 'Forgot password'. Never share internal information."
    )
    q = rng.choice(
        {
            "en": [
                "What are your opening hours?",
                "How do I reset my password?",
                "Can I return a jacket I bought last week?",
            ],
            "de": [
                "Wann haben Sie geöffnet?",
                "Wie setze ich mein Passwort zurück?",
                "Kann ich eine Jacke zurückgeben?",
            ],
            "fr": [
                "Quels sont vos horaires ?",
                "Comment réinitialiser mon mot de passe ?",
                "Puis-je retourner une veste ?",
            ],
            "es": [
                "¿Cuál es su horario?",
                "¿Cómo restablezco mi contraseña?",
                "¿Puedo devolver una chaqueta?",
            ],
            "it": [
                "Quali sono gli orari di apertura?",
                "Come reimposto la password?",
                "Posso restituire una giacca?",
            ],
            "nl": [
                "Wat zijn jullie openingstijden?",
                "Hoe reset ik mijn wachtwoord?",
                "Kan ik een jas terugbrengen?",
            ],
        }[lang]
    )
    return {"messages": [{"role": "system", "content": system}, {"role": "user", "content": q}]}


def arithmetic(rng: random.Random, lang: str) -> str:
    a, b = rng.randint(2, 999), rng.randint(2, 999)
    p = rng.choice([5, 10, 15, 20, 25, 50])
    return rng.choice(
        [
            by_lang(
                rng,
                lang,
                en=f"What is {a} + {b}?",
                de=f"Was ist {a} + {b}?",
                fr=f"Combien font {a} + {b} ?",
                es=f"¿Cuánto es {a} + {b}?",
                it=f"Quanto fa {a} + {b}?",
                nl=f"Hoeveel is {a} + {b}?",
            ),
            by_lang(
                rng,
                lang,
                en=f"What is {p}% of {a}?",
                de=f"Wie viel sind {p}% von {a}?",
                fr=f"Combien font {p} % de {a} ?",
                es=f"¿Cuánto es el {p}% de {a}?",
                it=f"Quanto è il {p}% di {a}?",
                nl=f"Hoeveel is {p}% van {a}?",
            ),
        ]
    )


def unit_convert(rng: random.Random, lang: str) -> str:
    u1, u2 = rng.choice(UNITS)
    n = rng.randint(2, 500)
    return rng.choice([f"Convert {n} {u1} to {u2}.", f"How many {u2} is {n} {u1}?", f"{n} {u1} in {u2}?"])


def fact_lookup(rng: random.Random, lang: str) -> str:
    who = rng.choice(
        ["Marie Curie", "Leonardo da Vinci", "Ada Lovelace", "Johann Sebastian Bach", "Frida Kahlo"]
    )
    return by_lang(
        rng,
        lang,
        en=rng.choice([f"When was {who} born?", f"Who was {who}?", f"Where was {who} born?"]),
        de=f"Wann wurde {who} geboren?",
        fr=f"Quand est né(e) {who} ?",
        es=f"¿Cuándo nació {who}?",
        it=f"Quando è nato/a {who}?",
        nl=f"Wanneer is {who} geboren?",
    )


def shell_question(rng: random.Random, lang: str) -> str:
    cmd = rng.choice(SHELL)
    one = rng.choice(PY_ONE)
    return rng.choice(
        [
            by_lang(
                rng,
                lang,
                en=f"What does `{cmd}` do?",
                de=f"Was macht `{cmd}`?",
                fr=f"Que fait `{cmd}` ?",
                es=f"¿Qué hace `{cmd}`?",
                it=f"Cosa fa `{cmd}`?",
                nl=f"Wat doet `{cmd}`?",
            ),
            f"How do I {one} in Python? Just the one-liner.",
        ]
    )


def title_idea(rng: random.Random, lang: str) -> str:
    t = rng.choice(TOPICS)
    return by_lang(
        rng,
        lang,
        en=f"Suggest a catchy title for a blog post about {t}.",
        de=f"Schlag einen kurzen Titel für einen Blogartikel über {t} vor.",
        fr=f"Propose un titre court pour un article de blog sur {t}.",
        es=f"Propón un título breve para un artículo sobre {t}.",
        it=f"Proponi un titolo breve per un articolo su {t}.",
        nl=f"Bedenk een korte titel voor een blogpost over {t}.",
    )


def summarise_short(rng: random.Random, lang: str) -> str:
    text = " ".join(rng.sample(SENTENCES.get(lang) or SENTENCES["en"], 3))
    return by_lang(
        rng,
        lang,
        en=f"Summarise in one sentence: {text}",
        de=f"Fasse in einem Satz zusammen: {text}",
        fr=f"Résume en une phrase : {text}",
        es=f"Resume en una frase: {text}",
        it=f"Riassumi in una frase: {text}",
        nl=f"Vat samen in één zin: {text}",
    )


def doc_lookup_invoice(rng: random.Random, lang: str) -> str:
    report = doc(rng, REPORT_LINES, 20, 60)
    q = by_lang(
        rng,
        lang,
        en=rng.choice(["What was the cash at the end of the quarter?", "How many people work here now?"]),
        de="Wie hoch war der Kassenbestand am Quartalsende?",
        fr="Quel était l'effectif à la fin du trimestre ?",
        es="¿Cuál era la caja al final del trimestre?",
        it="Quanti dipendenti ci sono adesso?",
        nl="Hoeveel kas was er aan het einde van het kwartaal?",
    )
    return f"{report}\n\n{q}" if rng.random() < 0.5 else f"{q}\n\n{report}"


def doc_lookup_letter(rng: random.Random, lang: str) -> str:
    letter = (
        f"Dear {rng.choice(NAMES)},\n"
        + doc(rng, LETTER_LINES, 15, 45)
        + f"\nKind regards,\n{rng.choice(NAMES)}\n{rng.randint(1, 28)} May 2026"
    )
    q = by_lang(
        rng,
        lang,
        en=rng.choice(["Who signed this letter?", "What is the date of this letter?"]),
        de="Wer hat diesen Brief unterschrieben?",
        fr="Qui a signé cette lettre ?",
        es="¿Quién firma esta carta?",
        it="Chi ha firmato questa lettera?",
        nl="Wie heeft deze brief ondertekend?",
    )
    return f"{letter}\n\n{q}"


def contract_lookup(rng: random.Random, lang: str) -> str:
    c = contract(rng, 10, 30)
    q = by_lang(
        rng,
        lang,
        en=rng.choice(
            [
                "Which law governs this agreement? One word.",
                "Who is the Supplier?",
                "What is the payment term in days?",
            ]
        ),
        de="Welches Recht gilt für diesen Vertrag? Nur ein Wort.",
        fr="Qui est le fournisseur ?",
        es="¿Cuál es el plazo de pago en días?",
        it="Chi è il fornitore?",
        nl="Wie is de leverancier?",
    )
    return f"{c}\n\n{q}"


def yes_no(rng: random.Random, lang: str) -> str:
    a = rng.choice(ANIMALS)
    return by_lang(
        rng,
        lang,
        en=f"Is a {a} a mammal? Answer yes or no.",
        de=f"Ist ein {a} ein Säugetier? Ja oder nein.",
        fr=f"Le {a} est-il un mammifère ? Oui ou non.",
        es=f"¿Es el {a} un mamífero? Sí o no.",
        it=f"Il {a} è un mammifero? Sì o no.",
        nl=f"Is een {a} een zoogdier? Ja of nee.",
    )


def list_small(rng: random.Random, lang: str) -> str:
    n = rng.choice(["three", "five", "four"])
    what = rng.choice(
        ["fruits", "European rivers", "board games", "colours", "vegetables that grow in winter"]
    )
    return by_lang(
        rng,
        lang,
        en=f"List {n} {what}.",
        de="Nenne drei Wintergemüse.",
        fr="Cite cinq fleuves européens.",
        es="Nombra tres juegos de mesa.",
        it="Elenca quattro colori.",
        nl="Noem vijf soorten fruit.",
    )


def completion_light(rng: random.Random, lang: str) -> str:
    return rng.choice(
        [
            f"The capital of {rng.choice(COUNTRIES['en'])} is",
            "Once upon a time, a small fox",
            f"Dear {rng.choice(NAMES)},\nThank you for",
            "Q: What colour is the sky?\nA:",
            f"{rng.choice(WORDS['en']).capitalize()} is the opposite of",
            "Le contraire de « rapide » est",
            "Die Hauptstadt von Italien ist",
        ]
    )


def chitchat_turns(rng: random.Random, lang: str) -> dict[str, Any]:
    c1, c2 = rng.sample(COUNTRIES["en"], 2)
    turns = [
        ("user", f"What is the capital of {c1}?"),
        ("assistant", "It is its largest city and seat of government."),
        ("user", f"And {c2}?"),
    ]
    if rng.random() < 0.5:
        turns += [
            ("assistant", "That one is the capital."),
            ("user", rng.choice(["Thanks!", "Great, thank you.", "Ok cool"])),
        ]
    return {"messages": [{"role": r, "content": t} for r, t in turns]}


def route_email(rng: random.Random, lang: str) -> str:
    mail = rng.choice(
        [
            "My card was charged twice for order {n}.",
            "The app crashes when I open settings.",
            "We would like a quote for {n} licences.",
            "I never received my refund for order {n}.",
            "Can someone demo the product to our team?",
            "Login fails with error {n}.",
        ]
    ).format(n=rng.randint(10, 9999))
    return f"Which department should handle this email: billing, support or sales? Reply with one word.\n\nEmail: {mail}"


def tags(rng: random.Random, lang: str) -> str:
    text = " ".join(rng.sample(REPORT_LINES, 2))
    return by_lang(
        rng,
        lang,
        en=f"Give three tags for this text: {text}",
        de=f"Gib drei Schlagwörter für diesen Text: {text}",
        fr=f"Donne trois mots-clés pour ce texte : {text}",
        es=f"Da tres etiquetas para este texto: {text}",
        it=f"Dai tre tag per questo testo: {text}",
        nl=f"Geef drie tags voor deze tekst: {text}",
    )


def which_language(rng: random.Random, lang: str) -> str:
    s = pick(rng, SENTENCES, rng.choice(LANGS))
    return by_lang(
        rng,
        lang,
        en=f'Which language is this: "{s}"',
        de=f"Welche Sprache ist das: „{s}“",
        fr=f"Quelle langue est-ce : « {s} »",
        es=f"¿Qué idioma es este: «{s}»?",
        it=f"Quale lingua è questa: «{s}»?",
        nl=f"Welke taal is dit: '{s}'",
    )


def format_convert(rng: random.Random, lang: str) -> str:
    d = f"{rng.randint(1, 28)} {rng.choice(['March', 'July', 'Oct.', 'December'])} {rng.randint(1990, 2030)}"
    return rng.choice(
        [
            f"Convert this date to ISO 8601: {d}",
            "Turn this into a comma-separated list:\n- apples\n- pears\n- plums",
            f"Convert to uppercase: {rng.choice(SENTENCES['en'])}",
        ]
    )


def short_reply(rng: random.Random, lang: str) -> str:
    return by_lang(
        rng,
        lang,
        en=rng.choice(
            [
                "Write a short reply saying I'll be ten minutes late to the meeting.",
                "Draft a one-line thank-you note to my colleague for the cake.",
            ]
        ),
        de="Schreib eine kurze Antwort: Ich komme zehn Minuten später.",
        fr="Écris une réponse courte : j'aurai dix minutes de retard.",
        es="Escribe una respuesta breve: llegaré diez minutos tarde.",
        it="Scrivi una risposta breve: arriverò dieci minuti in ritardo.",
        nl="Schrijf een kort antwoord: ik ben tien minuten te laat.",
    )


WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}
ORDER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_order",
        "description": "Look up an order by id",
        "parameters": {"type": "object", "properties": {"id": {"type": "string"}}},
    },
}


def weather_tool(rng: random.Random, lang: str) -> dict[str, Any]:
    city = rng.choice(CITIES)
    q = by_lang(
        rng,
        lang,
        en=f"What's the weather in {city} right now?",
        de=f"Wie ist das Wetter in {city}?",
        fr=f"Quel temps fait-il à {city} ?",
        es=f"¿Qué tiempo hace en {city}?",
        it=f"Che tempo fa a {city}?",
        nl=f"Wat voor weer is het in {city}?",
    )
    return {"messages": [{"role": "user", "content": q}], "tools": [WEATHER_TOOL]}


def order_tool(rng: random.Random, lang: str) -> dict[str, Any]:
    oid = f"A-{rng.randint(10000, 99999)}"
    q = by_lang(
        rng,
        lang,
        en=f"Where is my order {oid}?",
        de=f"Wo ist meine Bestellung {oid}?",
        fr=f"Où en est ma commande {oid} ?",
        es=f"¿Dónde está mi pedido {oid}?",
        it=f"Dov'è il mio ordine {oid}?",
        nl=f"Waar is mijn bestelling {oid}?",
    )
    return {
        "messages": [{"role": "user", "content": q}],
        "tools": [ORDER_TOOL, WEATHER_TOOL][: rng.randint(1, 2)],
    }


def acronym(rng: random.Random, lang: str) -> str:
    a = rng.choice(ACRONYMS)
    return by_lang(
        rng,
        lang,
        en=f"What does {a} stand for?",
        de=f"Wofür steht {a}?",
        fr=f"Que signifie {a} ?",
        es=f"¿Qué significa {a}?",
        it=f"Cosa significa {a}?",
        nl=f"Waar staat {a} voor?",
    )


def image_caption(rng: random.Random, lang: str) -> dict[str, Any]:
    q = by_lang(
        rng,
        lang,
        en="What colour is the car in this picture?",
        de="Welche Farbe hat das Auto auf dem Bild?",
        fr="De quelle couleur est la voiture sur la photo ?",
        es="¿De qué color es el coche de la foto?",
        it="Di che colore è l'auto nella foto?",
        nl="Welke kleur heeft de auto op de foto?",
    )
    return {
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": q},
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                ],
            }
        ]
    }


# --- heavy ----------------------------------------------------------------------------------


def prove(rng: random.Random, lang: str) -> str:
    s = pick(rng, PROOFS, lang)
    return by_lang(
        rng,
        lang,
        en=rng.choice([f"Prove that {s}.", f"Give a rigorous proof that {s}."]),
        de=f"Beweise, dass {s}.",
        fr=f"Démontre que {s}.",
        es=f"Demuestra que {s}.",
        it=f"Dimostra che {s}.",
        nl=f"Bewijs dat {s}.",
    )


def derive_recurrence(rng: random.Random, lang: str) -> str:
    r = rng.choice(RECURRENCES)
    return by_lang(
        rng,
        lang,
        en=f"Derive a closed form for {r} and show each step.",
        de=f"Leite eine geschlossene Form für {r} her und zeige jeden Schritt.",
        fr=f"Trouve une forme close de {r} en détaillant chaque étape.",
        es=f"Obtén una forma cerrada para {r}, paso a paso.",
        it=f"Ricava una forma chiusa per {r}, passo dopo passo.",
        nl=f"Leid een gesloten vorm af voor {r}, stap voor stap.",
    )


def latex_calculus(rng: random.Random, lang: str) -> str:
    expr = rng.choice(INTEGRALS) % rng.randint(2, 5)
    return by_lang(
        rng,
        lang,
        en=f"Compute ${expr}$ and justify every step.",
        de=f"Berechne ${expr}$ mit Begründung.",
        fr=f"Calcule ${expr}$ en justifiant.",
        es=f"Calcula ${expr}$ justificando cada paso.",
        it=f"Calcola ${expr}$ giustificando ogni passaggio.",
        nl=f"Bereken ${expr}$ en onderbouw elke stap.",
    )


def probability_puzzle(rng: random.Random, lang: str) -> str:
    r, b, k = rng.randint(3, 9), rng.randint(3, 9), rng.randint(2, 4)
    return by_lang(
        rng,
        lang,
        en=f"A bag holds {r} red and {b} blue balls. We draw {k} without replacement, then put back one red ball "
        f"for every blue ball drawn. What is the probability that the next draw is red? Explain your reasoning.",
        de=f"Ein Beutel enthält {r} rote und {b} blaue Kugeln. Wir ziehen {k} ohne Zurücklegen. Wie groß ist die "
        f"Wahrscheinlichkeit, dass mindestens zwei rot sind? Begründe den Rechenweg.",
        fr=f"Un sac contient {r} boules rouges et {b} bleues. On en tire {k} sans remise. Quelle est la probabilité "
        f"qu'au moins deux soient rouges ? Justifie le calcul.",
        es=f"Una bolsa tiene {r} bolas rojas y {b} azules. Sacamos {k} sin reemplazo. ¿Cuál es la probabilidad de "
        f"que al menos dos sean rojas? Explica el razonamiento.",
    )


def write_function(rng: random.Random, lang: str) -> dict[str, Any]:
    task = pick(rng, CODE_TASKS, lang)
    cl = rng.choice(CODE_LANGS)
    text = by_lang(
        rng,
        lang,
        en=f"Write a {cl} function that {task}. Handle edge cases and include unit tests.",
        de=f"Schreibe eine {cl}-Funktion, die {task}. Behandle Randfälle und schreibe Tests.",
        fr=f"Écris une fonction {cl} qui {task}. Gère les cas limites et ajoute des tests.",
        es=f"Escribe una función en {cl} que {task}. Cubre los casos límite y añade pruebas.",
        it=f"Scrivi una funzione {cl} che {task}. Gestisci i casi limite e aggiungi test.",
        nl=f"Schrijf een {cl}-functie die {task}. Behandel randgevallen en voeg tests toe.",
    )
    body: dict[str, Any] = {"messages": [{"role": "user", "content": text}]}
    if rng.random() < 0.4:
        body["messages"].insert(
            0,
            {
                "role": "system",
                "content": "You are a senior software engineer. Write idiomatic, production-quality code.",
            },
        )
    return body


def debug_code(rng: random.Random, lang: str) -> str:
    cl, err, code = rng.choice(BUGGY)
    ask = by_lang(
        rng,
        lang,
        en=f"This {cl} code fails with `{err}`. Find the bug, explain it and fix it.",
        de=f"Dieser {cl}-Code bricht mit `{err}` ab. Finde den Fehler und behebe ihn.",
        fr=f"Ce code {cl} échoue avec `{err}`. Trouve le bug, explique-le et corrige-le.",
        es=f"Este código {cl} falla con `{err}`. Encuentra el error y corrígelo.",
        it=f"Questo codice {cl} fallisce con `{err}`. Trova il bug e correggilo.",
        nl=f"Deze {cl}-code faalt met `{err}`. Zoek de bug en los hem op.",
    )
    return f"{ask}\n\n```\n{code}\n```"


def refactor(rng: random.Random, lang: str) -> str:
    code = rng.choice(CLASSES)
    ask = by_lang(
        rng,
        lang,
        en="Refactor this for testability and security. Explain each change and the trade-offs.",
        de="Refaktoriere das für Testbarkeit und Sicherheit und erkläre jede Änderung.",
        fr="Refactore ce code pour le rendre testable et sûr, en expliquant chaque changement.",
        es="Refactoriza esto para que sea testeable y seguro, explicando cada cambio.",
        it="Rifattorizza questo codice per testabilità e sicurezza, spiegando ogni modifica.",
        nl="Refactor dit voor testbaarheid en veiligheid en leg elke wijziging uit.",
    )
    return f"```\n{code}\n```\n\n{ask}" if rng.random() < 0.5 else f"{ask}\n```\n{code}\n```"


def system_design(rng: random.Random, lang: str) -> str:
    s = rng.choice(SYSTEMS)
    rps = rng.choice(["10,000", "50,000", "200,000", "1 million"])
    return by_lang(
        rng,
        lang,
        en=f"Design {s} that handles {rps} requests per second. Cover data model, scaling, failure modes and trade-offs.",
        de=f"Entwirf {s} für {rps} Anfragen pro Sekunde: Datenmodell, Skalierung, Ausfälle, Abwägungen.",
        fr=f"Conçois {s} pour {rps} requêtes par seconde : modèle de données, montée en charge, pannes, compromis.",
        es=f"Diseña {s} para {rps} peticiones por segundo: modelo de datos, escalado, fallos y compromisos.",
        it=f"Progetta {s} per {rps} richieste al secondo: modello dati, scalabilità, guasti e compromessi.",
        nl=f"Ontwerp {s} voor {rps} verzoeken per seconde: datamodel, schaalbaarheid, storingen en afwegingen.",
    )


def optimise_algorithm(rng: random.Random, lang: str) -> str:
    code = rng.choice(
        [
            "def pairs_with_sum(xs, t):\n    out = []\n    for i in range(len(xs)):\n        for j in range(i + 1, len(xs)):\n            if xs[i] + xs[j] == t:\n                out.append((xs[i], xs[j]))\n    return out",
            "def dedupe(rows):\n    seen = []\n    for r in rows:\n        if r not in seen:\n            seen.append(r)\n    return seen",
            "for (int i = 0; i < n; i++)\n  for (int j = 0; j < n; j++)\n    if (a[i] < a[j]) { int t = a[i]; a[i] = a[j]; a[j] = t; }",
        ]
    )
    ask = by_lang(
        rng,
        lang,
        en="Optimise this to run in O(n log n) or better, prove the complexity and keep the behaviour identical.",
        de="Optimiere das auf O(n log n) oder besser und begründe die Komplexität.",
        fr="Optimise ceci en O(n log n) ou mieux et justifie la complexité.",
        es="Optimiza esto a O(n log n) o mejor y justifica la complejidad.",
        it="Ottimizza questo in O(n log n) o meglio e giustifica la complessità.",
        nl="Optimaliseer dit naar O(n log n) of beter en onderbouw de complexiteit.",
    )
    return f"{ask}\n\n{code}"


def sql_window(rng: random.Random, lang: str) -> str:
    entity = rng.choice(["customer", "region", "product category", "sales rep", "segment", "store"])
    year = rng.randint(2019, 2026)
    return (
        f"Tables: orders(id, customer_id, region, amount, created_at), customers(id, name, segment), "
        f"products(id, category). Write a PostgreSQL query that returns, for each {entity}, the top {rng.randint(2, 5)} months by revenue "
        f"in {year} with the month-over-month growth, using window functions. Then explain how you would index the tables "
        f"and what the query plan should look like."
    )


def contract_analysis(rng: random.Random, lang: str) -> str:
    c = contract(rng)
    ask = by_lang(
        rng,
        lang,
        en=rng.choice(
            [
                "Analyse this agreement from the Customer's point of view: identify the risky clauses, explain why, and propose amendments.",
                "Review this contract and list every clause that is unfavourable to the Customer, ranked by risk, with recommended changes.",
            ]
        ),
        de="Analysiere diesen Vertrag aus Sicht des Kunden: riskante Klauseln, Begründung, Änderungsvorschläge.",
        fr="Analyse ce contrat du point de vue du client : clauses risquées, pourquoi, et propositions de modification.",
        es="Analiza este contrato desde el punto de vista del cliente: cláusulas de riesgo, por qué y propuestas.",
        it="Analizza questo contratto dal punto di vista del cliente: clausole rischiose, motivazioni e modifiche.",
        nl="Analyseer dit contract vanuit de klant: risicovolle clausules, waarom, en voorstellen tot wijziging.",
    )
    return f"{ask}\n\n{c}" if rng.random() < 0.5 else f"{c}\n\n{ask}"


def report_analysis(rng: random.Random, lang: str) -> dict[str, Any]:
    report = doc(rng, REPORT_LINES, 15, 50)
    ask = by_lang(
        rng,
        lang,
        en="Based on this quarterly report, assess the company's financial health, identify the three biggest risks and recommend actions for the board, with reasoning.",
        de="Bewerte anhand dieses Quartalsberichts die finanzielle Lage, nenne die drei größten Risiken und empfiehl Maßnahmen.",
        fr="À partir de ce rapport trimestriel, évalue la santé financière, identifie les trois principaux risques et recommande des actions.",
        es="A partir de este informe trimestral, evalúa la salud financiera, identifica los tres mayores riesgos y recomienda acciones.",
        it="In base a questo report trimestrale, valuta la salute finanziaria, individua i tre rischi principali e raccomanda azioni.",
        nl="Beoordeel op basis van dit kwartaalrapport de financiële gezondheid, noem de drie grootste risico's en geef aanbevelingen.",
    )
    body: dict[str, Any] = {
        "messages": [
            {"role": "system", "content": "You are a financial analyst."},
            {"role": "user", "content": f"{report}\n\n{ask}"},
        ]
    }
    return body


def compare_options(rng: random.Random, lang: str) -> str:
    a, b = rng.choice(COMPARE)
    return by_lang(
        rng,
        lang,
        en=f"Compare {a} and {b} for a mid-sized company: cost, risk, operations and long-term flexibility. Which would you recommend and why?",
        de=f"Vergleiche {a} und {b} für ein mittelgroßes Unternehmen (Kosten, Risiko, Betrieb) und gib eine begründete Empfehlung.",
        fr=f"Compare {a} et {b} pour une entreprise moyenne (coût, risque, exploitation) et recommande une option avec justification.",
        es=f"Compara {a} y {b} para una empresa mediana (coste, riesgo, operación) y recomienda una opción razonada.",
        it=f"Confronta {a} e {b} per un'azienda media (costi, rischi, gestione) e raccomanda un'opzione motivata.",
        nl=f"Vergelijk {a} en {b} voor een middelgroot bedrijf (kosten, risico, beheer) en geef een onderbouwde aanbeveling.",
    )


def project_plan(rng: random.Random, lang: str) -> str:
    p = pick(rng, PROJECTS, lang)
    w = rng.randint(8, 40)
    return by_lang(
        rng,
        lang,
        en=f"Plan the {p} over {w} weeks: phases, milestones, dependencies, staffing, risks and mitigations.",
        de=f"Plane die {p} über {w} Wochen: Phasen, Meilensteine, Abhängigkeiten, Risiken und Gegenmaßnahmen.",
        fr=f"Planifie la {p} sur {w} semaines : phases, jalons, dépendances, risques et parades.",
        es=f"Planifica la {p} en {w} semanas: fases, hitos, dependencias, riesgos y mitigaciones.",
        it=f"Pianifica la {p} in {w} settimane: fasi, milestone, dipendenze, rischi e mitigazioni.",
        nl=f"Plan de {p} over {w} weken: fasen, mijlpalen, afhankelijkheden, risico's en maatregelen.",
    )


def gdpr_analysis(rng: random.Random, lang: str) -> str:
    case = pick(rng, GDPR_CASES, lang)
    return by_lang(
        rng,
        lang,
        en=f"Under the GDPR, is it lawful for {case}? Analyse the possible legal bases, the DPIA requirement and the data subjects' rights, and conclude.",
        de=f"Ist es nach der DSGVO zulässig für {case}? Analysiere Rechtsgrundlagen, DSFA-Pflicht und Betroffenenrechte.",
        fr=f"Au regard du RGPD, est-il licite pour {case} ? Analyse les bases légales, l'AIPD et les droits des personnes.",
        es=f"Según el RGPD, ¿es lícito para {case}? Analiza las bases jurídicas, la EIPD y los derechos de los interesados.",
        it=f"Secondo il GDPR, è lecito per {case}? Analizza le basi giuridiche, la DPIA e i diritti degli interessati.",
        nl=f"Is het onder de AVG rechtmatig voor {case}? Analyseer de rechtsgronden, de DPIA-plicht en de rechten van betrokkenen.",
    )


def medical_case(rng: random.Random, lang: str) -> dict[str, Any]:
    age = rng.randint(19, 84)
    s = pick(rng, SYMPTOMS, lang)
    text = by_lang(
        rng,
        lang,
        en=f"A {age}-year-old patient presents with {s}. Give a differential diagnosis with reasoning, the tests you would order first and why.",
        de=f"Ein {age}-jähriger Patient stellt sich vor mit {s}. Nenne Differentialdiagnosen mit Begründung und die ersten Untersuchungen.",
        fr=f"Un patient de {age} ans présente {s}. Donne un diagnostic différentiel argumenté et les examens à demander.",
        es=f"Un paciente de {age} años presenta {s}. Da un diagnóstico diferencial razonado y las pruebas iniciales.",
        it=f"Un paziente di {age} anni presenta {s}. Fornisci una diagnosi differenziale motivata e gli esami da richiedere.",
        nl=f"Een patiënt van {age} jaar meldt zich met {s}. Geef een differentiaaldiagnose met onderbouwing en de eerste onderzoeken.",
    )
    return {
        "messages": [
            {"role": "system", "content": "You assist clinicians. Be precise and cite guideline reasoning."},
            {"role": "user", "content": text},
        ]
    }


def npv_case(rng: random.Random, lang: str) -> str:
    flows = ", ".join(str(rng.randint(-50, 120)) for _ in range(rng.randint(5, 9)))
    r = rng.choice([6, 8, 10, 12])
    return (
        f"An investment of 400 has cash flows {flows} (thousand EUR, years 1..n). At a discount rate of {r}%, compute the NPV "
        f"and the IRR, show the calculation, then discuss the sensitivity to a 2-point change in the rate and whether to invest."
    )


def debug_session(rng: random.Random, lang: str) -> dict[str, Any]:
    cl, err, code = rng.choice(BUGGY)
    turns = [
        {"role": "system", "content": "You are a helpful programming assistant."},
        {"role": "user", "content": f"My {cl} service crashes in production:\n```\n{code}\n```"},
        {
            "role": "assistant",
            "content": "Could you share the full error message and how the function is called?",
        },
        {"role": "user", "content": f"The log says `{err}`. It happens only under load, about once an hour."},
    ]
    if rng.random() < 0.6:
        turns += [
            {
                "role": "assistant",
                "content": "That suggests an edge case in the input. What inputs reach it?",
            },
            {
                "role": "user",
                "content": "Mostly empty batches at night. Can you find the root cause, fix it and suggest a regression test?",
            },
        ]
    return {"messages": turns}


def arguments_review(rng: random.Random, lang: str) -> str:
    policy = rng.choice(
        [
            "a four-day work week",
            "congestion charging in city centres",
            "a carbon border tax",
            "banning smartphones in schools",
            "universal basic income",
        ]
    )
    return by_lang(
        rng,
        lang,
        en=f"Summarise the strongest arguments for and against {policy}, evaluate the quality of the evidence on each side and give a reasoned conclusion.",
        de=f"Fasse die stärksten Argumente für und gegen {policy} zusammen, bewerte die Evidenz und ziehe ein begründetes Fazit.",
        fr=f"Présente les meilleurs arguments pour et contre {policy}, évalue les preuves et conclus de façon argumentée.",
        es=f"Resume los mejores argumentos a favor y en contra de {policy}, evalúa la evidencia y concluye razonadamente.",
        it=f"Riassumi gli argomenti migliori a favore e contro {policy}, valuta le prove e trai una conclusione motivata.",
        nl=f"Vat de sterkste argumenten voor en tegen {policy} samen, beoordeel het bewijs en trek een onderbouwde conclusie.",
    )


def logic_puzzle(rng: random.Random, lang: str) -> str:
    people = rng.sample(["Ada", "Ben", "Chloé", "Dirk", "Elena", "Fabio", "Greet"], 5)
    clues = [
        f"{people[0]} lives left of {people[1]}.",
        f"The person with the cat is next to {people[2]}.",
        f"{people[3]} does not drink tea.",
        "The green house is immediately right of the white one.",
        f"{people[4]} keeps birds.",
        "The coffee drinker lives in the green house.",
        "The middle house drinks milk.",
    ]
    rng.shuffle(clues)
    return (
        f"Five people ({', '.join(people)}) live in five houses in a row. Clues:\n"
        + "\n".join(f"- {c}" for c in clues)
        + "\nWho owns the fish? Reason step by step and check every clue."
    )


def data_trends(rng: random.Random, lang: str) -> str:
    rows = "\n".join(
        f"| 20{y} | {rng.randint(80, 200)} | {rng.randint(5, 40)} | {rng.randint(1, 9)}.{rng.randint(0, 9)}% |"
        for y in range(15, 26)
    )
    ask = by_lang(
        rng,
        lang,
        en="Identify the trends in this table, compute the compound growth rate of sales, explain the anomalies and forecast the next two years with assumptions.",
        de="Erkenne die Trends, berechne die durchschnittliche Wachstumsrate, erkläre Ausreißer und prognostiziere zwei Jahre.",
        fr="Identifie les tendances, calcule le taux de croissance annuel moyen, explique les anomalies et prévois deux ans.",
        es="Identifica las tendencias, calcula la tasa de crecimiento anual compuesta, explica las anomalías y pronostica dos años.",
    )
    return f"| year | sales | returns | margin |\n|---|---|---|---|\n{rows}\n\n{ask}"


def contract_extract_schema(rng: random.Random, lang: str) -> dict[str, Any]:
    c = contract(rng, 15, 40)
    ask = (
        "Extract every obligation in this agreement with the obliged party, deadline and penalty, and assess each "
        "obligation's risk for the Customer with a short justification."
    )
    return {
        "messages": [{"role": "user", "content": f"{ask}\n\n{c}"}],
        "response_format": {
            "type": "json_schema",
            "json_schema": {
                "name": "obligations",
                "schema": {
                    "type": "object",
                    "properties": {
                        "obligations": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "party": {"type": "string"},
                                    "deadline": {"type": "string"},
                                    "risk": {"enum": ["low", "medium", "high"]},
                                    "justification": {"type": "string"},
                                },
                            },
                        }
                    },
                },
            },
        },
    }


def completion_code(rng: random.Random, lang: str) -> str:
    what = rng.choice(
        [
            "red-black tree with insertion and deletion",
            "B+ tree with range scans",
            "thread-safe bounded blocking queue",
            "Raft leader election",
            "JSON parser with error recovery",
        ]
    )
    return rng.choice(
        [
            f"# Python implementation of a {what}\n# with full docstrings and tests\n\nclass ",
            f'// Complete Go implementation of a {what}\npackage main\n\nimport (\n\t"sync"\n)\n\ntype ',
            f"/**\n * A {what}, implemented in Java.\n * Must handle all edge cases.\n */\npublic class ",
        ]
    )


def short_hard(rng: random.Random, lang: str) -> str:
    return rng.choice(
        {
            "en": [
                "Is P equal to NP? Argue both sides.",
                "Design a Byzantine fault-tolerant consensus protocol.",
                "Why does quantum entanglement not allow faster-than-light signalling? Derive it.",
                "Prove Fermat's little theorem.",
                "Explain why the halting problem is undecidable, rigorously.",
            ],
            "de": [
                "Beweise den kleinen Satz von Fermat.",
                "Warum ist das Halteproblem unentscheidbar? Beweise es.",
            ],
            "fr": [
                "Démontre le petit théorème de Fermat.",
                "Pourquoi le problème de l'arrêt est-il indécidable ? Démontre-le.",
            ],
            "es": [
                "Demuestra el pequeño teorema de Fermat.",
                "¿Por qué el problema de la parada es indecidible? Demuéstralo.",
            ],
            "it": [
                "Dimostra il piccolo teorema di Fermat.",
                "Perché il problema della fermata è indecidibile? Dimostralo.",
            ],
            "nl": [
                "Bewijs de kleine stelling van Fermat.",
                "Waarom is het stopprobleem onbeslisbaar? Bewijs het.",
            ],
        }[lang]
    )


def translate_contract(rng: random.Random, lang: str) -> str:
    c = contract(rng, 12, 30)
    target = rng.choice(["German", "French", "Spanish", "Italian", "Dutch"])
    return (
        f"Translate the following agreement into {target}. Keep the legal terminology precise and consistent, "
        f"preserve the numbering and flag any term that has no exact equivalent in {target} law.\n\n{c}"
    )


def long_form(rng: random.Random, lang: str) -> str:
    t = rng.choice(TOPICS)
    return by_lang(
        rng,
        lang,
        en=f"Write a 2,000-word white paper on {t} for executives: structure it with an executive summary, analysis of the current situation, three scenarios and recommendations.",
        de=f"Schreibe ein ausführliches Whitepaper (2.000 Wörter) über {t} mit Zusammenfassung, Analyse, drei Szenarien und Empfehlungen.",
        fr=f"Rédige un livre blanc détaillé (2 000 mots) sur {t} avec synthèse, analyse, trois scénarios et recommandations.",
        es=f"Redacta un informe detallado (2.000 palabras) sobre {t} con resumen, análisis, tres escenarios y recomendaciones.",
        it=f"Scrivi un white paper dettagliato (2.000 parole) su {t} con sintesi, analisi, tre scenari e raccomandazioni.",
        nl=f"Schrijf een uitgebreide whitepaper (2.000 woorden) over {t} met samenvatting, analyse, drie scenario's en aanbevelingen.",
    )


def number_theory(rng: random.Random, lang: str) -> str:
    a, b = rng.randint(2, 9), rng.randint(1, 20)
    return by_lang(
        rng,
        lang,
        en=f"Find all positive integers n such that n^2 + {a}n + {b} is a perfect square, and prove that your list is complete.",
        de=f"Bestimme alle positiven ganzen Zahlen n, für die n^2 + {a}n + {b} eine Quadratzahl ist, und beweise die Vollständigkeit.",
        fr=f"Trouve tous les entiers n > 0 tels que n^2 + {a}n + {b} soit un carré parfait, et prouve que la liste est complète.",
        es=f"Encuentra todos los enteros n > 0 tales que n^2 + {a}n + {b} sea un cuadrado perfecto y demuestra que la lista es completa.",
        it=f"Trova tutti gli interi n > 0 tali che n^2 + {a}n + {b} sia un quadrato perfetto e dimostra che l'elenco è completo.",
        nl=f"Vind alle positieve gehele n waarvoor n^2 + {a}n + {b} een kwadraat is en bewijs dat de lijst volledig is.",
    )


def hypothesis_test(rng: random.Random, lang: str) -> str:
    n1, n2 = rng.randint(40, 400), rng.randint(40, 400)
    c1, c2 = rng.randint(5, n1 // 3), rng.randint(5, n2 // 3)
    return (
        f"In an A/B test, variant A converted {c1} of {n1} visitors and variant B {c2} of {n2}. Choose an appropriate test, "
        f"state its assumptions, compute the p-value and a 95% confidence interval for the difference, and explain whether "
        f"we should ship B and what sample size would be needed to detect a 1-point lift."
    )


def concurrency_bug(rng: random.Random, lang: str) -> str:
    code = rng.choice(
        [
            "var mu sync.Mutex\nvar cache = map[string]int{}\n\nfunc get(k string) int {\n\tmu.Lock()\n\tif v, ok := cache[k]; ok {\n\t\treturn v\n\t}\n\tmu.Unlock()\n\tv := load(k)\n\tmu.Lock()\n\tcache[k] = v\n\tmu.Unlock()\n\treturn v\n}",
            "class Counter:\n    def __init__(self):\n        self.n = 0\n\n    async def bump(self):\n        n = self.n\n        await asyncio.sleep(0)\n        self.n = n + 1",
            "synchronized void transfer(Account a, Account b, int x) {\n  synchronized (a) { synchronized (b) { a.debit(x); b.credit(x); } }\n}",
        ]
    )
    where = rng.choice(
        [
            "Under concurrent load",
            "In production, about once a day,",
            "When two workers run at once",
            "Since we added a second replica",
        ]
    )
    return (
        f"{where} this code sometimes hangs or loses updates. Explain exactly which interleavings cause it, "
        f"fix it, and describe how you would test the fix:\n\n```\n{code}\n```"
    )


def security_review(rng: random.Random, lang: str) -> str:
    code = CLASSES[2] if rng.random() < 0.5 else rng.choice(CLASSES)
    what = rng.choice(["handler", "service", "code before we ship it", "module from a pull request"])
    return (
        f"Review this {what} for security vulnerabilities (injection, authentication, timing, data exposure). "
        f"For each finding give severity, an exploit scenario and a fixed version.\n\n```\n{code}\n```"
    )


def tools_agent(rng: random.Random, lang: str) -> dict[str, Any]:
    tools = [
        {"type": "function", "function": {"name": n, "parameters": {"type": "object"}}}
        for n in ("search_tickets", "get_customer", "refund_order", "send_email", "escalate")
    ]
    n = rng.randint(2, 6)
    who = rng.choice(["A customer", "A key account", "A long-standing client", "A reseller"])
    task = (
        f"{who} says they were double-charged for {n} orders last month and threatens to cancel. Investigate "
        "their account, determine which charges are duplicates, decide on refunds under our policy, and plan the "
        "follow-up communication. Explain each step before calling a tool."
    )
    return {
        "messages": [
            {"role": "system", "content": "You are a support operations agent with access to tools."},
            {"role": "user", "content": task},
        ],
        "tools": tools[: rng.randint(3, 5)],
    }


# name, label, langs, maker, test, shapes, max_tokens
FAMILIES: list[Family] = [
    Family("greeting", "light", LANGS, greeting, 20, max_tokens=(0, 0, 64, 256)),
    Family("capital", "light", LANGS, capital, 24, shapes=("chat", "parts"), max_tokens=(0, 32, 100)),
    Family("define", "light", LANGS, define, 20, max_tokens=(0, 128, 256)),
    Family(
        "translate_sentence",
        "light",
        LANGS,
        translate_sentence,
        26,
        shapes=("chat", "system"),
        max_tokens=(0, 200),
    ),
    Family("synonym", "light", LANGS, synonym, 16, test=True, max_tokens=(0, 16)),
    Family("sentiment", "light", LANGS, sentiment, 22, max_tokens=(0, 10, 50)),
    Family("extract_entity", "light", LANGS, extract_entity, 22, max_tokens=(0, 200)),
    Family(
        "polite_rewrite", "light", LANGS, polite_rewrite, 20, shapes=("chat", "parts"), max_tokens=(0, 150)
    ),
    Family("grammar_fix", "light", LANGS, grammar_fix, 16, test=True, max_tokens=(0, 100)),
    Family("helpdesk_faq", "light", LANGS, helpdesk_faq, 22, max_tokens=(0, 300)),
    Family("arithmetic", "light", LANGS, arithmetic, 20, max_tokens=(0, 20)),
    Family("unit_convert", "light", ("en",), unit_convert, 14, test=True, max_tokens=(0, 50)),
    Family("fact_lookup", "light", LANGS, fact_lookup, 16, test=True, max_tokens=(0, 100)),
    Family("shell_question", "light", LANGS, shell_question, 18, max_tokens=(0, 200)),
    Family("title_idea", "light", LANGS, title_idea, 14, max_tokens=(0, 40)),
    Family(
        "summarise_short",
        "light",
        LANGS,
        summarise_short,
        18,
        shapes=("chat", "completion"),
        max_tokens=(0, 80),
    ),
    Family("doc_lookup_report", "light", LANGS, doc_lookup_invoice, 18, max_tokens=(0, 50)),
    Family("doc_lookup_letter", "light", LANGS, doc_lookup_letter, 16, test=True, max_tokens=(0, 50)),
    Family("contract_lookup", "light", LANGS, contract_lookup, 16, max_tokens=(0, 30)),
    Family("yes_no", "light", LANGS, yes_no, 16, test=True, max_tokens=(0, 5)),
    Family("list_small", "light", LANGS, list_small, 14, max_tokens=(0, 100)),
    Family(
        "completion_light",
        "light",
        ("en",),
        completion_light,
        18,
        shapes=("completion",),
        max_tokens=(0, 16, 64),
    ),
    Family("chitchat_turns", "light", ("en",), chitchat_turns, 16, test=True, max_tokens=(0, 100)),
    Family("route_email", "light", ("en",), route_email, 14, max_tokens=(0, 5)),
    Family("tags", "light", LANGS, tags, 14, test=True, max_tokens=(0, 30)),
    Family("which_language", "light", LANGS, which_language, 14, test=True, max_tokens=(0, 10)),
    Family("format_convert", "light", ("en",), format_convert, 14, max_tokens=(0, 60)),
    Family("short_reply", "light", LANGS, short_reply, 16, max_tokens=(0, 80)),
    Family("weather_tool", "light", LANGS, weather_tool, 16, max_tokens=(0, 200)),
    Family("order_tool", "light", LANGS, order_tool, 14, test=True, max_tokens=(0, 200)),
    Family("acronym", "light", LANGS, acronym, 14, max_tokens=(0, 30)),
    Family("image_question", "light", LANGS, image_caption, 12, test=True, max_tokens=(0, 50)),
    # heavy
    Family("prove", "heavy", LANGS, prove, 24, max_tokens=(0, 1500, 4000)),
    Family("derive_recurrence", "heavy", LANGS, derive_recurrence, 18, test=True, max_tokens=(0, 2000)),
    Family(
        "latex_calculus", "heavy", LANGS, latex_calculus, 20, shapes=("chat", "parts"), max_tokens=(0, 2000)
    ),
    Family(
        "probability_puzzle", "heavy", ("en", "de", "fr", "es"), probability_puzzle, 18, max_tokens=(0, 1500)
    ),
    Family("write_function", "heavy", LANGS, write_function, 26, max_tokens=(0, 2000, 4000)),
    Family("debug_code", "heavy", LANGS, debug_code, 24, max_tokens=(0, 1500)),
    Family("refactor", "heavy", LANGS, refactor, 18, test=True, max_tokens=(0, 3000)),
    Family("system_design", "heavy", LANGS, system_design, 22, max_tokens=(0, 4000)),
    Family("optimise_algorithm", "heavy", LANGS, optimise_algorithm, 18, max_tokens=(0, 2000)),
    Family("sql_window", "heavy", ("en",), sql_window, 14, test=True, max_tokens=(0, 1500)),
    Family("contract_analysis", "heavy", LANGS, contract_analysis, 22, max_tokens=(0, 3000)),
    Family("report_analysis", "heavy", LANGS, report_analysis, 18, max_tokens=(0, 2000)),
    Family(
        "compare_options",
        "heavy",
        LANGS,
        compare_options,
        20,
        shapes=("chat", "system"),
        max_tokens=(0, 2000),
    ),
    Family("project_plan", "heavy", LANGS, project_plan, 18, test=True, max_tokens=(0, 3000)),
    Family("gdpr_analysis", "heavy", LANGS, gdpr_analysis, 20, max_tokens=(0, 2500)),
    Family("medical_case", "heavy", LANGS, medical_case, 18, test=True, max_tokens=(0, 2000)),
    Family("npv_case", "heavy", ("en",), npv_case, 14, max_tokens=(0, 1500)),
    Family("debug_session", "heavy", ("en",), debug_session, 16, max_tokens=(0, 2000)),
    Family("arguments_review", "heavy", LANGS, arguments_review, 18, max_tokens=(0, 2500)),
    Family("logic_puzzle", "heavy", ("en",), logic_puzzle, 14, test=True, max_tokens=(0, 2000)),
    Family("data_trends", "heavy", ("en", "de", "fr", "es"), data_trends, 16, max_tokens=(0, 2000)),
    Family(
        "contract_extract_schema",
        "heavy",
        ("en",),
        contract_extract_schema,
        14,
        test=True,
        max_tokens=(0, 4000),
    ),
    Family(
        "completion_code",
        "heavy",
        ("en",),
        completion_code,
        14,
        shapes=("completion",),
        max_tokens=(0, 2000, 4000),
    ),
    Family("short_hard", "heavy", LANGS, short_hard, 16, max_tokens=(0, 2000)),
    Family("translate_contract", "heavy", ("en",), translate_contract, 14, test=True, max_tokens=(0, 6000)),
    Family("long_form", "heavy", LANGS, long_form, 16, max_tokens=(0, 4000)),
    Family("number_theory", "heavy", LANGS, number_theory, 16, max_tokens=(0, 2000)),
    Family("hypothesis_test", "heavy", ("en",), hypothesis_test, 14, test=True, max_tokens=(0, 1500)),
    Family("concurrency_bug", "heavy", ("en",), concurrency_bug, 14, test=True, max_tokens=(0, 2000)),
    Family("security_review", "heavy", ("en",), security_review, 14, max_tokens=(0, 2500)),
    Family("tools_agent", "heavy", ("en",), tools_agent, 14, test=True, max_tokens=(0, 3000)),
]

SYSTEM_PROMPTS = [
    "You are a helpful assistant.",
    "Answer in the user's language.",
    "Du bist ein hilfreicher Assistent.",
    "Tu es un assistant serviable.",
    "Eres un asistente útil.",
]


def body_of(family: Family, made: Any, rng: random.Random) -> dict[str, Any]:
    """Wrap a template's text in the request shape a client would send."""
    if isinstance(made, dict):
        body = made
    else:
        shape = rng.choice(family.shapes)
        if shape == "completion":
            body = {"prompt": made}
        elif shape == "parts":
            body = {"messages": [{"role": "user", "content": [{"type": "text", "text": made}]}]}
        elif shape == "system":
            body = {
                "messages": [
                    {"role": "system", "content": rng.choice(SYSTEM_PROMPTS)},
                    {"role": "user", "content": made},
                ]
            }
        else:
            body = {"messages": [{"role": "user", "content": made}]}
    max_tokens = rng.choice(family.max_tokens) if family.max_tokens else 0
    if max_tokens:
        body["max_tokens"] = max_tokens
    body.setdefault("model", "airlock-auto")
    return body


def generate(seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for family in FAMILIES:
        made_count = attempts = 0
        while made_count < family.count and attempts < family.count * 20:
            attempts += 1
            lang = family.langs[made_count % len(family.langs)]
            body = body_of(family, family.make(rng, lang), rng)
            key = json.dumps(body, sort_keys=True, ensure_ascii=False)
            if key in seen:  # the same prompt twice would count twice in the figures
                continue
            seen.add(key)
            rows.append(
                {
                    "id": f"{family.name}-{made_count:03d}",
                    "family": family.name,
                    "lang": lang,
                    "label": family.label,
                    "split": "test" if family.test else "train",
                    "body": body,
                }
            )
            made_count += 1
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=HERE / "prompts.jsonl")
    args = parser.parse_args(argv)
    rows = generate(args.seed)
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    for split in ("train", "test"):
        part = [r for r in rows if r["split"] == split]
        fams = {r["family"] for r in part}
        heavy = sum(r["label"] == "heavy" for r in part)
        print(
            f"{split}: {len(part)} prompts from {len(fams)} families ({heavy} heavy, {len(part) - heavy} light)"
        )
    print(f"wrote {len(rows)} prompts to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
