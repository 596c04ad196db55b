# ruff: noqa: RUF001, E501 - multilingual text fixtures: foreign punctuation and long sentences are the point
"""Normal answers of many shapes and six languages: none of them may be flagged as degenerate.

Written to look like what instruction-tuned models answer: prose, lists, tables, code, JSON,
mixed-language terms, numbers, emoji and typography. Each entry is (name, text).
"""

from __future__ import annotations

import json
import random

_rng = random.Random(15)
_NAMES = ["Anna", "Ben", "Carla", "David", "Eva", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lars"]
_CITIES = ["Berlin", "Paris", "Madrid", "Rome", "Amsterdam", "Vienna", "Lisbon", "Oslo"]
_FIELDS = ["name", "email", "phone", "street", "city", "country", "zip", "company", "title", "notes"]

NORMAL: list[tuple[str, str]] = [
    # --- English prose ---
    ("en-capital", "The capital of France is Paris."),
    ("en-short", "Yes."),
    ("en-number", "42"),
    (
        "en-paragraph",
        "The ocean covers about 71 percent of the Earth's surface and holds roughly 97 percent of its "
        "water. It regulates the climate by absorbing heat and carbon dioxide, and its currents carry "
        "warm water from the tropics towards the poles. Life in the ocean ranges from microscopic "
        "plankton, which produce much of the oxygen we breathe, to the blue whale, the largest animal "
        "that has ever lived.",
    ),
    (
        "en-index",
        "A database index is a data structure that speeds up lookups on a table at the cost of extra "
        "storage and slower writes. Most relational databases use B-trees: the index keeps the indexed "
        "column's values sorted, with pointers to the rows, so finding a value takes a logarithmic number "
        "of page reads instead of a full scan.\n\nUse an index on columns that appear in WHERE clauses, "
        "JOIN conditions or ORDER BY, and avoid indexing columns that are rarely queried or that change "
        "constantly.",
    ),
    (
        "en-email",
        "Subject: Meeting rescheduled to Thursday\n\nHi Anna,\n\nThanks for your note. Unfortunately I "
        "can't make Tuesday's meeting because of a customer visit. Could we move it to Thursday at 10:00? "
        "I've checked the room calendar and the small conference room is free then.\n\nBest regards,\nTom",
    ),
    (
        "en-steps",
        'To reset your password:\n\n1. Open the sign-in page and click "Forgot password".\n2. Enter the '
        "email address of your account.\n3. Open the link in the email we send you (it is valid for one "
        "hour).\n4. Choose a new password of at least 12 characters.\n5. Sign in with the new password.\n\n"
        "If the email does not arrive within a few minutes, check your spam folder.",
    ),
    (
        "en-bullets",
        "Here are three fruits:\n\n- Apple\n- Banana\n- Orange",
    ),
    (
        "en-pros-cons",
        "**Pros of remote work**\n- No commute, which saves time and money\n- Flexible hours\n- Fewer "
        "interruptions for focused work\n\n**Cons of remote work**\n- Less spontaneous collaboration\n- "
        "Harder to separate work and private life\n- Depends on a reliable internet connection",
    ),
    (
        "en-recipe",
        "## Pancakes (serves 4)\n\n**Ingredients**\n- 200 g flour\n- 2 eggs\n- 300 ml milk\n- 1 tbsp "
        "sugar\n- a pinch of salt\n- butter for the pan\n\n**Method**\n1. Whisk the flour, sugar and salt "
        "in a bowl.\n2. Add the eggs and half of the milk; whisk until smooth.\n3. Stir in the rest of the "
        "milk and let the batter rest for 10 minutes.\n4. Melt a little butter in a hot pan, pour in a "
        "ladle of batter and cook for about 1 minute per side.\n5. Serve with maple syrup or fruit.",
    ),
    (
        "en-math",
        "To solve 3x + 7 = 22, subtract 7 from both sides: 3x = 15. Then divide by 3: x = 5.\n\nCheck: "
        "3 × 5 + 7 = 15 + 7 = 22 ✓",
    ),
    (
        "en-greek-math",
        "The area of a circle is A = πr², and its circumference is C = 2πr. For a normal distribution "
        "with mean μ and standard deviation σ, about 68% of values lie within μ ± σ, and about 95% within "
        "μ ± 2σ. The angle θ in radians equals the arc length divided by the radius.",
    ),
    (
        "en-summary",
        "Summary: Revenue grew 12% year over year to $4.2 million, driven by the new subscription tier. "
        "Operating costs rose 8%, mostly from hiring in support. The company expects to break even in Q3 "
        "and plans to expand into two more European markets next year.",
    ),
    (
        "en-emoji",
        "Great news! 🎉 Your order #48213 has shipped and should arrive on Friday. You can track it with "
        "the link in your confirmation email. Thanks for shopping with us! 😊",
    ),
    (
        "en-quote-dialogue",
        '"Where are you going?" asked Maria.\n"To the library," said Jonas. "I need to return these '
        'books before Friday, or I\'ll pay a fine."\n"Wait for me — I\'m coming too."',
    ),
    (
        "en-faq",
        "Q: How long does shipping take?\nA: Orders within the EU arrive in 2–4 business days.\n\nQ: Can I "
        "return an item?\nA: Yes, within 30 days, unused and in its original packaging.\n\nQ: Do you ship "
        "outside the EU?\nA: Not yet; we plan to start shipping to the UK and Switzerland next year.",
    ),
    (
        "en-long-essay",
        "Machine translation has changed a great deal over the last decades. Early systems relied on "
        "hand-written rules: linguists described the grammar of each language pair, and the software "
        "applied those rules word by word. The results were stiff and often wrong whenever a sentence "
        "did not follow the textbook.\n\nStatistical machine translation replaced rules with probabilities "
        "learned from large collections of translated texts, such as the proceedings of the European "
        "Parliament. Phrase-based models translated short sequences of words and then reordered them, "
        "which produced more natural output but still struggled with long-distance dependencies.\n\n"
        "Neural machine translation, and in particular the transformer architecture introduced in 2017, "
        "brought the largest leap. Attention lets the model look at the whole source sentence while it "
        "writes each word of the translation, so agreement, word order and idioms are handled far better. "
        "Today the main open problems are low-resource languages, consistent terminology in specialised "
        "domains, and the evaluation of quality itself, since automatic metrics like BLEU only partly "
        "agree with human judgement.",
    ),
    # --- German ---
    ("de-capital", "Die Hauptstadt von Deutschland ist Berlin."),
    (
        "de-paragraph",
        "Ein Datenbankindex ist eine Datenstruktur, die Suchvorgänge in einer Tabelle beschleunigt. Er "
        "speichert die Werte einer oder mehrerer Spalten sortiert, zusammen mit Verweisen auf die "
        "zugehörigen Zeilen. Dadurch muss die Datenbank nicht die gesamte Tabelle durchsuchen. Der Nachteil: "
        "Jeder Index benötigt zusätzlichen Speicherplatz, und Schreibvorgänge werden etwas langsamer, weil "
        "der Index bei jeder Änderung aktualisiert werden muss.",
    ),
    (
        "de-list",
        "Für einen gelungenen Wochenendausflug nach München empfehle ich:\n\n1. Marienplatz und das Neue "
        "Rathaus mit dem Glockenspiel\n2. Den Englischen Garten – ideal für einen Spaziergang\n3. Das "
        "Deutsche Museum, eines der größten Technikmuseen der Welt\n4. Den Viktualienmarkt für "
        "regionale Spezialitäten\n5. Einen Abend im Biergarten am Chinesischen Turm",
    ),
    (
        "de-letter",
        "Sehr geehrte Frau Müller,\n\nvielen Dank für Ihre Anfrage vom 3. März. Gerne bestätigen wir "
        "Ihnen den Termin am Dienstag, dem 14. März, um 9:30 Uhr in unserem Büro in der Goethestraße 12. "
        "Bitte bringen Sie Ihren Personalausweis und die unterschriebenen Unterlagen mit.\n\nMit "
        "freundlichen Grüßen\nDr. Stefan Weiß",
    ),
    (
        "de-technical",
        "Die Funktion `berechne_summe()` nimmt eine Liste von Zahlen entgegen und gibt ihre Summe zurück. "
        "Ist die Liste leer, liefert sie 0. Für große Listen ist die eingebaute Funktion `sum()` schneller, "
        "weil sie in C implementiert ist.",
    ),
    # --- French ---
    ("fr-capital", "La capitale de la France est Paris."),
    (
        "fr-paragraph",
        "L'océan recouvre environ 71 % de la surface de la Terre. Il joue un rôle essentiel dans la "
        "régulation du climat : il absorbe une grande partie de la chaleur et du dioxyde de carbone émis "
        "par les activités humaines. Les courants marins, comme le Gulf Stream, transportent l'eau chaude "
        "des tropiques vers les pôles et influencent la météo de régions entières, notamment en Europe "
        "de l'Ouest.",
    ),
    (
        "fr-recipe",
        "Crêpes pour 4 personnes :\n\n- 250 g de farine\n- 4 œufs\n- 50 cl de lait\n- 1 pincée de sel\n"
        "- 50 g de beurre fondu\n\nMélangez la farine et le sel, ajoutez les œufs, puis versez le lait petit "
        "à petit en fouettant. Incorporez le beurre fondu et laissez reposer la pâte une heure. Faites "
        "cuire les crêpes dans une poêle bien chaude, environ une minute de chaque côté.",
    ),
    (
        "fr-letter",
        "Madame, Monsieur,\n\nJe me permets de vous écrire au sujet de ma commande n° 57310, passée le "
        "12 février et toujours pas livrée. Pourriez-vous m'indiquer où en est l'expédition ? À défaut, je "
        "souhaiterais être remboursé.\n\nJe vous prie d'agréer, Madame, Monsieur, l'expression de mes "
        "salutations distinguées.\n\nÉlodie Lefèvre",
    ),
    (
        "fr-list",
        "Voici les avantages du télétravail :\n• moins de temps passé dans les transports ;\n• des horaires "
        "plus flexibles ;\n• un meilleur équilibre entre vie professionnelle et vie privée.\n\nEt ses "
        "inconvénients :\n• l'isolement ;\n• une communication parfois plus difficile avec l'équipe.",
    ),
    # --- Spanish ---
    ("es-capital", "La capital de España es Madrid."),
    (
        "es-paragraph",
        "Un índice de base de datos es una estructura que acelera las búsquedas en una tabla. Funciona de "
        "manera parecida al índice de un libro: en lugar de leer todas las páginas, se consulta el índice "
        "para encontrar directamente la ubicación de la información. Sin embargo, cada índice ocupa espacio "
        "adicional y hace que las inserciones y actualizaciones sean algo más lentas.",
    ),
    (
        "es-steps",
        "¿Cómo preparar una tortilla de patatas?\n\n1. Pela y corta en láminas finas 4 patatas medianas y "
        "una cebolla.\n2. Fríelas a fuego lento en abundante aceite de oliva durante unos 20 minutos.\n"
        "3. Bate 6 huevos con sal y mezcla con las patatas escurridas.\n4. Cuaja la tortilla en una sartén "
        "y dale la vuelta con ayuda de un plato.\n\n¡Buen provecho!",
    ),
    (
        "es-email",
        "Estimado señor García:\n\nLe agradezco su rápida respuesta. Confirmo que la reunión se celebrará "
        "el jueves a las 11:00 en nuestra oficina de Barcelona. Adjunto el orden del día y la "
        "documentación técnica que solicitó.\n\nUn cordial saludo,\nLucía Fernández",
    ),
    # --- Italian ---
    ("it-capital", "La capitale d'Italia è Roma."),
    (
        "it-paragraph",
        "L'oceano copre circa il 71% della superficie terrestre e contiene quasi tutta l'acqua del pianeta. "
        "Le correnti oceaniche distribuiscono il calore tra l'equatore e i poli, influenzando il clima di "
        "interi continenti. Inoltre, il fitoplancton che vive negli strati superficiali produce una parte "
        "importante dell'ossigeno che respiriamo.",
    ),
    (
        "it-recipe",
        "Per preparare una carbonara per quattro persone servono 400 g di spaghetti, 150 g di guanciale, "
        "4 tuorli d'uovo, 100 g di pecorino romano grattugiato e pepe nero. Rosolate il guanciale senza "
        "olio, cuocete la pasta al dente, poi mescolatela fuori dal fuoco con i tuorli sbattuti, il "
        "pecorino e un po' d'acqua di cottura. Servite subito con abbondante pepe.",
    ),
    (
        "it-list",
        "Ecco tre consigli per dormire meglio:\n\n1. Andare a letto e svegliarsi sempre alla stessa ora.\n"
        "2. Evitare schermi e caffè nelle ore serali.\n3. Tenere la camera fresca, buia e silenziosa.",
    ),
    # --- Dutch ---
    ("nl-capital", "De hoofdstad van Nederland is Amsterdam."),
    (
        "nl-paragraph",
        "Een database-index is een gegevensstructuur die zoekopdrachten in een tabel versnelt. De index "
        "bewaart de waarden van een of meer kolommen in gesorteerde volgorde, met verwijzingen naar de "
        "bijbehorende rijen. Daardoor hoeft de database niet de hele tabel te doorzoeken. Een nadeel is dat "
        "elke index extra opslagruimte kost en dat wijzigingen iets trager worden.",
    ),
    (
        "nl-email",
        "Beste Sanne,\n\nBedankt voor je bericht. Ik kan helaas niet op dinsdag, maar donderdagmiddag om "
        "14.00 uur komt mij goed uit. Zullen we afspreken bij het café naast het station?\n\nMet vriendelijke "
        "groet,\nPieter",
    ),
    (
        "nl-list",
        "Tips voor een fietsvakantie in Zeeland:\n- Neem een regenjas mee; het weer verandert snel.\n- "
        "Fiets over de Oosterscheldekering.\n- Proef de mosselen in Yerseke.\n- Plan je route langs de "
        "knooppunten van het fietsnetwerk.",
    ),
    # --- Code ---
    (
        "code-python",
        "Here is a Python function that adds two numbers:\n\n```python\ndef add(a: float, b: float) -> "
        'float:\n    """Return the sum of a and b."""\n    return a + b\n\n\nprint(add(2, 3))  # 5\n```',
    ),
    (
        "code-python-class",
        "```python\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n    x: float\n    y: "
        'float\n\n    def __add__(self, other: "Point") -> "Point":\n        return Point(self.x + other.x, '
        'self.y + other.y)\n\n    def __sub__(self, other: "Point") -> "Point":\n        return '
        'Point(self.x - other.x, self.y - other.y)\n\n    def scale(self, factor: float) -> "Point":\n'
        "        return Point(self.x * factor, self.y * factor)\n\n    def length(self) -> float:\n        "
        "return (self.x ** 2 + self.y ** 2) ** 0.5\n```\n\nThe dataclass generates `__init__`, `__repr__` "
        "and `__eq__` for you.",
    ),
    (
        "code-sql",
        "```sql\nSELECT c.name,\n       COUNT(o.id)   AS orders,\n       SUM(o.total)  AS revenue\nFROM "
        "customers AS c\nJOIN orders AS o ON o.customer_id = c.id\nWHERE o.created_at >= DATE '2024-01-01'\n"
        "GROUP BY c.name\nHAVING COUNT(o.id) > 5\nORDER BY revenue DESC\nLIMIT 10;\n```",
    ),
    (
        "code-javascript",
        "```javascript\nasync function fetchUsers(ids) {\n  const results = [];\n  for (const id of ids) {\n"
        "    const response = await fetch(`/api/users/${id}`);\n    if (!response.ok) {\n      throw new "
        "Error(`Request failed: ${response.status}`);\n    }\n    results.push(await response.json());\n  }\n"
        "  return results;\n}\n```\n\nFor many ids, use `Promise.all` to send the requests in parallel.",
    ),
    (
        "code-bash",
        '```bash\n#!/usr/bin/env bash\nset -euo pipefail\n\nfor file in *.log; do\n  if [[ -s "$file" ]]; '
        'then\n    gzip -9 "$file"\n    echo "compressed $file"\n  fi\ndone\n```',
    ),
    (
        "code-go",
        '```go\npackage main\n\nimport (\n\t"fmt"\n\t"sort"\n)\n\nfunc main() {\n\tages := '
        'map[string]int{"alice": 31, "bob": 27, "carol": 35}\n\tnames := make([]string, 0, len(ages))\n'
        "\tfor name := range ages {\n\t\tnames = append(names, name)\n\t}\n\tsort.Strings(names)\n\tfor _, "
        'name := range names {\n\t\tfmt.Printf("%s is %d\\n", name, ages[name])\n\t}\n}\n```',
    ),
    (
        "code-html",
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>Contact</title>\n'
        '</head>\n<body>\n  <form action="/contact" method="post">\n    <label for="name">Name</label>\n'
        '    <input id="name" name="name" required>\n    <label for="email">Email</label>\n    <input '
        'id="email" name="email" type="email" required>\n    <label for="message">Message</label>\n'
        '    <textarea id="message" name="message" rows="5"></textarea>\n    <button type="submit">'
        "Send</button>\n  </form>\n</body>\n</html>",
    ),
    (
        "code-tests",
        "```python\nimport pytest\n\nfrom shop.cart import Cart\n\n\ndef test_an_empty_cart_costs_nothing():\n"
        "    assert Cart().total() == 0\n\n\ndef test_it_adds_the_price_of_each_item():\n    cart = Cart()\n"
        '    cart.add("apple", price=0.5, quantity=4)\n    cart.add("bread", price=2.2, quantity=1)\n'
        "    assert cart.total() == pytest.approx(4.2)\n\n\ndef test_it_refuses_a_negative_quantity():\n"
        '    with pytest.raises(ValueError):\n        Cart().add("apple", price=0.5, quantity=-1)\n```',
    ),
    (
        "code-yaml",
        '```yaml\nservices:\n  web:\n    image: nginx:1.25\n    ports:\n      - "80:80"\n    volumes:\n'
        "      - ./site:/usr/share/nginx/html:ro\n  db:\n    image: postgres:16\n    environment:\n      "
        "POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    volumes:\n      - db-data:/var/lib/postgresql/"
        "data\nvolumes:\n  db-data: {}\n```",
    ),
    (
        "code-regex",
        "Use `^[\\w.+-]+@[\\w-]+\\.[\\w.-]+$` to check the basic shape of an email address, e.g. in "
        'Python: `re.fullmatch(r"[\\w.+-]+@[\\w-]+\\.[\\w.-]+", s)`.',
    ),
    # --- Tables ---
    (
        "table-md",
        "| Country | Capital | Population (M) |\n|---------|---------|----------------|\n| France | Paris "
        "| 68.2 |\n| Germany | Berlin | 84.5 |\n| Spain | Madrid | 48.6 |\n| Italy | Rome | 58.9 |\n| "
        "Netherlands | Amsterdam | 17.9 |\n| Belgium | Brussels | 11.8 |",
    ),
    (
        "table-md-wide",
        "| Plan | Price / month | Users | Storage | Support | SSO |\n|:-----|--------------:|------:|--------:"
        "|:--------|:---:|\n| Free | $0 | 1 | 5 GB | Community | ✗ |\n| Team | $12 | 10 | 100 GB | Email | "
        "✗ |\n| Business | $25 | 50 | 1 TB | Email + chat | ✓ |\n| Enterprise | custom | unlimited | "
        "unlimited | 24/7 phone | ✓ |",
    ),
    (
        "table-ascii",
        "+------------+--------+--------+\n| Quarter    | Sales  | Growth |\n+------------+--------+--------+\n"
        "| Q1 2024    | 1 200  | 4 %    |\n| Q2 2024    | 1 350  | 12 %   |\n| Q3 2024    | 1 410  | 4 %    |\n"
        "| Q4 2024    | 1 620  | 15 %   |\n+------------+--------+--------+",
    ),
    (
        "table-numbers",
        "| x | x² | x³ |\n|---|----|----|\n| 1 | 1 | 1 |\n| 2 | 4 | 8 |\n| 3 | 9 | 27 |\n| 4 | 16 | 64 |\n"
        "| 5 | 25 | 125 |\n| 6 | 36 | 216 |\n| 7 | 49 | 343 |\n| 8 | 64 | 512 |\n| 9 | 81 | 729 |\n| 10 | 100 "
        "| 1000 |",
    ),
    (
        "table-de",
        "| Bundesland | Hauptstadt | Fläche (km²) |\n|---|---|---|\n| Bayern | München | 70 542 |\n| "
        "Niedersachsen | Hannover | 47 710 |\n| Baden-Württemberg | Stuttgart | 35 748 |\n| "
        "Nordrhein-Westfalen | Düsseldorf | 34 112 |",
    ),
    (
        "csv",
        "date,city,temperature\n2024-07-01,Paris,24.1\n2024-07-01,Rome,29.8\n2024-07-01,Oslo,17.3\n"
        "2024-07-02,Paris,26.0\n2024-07-02,Rome,31.2\n2024-07-02,Oslo,18.9",
    ),
    # --- JSON ---
    ("json-small", json.dumps({"name": "Ada Lovelace", "born": 1815, "field": "mathematics"})),
    (
        "json-array",
        json.dumps(
            [
                {"id": 1, "name": "apple", "price": 0.5, "in_stock": True},
                {"id": 2, "name": "banana", "price": 0.25, "in_stock": True},
                {"id": 3, "name": "cherry", "price": 4.0, "in_stock": False},
                {"id": 4, "name": "dates", "price": 3.2, "in_stock": True},
                {"id": 5, "name": "elderberry", "price": 6.75, "in_stock": False},
            ],
            indent=2,
        ),
    ),
    (
        "json-nested",
        json.dumps(
            {
                "order": {"id": "A-1042", "status": "shipped", "carrier": "DHL"},
                "customer": {"name": "Jan de Vries", "city": "Utrecht", "country": "NL"},
                "lines": [
                    {"sku": "KB-01", "qty": 1, "price": 89.0},
                    {"sku": "MS-07", "qty": 2, "price": 24.5},
                ],
                "totals": {"net": 138.0, "vat": 28.98, "gross": 166.98, "currency": "EUR"},
            },
            indent=2,
            ensure_ascii=False,
        ),
    ),
    (
        "json-extraction",
        json.dumps(
            {"sentiment": "negative", "topics": ["delivery", "refund"], "urgency": 4, "language": "fr"}
        ),
    ),
    (
        "json-numbers",
        json.dumps({"readings": [12.1, 12.3, 12.2, 12.8, 13.0, 12.9, 13.4, 13.1, 12.7, 12.5], "unit": "°C"}),
    ),
    # --- Other shapes ---
    (
        "numbered-long",
        "\n".join(
            f"{i}. Step {i}: check the {part} and write down what you see."
            for i, part in enumerate(
                [
                    "power supply",
                    "fan",
                    "memory modules",
                    "disk cables",
                    "network card",
                    "BIOS settings",
                    "boot order",
                    "operating system logs",
                ],
                start=1,
            )
        ),
    ),
    (
        "outline",
        "# Project plan\n\n## Phase 1 — Discovery (weeks 1–2)\n- Interview stakeholders\n- Collect "
        "requirements\n\n## Phase 2 — Design (weeks 3–4)\n- Architecture\n- Data model\n- Security review\n\n"
        "## Phase 3 — Build (weeks 5–10)\n- Sprints of two weeks\n- Demo at the end of each sprint\n\n"
        "## Phase 4 — Launch (week 11)\n- Migration\n- Training\n- Go-live",
    ),
    (
        "markdown-rule",
        "Results\n=======\n\nAll 124 tests passed in 3.2 s.\n\n---\n\nNext steps\n----------\n\nDeploy to "
        "staging and run the smoke tests.",
    ),
    (
        "mixed-terms",
        "In Japan, the word for thank you is ありがとう (arigatō), and in Russian it is спасибо (spasibo). "
        "Both are polite in everyday situations.",
    ),
    (
        "polish",
        "Warszawa jest stolicą Polski i największym miastem kraju. Leży nad Wisłą, w centralnej części "
        "państwa. Miasto zostało prawie całkowicie zniszczone podczas drugiej wojny światowej, a potem "
        "odbudowane; Stare Miasto wpisano na listę światowego dziedzictwa UNESCO.",
    ),
    (
        "russian",
        "Столица России — Москва. Это крупнейший город страны с населением около 13 миллионов человек.",
    ),
    (
        "japanese",
        "日本の首都は東京です。東京は世界で最も人口の多い都市圏の一つで、約3700万人が住んでいます。",
    ),
    (
        "translation",
        "English: Good morning, how are you?\nGerman: Guten Morgen, wie geht es dir?\nFrench: Bonjour, "
        "comment vas-tu ?\nSpanish: Buenos días, ¿cómo estás?\nItalian: Buongiorno, come stai?\nDutch: "
        "Goedemorgen, hoe gaat het met je?",
    ),
    (
        "poem",
        "The tide comes in, the tide goes out,\nthe gulls above them wheel about;\nthe sand remembers "
        "every wave,\nand keeps what little they forgave.",
    ),
    (
        "log-excerpt",
        "2024-05-01T10:00:01Z INFO  server started on :8080\n2024-05-01T10:00:05Z INFO  connected to "
        "database\n2024-05-01T10:02:17Z WARN  slow query (1.8 s): SELECT * FROM orders\n2024-05-01T10:05:42Z "
        "ERROR payment provider timeout after 30 s\n2024-05-01T10:05:43Z INFO  retrying payment 7f3a",
    ),
    (
        "url-list",
        "Useful documentation:\n- https://docs.python.org/3/library/re.html\n- https://www.postgresql.org/"
        "docs/current/indexes.html\n- https://developer.mozilla.org/en-US/docs/Web/HTTP/Status",
    ),
    (
        "chat-short-de",
        "Gern geschehen! Wenn Sie noch Fragen haben, melden Sie sich einfach.",
    ),
    ("yes-no-fr", "Oui, c'est possible, mais il faut d'abord activer l'option dans les paramètres."),
    (
        "repeated-structure",
        "Monday: 9:00–17:00\nTuesday: 9:00–17:00\nWednesday: 9:00–17:00\nThursday: 9:00–17:00\nFriday: "
        "9:00–15:00\nSaturday: closed\nSunday: closed",
    ),
    (
        "checklist",
        "- [x] Back up the database\n- [x] Stop the workers\n- [ ] Run the migration\n- [ ] Start the "
        "workers\n- [ ] Check the dashboards",
    ),
    # Long structured answers: they repeat their keys and layout (and compress 5-10x) but not content.
    (
        "json-records-100",
        json.dumps(
            [
                {
                    "id": i,
                    "name": _rng.choice(_NAMES),
                    "city": _rng.choice(_CITIES),
                    "age": _rng.randint(18, 80),
                    "active": _rng.random() < 0.5,
                }
                for i in range(100)
            ],
            indent=2,
        ),
    ),
    (
        "table-60-rows",
        "| # | Name | City | Age |\n|---|---|---|---|\n"
        + "\n".join(
            f"| {i} | {_rng.choice(_NAMES)} | {_rng.choice(_CITIES)} | {_rng.randint(18, 80)} |"
            for i in range(60)
        ),
    ),
    (
        "code-accessors",
        "```python\n"
        + "\n\n".join(
            f'def get_{f}(self) -> str:\n    """Return the {f}."""\n    return self._{f}\n\n\n'
            f"def set_{f}(self, value: str) -> None:\n    self._{f} = value"
            for f in _FIELDS
        )
        + "\n```",
    ),
]
