"""Phone numbers written blind (issue 20): shapes from how people write them, not from our generators.

Written before reading the recognisers or any other development set, from knowledge of how
phone numbers are written in the UK, the US, Germany, France, Spain, Italy and the Netherlands:
e-mails, letters, forms, chat messages, call notes and spreadsheet rows; labels (Tel, Fax,
Handy, Mobil, Portable, Móvil, Cell., Tel. uff.), extensions (ext., Durchwahl, poste, interno,
toestel), numbers after a name in parentheses or after ``unter``/``au``/``al``/``op``/``at``,
numbers in prose with no label, lists, numbers glued to punctuation, numbers whose area code
and subscriber number sit in separate cells or lines. All digits are invented (seeded).
Negatives (amounts, dates, times, postcodes, order and invoice numbers, bank codes) must be
kept. Measured once before the phone recogniser was read; tuned on afterwards, so its figures
are development figures.

Markup as in ``bench/redaction_dev_shapes.py``: ``⟦s:value⟧`` is a gold phone span,
``⟪what:value⟫`` a look-alike to keep. :func:`documents` returns the documents with the markup
removed and the spans measured; the entity ``type`` is ``PHONE_<country>``.
"""

# ruff: noqa: E501, RUF001  (one document template a line; an en dash as people type it)
from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

_MARK = re.compile(r"⟦s:(?P<v>[^⟧]+)⟧|⟪(?P<w>[a-z_]+):(?P<l>[^⟫]+)⟫")
SEED = 20261206

Rng = random.Random


def _d(rng: Rng, n: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def _pairs(s: str) -> str:
    """Group from the left in pairs, a leftover digit joining the last group."""
    out = [s[i : i + 2] for i in range(0, len(s), 2)]
    if len(out[-1]) == 1 and len(out) > 1:
        last = out.pop()
        out[-1] += last
    return " ".join(out)


# --- Germany --------------------------------------------------------------------------------
def _de(rng: Rng) -> str:
    if rng.random() < 0.35:  # mobile
        pre = rng.choice(
            ["151", "152", "157", "160", "162", "170", "171", "172", "173", "175", "176", "177", "178", "179"]
        )
        sub = _d(rng, 7)
        forms = [
            f"0{pre}/{sub}",
            f"0{pre} {sub}",
            f"0{pre}-{sub}",
            f"0{pre} {sub[:3]} {sub[3:5]} {sub[5:]}",
            f"0{pre} / {sub[:3]} {sub[3:]}",
            f"+49 {pre} {sub}",
            f"+49 (0) {pre} / {sub[:3]} {sub[3:5]} {sub[5:]}",
            f"+49 (0){pre} {sub}",
            f"+49{pre}{sub}",
            f"0049 {pre} {sub}",
            f"0049-{pre}-{sub}",
            f"(0{pre}) {sub}",
            f"0{pre[:2]} {pre[2:]} {_pairs(sub)}",
        ]
        return rng.choice(forms)
    ac = rng.choice(
        [
            "30",
            "40",
            "89",
            "221",
            "69",
            "711",
            "211",
            "351",
            "511",
            "6221",
            "7071",
            "3641",
            "4621",
            "2241",
            "8031",
        ]
    )
    sub = _d(rng, max(5, 10 - len(ac) - rng.choice([0, 0, 1])))
    ext = _d(rng, rng.choice([2, 3]))
    forms = [
        f"0{ac} {sub}",
        f"0{ac}/{sub}",
        f"0{ac} / {sub}",
        f"0{ac} / {_pairs(sub[:-2])}-{sub[-2:]}",
        f"0 {ac} / {_pairs(sub)}",
        f"(0{ac}) {sub}",
        f"(0{ac}) {sub[:3]} {sub[3:6]} {sub[6:]}".rstrip(),
        f"(0 {ac}) {_pairs(sub)}",
        f"0{ac}-{sub}",
        f"0{ac} {sub}-{ext}",
        f"0{ac} {sub[:-2]}-{sub[-2:]}",
        f"+49 {ac} {sub}",
        f"+49 (0){ac}-{sub[:-2]}-{sub[-2:]}",
        f"+49 (0) {ac} {sub}",
        f"+49-{ac}-{sub}",
        f"+49 {ac} {sub}-0",
        f"0049 ({ac}) {sub}",
        f"0049{ac}{sub}",
        f"0{ac}{sub}",
        f"0{ac}.{sub}",
    ]
    return rng.choice(forms)


# --- France ---------------------------------------------------------------------------------
def _fr(rng: Rng) -> str:
    lead = rng.choice(["1", "2", "3", "4", "5", "6", "6", "7", "9"])
    rest = _d(rng, 8, "0123456789")
    p = [rest[i : i + 2] for i in range(0, 8, 2)]
    forms = [
        f"0{lead} {' '.join(p)}",
        f"0{lead}.{'.'.join(p)}",
        f"0{lead}-{'-'.join(p)}",
        f"0{lead}{rest}",
        f"0{lead} {rest[:2]} {rest[2:4]} {rest[4:6]}{rest[6:]}",
        f"+33 {lead} {' '.join(p)}",
        f"+33 (0){lead} {' '.join(p)}",
        f"+33 (0) {lead} {' '.join(p)}",
        f"+33(0){lead}{rest}",
        f"+33{lead}{rest}",
        f"+33 {lead}{rest[:2]} {rest[2:5]} {rest[5:]}",
        f"0033 {lead} {' '.join(p)}",
        f"0033 (0){lead} {' '.join(p)}",
        f"+33.{lead}.{'.'.join(p)}",
        f"(+33) {lead} {' '.join(p)}",
        f"0{lead}/{'/'.join(p)}",
    ]
    return rng.choice(forms)


# --- Spain ----------------------------------------------------------------------------------
def _es(rng: Rng) -> str:
    if rng.random() < 0.45:
        n = rng.choice("67") + _d(rng, 8, "0123456789")
    else:
        n = rng.choice(["91", "93", "95", "96", "94", "98", "97", "92"]) + _d(rng, 7, "0123456789")
    forms = [
        f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}",
        f"{n[:2]} {n[2:5]} {n[5:7]} {n[7:]}",
        f"{n[:3]} {n[3:6]} {n[6:]}",
        f"{n[:3]}-{n[3:6]}-{n[6:]}",
        f"{n[:3]}.{n[3:6]}.{n[6:]}",
        n,
        f"+34 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}",
        f"+34 {n[:3]}-{n[3:6]}-{n[6:]}",
        f"(+34) {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}",
        f"(+34) {n}",
        f"(34) {n[:3]} {n[3:6]} {n[6:]}",
        f"0034 {n[:3]} {n[3:6]} {n[6:]}",
        f"0034-{n}",
        f"+34{n}",
        f"+34-{n}",
        f"+34 {n[:2]} {n[2:5]} {n[5:]}",
    ]
    return rng.choice(forms)


# --- Italy ----------------------------------------------------------------------------------
def _it(rng: Rng) -> str:
    if rng.random() < 0.4:
        m = "3" + rng.choice("234456789") + _d(rng, 8, "0123456789")
        forms = [
            f"{m[:3]}/{m[3:]}",
            f"{m[:3]} {m[3:]}",
            f"{m[:3]} {m[3:6]} {m[6:]}",
            f"{m[:3]}.{m[3:6]}.{m[6:]}",
            f"{m[:3]}-{m[3:6]}-{m[6:8]}-{m[8:]}",
            f"{m[:3]} {m[3:5]} {m[5:7]} {m[7:]}",
            f"+39 {m[:3]} {m[3:6]} {m[6:]}",
            f"+39 {m}",
            f"+39.{m[:3]}.{m[3:]}",
            f"+39/{m[:3]}/{m[3:]}",
            f"0039 {m[:3]} {m[3:]}",
            f"(+39) {m[:3]} {m[3:]}",
            f"+39{m}",
            m,
        ]
        return rng.choice(forms)
    ac = rng.choice(["02", "06", "011", "055", "081", "051", "041", "010", "0331", "0471", "0574", "0823"])
    sub = _d(rng, rng.choice([6, 7, 8]) if len(ac) == 2 else rng.choice([6, 7]), "0123456789")
    half = len(sub) // 2
    forms = [
        f"{ac} {sub[:half]} {sub[half:]}",
        f"{ac} {sub}",
        f"{ac}/{sub}",
        f"{ac}-{sub}",
        f"{ac}.{sub}",
        f"({ac}) {sub[:half]} {sub[half:]}",
        f"+39 {ac} {sub[:half]} {sub[half:]}",
        f"+39 {ac} {sub}",
        f"+39-{ac}-{sub}",
        f"0039-{ac}-{sub}",
        f"0039 {ac} {sub}",
        f"(+39) {ac} {sub}",
        f"+39 ({ac}) {sub}",
        f"{ac}{sub}",
        f"+39{ac}{sub}",
    ]
    return rng.choice(forms)


# --- Netherlands ----------------------------------------------------------------------------
def _nl(rng: Rng) -> str:
    if rng.random() < 0.4:
        m = _d(rng, 8)
        forms = [
            f"06-{m}",
            f"06 {m}",
            f"06 {m[:4]} {m[4:]}",
            f"06 {_pairs(m)}",
            f"06-{m[:2]} {m[2:5]} {m[5:]}",
            f"+31 6 {m[:4]} {m[4:]}",
            f"+31 (0)6 {m[:4]} {m[4:]}",
            f"+31 (0) 6-{m}",
            f"+316{m}",
            f"+31 6{m}",
            f"0031 6 {m}",
            f"0031-6-{m}",
            f"(06) {m}",
        ]
        return rng.choice(forms)
    ac = rng.choice(["20", "10", "70", "30", "40", "50", "24", "26", "71", "172", "346", "592", "418", "546"])
    sub = _d(rng, 9 - len(ac))
    forms = [
        f"0{ac}-{sub[:3]} {sub[3:]}" if len(sub) == 7 else f"0{ac}-{sub}",
        f"0{ac} {sub[:3]} {sub[3:]}",
        f"0{ac}-{sub}",
        f"0{ac} {_pairs(sub)}",
        f"(0{ac}) {_pairs(sub)}",
        f"(0{ac}) {sub}",
        f"+31 {ac} {sub[:3]} {sub[3:]}",
        f"+31 (0){ac} {sub[:3]} {sub[3:]}",
        f"+31 (0) {ac} - {sub}",
        f"0031 {ac} {sub}",
        f"0031 (0){ac}-{sub}",
        f"+31{ac}{sub}",
        f"0{ac}{sub}",
    ]
    return rng.choice(forms)


# --- United Kingdom -------------------------------------------------------------------------
def _uk(rng: Rng) -> str:
    kind = rng.random()
    if kind < 0.35:
        m = "7" + rng.choice("4578") + _d(rng, 8, "0123456789")
        forms = [
            f"0{m[:4]} {m[4:]}",
            f"0{m[:4]} {m[4:7]} {m[7:]}",
            f"0{m[:4]}-{m[4:7]}-{m[7:]}",
            f"0{m}",
            f"+44 {m[:4]} {m[4:]}",
            f"+44 (0) {m[:4]} {m[4:7]} {m[7:]}",
            f"+44 (0){m[:4]} {m[4:]}",
            f"+44{m}",
            f"0044 {m[:4]} {m[4:]}",
            f"(0{m[:4]}) {m[4:]}",
            f"+44-{m[:4]}-{m[4:]}",
        ]
        return rng.choice(forms)
    if kind < 0.6:  # 02x
        ac = rng.choice(["20", "29", "28", "23", "24"])
        sub = rng.choice("3789") + _d(rng, 7, "0123456789")
        forms = [
            f"0{ac} {sub[:4]} {sub[4:]}",
            f"0{ac}-{sub[:4]}-{sub[4:]}",
            f"(0{ac}) {sub[:4]} {sub[4:]}",
            f"0{ac} {sub}",
            f"+44 {ac} {sub[:4]} {sub[4:]}",
            f"+44 (0){ac} {sub[:4]} {sub[4:]}",
            f"+44 (0) {ac} {sub}",
            f"0044 {ac} {sub[:4]} {sub[4:]}",
            f"0{ac}{sub}",
        ]
        return rng.choice(forms)
    ac = rng.choice(
        ["161", "113", "121", "131", "141", "117", "1632", "1223", "1865", "1273", "1392", "1904"]
    )
    sub = _d(rng, 10 - len(ac) - 0, "2345678")
    if len(ac) == 3:
        forms = [
            f"0{ac} {sub[:3]} {sub[3:]}",
            f"0{ac}-{sub[:3]}-{sub[3:]}",
            f"(0{ac}) {sub[:3]} {sub[3:]}",
            f"+44 {ac} {sub[:3]} {sub[3:]}",
            f"+44 (0){ac} {sub[:3]} {sub[3:]}",
            f"0{ac} {sub}",
        ]
    else:
        forms = [
            f"0{ac} {sub}",
            f"(0{ac}) {sub}",
            f"(0{ac}) {sub[:3]} {sub[3:]}",
            f"0{ac} {sub[:3]} {sub[3:]}",
            f"+44 {ac} {sub}",
            f"+44 (0){ac} {sub[:3]} {sub[3:]}",
            f"0{ac}-{sub}",
        ]
    return rng.choice(forms)


# --- United States --------------------------------------------------------------------------
def _us(rng: Rng) -> str:
    a = rng.choice(
        [
            "212",
            "415",
            "312",
            "617",
            "206",
            "303",
            "512",
            "646",
            "718",
            "305",
            "404",
            "503",
            "202",
            "713",
            "919",
        ]
    )
    e = _d(rng, 3, "23456789")
    n = _d(rng, 4, "0123456789")
    forms = [
        f"({a}) {e}-{n}",
        f"({a}){e}-{n}",
        f"{a}-{e}-{n}",
        f"{a}.{e}.{n}",
        f"{a} {e} {n}",
        f"{a}{e}{n}",
        f"+1 {a} {e} {n}",
        f"+1 ({a}) {e}-{n}",
        f"+1-{a}-{e}-{n}",
        f"+1.{a}.{e}.{n}",
        f"1-{a}-{e}-{n}",
        f"1 ({a}) {e}-{n}",
        f"001 {a} {e} {n}",
        f"+1{a}{e}{n}",
        f"{a}/{e}-{n}",
    ]
    return rng.choice(forms)


GEN: dict[str, Callable[[Rng], str]] = {
    "de": _de,
    "fr": _fr,
    "es": _es,
    "it": _it,
    "nl": _nl,
    "uk": _uk,
    "us": _us,
}
LANG = {"de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "uk": "en", "us": "en"}

# Extensions appended to a number (the extension is part of the span).
EXT = {
    "de": ["{p} Durchwahl {x}", "{p}, Durchwahl -{x}", "{p}-{x}", "{p} (DW {x})"],
    "fr": ["{p} poste {x}", "{p} (poste {x})", "{p}, p. {x}"],
    "es": ["{p} ext. {x}", "{p} (ext {x})", "{p}, extensión {x}"],
    "it": ["{p} int. {x}", "{p} (interno {x})"],
    "nl": ["{p} toestel {x}", "{p} (tst. {x})"],
    "uk": ["{p} ext. {x}", "{p} ext {x}", "{p} x{x}"],
    "us": ["{p} ext. {x}", "{p} x{x}", "{p} Ext {x}"],
}

# Document templates per language: {P} one phone, {Q} a second phone, {N} a look-alike.
T: dict[str, list[tuple[str, str]]] = {
    "de": [
        (
            "email",
            "Hallo Frau Berger,\n\nbitte rufen Sie mich unter {P} zurück, gern auch mobil: {Q}.\n\nViele Grüße\nJ. Kästner",
        ),
        (
            "signature",
            "Mit freundlichen Grüßen\n\nDipl.-Ing. Ralf Osterkamp\nTel.: {P}\nFax: {Q}\nE-Mail: r.osterkamp@beispiel-bau.de",
        ),
        (
            "signature",
            "--\nSandra Möllemann | Vertrieb\nTel.:{P} | Handy:{Q}\nRechnung {N} bitte bis Ende des Monats.",
        ),
        ("call_note", "Rückruf erbeten, Hr. Zeller ({P}), wegen Rechnung {N}. Erreichbar ab 14 Uhr."),
        (
            "chat",
            "kunde: meine neue nummer ist {P}\nagent: danke, ist {Q} noch aktuell?\nkunde: nein die alte bitte löschen",
        ),
        ("form", "Name: Petra Quandt\nTelefon (tagsüber): {P}\nMobil: {Q}\nPLZ: {N}"),
        ("spreadsheet", "Nachname;Vorname;Telefon;Betrag\nSchröder;Ina;{P};{N}\nYilmaz;Emre;{Q};89,90"),
        (
            "letter",
            "Sehr geehrter Herr Lindqvist,\n\nfür Rückfragen erreichen Sie unsere Sachbearbeiterin unter der Rufnummer {P} oder per Fax {Q}. Ihre Kundennummer lautet {N}.",
        ),
        ("call_note", "14:20 Anruf von Fr. Dombrowski, Handy {P} - bittet um Rückruf; Alternativnummer {Q}"),
        ("email", "Moin,\nich bin diese Woche nur über {P} zu erreichen (Festnetz geht nicht).\nGruß Timo"),
        ("form", "Ansprechpartner: Hr. Bäumer\nTel/Fax: {P} / {Q}\nBestellnr.: {N}"),
        (
            "chat",
            "[09:14] melanie: ruf mal den handwerker an {P}\n[09:15] jens: ok, hab auch noch {Q} von dem",
        ),
    ],
    "fr": [
        (
            "email",
            "Bonjour Madame Lefèvre,\n\nvous pouvez me joindre au {P} ou sur mon portable au {Q}.\n\nCordialement,\nÉric Marchand",
        ),
        ("signature", "Bien cordialement,\n\nNathalie Rousseau\nTél. : {P}\nPortable : {Q}\nFax : {N}"),
        ("signature", "--\nCabinet Girard & Fils\nTél.:{P} – Port.:{Q}\nFacture n° {N}"),
        ("call_note", "Appel de M. Fabre (tél : {P}) au sujet de la facture {N}. À rappeler avant 17h."),
        ("chat", "client: mon numéro c'est le {P}\nconseiller: merci, et le fixe {Q} est toujours bon ?"),
        (
            "form",
            "Nom : Chevalier\nPrénom : Anaïs\nTéléphone fixe : {P}\nTéléphone portable : {Q}\nCode postal : {N}",
        ),
        ("spreadsheet", "nom;prénom;tél;montant\nMercier;Luc;{P};{N}\nBlanc;Inès;{Q};45,00"),
        (
            "letter",
            "Madame, Monsieur,\n\nPour toute question, notre service client est joignable au {P} du lundi au vendredi. Référence du dossier : {N}.",
        ),
        ("email", "Salut Julien,\nrappelle-moi au {P} stp, ou au bureau {Q}.\nBises"),
        ("call_note", "Mme Garnier a appelé depuis le {P}, elle rappellera. Autre numéro : {Q}"),
    ],
    "es": [
        ("email", "Hola Marta,\n\npuedes llamarme al {P} o al móvil {Q}.\n\nUn saludo,\nJavier Ortega"),
        ("signature", "Atentamente,\n\nLucía Navarro Gil\nTel.: {P}\nMóvil: {Q}\nFactura nº {N}"),
        ("signature", "--\nInmobiliaria Sol\nTlf. {P} · Fax {Q}"),
        (
            "call_note",
            "Llamada de D. Ramón Castillo (tel. {P}) por el pedido {N}. Devolver la llamada por la tarde.",
        ),
        ("chat", "cliente: mi móvil es {P}\nagente: gracias, ¿y el fijo {Q} sigue siendo correcto?"),
        ("form", "Nombre: Elena Ruiz\nTeléfono: {P}\nMóvil: {Q}\nC.P.: {N}"),
        (
            "spreadsheet",
            "apellidos;nombre;teléfono;importe\nMoreno Díaz;Pablo;{P};{N}\nIglesias;Rocío;{Q};120,00",
        ),
        (
            "letter",
            "Estimado cliente:\n\nPara cualquier consulta puede contactarnos en el teléfono {P} de 9 a 14 h. Su número de expediente es {N}.",
        ),
        ("email", "Buenas,\nsi no contesto al {P} llama a mi compañera al {Q}.\nGracias"),
        ("call_note", "Sra. Herrera llamó desde el {P}; dice que mejor la llamemos al {Q}."),
    ],
    "it": [
        (
            "email",
            "Gentile dott.ssa Ferri,\n\nmi può contattare al {P} oppure al cellulare {Q}.\n\nCordiali saluti\nMarco Benedetti",
        ),
        ("signature", "Distinti saluti\n\nAvv. Giulia Romano\nTel. uff. {P}\nCell. {Q}\nFattura n. {N}"),
        ("signature", "--\nStudio Conti\ntel.{P} - fax {Q}"),
        ("call_note", "Ha chiamato il sig. Greco (tel. {P}) per l'ordine {N}. Richiamare in mattinata."),
        ("chat", "cliente: il mio cell è {P}\noperatore: grazie, il fisso {Q} è ancora valido?"),
        ("form", "Cognome: Esposito\nNome: Chiara\nTelefono: {P}\nCellulare: {Q}\nCAP: {N}"),
        ("spreadsheet", "cognome;nome;telefono;importo\nRicci;Davide;{P};{N}\nMarino;Sara;{Q};75,50"),
        (
            "letter",
            "Egregio Signore,\n\nper qualsiasi informazione può rivolgersi al numero {P} dal lunedì al venerdì. Numero pratica: {N}.",
        ),
        ("email", "Ciao Luca,\nchiamami al {P} o in ufficio al {Q}.\nA presto"),
        ("call_note", "La sig.ra Bruno ha lasciato il numero {P}, in alternativa {Q}."),
    ],
    "nl": [
        (
            "email",
            "Beste meneer De Groot,\n\nU kunt mij bereiken op {P} of mobiel op {Q}.\n\nMet vriendelijke groet,\nSanne Visser",
        ),
        ("signature", "Met vriendelijke groet,\n\nMr. drs. P. van Dijk\nT {P}\nM {Q}\nFactuurnummer {N}"),
        ("signature", "--\nBakker Installatietechniek B.V.\nTel.:{P} | Mob.:{Q}"),
        (
            "call_note",
            "Gebeld door mevr. Smit (tel. {P}) over bestelling {N}. Graag terugbellen na 15.00 uur.",
        ),
        ("chat", "klant: mijn nummer is {P}\nmedewerker: dank u, klopt {Q} ook nog?"),
        ("form", "Naam: Jansen\nVoornaam: Lotte\nTelefoon: {P}\nMobiel: {Q}\nPostcode: {N}"),
        ("spreadsheet", "achternaam;voornaam;telefoon;bedrag\nde Vries;Bram;{P};{N}\nMulder;Eva;{Q};19,95"),
        (
            "letter",
            "Geachte heer/mevrouw,\n\nVoor vragen kunt u ons bellen op {P} (ma t/m vr). Uw dossiernummer is {N}.",
        ),
        ("email", "Hoi Kees,\nbel me even op {P}, of anders op kantoor {Q}.\nGroet"),
        ("call_note", "Dhr. Bos belde vanaf {P}; liever terugbellen op {Q}."),
    ],
    "en": [
        ("email", "Hi Sarah,\n\nyou can reach me on {P} or on my mobile at {Q}.\n\nBest,\nTom Whitfield"),
        ("signature", "Kind regards,\n\nDr. Helen Ashworth\nTel: {P}\nFax: {Q}\nInvoice {N}"),
        ("signature", "--\nGreg Hollis | Sales\nT:{P} | M:{Q}"),
        ("call_note", "Call from Mr. Patel ({P}) about order {N}. Call back after 3pm."),
        ("chat", "customer: my number is {P}\nagent: thanks, is {Q} still current?"),
        ("form", "Name: Laura Bennett\nPhone (day): {P}\nCell.: {Q}\nZIP/Postcode: {N}"),
        ("spreadsheet", "last,first,phone,amount\nKhan,Aisha,{P},{N}\nMorgan,Ben,{Q},49.99"),
        (
            "letter",
            "Dear Mrs Clarke,\n\nIf you have any questions please call our claims team on {P}, Monday to Friday. Your reference is {N}.",
        ),
        ("email", "Hey Mike,\nI'm at {P} all week, or try the office at {Q}.\nCheers"),
        ("call_note", "Ms. Duarte left a message from {P}; prefers a call back at {Q}."),
    ],
}

# Look-alikes per language (what, value): must stay unflagged.
NEG: dict[str, list[tuple[str, str]]] = {
    "de": [
        ("amount", "1.249,90 €"),
        ("amount", "EUR 12.345,00"),
        ("date", "14.03.2024"),
        ("time", "10.30 Uhr"),
        ("postcode", "10115"),
        ("order", "2024-118734"),
        ("invoice", "RE-2023/04711"),
        ("bank_code", "BLZ 370 400 44"),
        ("customer_no", "KD-448 213"),
    ],
    "fr": [
        ("amount", "1 249,90 €"),
        ("date", "14/03/2024"),
        ("time", "14h30"),
        ("postcode", "75008"),
        ("invoice", "FA-2024-00871"),
        ("order", "CMD 2024 118734"),
        ("amount", "12 345,00 EUR"),
    ],
    "es": [
        ("amount", "1.249,90 €"),
        ("date", "14/03/2024"),
        ("postcode", "28013"),
        ("order", "2024/118734"),
        ("invoice", "F-2024-00871"),
        ("amount", "12.345 €"),
    ],
    "it": [
        ("amount", "€ 1.249,90"),
        ("date", "14/03/2024"),
        ("postcode", "00184"),
        ("order", "2024-118734"),
        ("invoice", "FT 2024/871"),
        ("amount", "12.345,00 euro"),
    ],
    "nl": [
        ("amount", "€ 1.249,90"),
        ("date", "14-03-2024"),
        ("postcode", "1012 AB"),
        ("order", "2024-118734"),
        ("invoice", "F2024-00871"),
        ("time", "15.30 uur"),
    ],
    "en": [
        ("amount", "$1,249.90"),
        ("amount", "£12,345.00"),
        ("date", "03/14/2024"),
        ("postcode", "SW1A 1AA"),
        ("order", "#1184-2231"),
        ("invoice", "INV-2024-00871"),
        ("sort_code", "20-00-00"),
    ],
}

# Extra sentences per language with one phone and no label (prose), glued forms, lists, split cells.
EXTRA: dict[str, list[tuple[str, str]]] = {
    "de": [
        ("chat", "ich hab ihn angerufen {P} aber keiner ging ran"),
        ("email", "Die Praxis (Tel.:{P}) hat heute geschlossen; Notdienst unter {Q}."),
        ("spreadsheet", "Vorwahl;Rufnummer;Ort\n{A};{B};Berlin"),
        ("form", "Telefon:\n{P}\nTelefax:\n{Q}"),
        ("call_note", "Nummern: {P}, {Q}; Termin am {N}."),
    ],
    "fr": [
        ("chat", "j'ai essayé {P} mais ça sonne occupé"),
        ("email", "Le cabinet (tél: {P}) est fermé ; en cas d'urgence composez le {Q}."),
        ("spreadsheet", "indicatif;numéro;ville\n{A};{B};Lyon"),
        ("form", "Téléphone :\n{P}\nPortable :\n{Q}"),
        ("call_note", "Numéros : {P}, {Q} ; rendez-vous le {N}."),
    ],
    "es": [
        ("chat", "le llamé al {P} pero no contesta nadie"),
        ("email", "La clínica (tel: {P}) cierra hoy; urgencias en el {Q}."),
        ("spreadsheet", "prefijo;número;ciudad\n{A};{B};Madrid"),
        ("form", "Teléfono:\n{P}\nFax:\n{Q}"),
        ("call_note", "Números: {P}, {Q}; cita el {N}."),
    ],
    "it": [
        ("chat", "ho provato {P} ma non risponde"),
        ("email", "Lo studio (tel: {P}) oggi è chiuso; per urgenze chiamare il {Q}."),
        ("spreadsheet", "prefisso;numero;città\n{A};{B};Milano"),
        ("form", "Telefono:\n{P}\nFax:\n{Q}"),
        ("call_note", "Numeri: {P}, {Q}; appuntamento il {N}."),
    ],
    "nl": [
        ("chat", "ik heb {P} gebeld maar er nam niemand op"),
        ("email", "De praktijk (tel: {P}) is vandaag dicht; spoed via {Q}."),
        ("spreadsheet", "netnummer;abonneenummer;plaats\n{A};{B};Utrecht"),
        ("form", "Telefoon:\n{P}\nFax:\n{Q}"),
        ("call_note", "Nummers: {P}, {Q}; afspraak op {N}."),
    ],
    "en": [
        ("chat", "rang him on {P} but no answer"),
        ("email", "The surgery (tel: {P}) is closed today; out of hours call {Q}."),
        ("spreadsheet", "area code,number,city\n{A},{B},Leeds"),
        ("form", "Phone:\n{P}\nFax:\n{Q}"),
        ("call_note", "Numbers: {P}, {Q}; appointment on {N}."),
    ],
}

# Area code / subscriber pairs for split cells per country.
SPLIT: dict[str, Callable[[Rng], tuple[str, str]]] = {
    "de": lambda r: ("0" + r.choice(["30", "40", "89", "221"]), _d(r, 7)),
    "fr": lambda r: ("+33", "1 " + _pairs(_d(r, 8, "0123456789"))),
    "es": lambda r: ("+34", "91 " + _d(r, 3) + " " + _d(r, 2, "0123456789") + " " + _d(r, 2, "0123456789")),
    "it": lambda r: ("02", _d(r, 8, "0123456789")),
    "nl": lambda r: ("030", _d(r, 7)),
    "uk": lambda r: ("0113", "496 " + _d(r, 4, "0123456789")),
    "us": lambda r: (
        "(" + r.choice(["212", "415"]) + ")",
        _d(r, 3, "23456789") + "-" + _d(r, 4, "0123456789"),
    ),
}


def _phone(rng: Rng, country: str) -> str:
    p = GEN[country](rng)
    if rng.random() < 0.08:
        p = rng.choice(EXT[country]).format(p=p, x=_d(rng, rng.choice([2, 3, 4])))
    return p


def _marked(rng: Rng, country: str) -> list[tuple[str, str]]:
    lang = LANG[country]
    out: list[tuple[str, str]] = []
    for kind, tpl in T[lang] + EXTRA[lang]:
        for _ in range(2 if country in ("uk", "us") else 3):
            what, neg = rng.choice(NEG[lang])
            a, b = SPLIT[country](rng)
            text = tpl.format(
                P=f"⟦s:{_phone(rng, country)}⟧",
                Q=f"⟦s:{_phone(rng, country)}⟧",
                N=f"⟪{what}:{neg}⟫",
                A=f"⟦s:{a}⟧",
                B=f"⟦s:{b}⟧",
            )
            if rng.random() < 0.15:  # glued to trailing punctuation
                text = text.replace("⟧", "⟧;", 1)
            out.append((kind, text))
    return out


def documents() -> list[dict[str, Any]]:
    """The documents with their markup resolved into ``entities`` and ``lookalikes`` spans."""
    rng = random.Random(SEED)
    out: list[dict[str, Any]] = []
    for country in GEN:
        for index, (kind, marked) in enumerate(_marked(rng, country)):
            text, entities, lookalikes, position = "", [], [], 0
            for match in _MARK.finditer(marked):
                text += marked[position : match.start()]
                if match.group("v") is not None:
                    value = match.group("v")
                    entities.append(
                        {"start": len(text), "end": len(text) + len(value), "type": f"PHONE_{country.upper()}",
                         "category": "structured", "structured": True}
                    )  # fmt: skip
                else:
                    value = match.group("l")
                    lookalikes.append(
                        {"start": len(text), "end": len(text) + len(value), "what": match.group("w")}
                    )
                text += value
                position = match.end()
            text += marked[position:]
            out.append({"id": f"phones-blind-{country}-{index}", "lang": LANG[country], "kind": kind,
                        "text": text, "entities": entities, "lookalikes": lookalikes})  # fmt: skip
    return out


if __name__ == "__main__":
    docs = documents()
    print(len(docs), "documents,", sum(len(d["entities"]) for d in docs), "phone spans,",
          sum(len(d["lookalikes"]) for d in docs), "look-alikes")  # fmt: skip
