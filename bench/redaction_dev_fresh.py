"""A second set of hand-written documents, measured once after the issue-20 changes and not tuned on.

Same markup as :mod:`bench.redaction_dev_shapes`. Written after the recognisers were changed, with
names chosen without looking at the name lists in ``redaction/data`` (some are in them, some are
not); its figures were read once, before and after, and no recogniser was changed for them. It is
still written by the same hand as the recognisers, so the held-out set remains the measure.
"""

# ruff: noqa: E501
from __future__ import annotations

from typing import Any

from bench import redaction_dev_shapes

DOCS: dict[str, list[tuple[str, str]]] = {
    "de": [
        (
            "call_note",
            "Telefonat 09:40 — Frau ⟦n:Roswitha Kämmerer⟧ meldet Wasserschaden. Sohn ⟦n:Benedikt⟧ ist vor Ort, erreichbar unter ⟦s:0157 3344 5566⟧. Gutachter ⟦n:Ansgar Pfitzner⟧ kommt Dienstag.",
        ),
        (
            "chat",
            "[15:01] ⟦n:m.oberländer⟧: hallo, ich komme nicht ins Kundenkonto\n[15:02] support: Hallo! Wie ist Ihr vollständiger Name?\n[15:02] ⟦n:m.oberländer⟧: ⟦n:Magnus Oberländer⟧\n[15:03] support: Danke, Herr ⟦n:Oberländer⟧.",
        ),
        (
            "email",
            "Hallo ⟦n:Wiebke⟧,\nkannst du ⟦n:Detlef Rosenbaum⟧ den Bescheid schicken? Seine Nummer: ⟦s:+49 40 3344 5512⟧.\nGruß, ⟦n:Jannik⟧",
        ),
    ],
    "nl": [
        (
            "call_note",
            "Telefoonnotitie: ⟦n:Geertje Hofstede⟧ belde over haar huurtoeslag. Haar zoon ⟦n:Reinier⟧ helpt haar. Terugbellen op ⟦s:06 41 22 33 98⟧. Dossier bij ⟦n:Sjoerd Kamminga⟧.",
        ),
        (
            "chat",
            "⟦n:Femke B.⟧: hallo, mijn bestelling is kwijt\nklantenservice: Hoi! Wat is je postcode?\n⟦n:Femke B.⟧: 3511 AB, en mijn nummer is ⟦s:06-19283746⟧",
        ),
        (
            "letter",
            "Beste ⟦n:Tijmen⟧,\n\nDank voor je bericht. ⟦n:Annelies Wolterink⟧ neemt het over.\n\nGroet,\n⟦n:Hidde Bosscher⟧",
        ),
    ],
    "fr": [
        (
            "call_note",
            "Appel entrant : M. ⟦n:Gaspard Villeneuve⟧ signale une fuite. Sa fille ⟦n:Apolline⟧ sera présente. Rappeler au ⟦s:06 71 82 93 04⟧. Technicien : ⟦n:Yannick Le Bihan⟧.",
        ),
        (
            "chat",
            "⟦n:Solène⟧ : bonsoir, je n'arrive pas à payer\nconseillère : Bonsoir, pouvez-vous me donner votre nom ?\n⟦n:Solène⟧ : ⟦n:Solène Marchetti⟧, carte ⟦s:4539 5787 6362 1486⟧",
        ),
        (
            "email",
            "Bonjour ⟦n:Aurélien⟧,\nMerci de transmettre le dossier à Mme ⟦n:Ghislaine Peyrac⟧.\nBien à vous,\n⟦n:Thibault Carrère⟧",
        ),
    ],
    "es": [
        (
            "call_note",
            "Llamada: ⟦n:Remedios Ballesteros⟧ informa de una avería. Su nieto ⟦n:Unai⟧ estará en casa. Volver a llamar al ⟦s:644 12 98 70⟧. Técnico asignado: ⟦n:Borja Olmedo⟧.",
        ),
        (
            "chat",
            "⟦n:Itziar⟧: hola, no puedo entrar en la app\nagente: hola, ¿me dice su nombre completo?\n⟦n:Itziar⟧: ⟦n:Itziar Goñi Arrieta⟧, móvil ⟦s:688 90 12 34⟧",
        ),
        (
            "email",
            "Hola ⟦n:Maite⟧:\nPor favor, envía el contrato a ⟦n:Evaristo Quintana⟧.\nUn abrazo,\n⟦n:Nerea⟧",
        ),
    ],
    "it": [
        (
            "call_note",
            "Telefonata: la signora ⟦n:Ornella Sbarbaro⟧ segnala un guasto. Il nipote ⟦n:Tancredi⟧ sarà in casa. Richiamare al ⟦s:349 876 5432⟧. Tecnico: ⟦n:Gianmarco Scuderi⟧.",
        ),
        (
            "chat",
            "⟦n:Ludovica⟧: ciao, non riesco a pagare\noperatrice: buonasera, mi dice nome e cognome?\n⟦n:Ludovica⟧: ⟦n:Ludovica Marchesini⟧, cell ⟦s:+39 328 445 6677⟧",
        ),
        (
            "email",
            "Ciao ⟦n:Ettore⟧,\ninoltra la pratica a ⟦n:Benedetta Zanardi⟧ per favore.\nA presto,\n⟦n:Pierpaolo⟧",
        ),
    ],
    "en": [
        (
            "call_note",
            "Inbound call: Mrs ⟦n:Philippa Ashworth⟧ reported a leak. Her son ⟦n:Crispin⟧ will be home. Call back on ⟦s:07982 114455⟧. Engineer: ⟦n:Dominic Featherstone⟧.",
        ),
        (
            "chat",
            "⟦n:Imogen⟧: hi, can't log in\nsupport: hi! full name please?\n⟦n:Imogen⟧: ⟦n:Imogen Thistlewood⟧, ⟦s:+44 7700 900461⟧",
        ),
        (
            "email",
            "Hi ⟦n:Fergus⟧,\nCould you forward the contract to ⟦n:Tabitha Ravenscroft⟧?\nThanks,\n⟦n:Ottilie⟧",
        ),
    ],
}


def documents() -> list[dict[str, Any]]:
    """The documents with their markup resolved (see :func:`bench.redaction_dev_shapes.documents`)."""
    saved = redaction_dev_shapes.DOCS
    try:
        redaction_dev_shapes.DOCS = DOCS
        docs = redaction_dev_shapes.documents()
    finally:
        redaction_dev_shapes.DOCS = saved
    return [{**d, "id": d["id"].replace("shape-", "fresh-")} for d in docs]
