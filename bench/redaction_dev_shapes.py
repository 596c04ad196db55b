"""Hand-written development documents in six languages, in the held-out schema (issue 20).

Written for the document shapes where recall was weakest on the held-out set (call notes and chat
transcripts, German and Dutch names, greetings and signature blocks, speaker prefixes, ALL CAPS and
"Surname, Given" names, national phone shapes, grouped card numbers, hospital record numbers) and
for the look-alikes a redactor must keep (brands named after people followed by a product cue).
They are development material: the recognisers are tuned on them, so their figures say nothing
about generalisation — the held-out set does that.

Markup: ``⟦c:value⟧`` is a gold span of category ``c`` (n name, a address, i national_id, s
structured, d date); ``⟪what:value⟫`` is a look-alike that must be kept. :func:`documents` returns
the documents with the markup removed and the spans measured.
"""

# ruff: noqa: E501  (one document a string; the markup uses mathematical brackets)
from __future__ import annotations

import re
from typing import Any

_CATEGORY = {"n": "name", "a": "address", "i": "national_id", "s": "structured", "d": "date"}
_MARK = re.compile(r"⟦(?P<c>[naisd])(?:/(?P<t>[A-Z_]+))?:(?P<v>[^⟧]+)⟧|⟪(?P<w>[a-z_]+):(?P<l>[^⟫]+)⟫")

DOCS: dict[str, list[tuple[str, str]]] = {
    "de": [
        (
            "call_note",
            "Anrufnotiz 14.03.\nAnrufer: ⟦n:Jürgen Hoffmann⟧, Rückrufnummer ⟦s:0171 2345678⟧\nHerr ⟦n:Hoffmann⟧ meldet, dass seine Karte ⟦s:4929 1234 5678 9015⟧ doppelt belastet wurde. Er trinkt gern ⟪brand:Jack Daniel's⟫ und trägt ⟪brand:Hugo Boss⟫ Anzüge. Bitte ⟦n:Sabine⟧ informieren.",
        ),
        (
            "email",
            "Hallo ⟦n:Katrin⟧,\n\nanbei die Unterlagen für Patientennummer ⟦i:P-2023-004471⟧. Bitte bis Freitag an Dr. ⟦n:Wolfgang Krause⟧ weiterleiten.\n\nViele Grüße\n⟦n:Markus Neumann⟧\nTel. ⟦s:030/4578123⟧",
        ),
        (
            "letter",
            "Sehr geehrte Frau ⟦n:Schäfer-Ludwig⟧,\n\nwir bestätigen den Eingang Ihres Antrags. Ihre Rufnummer ⟦s:+49 (0)89 2345 6789⟧ haben wir gespeichert.\n\nMit freundlichen Grüßen\n\n⟦n:Thomas von Bergen⟧\nSachbearbeitung",
        ),
        (
            "chat",
            "[10:32] ⟦n:lena.wagner⟧: hallo, meine Bestellung ist nicht angekommen\n[10:33] kundenservice: Guten Tag, wie ist Ihr Name?\n[10:33] ⟦n:lena.wagner⟧: ⟦n:Lena Wagner⟧, Telefon ⟦s:0049 (0)30 9876543⟧\n[10:35] kundenservice: Danke Frau ⟦n:Wagner⟧, ich schaue nach.",
        ),
        (
            "form",
            "NACHNAME: ⟦n:BRANDT⟧\nVORNAME: ⟦n:KLAUS-DIETER⟧\nGeburtsdatum: ⟦d:12.07.1961⟧\nMobil: ⟦s:0160-98765432⟧\nKreditkarte: ⟦s:5425-2334-3010-9903⟧",
        ),
        (
            "call_note",
            "Gespräch mit Frau ⟦n:Ingrid Schulte⟧ wegen Reha-Antrag. Fallnummer ⟦i:KH-2022/18834⟧. Ehemann ⟦n:Rolf⟧ ruft morgen zurück unter ⟦s:02 21/55 66 77⟧. Kundin bevorzugt ⟪brand:Dr. Oetker⟫ Produkte, nicht ⟪brand:Tchibo⟫.",
        ),
        (
            "chat",
            "⟦n:Uwe K.⟧: Moin, Paket kam beschädigt an\nSupport: Das tut uns leid! Bestellnummer?\n⟦n:Uwe K.⟧: ⟪order:4711-88213⟫, Rückruf bitte an ⟦s:+49 152 12345678⟧",
        ),
        (
            "email",
            "Von: ⟦n:Schmitz, Anneliese⟧ <⟦s:a.schmitz@web.de⟧>\nAn: versicherung@example.de\nBetreff: Schaden vom ⟪txdate:03.02.2024⟫\n\nGuten Tag,\nmein Nachbar ⟦n:Heinz-Peter Vogel⟧ kann den Schaden bezeugen.\nGruß ⟦n:Anneliese Schmitz⟧",
        ),
        (
            "letter",
            "Patient: ⟦n:Özdemir, Mehmet⟧, geb. ⟦d:03.09.1975⟧\nPatientennummer ⟦i:20231145⟧\nBehandelnde Ärztin: Dr. med. ⟦n:Claudia Zimmermann⟧\nDiagnose: ⟪eponym:Morbus Crohn⟫",
        ),
        (
            "call_note",
            "Rückruf erledigt. ⟦n:Monika Becker⟧ (Tochter von ⟦n:Erwin Becker⟧) bittet um Termin. Erreichbar ⟦s:0176 / 234 56 78⟧. Sie fährt einen ⟪brand:Mercedes-Benz⟫.",
        ),
    ],
    "nl": [
        (
            "letter",
            "Beste meneer ⟦n:de Vries⟧,\n\nHierbij ontvangt u de bevestiging van uw afspraak. Wij bellen u op ⟦s:06-12345678⟧.\n\nMet vriendelijke groet,\n⟦n:Sanne van der Linden⟧\nKlantenservice",
        ),
        (
            "chat",
            "[09:01] ⟦n:pieter.jansen⟧: goedemorgen, mijn pas is geblokkeerd\n[09:02] medewerker: Goedemorgen, wat is uw naam?\n[09:02] ⟦n:pieter.jansen⟧: ⟦n:Pieter Jansen⟧, tel ⟦s:+31 6 23456789⟧\n[09:04] medewerker: Dank u meneer ⟦n:Jansen⟧",
        ),
        (
            "call_note",
            "Beller: mevr. ⟦n:Bakker-Smit⟧, terugbellen op ⟦s:010-4567890⟧. Klant: ⟦n:Henk Bakker⟧ (echtgenoot). Patiëntnummer ⟦i:Z-2021-33871⟧. Koopt altijd bij ⟪brand:Albert Heijn⟫ en drinkt ⟪brand:Heineken⟫.",
        ),
        (
            "email",
            "Van: ⟦n:Maarten de Groot⟧ <⟦s:m.degroot@ziggo.nl⟧>\nAan: info@example.nl\nOnderwerp: factuur ⟪order:2024-00891⟫\n\nHoi ⟦n:Femke⟧,\nkun jij Dhr. ⟦n:Willem ter Horst⟧ even bellen? Zijn nummer is ⟦s:06 34 56 78 90⟧.\nGroet,\n⟦n:Maarten⟧",
        ),
        (
            "form",
            "Naam: ⟦n:VAN DIJK, Johanna⟧\nGeboortedatum: ⟦d:23-11-1984⟧\nTelefoon: ⟦s:020 - 612 34 56⟧\nCreditcard: ⟦s:4532 0151 1283 0366⟧",
        ),
        (
            "chat",
            "⟦n:Daan⟧: hoi, ik ben ⟦n:daan visser⟧\nbot: Hallo! Waarmee kan ik helpen?\n⟦n:Daan⟧: mijn nummer is ⟦s:0031 6 87654321⟧\n⟦n:Daan⟧: en ik heb een ⟪brand:Philips⟫ scheerapparaat gekocht",
        ),
        (
            "call_note",
            "Gebeld met ⟦n:Anouk Meijer⟧ over haar claim. Ze wordt bijgestaan door mr. ⟦n:Joost van Leeuwen⟧. Terugbellen: ⟦s:+31 (0)30 234 5678⟧. Pas eindigt op ⟪last4:4421⟫.",
        ),
        (
            "letter",
            "Geachte mevrouw ⟦n:Mulder⟧,\n\nUw patiëntnummer is ⟦i:PN 8841207⟧. De behandelend arts dr. ⟦n:Ruud Hendriks⟧ neemt contact op.\n\nMet vriendelijke groeten,\n\n⟦n:Esther de Boer⟧\nAfdeling Cardiologie",
        ),
        (
            "chat",
            "[14:10] ⟦n:Kees⟧: de rekening klopt niet\n[14:11] agent: welk nummer?\n[14:11] ⟦n:Kees⟧: ⟪order:F-2024-7781⟫\n[14:12] agent: dank je ⟦n:Kees⟧, ik bel je terug op ⟦s:06.98.76.54.32⟧",
        ),
    ],
    "fr": [
        (
            "call_note",
            "Appel de Mme ⟦n:Nathalie Lefèvre⟧ au ⟦s:06.12.34.56.78⟧ : elle conteste un débit sur sa carte ⟦s:4970 1012 3456 7893⟧. Son mari ⟦n:Olivier⟧ rappellera. Elle a commandé du ⟪brand:Yves Rocher⟫.",
        ),
        (
            "email",
            "Bonjour ⟦n:Céline⟧,\n\nVoici le dossier de M. ⟦n:Jean-Baptiste Moreau⟧ (n° dossier ⟦i:2023-HC-05512⟧). Merci de le joindre au ⟦s:+33 1 42 68 53 00⟧.\n\nCordialement,\n⟦n:Camille Rousseau⟧",
        ),
        (
            "chat",
            "[11:02] ⟦n:julien.girard⟧ : bonjour, ma commande n'est pas arrivée\n[11:03] conseiller : Bonjour, votre nom ?\n[11:03] ⟦n:julien.girard⟧ : ⟦n:Julien Girard⟧, tél ⟦s:07 81 23 45 67⟧\n[11:04] conseiller : merci M. ⟦n:Girard⟧",
        ),
        (
            "form",
            "NOM : ⟦n:DUBOIS⟧\nPrénom : ⟦n:Marie-Claire⟧\nNée le ⟦d:14/02/1979⟧\nTéléphone : ⟦s:01-45-67-89-12⟧\nCarte : ⟦s:3782 822463 10005⟧",
        ),
        (
            "letter",
            "Madame ⟦n:Bernard⟧,\n\nNous accusons réception de votre courrier. Votre conseiller ⟦n:François Lambert⟧ vous contactera.\n\nVeuillez agréer nos salutations distinguées.\n\n⟦n:Sophie Mercier⟧\nService client",
        ),
        (
            "call_note",
            "Client : ⟦n:Laurent Fontaine⟧. Rappeler au ⟦s:+33 (0)6 98 76 54 32⟧. Il possède une ⟪brand:Peugeot⟫ et aime le ⟪brand:Moët & Chandon⟫. Voir aussi ⟦n:Émilie Chevalier⟧.",
        ),
        (
            "letter",
            "Patient : ⟦n:ROUX Pascal⟧\nN° de dossier : ⟦i:HC-19-447812⟧\nMédecin : Dr ⟦n:Isabelle Garnier⟧\nAntécédents : ⟪eponym:maladie de Parkinson⟫",
        ),
        (
            "chat",
            "⟦n:Manon⟧ : salut, c'est ⟦n:Manon Perrin⟧\nagent : bonjour ⟦n:Manon⟧\n⟦n:Manon⟧ : mon fixe c'est le ⟦s:04 78 12 34 56⟧",
        ),
    ],
    "es": [
        (
            "call_note",
            "Llamada de Dña. ⟦n:Carmen Ruiz Navarro⟧, teléfono ⟦s:612 345 678⟧. Reclama un cargo en la tarjeta ⟦s:4111-1111-1111-1111⟧. Su hijo ⟦n:Javier⟧ volverá a llamar. Compra ⟪brand:Massimo Dutti⟫.",
        ),
        (
            "email",
            "Hola ⟦n:Lucía⟧:\n\nTe paso el historial de D. ⟦n:Antonio Fernández López⟧, NHC ⟦i:00457812⟧. Su móvil es ⟦s:+34 655 12 34 56⟧.\n\nUn saludo,\n⟦n:Pablo Moreno⟧",
        ),
        (
            "chat",
            "[16:20] ⟦n:sergio.gomez⟧: hola, no me llega el pedido\n[16:21] agente: buenas tardes, ¿su nombre?\n[16:21] ⟦n:sergio.gomez⟧: ⟦n:Sergio Gómez⟧, ⟦s:91 234 56 78⟧\n[16:22] agente: gracias ⟦n:Sergio⟧",
        ),
        (
            "form",
            "APELLIDOS: ⟦n:GARCÍA MARTÍNEZ⟧\nNOMBRE: ⟦n:ANA ISABEL⟧\nFecha de nacimiento: ⟦d:05/06/1990⟧\nTeléfono: ⟦s:(+34) 699 88 77 66⟧\nTarjeta: ⟦s:5500 0000 0000 0004⟧",
        ),
        (
            "letter",
            "Estimada Sra. ⟦n:Jiménez⟧:\n\nLe confirmamos la cita con el Dr. ⟦n:Alejandro Torres⟧. Historia clínica n.º ⟦i:HC-2022-118734⟧.\n\nAtentamente,\n⟦n:Marta Castillo⟧\nAdmisión",
        ),
        (
            "call_note",
            "Cliente: ⟦n:Raúl Ortega⟧. Prefiere que le llamen al ⟦s:722 456 789⟧. Viste ⟪brand:Carolina Herrera⟫ y pidió ⟪brand:Ferrero Rocher⟫. Habló también ⟦n:Rosa Delgado⟧.",
        ),
        (
            "chat",
            "⟦n:Elena⟧: buenas, soy ⟦n:Elena Vázquez⟧\nbot: hola\n⟦n:Elena⟧: mi fijo es el ⟦s:93 456 78 90⟧",
        ),
        (
            "email",
            "De: ⟦n:Sánchez Pérez, Miguel⟧ <⟦s:msanchez@gmail.com⟧>\nPara: atencion@example.es\nAsunto: pedido ⟪order:ES-2024-5512⟫\n\nBuenos días, mi vecina ⟦n:Pilar Romero⟧ recogerá el paquete.\nSaludos,\n⟦n:Miguel⟧",
        ),
    ],
    "it": [
        (
            "call_note",
            "Chiamata da Sig.ra ⟦n:Francesca Russo⟧ al ⟦s:347 123 4567⟧: addebito doppio sulla carta ⟦s:4024 0071 5336 2719⟧. Richiamerà il marito ⟦n:Marco⟧. Indossa ⟪brand:Giorgio Armani⟫.",
        ),
        (
            "email",
            "Ciao ⟦n:Giulia⟧,\n\nti inoltro la cartella ⟦i:2023/00871⟧ del paziente Sig. ⟦n:Alessandro Colombo⟧. Cellulare ⟦s:+39 333 987 6543⟧.\n\nCordiali saluti,\n⟦n:Davide Ricci⟧",
        ),
        (
            "chat",
            "[08:45] ⟦n:chiara.romano⟧: buongiorno, il pacco non è arrivato\n[08:46] operatore: buongiorno, il suo nome?\n[08:46] ⟦n:chiara.romano⟧: ⟦n:Chiara Romano⟧, tel. ⟦s:02 8765 4321⟧\n[08:47] operatore: grazie ⟦n:Chiara⟧",
        ),
        (
            "form",
            "COGNOME: ⟦n:ESPOSITO⟧\nNOME: ⟦n:GIUSEPPE⟧\nData di nascita: ⟦d:21/03/1958⟧\nCellulare: ⟦s:0039 340 1234567⟧\nCarta: ⟦s:4916 3385 0608 2832⟧",
        ),
        (
            "letter",
            "Gentile Sig. ⟦n:Bruno⟧,\n\nla informiamo che il Dott. ⟦n:Lorenzo Gallo⟧ la riceverà lunedì. Cartella clinica n. ⟦i:CC-2021-77812⟧.\n\nDistinti saluti\n⟦n:Valentina Marino⟧",
        ),
        (
            "call_note",
            "Cliente: ⟦n:Federico Conti⟧. Richiamare al ⟦s:06 1234 5678⟧. Guida una ⟪brand:Ferrari⟫ e beve ⟪brand:Martini⟫. Referente ⟦n:Silvia De Luca⟧.",
        ),
        (
            "chat",
            "⟦n:Matteo⟧: ciao, sono ⟦n:Matteo Greco⟧\nassistente: buongiorno\n⟦n:Matteo⟧: il mio numero fisso è ⟦s:011 567 8901⟧",
        ),
        (
            "email",
            "Da: ⟦n:Fontana, Elisa⟧ <⟦s:elisa.fontana@libero.it⟧>\nA: servizio@example.it\nOggetto: ordine ⟪order:IT-88123⟫\n\nBuongiorno, mio fratello ⟦n:Paolo Fontana⟧ ritirerà il pacco.\nSaluti\n⟦n:Elisa⟧",
        ),
    ],
    "en": [
        (
            "call_note",
            "Caller: ⟦n:Gareth Pryce⟧, call back on ⟦s:07700 900123⟧. Disputes a charge on card ⟦s:3714 496353 98431⟧. His wife ⟦n:Rhiannon⟧ will ring tomorrow. Buys ⟪brand:Ralph Lauren⟫ shirts and drinks ⟪brand:Dr Pepper⟫.",
        ),
        (
            "email",
            "Hi ⟦n:Priya⟧,\n\nPlease pass MRN ⟦i:MRN-2023-0045571⟧ to Dr. ⟦n:Oluwaseun Adeyemi⟧ before Friday.\n\nBest,\n⟦n:Connor Walsh⟧\nMob: ⟦s:+44 7911 123456⟧",
        ),
        (
            "chat",
            "[13:05] ⟦n:tom.hughes⟧: hi, my order hasn't arrived\n[13:06] support: hello! can I take your name?\n[13:06] ⟦n:tom.hughes⟧: ⟦n:Tom Hughes⟧, ⟦s:0161 496 0018⟧\n[13:07] support: thanks ⟦n:Tom⟧",
        ),
        (
            "form",
            "SURNAME: ⟦n:MACLEOD⟧\nFORENAME: ⟦n:FIONA⟧\nDate of birth: ⟦d:09/10/1987⟧\nPhone: ⟦s:(020) 7946 0321⟧\nCard: ⟦s:6011 0009 9013 9424⟧",
        ),
        (
            "letter",
            "Dear Mrs ⟦n:Okonkwo⟧,\n\nThank you for your letter. ⟦n:Siobhan Kelly⟧ from our claims team will call you.\n\nYours sincerely,\n\n⟦n:Harriet Lowe⟧\nCustomer Relations",
        ),
        (
            "call_note",
            "Customer ⟦n:Liam Doherty⟧ rang re refund. Prefers ⟪brand:Marks & Spencer⟫ vouchers; owns a ⟪brand:Ford⟫ Focus. Colleague ⟦n:Aisha Rahman⟧ to follow up on ⟦s:+44 (0)113 496 0555⟧.",
        ),
        (
            "chat",
            "⟦n:Megan⟧: hey it's ⟦n:Megan Fletcher⟧\nbot: hi there\n⟦n:Megan⟧: landline is ⟦s:01632 960 123⟧",
        ),
        (
            "email",
            'From: "⟦n:Whitaker, James⟧" <⟦s:j.whitaker@outlook.com⟧>\nTo: claims@example.co.uk\nSubject: policy ⟪policy:POL-55123-A⟫\n\nMy neighbour ⟦n:Graham Booth⟧ saw the accident.\nCheers,\n⟦n:James⟧',
        ),
    ],
}


def resolve(marked: str) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """One marked document's text with its ``entities`` and ``lookalikes`` spans.

    ``⟦c/TYPE:value⟧`` names the entity type (e.g. ``PHONE_NUMBER``, ``ADDRESS_NL``); without
    it the type is the category's name in capitals.
    """
    text, entities, lookalikes, position = "", [], [], 0
    for match in _MARK.finditer(marked):
        text += marked[position : match.start()]
        if match.group("c"):
            value, category = match.group("v"), _CATEGORY[match.group("c")]
            entities.append(
                {"start": len(text), "end": len(text) + len(value),
                 "type": match.group("t") or category.upper(), "category": category,
                 "structured": category != "name"}
            )  # fmt: skip
        else:
            value = match.group("l")
            lookalikes.append({"start": len(text), "end": len(text) + len(value), "what": match.group("w")})
        text += value
        position = match.end()
    return text + marked[position:], entities, lookalikes


def documents() -> list[dict[str, Any]]:
    """The documents with their markup resolved into ``entities`` and ``lookalikes`` spans."""
    out: list[dict[str, Any]] = []
    for lang, docs in DOCS.items():
        for index, (kind, marked) in enumerate(docs):
            text, entities, lookalikes = resolve(marked)
            out.append({"id": f"shape-{lang}-{index}", "lang": lang, "kind": kind, "text": text,
                        "entities": entities, "lookalikes": lookalikes})  # fmt: skip
    return out
