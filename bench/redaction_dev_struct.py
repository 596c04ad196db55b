"""Development documents for structured identifiers, addresses and look-alikes in six languages.

Written for issue 20 items 2, 3 and 5 and issue 11 item 4: phones in each national numbering plan
of UK/US/DE/FR/ES/IT/NL (with and without country code, ``(0)``, spaces, dots, dashes, slashes,
tabs or no-break spaces, extensions), card numbers (4-4-4-4, Amex 4-6-5, ungrouped, in spreadsheet
rows and chargeback lists), IBANs, SSNs, e-mail addresses plain and obfuscated, IP addresses,
hospital record numbers with prefixes, years and slashes, dates of birth in each language's forms,
street addresses of each country (US military APO/DPO/FPO too) as lines and as blocks; and the
look-alikes to keep: brands named after people, medical eponyms, law citations, order and policy
numbers, a card's last four digits, transaction dates.

The values are invented, with valid check digits where they have them (Luhn, IBAN mod 97) and
phone numbers valid in libphonenumber's data. The recognisers are tuned on these documents, so
their figures say nothing about generalisation: the held-out set does that.

Markup as in :mod:`bench.redaction_dev_shapes`, with an optional type after the category:
``⟦s/PHONE_NUMBER:value⟧`` is a gold span of category ``s`` whose ``type`` is ``PHONE_NUMBER``
(the benchmark's "by type" table then shows each kind of identifier and each country's addresses).
"""

# ruff: noqa: E501  (one document a string; the markup uses mathematical brackets)
from __future__ import annotations

from typing import Any

from bench.redaction_dev_shapes import resolve

DOCS: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "email",
            "From: ⟦n/PERSON:Desmond Pryce⟧ <⟦s/EMAIL_ADDRESS:desmond.pryce@outlook.com⟧>\nSubject: order ⟪order:2023-11417⟫\n\nHi, please call me on ⟦s/PHONE_NUMBER:01223/781518⟧ or my US cell ⟦s/PHONE_NUMBER:1-917-494-0557⟧. I'm at ⟦a/ADDRESS_UK:Flat 7, 229 Victoria Street, Brighton, BN1 4GH⟧.\nBy the way the ⟪brand:Tom Ford⟫ voucher never arrived.\nThanks, ⟦n/PERSON:Desmond⟧",
        ),
        (
            "spreadsheet",
            "Name\tCard\tExpiry\tPhone\n⟦n/PERSON:Desmond Pryce⟧\t⟦s/CREDIT_CARD:2483 9320 8196 7271⟧\t04/27\t⟦s/PHONE_NUMBER:0161 878 4864⟧\n⟦n/PERSON:Connor Walsh⟧\t⟦s/CREDIT_CARD:376344002978755⟧\t11/26\t⟦s/PHONE_NUMBER:303\t978\t7680⟧",
        ),
        (
            "chargeback",
            "Chargeback list (26/08/2024)\n1. card ⟦s/CREDIT_CARD:4726-7147-5136-2709⟧ — £42.10 — order ⟪order:2020-05997⟫\n2. card ⟦s/CREDIT_CARD:3429 486628 36011⟧ — £310.00\n3. card ⟦s/CREDIT_CARD:2647\xa05008\xa07547\xa05174⟧ — £19.99 — card ending in ⟪last4:7992⟫ flagged twice",
        ),
        (
            "it_ticket",
            "Ticket ⟪order:A9318603⟫: user ⟦n/PERSON:Desmond Pryce⟧ (⟦s/EMAIL_ADDRESS:desmond.pryce@acme-corp.com⟧) cannot reach the VPN from ⟦s/IP_ADDRESS:2001:db8:e828:2fa::64⟧; gateway ⟦s/IP_ADDRESS:62.212.40.99⟧ replies. Callback ⟦s/PHONE_NUMBER:+1 917-447-7647 ext 132⟧.",
        ),
        (
            "hr_form",
            "EMPLOYEE RECORD\nName: ⟦n/PERSON:Desmond Pryce⟧\nDate of birth: ⟦d/DATE_OF_BIRTH:1975-02-28⟧\nSSN: ⟦s/US_SSN:237.01.1526⟧\nHome address:\n⟦a/ADDRESS_US:166 Elm Court\nAustin, TX 78701⟧\nPhone: ⟦s/PHONE_NUMBER:+1\xa0646\xa0789\xa08319⟧\nBank: ⟦s/IBAN_CODE:GB55-XGSJ-9482-1416-2105-21⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Desmond Pryce⟧\n⟦a/ADDRESS_UK:Flat 2, 81 Elm Grove\nCardiff CF10 3AT⟧\n\nDear ⟦n/PERSON:Desmond⟧,\n\nYour claim for ⟪eponym:Crohn's disease⟫ treatment (MRN: ⟦i/MEDICAL_RECORD_NUMBER:64600130⟧) was approved. Call us on ⟦s/PHONE_NUMBER:01223 480129⟧. Under ⟪citation:Section 7 of the Data Protection Act 2018⟫ you may ask for a copy.\n\nYours sincerely,\n⟦n/PERSON:Connor Walsh⟧",
        ),
        (
            "military",
            "Ship to: ⟦n/PERSON:Desmond Pryce⟧\n⟦a/ADDRESS_US_MILITARY:USS Ronald Reagan (CVN 74)\nFPO AP 96616⟧\nAlt. contact ⟦s/PHONE_NUMBER:1-917-522-8088⟧, e-mail ⟦s/EMAIL_ADDRESS:desmond dot pryce at gmail dot com⟧.",
        ),
        (
            "prescription",
            "Patient: ⟦n/PERSON:Desmond Pryce⟧, born ⟦d/DATE_OF_BIRTH:1 January 1969⟧, Record number ⟦i/MEDICAL_RECORD_NUMBER:2021-UR-62705⟧. Dx: ⟪eponym:Graves' disease⟫. Pharmacy will ring ⟦s/PHONE_NUMBER:020 3145 8421⟧. Patient drinks ⟪brand:Paul Smith⟫ daily.",
        ),
        (
            "chat",
            "[09:12] ⟦n/PERSON:desmond⟧: hi, my card ⟦s/CREDIT_CARD:6011668828112654⟧ got charged twice on ⟪txdate:10/05/2024⟫\n[09:13] agent: sorry! best number?\n[09:13] ⟦n/PERSON:desmond⟧: ⟦s/PHONE_NUMBER:0044 131 344 8452⟧ — or email ⟦s/EMAIL_ADDRESS:desmond.pryce@yahoo.co.uk⟧\n[09:14] agent: thanks, refunding to card ending ⟪last4:0976⟫",
        ),
        (
            "form",
            "Delivery address: ⟦a/ADDRESS_US:92 Hillcrest Dr, Raleigh, NC 27601⟧\nSSN (for the credit check): ⟦s/US_SSN:184-41-8833⟧\nCard on file: ⟦s/CREDIT_CARD:4051\xa05438\xa02993\xa02150⟧\nPolicy no. ⟪policy:POL-116494⟫",
        ),
        (
            "email",
            "From: ⟦n/PERSON:Desmond Pryce⟧ <⟦s/EMAIL_ADDRESS:desmond.pryce@outlook.com⟧>\nSubject: order ⟪order:A9511174⟫\n\nHi, please call me on ⟦s/PHONE_NUMBER:07412-455696⟧ or my US cell ⟦s/PHONE_NUMBER:3104645154⟧. I'm at ⟦a/ADDRESS_UK:Flat 3, 69 Station Road, Norwich NR2 4PD⟧.\nBy the way the ⟪brand:Marc Jacobs⟫ voucher never arrived.\nThanks, ⟦n/PERSON:Desmond⟧",
        ),
        (
            "spreadsheet",
            "Name\tCard\tExpiry\tPhone\n⟦n/PERSON:Desmond Pryce⟧\t⟦s/CREDIT_CARD:6011 6517 8836 5504⟧\t04/27\t⟦s/PHONE_NUMBER:0113 148 4259⟧\n⟦n/PERSON:Connor Walsh⟧\t⟦s/CREDIT_CARD:6011750031450376⟧\t11/26\t⟦s/PHONE_NUMBER:206-383-8012⟧",
        ),
        (
            "chargeback",
            "Chargeback list (07/08/2024)\n1. card ⟦s/CREDIT_CARD:3789-821046-02886⟧ — £42.10 — order ⟪order:37-555597⟫\n2. card ⟦s/CREDIT_CARD:3779 188957 55526⟧ — £310.00\n3. card ⟦s/CREDIT_CARD:4888\xa06193\xa00733\xa06889⟧ — £19.99 — card ending in ⟪last4:2834⟫ flagged twice",
        ),
        (
            "it_ticket",
            "Ticket ⟪order:PO-224852⟫: user ⟦n/PERSON:Desmond Pryce⟧ (⟦s/EMAIL_ADDRESS:desmond.pryce@acme-corp.com⟧) cannot reach the VPN from ⟦s/IP_ADDRESS:2001:db8:c167:dc::c1⟧; gateway ⟦s/IP_ADDRESS:2001:db8:3765:6a0::a5⟧ replies. Callback ⟦s/PHONE_NUMBER:+1 713-243-8581 x931⟧.",
        ),
        (
            "hr_form",
            "EMPLOYEE RECORD\nName: ⟦n/PERSON:Desmond Pryce⟧\nborn on ⟦d/DATE_OF_BIRTH:March 23, 1981⟧\nSSN: ⟦s/US_SSN:042-61-0124⟧\nHome address:\n⟦a/ADDRESS_US:25 Sunset Boulevard\nAustin, TX 78701⟧\nPhone: ⟦s/PHONE_NUMBER:415\u202f863\u202f2337⟧\nBank: ⟦s/IBAN_CODE:GB15 NXNO 5347 8971 3311 59⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Desmond Pryce⟧\n⟦a/ADDRESS_UK:Flat 7, 30 Church Close\nManchester M14 5RF⟧\n\nDear ⟦n/PERSON:Desmond⟧,\n\nYour claim for ⟪eponym:Hodgkin lymphoma⟫ treatment (Patient ID: ⟦i/MEDICAL_RECORD_NUMBER:H-854177⟧) was approved. Call us on ⟦s/PHONE_NUMBER:0113\u202f573\u202f5736⟧. Under ⟪citation:Section 7 of the Data Protection Act 2018⟫ you may ask for a copy.\n\nYours sincerely,\n⟦n/PERSON:Connor Walsh⟧",
        ),
        (
            "military",
            "Ship to: ⟦n/PERSON:Desmond Pryce⟧\n⟦a/ADDRESS_US_MILITARY:USS Carl Vinson (CVN 75)\nFPO AP 96616⟧\nAlt. contact ⟦s/PHONE_NUMBER:404\t560\t8724⟧, e-mail ⟦s/EMAIL_ADDRESS:desmond.pryce [at] gmail [dot] com⟧.",
        ),
        (
            "prescription",
            "Patient: ⟦n/PERSON:Desmond Pryce⟧, DOB: ⟦d/DATE_OF_BIRTH:19/12/1995⟧, Medical record no. ⟦i/MEDICAL_RECORD_NUMBER:A7805780⟧. Dx: ⟪eponym:Parkinson's disease⟫. Pharmacy will ring ⟦s/PHONE_NUMBER:07984388983⟧. Patient drinks ⟪brand:Captain Morgan⟫ daily.",
        ),
        (
            "chat",
            "[09:12] ⟦n/PERSON:desmond⟧: hi, my card ⟦s/CREDIT_CARD:4830066817922320⟧ got charged twice on ⟪txdate:17/04/2024⟫\n[09:13] agent: sorry! best number?\n[09:13] ⟦n/PERSON:desmond⟧: ⟦s/PHONE_NUMBER:+1 310-471-0512 ext 901⟧ — or email ⟦s/EMAIL_ADDRESS:d.pryce (at) yahoo.co.uk⟧\n[09:14] agent: thanks, refunding to card ending ⟪last4:2527⟫",
        ),
        (
            "form",
            "Delivery address: ⟦a/ADDRESS_US:141 Pine Ridge Road, Suite 191, Springfield, IL 62704⟧\nSSN (for the credit check): ⟦s/US_SSN:645 54 9286⟧\nCard on file: ⟦s/CREDIT_CARD:3443 163499 92482⟧\nPolicy no. ⟪policy:POL-052791⟫",
        ),
        (
            "email",
            "From: ⟦n/PERSON:Owen Marsh⟧ <⟦s/EMAIL_ADDRESS:owen.marsh@outlook.com⟧>\nSubject: order ⟪order:PO-791135⟫\n\nHi, please call me on ⟦s/PHONE_NUMBER:01865 577447 extension 890⟧ or my US cell ⟦s/PHONE_NUMBER:1-646-398-0334⟧. I'm at ⟦a/ADDRESS_UK:Flat 2, 178 Mill Lane, York YO1 7HH⟧.\nBy the way the ⟪brand:Johnnie Walker⟫ voucher never arrived.\nThanks, ⟦n/PERSON:Owen⟧",
        ),
        (
            "spreadsheet",
            "Name\tCard\tExpiry\tPhone\n⟦n/PERSON:Owen Marsh⟧\t⟦s/CREDIT_CARD:6011 8864 5732 8405⟧\t04/27\t⟦s/PHONE_NUMBER:0131 526 9276⟧\n⟦n/PERSON:Trevor Banks⟧\t⟦s/CREDIT_CARD:6011098584638843⟧\t11/26\t⟦s/PHONE_NUMBER:713\xa0756\xa08306⟧",
        ),
        (
            "chargeback",
            "Chargeback list (12/10/2024)\n1. card ⟦s/CREDIT_CARD:4801-3327-9672-6834⟧ — £42.10 — order ⟪order:A1795816⟫\n2. card ⟦s/CREDIT_CARD:3411 532771 86214⟧ — £310.00\n3. card ⟦s/CREDIT_CARD:4777\xa00775\xa01062\xa06147⟧ — £19.99 — card ending in ⟪last4:8836⟫ flagged twice",
        ),
        (
            "it_ticket",
            "Ticket ⟪order:A4613516⟫: user ⟦n/PERSON:Owen Marsh⟧ (⟦s/EMAIL_ADDRESS:owen.marsh@acme-corp.com⟧) cannot reach the VPN from ⟦s/IP_ADDRESS:192.17.128.135⟧; gateway ⟦s/IP_ADDRESS:81.133.106.182⟧ replies. Callback ⟦s/PHONE_NUMBER:(404) 458-4441 x625⟧.",
        ),
        (
            "hr_form",
            "EMPLOYEE RECORD\nName: ⟦n/PERSON:Owen Marsh⟧\nBirth date: ⟦d/DATE_OF_BIRTH:11/12/1983⟧\nSSN: ⟦s/US_SSN:654.16.5513⟧\nHome address:\n⟦a/ADDRESS_US:166 Washington Ave\nColumbus, OH 43215⟧\nPhone: ⟦s/PHONE_NUMBER:+1 512-995-9650⟧\nBank: ⟦s/IBAN_CODE:GB53\xa0LZIZ\xa07056\xa07090\xa04880\xa015⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Owen Marsh⟧\n⟦a/ADDRESS_UK:67 Orchard Way\nSheffield S10 2TN⟧\n\nDear ⟦n/PERSON:Owen⟧,\n\nYour claim for ⟪eponym:Parkinson's disease⟫ treatment (Hospital number: ⟦i/MEDICAL_RECORD_NUMBER:05987198⟧) was approved. Call us on ⟦s/PHONE_NUMBER:07984 777204⟧. Under ⟪citation:Section 7 of the Data Protection Act 2018⟫ you may ask for a copy.\n\nYours sincerely,\n⟦n/PERSON:Trevor Banks⟧",
        ),
        (
            "military",
            "Ship to: ⟦n/PERSON:Owen Marsh⟧\n⟦a/ADDRESS_US_MILITARY:PSC 3109, Box 7141\nAPO AE 09204⟧\nAlt. contact ⟦s/PHONE_NUMBER:(917) 356-1059⟧, e-mail ⟦s/EMAIL_ADDRESS:owen dot marsh at gmail dot com⟧.",
        ),
        (
            "prescription",
            "Patient: ⟦n/PERSON:Owen Marsh⟧, DOB: ⟦d/DATE_OF_BIRTH:09/06/1964⟧, Patient ID: ⟦i/MEDICAL_RECORD_NUMBER:2023/16497⟧. Dx: ⟪eponym:Parkinson's disease⟫. Pharmacy will ring ⟦s/PHONE_NUMBER:07412 275442⟧. Patient drinks ⟪brand:Ben & Jerry's⟫ daily.",
        ),
        (
            "chat",
            "[09:12] ⟦n/PERSON:owen⟧: hi, my card ⟦s/CREDIT_CARD:5138\t0053\t0514\t7863⟧ got charged twice on ⟪txdate:18/06/2024⟫\n[09:13] agent: sorry! best number?\n[09:13] ⟦n/PERSON:owen⟧: ⟦s/PHONE_NUMBER:07984\u202f876055⟧ — or email ⟦s/EMAIL_ADDRESS:owen dot marsh at yahoo.co dot uk⟧\n[09:14] agent: thanks, refunding to card ending ⟪last4:8856⟫",
        ),
        (
            "form",
            "Delivery address: ⟦a/ADDRESS_US:138 Oak Street, Raleigh, NC 27601⟧\nSSN (for the credit check): ⟦s/US_SSN:659.77.0648⟧\nCard on file: ⟦s/CREDIT_CARD:4714\t1363\t3437\t0104⟧\nPolicy no. ⟪policy:POL-875262⟫",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_UK:Flat 7, 78 Orchard Way, Manchester, M14 5RF⟧\n\n⟦a/ADDRESS_US_MILITARY:Unit 9161 Box 3624\nDPO AP 96520⟧\n\n⟦a/ADDRESS_US_MILITARY:CMR 479 Box 7656\nAPO AE 09140⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:01223/711410⟧\n⟦s/PHONE_NUMBER:+44 7855 634940⟧\n⟦s/PHONE_NUMBER:1-303-981-8244⟧\n⟦s/PHONE_NUMBER:(206) 880-8010⟧\n⟦s/PHONE_NUMBER:01131070091⟧",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_UK:153 Hawthorn Avenue, Manchester M14 5RF⟧\n\n⟦a/ADDRESS_UK:Flat 9, 80 Hawthorn Avenue\nBrighton\nBN1 4GH⟧\n\n⟦a/ADDRESS_US:230 Sunset Boulevard, Springfield, IL 62704⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:+44 (0)7911 816715⟧\n⟦s/PHONE_NUMBER:0131 112 6708⟧\n⟦s/PHONE_NUMBER:0121 805 7929 ext. 762⟧\n⟦s/PHONE_NUMBER:+44 (0)7700 371861⟧\n⟦s/PHONE_NUMBER:+44 (0)7984 247067⟧",
        ),
    ],
    "de": [
        (
            "email",
            "Von: ⟦n/PERSON:Rainer Kuhn⟧ <⟦s/EMAIL_ADDRESS:rainer.kuhn@web.de⟧>\nBetreff: Bestellung ⟪order:A6768259⟫\n\nHallo, bitte rufen Sie mich unter ⟦s/PHONE_NUMBER:0211 3829092⟧ zurück, tagsüber ⟦s/PHONE_NUMBER:040\xa0522042628⟧. Meine Anschrift: ⟦a/ADDRESS_DE:Berliner Straße 178a, 10115 Berlin⟧.\nGrüße ⟦n/PERSON:Rainer⟧",
        ),
        (
            "spreadsheet",
            'Name;Karte;Gültig bis;Telefon\n⟦n/PERSON:Rainer Kuhn⟧;"⟦s/CREDIT_CARD:4688 9870 4151 7805⟧";04/27;⟦s/PHONE_NUMBER:0221 352695⟧\n⟦n/PERSON:Anja Vogt⟧;"⟦s/CREDIT_CARD:6011827608219614⟧";11/26;"⟦s/PHONE_NUMBER:+49\xa0160\xa070700223⟧"',
        ),
        (
            "chargeback",
            "Rückbuchungen vom ⟪txdate:25.07.2024⟫\n- Karte ⟦s/CREDIT_CARD:6011 3432 7465 5016⟧: 42,10 €\n- Karte ⟦s/CREDIT_CARD:4563-7171-1243-3511⟧: 310,00 €, Bestellnummer ⟪order:A8015431⟫\n- Karte ⟦s/CREDIT_CARD:3414\xa0829418\xa034192⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Störung ⟪order:2024-86378⟫: ⟦n/PERSON:Rainer Kuhn⟧ (⟦s/EMAIL_ADDRESS:rainer.kuhn(at)firma.de⟧) erreicht den Server ⟦s/IP_ADDRESS:172.146.198.134⟧ nicht. Rückruf bitte unter ⟦s/PHONE_NUMBER:+49 69 342764129-916⟧.",
        ),
        (
            "hr_form",
            "PERSONALBOGEN\nName: ⟦n/PERSON:Rainer Kuhn⟧\nGeb.-Datum ⟦d/DATE_OF_BIRTH:09.05.2002⟧\nAnschrift:\n⟦a/ADDRESS_DE:Lindenstraße 104a\n04109 Leipzig⟧\nMobil: ⟦s/PHONE_NUMBER:01572 3936055⟧\nIBAN: ⟦s/IBAN_CODE:DE12 4965 7096 0564 3338 79⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Rainer Kuhn⟧\n⟦a/ADDRESS_DE:Hauptstr. 100\n28195 Bremen⟧\n\nSehr geehrte Frau ⟦n/PERSON:Kuhn⟧,\n\nIhre Behandlung wegen ⟪eponym:Morbus Parkinson⟫ (Krankenhausnummer: ⟦i/MEDICAL_RECORD_NUMBER:HC-075689⟧) wird übernommen, siehe ⟪citation:§ 27 SGB V⟫. Rückfragen unter ⟦s/PHONE_NUMBER:+49 170 8110098 App. 695⟧.\n\nMit freundlichen Grüßen\n⟦n/PERSON:Anja Vogt⟧",
        ),
        (
            "prescription",
            "Patient: ⟦n/PERSON:Rainer Kuhn⟧, geb. am ⟦d/DATE_OF_BIRTH:6. Januar 1942⟧, Fallnummer: ⟦i/MEDICAL_RECORD_NUMBER:B7779214⟧. Diagnose: ⟪eponym:Alzheimer-Krankheit⟫. Apotheke ruft an: ⟦s/PHONE_NUMBER:01523.1899033⟧. Trinkt gern ⟪brand:Jil Sander⟫.",
        ),
        (
            "chat",
            "[10:02] ⟦n/PERSON:rainer.kuhn⟧: hallo, meine Karte ⟦s/CREDIT_CARD:6011-9227-1383-1294⟧ wurde am ⟪txdate:16.12.2024⟫ doppelt belastet\n[10:03] support: Unter welcher Nummer erreichen wir Sie?\n[10:03] ⟦n/PERSON:rainer.kuhn⟧: ⟦s/PHONE_NUMBER:+4917135657983⟧ oder ⟦s/EMAIL_ADDRESS:r.kuhn (at) gmx.de⟧\n[10:04] support: Danke, Erstattung auf die Karte mit Endung ⟪last4:6345⟫. Sie tragen ja ⟪brand:Jil Sander⟫, sehe ich im Profil.",
        ),
        (
            "form",
            "Lieferanschrift: ⟦a/ADDRESS_DE:Kastanienallee 111a, 10115 Berlin⟧\nTelefon: ⟦s/PHONE_NUMBER:01576/8450074⟧\nKreditkarte: ⟦s/CREDIT_CARD:5301331560408373⟧\nVersicherungsschein-Nr. ⟪policy:195-961010⟫",
        ),
        (
            "email",
            "Von: ⟦n/PERSON:Florian Brandt⟧ <⟦s/EMAIL_ADDRESS:florian.brandt@web.de⟧>\nBetreff: Bestellung ⟪order:44-461515⟫\n\nHallo, bitte rufen Sie mich unter ⟦s/PHONE_NUMBER:0049 176 41423733⟧ zurück, tagsüber ⟦s/PHONE_NUMBER:+4935161685424⟧. Meine Anschrift: ⟦a/ADDRESS_DE:Rosenweg 231a, 10115 Berlin⟧.\nGrüße ⟦n/PERSON:Florian⟧",
        ),
        (
            "spreadsheet",
            'Name;Karte;Gültig bis;Telefon\n⟦n/PERSON:Florian Brandt⟧;"⟦s/CREDIT_CARD:3755 856252 84564⟧";04/27;⟦s/PHONE_NUMBER:0176 44056135⟧\n⟦n/PERSON:Rainer Kuhn⟧;"⟦s/CREDIT_CARD:2431266981433172⟧";11/26;"⟦s/PHONE_NUMBER:+49 89 40747776⟧"',
        ),
        (
            "chargeback",
            "Rückbuchungen vom ⟪txdate:26.11.2024⟫\n- Karte ⟦s/CREDIT_CARD:3480 441861 34069⟧: 42,10 €\n- Karte ⟦s/CREDIT_CARD:3414-395461-80751⟧: 310,00 €, Bestellnummer ⟪order:PO-802579⟫\n- Karte ⟦s/CREDIT_CARD:3768\xa0878499\xa096174⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Störung ⟪order:A6055483⟫: ⟦n/PERSON:Florian Brandt⟧ (⟦s/EMAIL_ADDRESS:florian.brandt(at)firma.de⟧) erreicht den Server ⟦s/IP_ADDRESS:192.233.34.126⟧ nicht. Rückruf bitte unter ⟦s/PHONE_NUMBER:+49 176 7403201 App. 184⟧.",
        ),
        (
            "hr_form",
            "PERSONALBOGEN\nName: ⟦n/PERSON:Florian Brandt⟧\nGeburtsdatum: ⟦d/DATE_OF_BIRTH:02.10.1957⟧\nAnschrift:\n⟦a/ADDRESS_DE:Hauptstr. 197a\n70173 Stuttgart⟧\nMobil: ⟦s/PHONE_NUMBER:+49 (0)1519 0777854⟧\nIBAN: ⟦s/IBAN_CODE:DE04791016992938327174⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Florian Brandt⟧\n⟦a/ADDRESS_DE:Am Mühlbach 197\n80331 München⟧\n\nSehr geehrte Frau ⟦n/PERSON:Brandt⟧,\n\nIhre Behandlung wegen ⟪eponym:Hodgkin-Lymphom⟫ (Patientennummer ⟦i/MEDICAL_RECORD_NUMBER:2016-UR-24314⟧) wird übernommen, siehe ⟪citation:§ 27 SGB V⟫. Rückfragen unter ⟦s/PHONE_NUMBER:+491709381495⟧.\n\nMit freundlichen Grüßen\n⟦n/PERSON:Rainer Kuhn⟧",
        ),
        (
            "prescription",
            "Patient: ⟦n/PERSON:Florian Brandt⟧, geboren am ⟦d/DATE_OF_BIRTH:26. Februar 1977⟧, Krankenhausnummer: ⟦i/MEDICAL_RECORD_NUMBER:Z-359027⟧. Diagnose: ⟪eponym:Morbus Parkinson⟫. Apotheke ruft an: ⟦s/PHONE_NUMBER:0171/65722348⟧. Trinkt gern ⟪brand:Ben & Jerry's⟫.",
        ),
        (
            "chat",
            "[10:02] ⟦n/PERSON:florian.brandt⟧: hallo, meine Karte ⟦s/CREDIT_CARD:4054 9089 8233 8437⟧ wurde am ⟪txdate:28.06.2024⟫ doppelt belastet\n[10:03] support: Unter welcher Nummer erreichen wir Sie?\n[10:03] ⟦n/PERSON:florian.brandt⟧: ⟦s/PHONE_NUMBER:+49 (0)30 719227553⟧ oder ⟦s/EMAIL_ADDRESS:florian dot brandt at gmx dot de⟧\n[10:04] support: Danke, Erstattung auf die Karte mit Endung ⟪last4:8344⟫. Sie tragen ja ⟪brand:Karl Lagerfeld⟫, sehe ich im Profil.",
        ),
        (
            "form",
            "Lieferanschrift: ⟦a/ADDRESS_DE:Rosenweg 69, 60313 Frankfurt am Main⟧\nTelefon: ⟦s/PHONE_NUMBER:+4971169392981⟧\nKreditkarte: ⟦s/CREDIT_CARD:6011-8730-3752-6807⟧\nVersicherungsschein-Nr. ⟪policy:786-051837⟫",
        ),
        (
            "email",
            "Von: ⟦n/PERSON:Petra Engel⟧ <⟦s/EMAIL_ADDRESS:petra.engel@web.de⟧>\nBetreff: Bestellung ⟪order:2023-09086⟫\n\nHallo, bitte rufen Sie mich unter ⟦s/PHONE_NUMBER:+49 711 843680⟧ zurück, tagsüber ⟦s/PHONE_NUMBER:+49 (0)170 8261422⟧. Meine Anschrift: ⟦a/ADDRESS_DE:Bahnhofstraße 27, 70173 Stuttgart⟧.\nGrüße ⟦n/PERSON:Petra⟧",
        ),
        (
            "spreadsheet",
            'Name;Karte;Gültig bis;Telefon\n⟦n/PERSON:Petra Engel⟧;"⟦s/CREDIT_CARD:2425 5260 5818 8589⟧";04/27;⟦s/PHONE_NUMBER:0221 42990770⟧\n⟦n/PERSON:Florian Brandt⟧;"⟦s/CREDIT_CARD:347570601696762⟧";11/26;"⟦s/PHONE_NUMBER:+49-170-88376891⟧"',
        ),
        (
            "chargeback",
            "Rückbuchungen vom ⟪txdate:15.12.2024⟫\n- Karte ⟦s/CREDIT_CARD:6011 2365 9660 2684⟧: 42,10 €\n- Karte ⟦s/CREDIT_CARD:4741-5477-3337-4363⟧: 310,00 €, Bestellnummer ⟪order:63-044618⟫\n- Karte ⟦s/CREDIT_CARD:3478\xa0443173\xa067517⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Störung ⟪order:PO-627973⟫: ⟦n/PERSON:Petra Engel⟧ (⟦s/EMAIL_ADDRESS:petra.engel(at)firma.de⟧) erreicht den Server ⟦s/IP_ADDRESS:81.200.218.157⟧ nicht. Rückruf bitte unter ⟦s/PHONE_NUMBER:+49 171 41648919 App. 960⟧.",
        ),
        (
            "hr_form",
            "PERSONALBOGEN\nName: ⟦n/PERSON:Petra Engel⟧\ngeb. am ⟦d/DATE_OF_BIRTH:27. Oktober 1943⟧\nAnschrift:\n⟦a/ADDRESS_DE:Berliner Straße 54b\n28195 Bremen⟧\nMobil: ⟦s/PHONE_NUMBER:+4917032459004⟧\nIBAN: ⟦s/IBAN_CODE:DE66 8480 7826 9550 4397 44⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Petra Engel⟧\n⟦a/ADDRESS_DE:Bahnhofstraße 39\n70173 Stuttgart⟧\n\nSehr geehrte Frau ⟦n/PERSON:Engel⟧,\n\nIhre Behandlung wegen ⟪eponym:Alzheimer-Krankheit⟫ (Patientennummer ⟦i/MEDICAL_RECORD_NUMBER:B9217078⟧) wird übernommen, siehe ⟪citation:§ 27 SGB V⟫. Rückfragen unter ⟦s/PHONE_NUMBER:0421  55222504⟧.\n\nMit freundlichen Grüßen\n⟦n/PERSON:Florian Brandt⟧",
        ),
        (
            "prescription",
            "Patient: ⟦n/PERSON:Petra Engel⟧, Geb.-Datum ⟦d/DATE_OF_BIRTH:19.02.1981⟧, Aufnahmenummer ⟦i/MEDICAL_RECORD_NUMBER:2015/56816⟧. Diagnose: ⟪eponym:Alzheimer-Krankheit⟫. Apotheke ruft an: ⟦s/PHONE_NUMBER:+49 30 208102320 Durchwahl 71⟧. Trinkt gern ⟪brand:Jack Daniel's⟫.",
        ),
        (
            "chat",
            "[10:02] ⟦n/PERSON:petra.engel⟧: hallo, meine Karte ⟦s/CREDIT_CARD:5412 3762 8720 4536⟧ wurde am ⟪txdate:13.02.2024⟫ doppelt belastet\n[10:03] support: Unter welcher Nummer erreichen wir Sie?\n[10:03] ⟦n/PERSON:petra.engel⟧: ⟦s/PHONE_NUMBER:0176 5433760⟧ oder ⟦s/EMAIL_ADDRESS:petra.engel@gmx.de⟧\n[10:04] support: Danke, Erstattung auf die Karte mit Endung ⟪last4:2120⟫. Sie tragen ja ⟪brand:Jack Daniel's⟫, sehe ich im Profil.",
        ),
        (
            "form",
            "Lieferanschrift: ⟦a/ADDRESS_DE:Goethestr. 99, 04109 Leipzig⟧\nTelefon: ⟦s/PHONE_NUMBER:0711 4282507⟧\nKreditkarte: ⟦s/CREDIT_CARD:4461-2652-4913-8119⟧\nVersicherungsschein-Nr. ⟪policy:620-325883⟫",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_DE:Schillerplatz 97\n20095 Hamburg⟧\n\n⟦a/ADDRESS_DE:Berliner Straße 13a\n50667 Köln⟧\n\n⟦a/ADDRESS_DE:Goethestr. 78a, 50667 Köln⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:0176 40955211⟧\n⟦s/PHONE_NUMBER:0049 211 82854015⟧\n⟦s/PHONE_NUMBER:+49.1512.1211684⟧\n⟦s/PHONE_NUMBER:01522 9570834⟧\n⟦s/PHONE_NUMBER:0221 53949119⟧",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_DE:Hauptstr. 211a\n60313 Frankfurt am Main⟧\n\n⟦a/ADDRESS_DE:Lindenstraße 223a\n60313 Frankfurt am Main⟧\n\n⟦a/ADDRESS_DE:Schillerplatz 6a, 70173 Stuttgart⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:030 / 2965200⟧\n⟦s/PHONE_NUMBER:0176 30340764⟧\n⟦s/PHONE_NUMBER:0170 / 80533656⟧\n⟦s/PHONE_NUMBER:030 2108753⟧\n⟦s/PHONE_NUMBER:+49 1513 7172245 App. 587⟧",
        ),
    ],
    "fr": [
        (
            "email",
            "De : ⟦n/PERSON:Élodie Marchand⟧ <⟦s/EMAIL_ADDRESS:élodie.marchand@orange.fr⟧>\nObjet : commande ⟪order:52-931313⟫\n\nBonjour, merci de me rappeler au ⟦s/PHONE_NUMBER:0775679951⟧ ou au ⟦s/PHONE_NUMBER:+33 (0)6 31 07 72 57⟧. Adresse : ⟦a/ADDRESS_FR:204 rue des Lilas, 44000 Nantes Cedex⟧.\nCordialement, ⟦n/PERSON:Élodie⟧",
        ),
        (
            "spreadsheet",
            'Nom;Carte;Expiration;Téléphone\n⟦n/PERSON:Élodie Marchand⟧;"⟦s/CREDIT_CARD:4049 3529 7507 7736⟧";04/27;⟦s/PHONE_NUMBER:03 50 51 43 81⟧\n⟦n/PERSON:Sylvie Caron⟧;⟦s/CREDIT_CARD:5403\xa04075\xa01228\xa00859⟧;11/26;⟦s/PHONE_NUMBER:04  13  63  45  46⟧',
        ),
        (
            "chargeback",
            "Impayés du ⟪txdate:22/03/2024⟫\n• carte ⟦s/CREDIT_CARD:2594 2130 5161 6768⟧ : 42,10 €\n• carte ⟦s/CREDIT_CARD:5365170336996532⟧ : 310,00 €, commande ⟪order:A8583427⟫\n• carte ⟦s/CREDIT_CARD:3431 785710 42498⟧ : 19,99 €",
        ),
        (
            "it_ticket",
            "Incident ⟪order:2023-89322⟫ : ⟦n/PERSON:Élodie Marchand⟧ (⟦s/EMAIL_ADDRESS:élodie.marchand [at] societe [dot] fr⟧) ne joint plus le serveur ⟦s/IP_ADDRESS:2001:db8:21d3:71a::96⟧. Rappeler au ⟦s/PHONE_NUMBER:01 37 75 21 62 p. 751⟧.",
        ),
        (
            "hr_form",
            "FICHE SALARIÉ\nNom : ⟦n/PERSON:Élodie Marchand⟧\ndate de naissance : ⟦d/DATE_OF_BIRTH:08/02/1993⟧\nAdresse :\n⟦a/ADDRESS_FR:213 ter, chemin des Vignes\n31000 Toulouse⟧\nPortable : ⟦s/PHONE_NUMBER:07/30 55 48 95⟧\nIBAN : ⟦s/IBAN_CODE:FR18 6422 3861 6258 9664 9507 135⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Élodie Marchand⟧\n⟦a/ADDRESS_FR:187 ter, rue de la République\n06000 Nice⟧\n\nMadame, Monsieur,\n\nVotre prise en charge pour ⟪eponym:maladie d'Alzheimer⟫ (Dossier patient n° ⟦i/MEDICAL_RECORD_NUMBER:B2490075⟧) est acceptée, conformément à l'⟪citation:article L. 1111-7 du Code de la santé publique⟫. Contact : ⟦s/PHONE_NUMBER:+33.3.20.80.40.57⟧.\n\n⟦n/PERSON:Sylvie Caron⟧",
        ),
        (
            "prescription",
            "Patient : ⟦n/PERSON:Élodie Marchand⟧, Né(e) le ⟦d/DATE_OF_BIRTH:17/11/1976⟧, n° dossier ⟦i/MEDICAL_RECORD_NUMBER:19646783⟧. Diagnostic : ⟪eponym:maladie de Parkinson⟫. La pharmacie appellera le ⟦s/PHONE_NUMBER:0033 6 67 89 79 48⟧. Offert : un coffret ⟪brand:Christian Dior⟫.",
        ),
        (
            "chat",
            "[11:02] ⟦n/PERSON:élodie.marchand⟧ : bonjour, ma carte ⟦s/CREDIT_CARD:4286 8416 8596 9036⟧ a été débitée deux fois le ⟪txdate:09/08/2024⟫\n[11:03] conseiller : votre numéro ?\n[11:03] ⟦n/PERSON:élodie.marchand⟧ : ⟦s/PHONE_NUMBER:+33 (0)5 29 79 51 00⟧, ou ⟦s/EMAIL_ADDRESS:élodie dot marchand at free dot fr⟧\n[11:04] conseiller : remboursement sur la carte se terminant par ⟪last4:6598⟫",
        ),
        (
            "form",
            "Adresse de livraison : ⟦a/ADDRESS_FR:207 bis, chemin des Vignes, 67000 Strasbourg⟧\nTél. : ⟦s/PHONE_NUMBER:+33 (0)4 44 81 32 78⟧\nCarte bancaire : ⟦s/CREDIT_CARD:4896.3476.9860.4018⟧\nContrat n° ⟪policy:48B124157⟫",
        ),
        (
            "email",
            "De : ⟦n/PERSON:Sylvie Caron⟧ <⟦s/EMAIL_ADDRESS:sylvie.caron@orange.fr⟧>\nObjet : commande ⟪order:PO-724329⟫\n\nBonjour, merci de me rappeler au ⟦s/PHONE_NUMBER:05 77 03 64 27⟧ ou au ⟦s/PHONE_NUMBER:+33764081950⟧. Adresse : ⟦a/ADDRESS_FR:196 boulevard Victor Hugo, 13006 Marseille⟧.\nCordialement, ⟦n/PERSON:Sylvie⟧",
        ),
        (
            "spreadsheet",
            'Nom;Carte;Expiration;Téléphone\n⟦n/PERSON:Sylvie Caron⟧;"⟦s/CREDIT_CARD:4190 5747 1966 8317⟧";04/27;⟦s/PHONE_NUMBER:06 64 18 73 59⟧\n⟦n/PERSON:Hugo Perrin⟧;⟦s/CREDIT_CARD:4812\xa01277\xa09262\xa07011⟧;11/26;⟦s/PHONE_NUMBER:07-54-65-12-29⟧',
        ),
        (
            "chargeback",
            "Impayés du ⟪txdate:24/06/2024⟫\n• carte ⟦s/CREDIT_CARD:2490 7362 1841 5547⟧ : 42,10 €\n• carte ⟦s/CREDIT_CARD:342223245650549⟧ : 310,00 €, commande ⟪order:A0141294⟫\n• carte ⟦s/CREDIT_CARD:3477 485012 28221⟧ : 19,99 €",
        ),
        (
            "it_ticket",
            "Incident ⟪order:2019-35908⟫ : ⟦n/PERSON:Sylvie Caron⟧ (⟦s/EMAIL_ADDRESS:sylvie.caron [at] societe [dot] fr⟧) ne joint plus le serveur ⟦s/IP_ADDRESS:172.109.121.154⟧. Rappeler au ⟦s/PHONE_NUMBER:+33 1 94 16 44 13 poste 465⟧.",
        ),
        (
            "hr_form",
            "FICHE SALARIÉ\nNom : ⟦n/PERSON:Sylvie Caron⟧\nnée le ⟦d/DATE_OF_BIRTH:21/06/1994⟧\nAdresse :\n⟦a/ADDRESS_FR:100, allée des Tilleuls\n06000 Nice Cedex⟧\nPortable : ⟦s/PHONE_NUMBER:07 70 65 42 68⟧\nIBAN : ⟦s/IBAN_CODE:FR8273531617591150602133111⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Sylvie Caron⟧\n⟦a/ADDRESS_FR:91 bis, place du Marché\n06000 Nice⟧\n\nMadame, Monsieur,\n\nVotre prise en charge pour ⟪eponym:maladie de Parkinson⟫ (Dossier patient n° ⟦i/MEDICAL_RECORD_NUMBER:H/19/39141⟧) est acceptée, conformément à l'⟪citation:article L. 1111-7 du Code de la santé publique⟫. Contact : ⟦s/PHONE_NUMBER:04.58.07.61.34⟧.\n\n⟦n/PERSON:Hugo Perrin⟧",
        ),
        (
            "prescription",
            "Patient : ⟦n/PERSON:Sylvie Caron⟧, née le ⟦d/DATE_OF_BIRTH:22 août 2003⟧, numéro de dossier : ⟦i/MEDICAL_RECORD_NUMBER:2016/34488⟧. Diagnostic : ⟪eponym:maladie de Crohn⟫. La pharmacie appellera le ⟦s/PHONE_NUMBER:04 45 72 07 10⟧. Offert : un coffret ⟪brand:Yves Saint Laurent⟫.",
        ),
        (
            "chat",
            "[11:02] ⟦n/PERSON:sylvie.caron⟧ : bonjour, ma carte ⟦s/CREDIT_CARD:2221-0461-8669-4156⟧ a été débitée deux fois le ⟪txdate:24/04/2024⟫\n[11:03] conseiller : votre numéro ?\n[11:03] ⟦n/PERSON:sylvie.caron⟧ : ⟦s/PHONE_NUMBER:04/45 49 26 40⟧, ou ⟦s/EMAIL_ADDRESS:sylvie.caron [at] free [dot] fr⟧\n[11:04] conseiller : remboursement sur la carte se terminant par ⟪last4:6215⟫",
        ),
        (
            "form",
            "Adresse de livraison : ⟦a/ADDRESS_FR:204 ter rue Saint-Honoré, 06000 Nice⟧\nTél. : ⟦s/PHONE_NUMBER:03/72 21 02 29⟧\nCarte bancaire : ⟦s/CREDIT_CARD:5510 8828 3259 4892⟧\nContrat n° ⟪policy:54C146525⟫",
        ),
        (
            "email",
            "De : ⟦n/PERSON:Hugo Perrin⟧ <⟦s/EMAIL_ADDRESS:hugo.perrin@orange.fr⟧>\nObjet : commande ⟪order:43-631847⟫\n\nBonjour, merci de me rappeler au ⟦s/PHONE_NUMBER:+33 (0)6 52 56 49 33⟧ ou au ⟦s/PHONE_NUMBER:+33.3.66.20.73.37⟧. Adresse : ⟦a/ADDRESS_FR:209 allée des Tilleuls, 13006 Marseille Cedex⟧.\nCordialement, ⟦n/PERSON:Hugo⟧",
        ),
        (
            "spreadsheet",
            'Nom;Carte;Expiration;Téléphone\n⟦n/PERSON:Hugo Perrin⟧;"⟦s/CREDIT_CARD:4285 1534 8286 4647⟧";04/27;⟦s/PHONE_NUMBER:02 99 42 98 73⟧\n⟦n/PERSON:Margaux Fontaine⟧;⟦s/CREDIT_CARD:4820\xa02292\xa00029\xa09787⟧;11/26;⟦s/PHONE_NUMBER:03  57  85  04  21⟧',
        ),
        (
            "chargeback",
            "Impayés du ⟪txdate:27/01/2024⟫\n• carte ⟦s/CREDIT_CARD:4797 3927 1001 7153⟧ : 42,10 €\n• carte ⟦s/CREDIT_CARD:345040618725246⟧ : 310,00 €, commande ⟪order:A4845381⟫\n• carte ⟦s/CREDIT_CARD:3427 960308 57635⟧ : 19,99 €",
        ),
        (
            "it_ticket",
            "Incident ⟪order:2020-24834⟫ : ⟦n/PERSON:Hugo Perrin⟧ (⟦s/EMAIL_ADDRESS:hugo.perrin [at] societe [dot] fr⟧) ne joint plus le serveur ⟦s/IP_ADDRESS:2001:db8:d634:460::6f⟧. Rappeler au ⟦s/PHONE_NUMBER:02 88 25 54 05 poste 504⟧.",
        ),
        (
            "hr_form",
            "FICHE SALARIÉ\nNom : ⟦n/PERSON:Hugo Perrin⟧\nné le ⟦d/DATE_OF_BIRTH:22 janvier 1973⟧\nAdresse :\n⟦a/ADDRESS_FR:36 bis, rue des Lilas\n06000 Nice⟧\nPortable : ⟦s/PHONE_NUMBER:+33 (0)7 51 13 97 41⟧\nIBAN : ⟦s/IBAN_CODE:FR78-0501-7141-7659-0144-9425-526⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Hugo Perrin⟧\n⟦a/ADDRESS_FR:203 ter avenue Jean Jaurès\n06000 Nice Cedex⟧\n\nMadame, Monsieur,\n\nVotre prise en charge pour ⟪eponym:maladie d'Alzheimer⟫ (n° dossier ⟦i/MEDICAL_RECORD_NUMBER:A4964277⟧) est acceptée, conformément à l'⟪citation:article L. 1111-7 du Code de la santé publique⟫. Contact : ⟦s/PHONE_NUMBER:03-82-77-85-93⟧.\n\n⟦n/PERSON:Margaux Fontaine⟧",
        ),
        (
            "prescription",
            "Patient : ⟦n/PERSON:Hugo Perrin⟧, né le ⟦d/DATE_OF_BIRTH:12 octobre 1993⟧, N° patient : ⟦i/MEDICAL_RECORD_NUMBER:MR/18/77976⟧. Diagnostic : ⟪eponym:maladie d'Alzheimer⟫. La pharmacie appellera le ⟦s/PHONE_NUMBER:04  11  25  02  99⟧. Offert : un coffret ⟪brand:Yves Saint Laurent⟫.",
        ),
        (
            "chat",
            "[11:02] ⟦n/PERSON:hugo.perrin⟧ : bonjour, ma carte ⟦s/CREDIT_CARD:5487\xa04565\xa00018\xa05397⟧ a été débitée deux fois le ⟪txdate:20/07/2024⟫\n[11:03] conseiller : votre numéro ?\n[11:03] ⟦n/PERSON:hugo.perrin⟧ : ⟦s/PHONE_NUMBER:05 21 91 12 79 p. 251⟧, ou ⟦s/EMAIL_ADDRESS:hugo.perrin@free.fr⟧\n[11:04] conseiller : remboursement sur la carte se terminant par ⟪last4:1305⟫",
        ),
        (
            "form",
            "Adresse de livraison : ⟦a/ADDRESS_FR:216 ter, avenue Jean Jaurès, 33000 Bordeaux⟧\nTél. : ⟦s/PHONE_NUMBER:+33.4.20.06.62.33⟧\nCarte bancaire : ⟦s/CREDIT_CARD:5220 3023 2570 8744⟧\nContrat n° ⟪policy:74A787282⟫",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_FR:37 rue Saint-Honoré, 31000 Toulouse⟧\n\n⟦a/ADDRESS_FR:102, avenue Jean Jaurès\n75011 Paris⟧\n\n⟦a/ADDRESS_FR:92 bis, allée des Tilleuls, 33000 Bordeaux Cedex⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:+33 (0)3 57 06 77 80⟧\n⟦s/PHONE_NUMBER:0772569151⟧\n⟦s/PHONE_NUMBER:0033 7 67 21 62 43⟧\n⟦s/PHONE_NUMBER:+33484537086⟧\n⟦s/PHONE_NUMBER:07\u202f82\u202f81\u202f77\u202f60⟧",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_FR:163 ter, rue de la République\n67000 Strasbourg⟧\n\n⟦a/ADDRESS_FR:134, rue de la République\n44000 Nantes⟧\n\n⟦a/ADDRESS_FR:12 ter, boulevard Victor Hugo\n13006 Marseille⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:0033 2 61 70 43 55⟧\n⟦s/PHONE_NUMBER:05 30 80 11 25⟧\n⟦s/PHONE_NUMBER:04/63 08 28 08⟧\n⟦s/PHONE_NUMBER:06.21.52.63.52⟧\n⟦s/PHONE_NUMBER:+33 1 79 84 07 37⟧",
        ),
    ],
    "es": [
        (
            "email",
            "De: ⟦n/PERSON:Lucía Navarro⟧ <⟦s/EMAIL_ADDRESS:lucía.navarro@gmail.com⟧>\nAsunto: pedido ⟪order:17-667525⟫\n\nHola, llámenme al ⟦s/PHONE_NUMBER:739465338⟧ o al ⟦s/PHONE_NUMBER:953290777⟧. Mi dirección: ⟦a/ADDRESS_ES:Calle de Serrano 143, 3º 2ª, 50001 Zaragoza⟧.\nSaludos, ⟦n/PERSON:Lucía⟧",
        ),
        (
            "spreadsheet",
            "Nombre\tTarjeta\tCaducidad\tTeléfono\n⟦n/PERSON:Lucía Navarro⟧\t⟦s/CREDIT_CARD:2393 4547 1111 2573⟧\t04/27\t⟦s/PHONE_NUMBER:717 35 42 12⟧\n⟦n/PERSON:Pilar Herrera⟧\t⟦s/CREDIT_CARD:4833-2319-6707-4408⟧\t11/26\t⟦s/PHONE_NUMBER:+34\t988\t85\t97\t02⟧",
        ),
        (
            "chargeback",
            "Retrocesiones del ⟪txdate:22/10/2024⟫\n- tarjeta ⟦s/CREDIT_CARD:5192 3899 8767 6347⟧: 42,10 €\n- tarjeta ⟦s/CREDIT_CARD:4664872879005925⟧: 310,00 €, pedido ⟪order:56-570852⟫\n- tarjeta ⟦s/CREDIT_CARD:3466 447266 03945⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Incidencia ⟪order:PO-942567⟫: ⟦n/PERSON:Lucía Navarro⟧ (⟦s/EMAIL_ADDRESS:lucía dot navarro at empresa dot es⟧) no conecta con ⟦s/IP_ADDRESS:192.108.175.12⟧. Devolver llamada al ⟦s/PHONE_NUMBER:936 16 10 89 extensión 553⟧.",
        ),
        (
            "hr_form",
            "FICHA DEL EMPLEADO\nNombre: ⟦n/PERSON:Lucía Navarro⟧\nF. nac.: ⟦d/DATE_OF_BIRTH:11/02/1954⟧\nDomicilio:\n⟦a/ADDRESS_ES:Calle Mayor, 184, 1º izq.\n46002 Valencia⟧\nMóvil: ⟦s/PHONE_NUMBER:+34.662.70.40.26⟧\nIBAN: ⟦s/IBAN_CODE:ES21 9541 4950 5493 0330 3283⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Lucía Navarro⟧\n⟦a/ADDRESS_ES:Paseo de Gracia, nº 112, ático\n29015 Málaga⟧\n\nEstimada señora:\n\nSu tratamiento de la ⟪eponym:enfermedad de Crohn⟫ (número de paciente ⟦i/MEDICAL_RECORD_NUMBER:73791123⟧) queda autorizado según el ⟪citation:artículo 18 de la Ley 41/2002⟫. Teléfono de contacto: ⟦s/PHONE_NUMBER:693 11 40 42⟧.\n\nAtentamente,\n⟦n/PERSON:Pilar Herrera⟧",
        ),
        (
            "prescription",
            "Paciente: ⟦n/PERSON:Lucía Navarro⟧, nacida el ⟦d/DATE_OF_BIRTH:21/02/1994⟧, Nº de historia: ⟦i/MEDICAL_RECORD_NUMBER:2019-CH-96540⟧. Diagnóstico: ⟪eponym:síndrome de Down⟫. La farmacia llamará al ⟦s/PHONE_NUMBER:983  11  25  91⟧. Regalo: perfume de ⟪brand:Hugo Boss⟫.",
        ),
        (
            "chat",
            "[12:02] ⟦n/PERSON:lucía⟧: hola, me cobraron dos veces en la tarjeta ⟦s/CREDIT_CARD:3458 348851 08569⟧ el ⟪txdate:20/10/2024⟫\n[12:03] agente: ¿su teléfono?\n[12:03] ⟦n/PERSON:lucía⟧: ⟦s/PHONE_NUMBER:0034 712 11 97 49⟧ o ⟦s/EMAIL_ADDRESS:l.navarro (at) hotmail.es⟧\n[12:04] agente: devolución a la tarjeta terminada en ⟪last4:3555⟫",
        ),
        (
            "form",
            "Dirección de envío: ⟦a/ADDRESS_ES:Plaza Mayor, 99, 2.º A, 41001 Sevilla⟧\nTel.: ⟦s/PHONE_NUMBER:+34 (0)635 54 86 92⟧\nTarjeta: ⟦s/CREDIT_CARD:4421475531308994⟧\nPóliza nº ⟪policy:86121131⟫",
        ),
        (
            "email",
            "De: ⟦n/PERSON:Pilar Herrera⟧ <⟦s/EMAIL_ADDRESS:pilar.herrera@gmail.com⟧>\nAsunto: pedido ⟪order:A8694134⟫\n\nHola, llámenme al ⟦s/PHONE_NUMBER:+34 (0)660 25 92 56⟧ o al ⟦s/PHONE_NUMBER:+34 (0)665 47 63 35⟧. Mi dirección: ⟦a/ADDRESS_ES:Plaza de España, 137, 2º B, 50001 Zaragoza⟧.\nSaludos, ⟦n/PERSON:Pilar⟧",
        ),
        (
            "spreadsheet",
            "Nombre\tTarjeta\tCaducidad\tTeléfono\n⟦n/PERSON:Pilar Herrera⟧\t⟦s/CREDIT_CARD:6011 5742 3325 6716⟧\t04/27\t⟦s/PHONE_NUMBER:953 19 05 27⟧\n⟦n/PERSON:Javier Ortega⟧\t⟦s/CREDIT_CARD:4784-8714-5776-0971⟧\t11/26\t⟦s/PHONE_NUMBER:+34 631 65 26 86⟧",
        ),
        (
            "chargeback",
            "Retrocesiones del ⟪txdate:05/06/2024⟫\n- tarjeta ⟦s/CREDIT_CARD:3737 144134 54070⟧: 42,10 €\n- tarjeta ⟦s/CREDIT_CARD:6011934899278950⟧: 310,00 €, pedido ⟪order:A7998057⟫\n- tarjeta ⟦s/CREDIT_CARD:3410 631973 21397⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Incidencia ⟪order:PO-745950⟫: ⟦n/PERSON:Pilar Herrera⟧ (⟦s/EMAIL_ADDRESS:pilar dot herrera at empresa dot es⟧) no conecta con ⟦s/IP_ADDRESS:10.41.47.137⟧. Devolver llamada al ⟦s/PHONE_NUMBER:+34 933 26 54 34 ext. 751⟧.",
        ),
        (
            "hr_form",
            "FICHA DEL EMPLEADO\nNombre: ⟦n/PERSON:Pilar Herrera⟧\nfecha de nacimiento: ⟦d/DATE_OF_BIRTH:19/11/1970⟧\nDomicilio:\n⟦a/ADDRESS_ES:Avda. Diagonal, 234, 2.º A\n46002 Valencia⟧\nMóvil: ⟦s/PHONE_NUMBER:746\t58\t99\t14⟧\nIBAN: ⟦s/IBAN_CODE:ES72\xa06130\xa09636\xa02770\xa00917\xa02961⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Pilar Herrera⟧\n⟦a/ADDRESS_ES:Calle del Carmen, 143, 5º 1ª\n28013 Madrid⟧\n\nEstimada señora:\n\nSu tratamiento de la ⟪eponym:síndrome de Down⟫ (NHC ⟦i/MEDICAL_RECORD_NUMBER:MR/22/10952⟧) queda autorizado según el ⟪citation:artículo 18 de la Ley 41/2002⟫. Teléfono de contacto: ⟦s/PHONE_NUMBER:945-33-97-74⟧.\n\nAtentamente,\n⟦n/PERSON:Javier Ortega⟧",
        ),
        (
            "prescription",
            "Paciente: ⟦n/PERSON:Pilar Herrera⟧, fecha de nacimiento: ⟦d/DATE_OF_BIRTH:16/05/1970⟧, historia clínica nº ⟦i/MEDICAL_RECORD_NUMBER:36274073⟧. Diagnóstico: ⟪eponym:enfermedad de Crohn⟫. La farmacia llamará al ⟦s/PHONE_NUMBER:+34\t658\t50\t91\t44⟧. Regalo: perfume de ⟪brand:Roberto Verino⟫.",
        ),
        (
            "chat",
            "[12:02] ⟦n/PERSON:pilar⟧: hola, me cobraron dos veces en la tarjeta ⟦s/CREDIT_CARD:3486.202342.42697⟧ el ⟪txdate:02/04/2024⟫\n[12:03] agente: ¿su teléfono?\n[12:03] ⟦n/PERSON:pilar⟧: ⟦s/PHONE_NUMBER:911/25 75 98⟧ o ⟦s/EMAIL_ADDRESS:pilar dot herrera at hotmail dot es⟧\n[12:04] agente: devolución a la tarjeta terminada en ⟪last4:2877⟫",
        ),
        (
            "form",
            "Dirección de envío: ⟦a/ADDRESS_ES:Calle del Carmen 23, 2º B, 46002 Valencia⟧\nTel.: ⟦s/PHONE_NUMBER:749  09  30  19⟧\nTarjeta: ⟦s/CREDIT_CARD:4436\xa00139\xa02539\xa05971⟧\nPóliza nº ⟪policy:33866178⟫",
        ),
        (
            "email",
            "De: ⟦n/PERSON:Diego Vidal⟧ <⟦s/EMAIL_ADDRESS:diego.vidal@gmail.com⟧>\nAsunto: pedido ⟪order:A1265006⟫\n\nHola, llámenme al ⟦s/PHONE_NUMBER:0034 738 63 51 89⟧ o al ⟦s/PHONE_NUMBER:+34643225032⟧. Mi dirección: ⟦a/ADDRESS_ES:Plaza de España, 205, 2º B, 46002 Valencia⟧.\nSaludos, ⟦n/PERSON:Diego⟧",
        ),
        (
            "spreadsheet",
            "Nombre\tTarjeta\tCaducidad\tTeléfono\n⟦n/PERSON:Diego Vidal⟧\t⟦s/CREDIT_CARD:4589 1734 6252 0038⟧\t04/27\t⟦s/PHONE_NUMBER:659 03 10 83⟧\n⟦n/PERSON:Pilar Herrera⟧\t⟦s/CREDIT_CARD:4455-6659-8740-7600⟧\t11/26\t⟦s/PHONE_NUMBER:+34-911-87-93-36⟧",
        ),
        (
            "chargeback",
            "Retrocesiones del ⟪txdate:04/04/2024⟫\n- tarjeta ⟦s/CREDIT_CARD:4640 2084 3852 2515⟧: 42,10 €\n- tarjeta ⟦s/CREDIT_CARD:371034712280700⟧: 310,00 €, pedido ⟪order:2020-53602⟫\n- tarjeta ⟦s/CREDIT_CARD:3757 490681 79554⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Incidencia ⟪order:2019-79541⟫: ⟦n/PERSON:Diego Vidal⟧ (⟦s/EMAIL_ADDRESS:diego dot vidal at empresa dot es⟧) no conecta con ⟦s/IP_ADDRESS:91.146.147.32⟧. Devolver llamada al ⟦s/PHONE_NUMBER:690 99 12 51 ext. 732⟧.",
        ),
        (
            "hr_form",
            "FICHA DEL EMPLEADO\nNombre: ⟦n/PERSON:Diego Vidal⟧\nnacida el ⟦d/DATE_OF_BIRTH:03/06/1971⟧\nDomicilio:\n⟦a/ADDRESS_ES:Calle Sierpes, nº 124, 2.º A\n46002 Valencia⟧\nMóvil: ⟦s/PHONE_NUMBER:646 50 61 32⟧\nIBAN: ⟦s/IBAN_CODE:ES41 7641 7383 1546 2374 6765⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Diego Vidal⟧\n⟦a/ADDRESS_ES:Calle de Serrano 170, 4º dcha.\n50001 Zaragoza⟧\n\nEstimada señora:\n\nSu tratamiento de la ⟪eponym:síndrome de Down⟫ (historia clínica nº ⟦i/MEDICAL_RECORD_NUMBER:58829696⟧) queda autorizado según el ⟪citation:artículo 18 de la Ley 41/2002⟫. Teléfono de contacto: ⟦s/PHONE_NUMBER:+34 (0)965 59 90 38⟧.\n\nAtentamente,\n⟦n/PERSON:Pilar Herrera⟧",
        ),
        (
            "prescription",
            "Paciente: ⟦n/PERSON:Diego Vidal⟧, F. nac.: ⟦d/DATE_OF_BIRTH:17/06/1958⟧, Historia clínica: ⟦i/MEDICAL_RECORD_NUMBER:2020-CH-35771⟧. Diagnóstico: ⟪eponym:enfermedad de Crohn⟫. La farmacia llamará al ⟦s/PHONE_NUMBER:734.86.33.02⟧. Regalo: perfume de ⟪brand:Hugo Boss⟫.",
        ),
        (
            "chat",
            "[12:02] ⟦n/PERSON:diego⟧: hola, me cobraron dos veces en la tarjeta ⟦s/CREDIT_CARD:2699197931996074⟧ el ⟪txdate:04/05/2024⟫\n[12:03] agente: ¿su teléfono?\n[12:03] ⟦n/PERSON:diego⟧: ⟦s/PHONE_NUMBER:662 88 26 18 extensión 283⟧ o ⟦s/EMAIL_ADDRESS:diego.vidal@hotmail.es⟧\n[12:04] agente: devolución a la tarjeta terminada en ⟪last4:7356⟫",
        ),
        (
            "form",
            "Dirección de envío: ⟦a/ADDRESS_ES:Plaza Mayor 162, 5º 1ª, 08008 Barcelona⟧\nTel.: ⟦s/PHONE_NUMBER:+34933501765⟧\nTarjeta: ⟦s/CREDIT_CARD:6011-2552-4189-5998⟧\nPóliza nº ⟪policy:58749231⟫",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_ES:Calle de Serrano 172, bajo, 46002 Valencia⟧\n\n⟦a/ADDRESS_ES:Avda. Diagonal 180, ático\n50001 Zaragoza⟧\n\n⟦a/ADDRESS_ES:C/ Alcalá, nº 10, 3º 2ª, 46002 Valencia⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:+34 (0)963 05 53 48⟧\n⟦s/PHONE_NUMBER:0034 675 03 51 08⟧\n⟦s/PHONE_NUMBER:946 63 38 64 ext. 666⟧\n⟦s/PHONE_NUMBER:+34932551074⟧\n⟦s/PHONE_NUMBER:0034 938 05 55 58⟧",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_ES:Plaza de España 183, 2º B\n41001 Sevilla⟧\n\n⟦a/ADDRESS_ES:Plaza Mayor, nº 20, 2º B, 28013 Madrid⟧\n\n⟦a/ADDRESS_ES:Plaza Mayor, nº 118, bajo\n08008 Barcelona⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:939 17 11 87⟧\n⟦s/PHONE_NUMBER:959/27 86 63⟧\n⟦s/PHONE_NUMBER:645 53 76 74⟧\n⟦s/PHONE_NUMBER:632-13-93-39⟧\n⟦s/PHONE_NUMBER:981 28 06 17⟧",
        ),
    ],
    "it": [
        (
            "email",
            "Da: ⟦n/PERSON:Chiara Fontana⟧ <⟦s/EMAIL_ADDRESS:chiara.fontana@libero.it⟧>\nOggetto: ordine ⟪order:63-879722⟫\n\nBuongiorno, richiamatemi al ⟦s/PHONE_NUMBER:0039 081 437906⟧ oppure al ⟦s/PHONE_NUMBER:+39 335 056 9678⟧. Indirizzo: ⟦a/ADDRESS_IT:Via Roma n. 188, 35122 Padova PD⟧.\nCordiali saluti, ⟦n/PERSON:Chiara⟧",
        ),
        (
            "spreadsheet",
            'Nome;Carta;Scadenza;Telefono\n⟦n/PERSON:Chiara Fontana⟧;"⟦s/CREDIT_CARD:4999 1510 9986 4783⟧";04/27;⟦s/PHONE_NUMBER:02 940 7372⟧\n⟦n/PERSON:Chiara Fontana⟧;"⟦s/CREDIT_CARD:2395-0610-4851-4435⟧";11/26;⟦s/PHONE_NUMBER:0039 329 995 5884⟧',
        ),
        (
            "chargeback",
            "Storni del ⟪txdate:25/06/2024⟫\n- carta ⟦s/CREDIT_CARD:5473 5793 4274 9512⟧: 42,10 €\n- carta ⟦s/CREDIT_CARD:6011142046271247⟧: 310,00 €, ordine ⟪order:PO-205467⟫\n- carta ⟦s/CREDIT_CARD:3703 889054 81132⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Ticket ⟪order:35-643267⟫: ⟦n/PERSON:Chiara Fontana⟧ (⟦s/EMAIL_ADDRESS:chiara.fontana(at)azienda.it⟧) non raggiunge ⟦s/IP_ADDRESS:192.135.223.141⟧. Richiamare al ⟦s/PHONE_NUMBER:081 443638 interno 971⟧.",
        ),
        (
            "hr_form",
            "SCHEDA DIPENDENTE\nNome: ⟦n/PERSON:Chiara Fontana⟧\nnata il ⟦d/DATE_OF_BIRTH:26.10.1960⟧\nIndirizzo:\n⟦a/ADDRESS_IT:Piazza della Libertà n. 18\n80142 Napoli (NA)⟧\nCellulare: ⟦s/PHONE_NUMBER:335 723 0143⟧\nIBAN: ⟦s/IBAN_CODE:IT09\xa0W462\xa02525\xa06285\xa03671\xa07365\xa0354⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Chiara Fontana⟧\n⟦a/ADDRESS_IT:Corso Vittorio Emanuele II n. 28\n20121 Milano (MI)⟧\n\nGentile signora,\n\nil rimborso per il ⟪eponym:morbo di Parkinson⟫ (ID paziente: ⟦i/MEDICAL_RECORD_NUMBER:2023-HC-01298⟧) è approvato ai sensi dell'⟪citation:art. 15 del GDPR⟫. Per informazioni: ⟦s/PHONE_NUMBER:+393860345134⟧.\n\nCordiali saluti,\n⟦n/PERSON:Chiara Fontana⟧",
        ),
        (
            "prescription",
            "Paziente: ⟦n/PERSON:Chiara Fontana⟧, nata il ⟦d/DATE_OF_BIRTH:18 luglio 1988⟧, cartella clinica n. ⟦i/MEDICAL_RECORD_NUMBER:03194464⟧. Diagnosi: ⟪eponym:sindrome di Down⟫. La farmacia chiamerà il ⟦s/PHONE_NUMBER:322 132 4993⟧. Indossa sempre ⟪brand:Jack Daniel's⟫.",
        ),
        (
            "chat",
            "[13:02] ⟦n/PERSON:chiara⟧: salve, addebito doppio sulla carta ⟦s/CREDIT_CARD:5411.5789.6273.2142⟧ del ⟪txdate:05/03/2024⟫\n[13:03] operatore: un recapito?\n[13:03] ⟦n/PERSON:chiara⟧: ⟦s/PHONE_NUMBER:+39 02 4973 2751⟧ o ⟦s/EMAIL_ADDRESS:chiara.fontana@tiscali.it⟧\n[13:04] operatore: rimborso sulla carta che termina con ⟪last4:9612⟫",
        ),
        (
            "form",
            "Indirizzo di consegna: ⟦a/ADDRESS_IT:Piazza Garibaldi, n. 57, 35122 Padova (PD)⟧\nTel.: ⟦s/PHONE_NUMBER:385 553 0853 int. 572⟧\nCarta di credito: ⟦s/CREDIT_CARD:4632 8868 1500 5087⟧\nPolizza n. ⟪policy:059517477⟫",
        ),
        (
            "email",
            "Da: ⟦n/PERSON:Davide Rinaldi⟧ <⟦s/EMAIL_ADDRESS:davide.rinaldi@libero.it⟧>\nOggetto: ordine ⟪order:PO-309032⟫\n\nBuongiorno, richiamatemi al ⟦s/PHONE_NUMBER:332 845 8976⟧ oppure al ⟦s/PHONE_NUMBER:0117507669⟧. Indirizzo: ⟦a/ADDRESS_IT:Via dei Mille, 139/a, 20121 Milano (MI)⟧.\nCordiali saluti, ⟦n/PERSON:Davide⟧",
        ),
        (
            "spreadsheet",
            'Nome;Carta;Scadenza;Telefono\n⟦n/PERSON:Davide Rinaldi⟧;"⟦s/CREDIT_CARD:6011 6347 7920 6424⟧";04/27;⟦s/PHONE_NUMBER:081 414007⟧\n⟦n/PERSON:Elisa Bianchi⟧;"⟦s/CREDIT_CARD:4114-6804-2521-5625⟧";11/26;⟦s/PHONE_NUMBER:0039 051 553 5986⟧',
        ),
        (
            "chargeback",
            "Storni del ⟪txdate:14/03/2024⟫\n- carta ⟦s/CREDIT_CARD:5219 1306 1626 2128⟧: 42,10 €\n- carta ⟦s/CREDIT_CARD:5397955732163543⟧: 310,00 €, ordine ⟪order:A8726602⟫\n- carta ⟦s/CREDIT_CARD:3735 206128 96973⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Ticket ⟪order:A9135975⟫: ⟦n/PERSON:Davide Rinaldi⟧ (⟦s/EMAIL_ADDRESS:davide.rinaldi(at)azienda.it⟧) non raggiunge ⟦s/IP_ADDRESS:2001:db8:2975:791::cd⟧. Richiamare al ⟦s/PHONE_NUMBER:381 029 0060 interno 345⟧.",
        ),
        (
            "hr_form",
            "SCHEDA DIPENDENTE\nNome: ⟦n/PERSON:Davide Rinaldi⟧\nnata il ⟦d/DATE_OF_BIRTH:19 novembre 1959⟧\nIndirizzo:\n⟦a/ADDRESS_IT:Viale Monza, n. 182\n00184 Roma RM⟧\nCellulare: ⟦s/PHONE_NUMBER:0039 329 312 3294⟧\nIBAN: ⟦s/IBAN_CODE:IT95 Q507 5694 2256 8210 7208 495⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Davide Rinaldi⟧\n⟦a/ADDRESS_IT:Via Giuseppe Verdi, 88/B\n80142 Napoli (NA)⟧\n\nGentile signora,\n\nil rimborso per il ⟪eponym:malattia di Crohn⟫ (Cartella n. ⟦i/MEDICAL_RECORD_NUMBER:2023-CH-86390⟧) è approvato ai sensi dell'⟪citation:art. 15 del GDPR⟫. Per informazioni: ⟦s/PHONE_NUMBER:369 841 1879⟧.\n\nCordiali saluti,\n⟦n/PERSON:Elisa Bianchi⟧",
        ),
        (
            "prescription",
            "Paziente: ⟦n/PERSON:Davide Rinaldi⟧, nata il ⟦d/DATE_OF_BIRTH:16 maggio 1960⟧, n. cartella ⟦i/MEDICAL_RECORD_NUMBER:KH-844503⟧. Diagnosi: ⟪eponym:sindrome di Down⟫. La farmacia chiamerà il ⟦s/PHONE_NUMBER:335 384 0249⟧. Indossa sempre ⟪brand:Luisa Spagnoli⟫.",
        ),
        (
            "chat",
            "[13:02] ⟦n/PERSON:davide⟧: salve, addebito doppio sulla carta ⟦s/CREDIT_CARD:6011\xa06479\xa00335\xa01239⟧ del ⟪txdate:27/07/2024⟫\n[13:03] operatore: un recapito?\n[13:03] ⟦n/PERSON:davide⟧: ⟦s/PHONE_NUMBER:+39 (0)344 571 9379⟧ o ⟦s/EMAIL_ADDRESS:davide.rinaldi(at)tiscali.it⟧\n[13:04] operatore: rimborso sulla carta che termina con ⟪last4:9871⟫",
        ),
        (
            "form",
            "Indirizzo di consegna: ⟦a/ADDRESS_IT:Via Giuseppe Verdi 199/a, 40125 Bologna (BO)⟧\nTel.: ⟦s/PHONE_NUMBER:+39 06 530 3221⟧\nCarta di credito: ⟦s/CREDIT_CARD:2275.4650.5550.0242⟧\nPolizza n. ⟪policy:978268625⟫",
        ),
        (
            "email",
            "Da: ⟦n/PERSON:Elisa Bianchi⟧ <⟦s/EMAIL_ADDRESS:elisa.bianchi@libero.it⟧>\nOggetto: ordine ⟪order:27-980309⟫\n\nBuongiorno, richiamatemi al ⟦s/PHONE_NUMBER:011 150 9364⟧ oppure al ⟦s/PHONE_NUMBER:337  944  9775⟧. Indirizzo: ⟦a/ADDRESS_IT:Via dei Mille 7/a, 40125 Bologna (BO)⟧.\nCordiali saluti, ⟦n/PERSON:Elisa⟧",
        ),
        (
            "spreadsheet",
            'Nome;Carta;Scadenza;Telefono\n⟦n/PERSON:Elisa Bianchi⟧;"⟦s/CREDIT_CARD:4240 3245 5720 9760⟧";04/27;⟦s/PHONE_NUMBER:055 860 1410⟧\n⟦n/PERSON:Andrea Colombo⟧;"⟦s/CREDIT_CARD:4321-4471-2177-2062⟧";11/26;⟦s/PHONE_NUMBER:0039 02 1264 5340⟧',
        ),
        (
            "chargeback",
            "Storni del ⟪txdate:27/07/2024⟫\n- carta ⟦s/CREDIT_CARD:2423 3127 4064 3881⟧: 42,10 €\n- carta ⟦s/CREDIT_CARD:2508472201369802⟧: 310,00 €, ordine ⟪order:2021-57847⟫\n- carta ⟦s/CREDIT_CARD:3480 358469 20640⟧: 19,99 €",
        ),
        (
            "it_ticket",
            "Ticket ⟪order:2023-82227⟫: ⟦n/PERSON:Elisa Bianchi⟧ (⟦s/EMAIL_ADDRESS:elisa.bianchi(at)azienda.it⟧) non raggiunge ⟦s/IP_ADDRESS:192.23.235.210⟧. Richiamare al ⟦s/PHONE_NUMBER:+39 383 953 6337 interno 537⟧.",
        ),
        (
            "hr_form",
            "SCHEDA DIPENDENTE\nNome: ⟦n/PERSON:Elisa Bianchi⟧\ndata di nascita: ⟦d/DATE_OF_BIRTH:26/01/1951⟧\nIndirizzo:\n⟦a/ADDRESS_IT:Via Giuseppe Verdi, n. 218\n80142 Napoli NA⟧\nCellulare: ⟦s/PHONE_NUMBER:+39 (0)324 869 9367⟧\nIBAN: ⟦s/IBAN_CODE:IT50-V367-1283-4091-2597-5808-801⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Elisa Bianchi⟧\n⟦a/ADDRESS_IT:Via Roma, 125/B\n40125 Bologna BO⟧\n\nGentile signora,\n\nil rimborso per il ⟪eponym:linfoma di Hodgkin⟫ (cartella clinica n. ⟦i/MEDICAL_RECORD_NUMBER:2019-UR-24057⟧) è approvato ai sensi dell'⟪citation:art. 15 del GDPR⟫. Per informazioni: ⟦s/PHONE_NUMBER:0039 011 876057⟧.\n\nCordiali saluti,\n⟦n/PERSON:Andrea Colombo⟧",
        ),
        (
            "prescription",
            "Paziente: ⟦n/PERSON:Elisa Bianchi⟧, data di nascita: ⟦d/DATE_OF_BIRTH:28/10/1993⟧, ID paziente: ⟦i/MEDICAL_RECORD_NUMBER:2022-CH-55318⟧. Diagnosi: ⟪eponym:malattia di Crohn⟫. La farmacia chiamerà il ⟦s/PHONE_NUMBER:02 6861 1815⟧. Indossa sempre ⟪brand:Jack Daniel's⟫.",
        ),
        (
            "chat",
            "[13:02] ⟦n/PERSON:elisa⟧: salve, addebito doppio sulla carta ⟦s/CREDIT_CARD:377062057963352⟧ del ⟪txdate:04/12/2024⟫\n[13:03] operatore: un recapito?\n[13:03] ⟦n/PERSON:elisa⟧: ⟦s/PHONE_NUMBER:+39 011 790656⟧ o ⟦s/EMAIL_ADDRESS:elisa.bianchi(at)tiscali.it⟧\n[13:04] operatore: rimborso sulla carta che termina con ⟪last4:1437⟫",
        ),
        (
            "form",
            "Indirizzo di consegna: ⟦a/ADDRESS_IT:Via Roma 155, 35122 Padova PD⟧\nTel.: ⟦s/PHONE_NUMBER:0039 338 270 2776⟧\nCarta di credito: ⟦s/CREDIT_CARD:6011388713570987⟧\nPolizza n. ⟪policy:181589181⟫",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_IT:Via dei Mille 49/a\n80142 Napoli (NA)⟧\n\n⟦a/ADDRESS_IT:Viale Europa 77/a, 80142 Napoli (NA)⟧\n\n⟦a/ADDRESS_IT:Via dei Mille, 78/B\n35122 Padova (PD)⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:+39\xa0334\xa0338\xa04419⟧\n⟦s/PHONE_NUMBER:0039 336 988 8267⟧\n⟦s/PHONE_NUMBER:0039 02 332 7945⟧\n⟦s/PHONE_NUMBER:055  936  1257⟧\n⟦s/PHONE_NUMBER:+390514616984⟧",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_IT:Corso Vittorio Emanuele II 121/a, 40125 Bologna (BO)⟧\n\n⟦a/ADDRESS_IT:Via dei Mille n. 124\n80142 Napoli (NA)⟧\n\n⟦a/ADDRESS_IT:Piazza Garibaldi n. 231, 00184 Roma (RM)⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:323 193 3890 interno 48⟧\n⟦s/PHONE_NUMBER:0039 055 774 7594⟧\n⟦s/PHONE_NUMBER:349\xa0592\xa07516⟧\n⟦s/PHONE_NUMBER:011  711  1099⟧\n⟦s/PHONE_NUMBER:323-624-6639⟧",
        ),
    ],
    "nl": [
        (
            "email",
            "Van: ⟦n/PERSON:Lotte Vermeulen⟧ <⟦s/EMAIL_ADDRESS:lotte.vermeulen@ziggo.nl⟧>\nOnderwerp: bestelling ⟪order:A6029815⟫\n\nHallo, bel me terug op ⟦s/PHONE_NUMBER:030  915  6193⟧ of ⟦s/PHONE_NUMBER:06/50430961⟧. Mijn adres: ⟦a/ADDRESS_NL:Parkweg 178-2, 2517 AK DEN HAAG⟧.\nGroet, ⟦n/PERSON:Lotte⟧",
        ),
        (
            "spreadsheet",
            "Naam\tKaart\tGeldig tot\tTelefoon\n⟦n/PERSON:Lotte Vermeulen⟧\t⟦s/CREDIT_CARD:3786 602662 38752⟧\t04/27\t⟦s/PHONE_NUMBER:06 21742604⟧\n⟦n/PERSON:Jeroen Visser⟧\t⟦s/CREDIT_CARD:4737207640256411⟧\t11/26\t⟦s/PHONE_NUMBER:+31 (0)30 449 2697⟧",
        ),
        (
            "chargeback",
            "Terugboekingen ⟪txdate:15-05-2024⟫\n- kaart ⟦s/CREDIT_CARD:5559 8929 0146 2774⟧: € 42,10\n- kaart ⟦s/CREDIT_CARD:3761-768644-56912⟧: € 310,00, bestelling ⟪order:2024-90571⟫\n- kaart ⟦s/CREDIT_CARD:3483 665878 20503⟧: € 19,99",
        ),
        (
            "it_ticket",
            "Melding ⟪order:76-059672⟫: ⟦n/PERSON:Lotte Vermeulen⟧ (⟦s/EMAIL_ADDRESS:lotte.vermeulen [at] bedrijf [dot] nl⟧) bereikt ⟦s/IP_ADDRESS:172.244.203.185⟧ niet. Terugbellen op ⟦s/PHONE_NUMBER:+31 6 31958956 tst. 628⟧.",
        ),
        (
            "hr_form",
            "PERSONEELSKAART\nNaam: ⟦n/PERSON:Lotte Vermeulen⟧\ngeb. ⟦d/DATE_OF_BIRTH:09-03-1958⟧\nAdres:\n⟦a/ADDRESS_NL:Julianalaan 114A\n2312 BK LEIDEN⟧\nMobiel: ⟦s/PHONE_NUMBER:06/18260409⟧\nIBAN: ⟦s/IBAN_CODE:NL23 FDDH 9112 8767 35⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Lotte Vermeulen⟧\n⟦a/ADDRESS_NL:Laan van Meerdervoort 97-hs\n3011 BD Rotterdam⟧\n\nGeachte mevrouw,\n\nUw behandeling voor de ⟪eponym:ziekte van Crohn⟫ (EPD-nummer: ⟦i/MEDICAL_RECORD_NUMBER:2019/06476⟧) wordt vergoed, zie ⟪citation:artikel 7:446 BW⟫. Vragen? Bel ⟦s/PHONE_NUMBER:050\xa0142\xa09170⟧.\n\nMet vriendelijke groet,\n⟦n/PERSON:Jeroen Visser⟧",
        ),
        (
            "prescription",
            "Patiënt: ⟦n/PERSON:Lotte Vermeulen⟧, geboortedatum: ⟦d/DATE_OF_BIRTH:22-06-1976⟧, Patiënt-ID: ⟦i/MEDICAL_RECORD_NUMBER:MR/18/43231⟧. Diagnose: ⟪eponym:ziekte van Parkinson⟫. De apotheek belt ⟦s/PHONE_NUMBER:0653450919⟧. Koopt alles bij ⟪brand:Dirk van den Broek⟫.",
        ),
        (
            "chat",
            "[14:02] ⟦n/PERSON:lotte⟧: hoi, mijn kaart ⟦s/CREDIT_CARD:2381-8030-7466-8049⟧ is op ⟪txdate:08-11-2024⟫ twee keer belast\n[14:03] medewerker: op welk nummer bent u bereikbaar?\n[14:03] ⟦n/PERSON:lotte⟧: ⟦s/PHONE_NUMBER:+31\t40\t638\t7738⟧ of ⟦s/EMAIL_ADDRESS:l.vermeulen (at) kpnmail.nl⟧\n[14:04] medewerker: terugbetaling op de kaart eindigend op ⟪last4:5736⟫",
        ),
        (
            "form",
            "Afleveradres: ⟦a/ADDRESS_NL:Oudegracht 13 bis, 3511 AP Utrecht⟧\nTel.: ⟦s/PHONE_NUMBER:0031 30 857 3171⟧\nCreditcard: ⟦s/CREDIT_CARD:4139.1958.5398.2175⟧\nPolisnummer ⟪policy:43537451⟫",
        ),
        (
            "email",
            "Van: ⟦n/PERSON:Ruben van Dam⟧ <⟦s/EMAIL_ADDRESS:ruben.vandam@ziggo.nl⟧>\nOnderwerp: bestelling ⟪order:PO-144235⟫\n\nHallo, bel me terug op ⟦s/PHONE_NUMBER:+31 (0)6 16788466⟧ of ⟦s/PHONE_NUMBER:+31 (0)6 59248578⟧. Mijn adres: ⟦a/ADDRESS_NL:Prinsengracht 57A, 3011 BD ROTTERDAM⟧.\nGroet, ⟦n/PERSON:Ruben⟧",
        ),
        (
            "spreadsheet",
            "Naam\tKaart\tGeldig tot\tTelefoon\n⟦n/PERSON:Ruben van Dam⟧\t⟦s/CREDIT_CARD:4460 6190 6780 9998⟧\t04/27\t⟦s/PHONE_NUMBER:06 34770866⟧\n⟦n/PERSON:Ruben van Dam⟧\t⟦s/CREDIT_CARD:5511194193042878⟧\t11/26\t⟦s/PHONE_NUMBER:+31 (0)20 637 5914⟧",
        ),
        (
            "chargeback",
            "Terugboekingen ⟪txdate:15-08-2024⟫\n- kaart ⟦s/CREDIT_CARD:6011 2237 0731 6610⟧: € 42,10\n- kaart ⟦s/CREDIT_CARD:2420-4371-5547-7120⟧: € 310,00, bestelling ⟪order:A5318525⟫\n- kaart ⟦s/CREDIT_CARD:3434 818805 97180⟧: € 19,99",
        ),
        (
            "it_ticket",
            "Melding ⟪order:PO-413429⟫: ⟦n/PERSON:Ruben van Dam⟧ (⟦s/EMAIL_ADDRESS:ruben.vandam [at] bedrijf [dot] nl⟧) bereikt ⟦s/IP_ADDRESS:185.107.32.5⟧ niet. Terugbellen op ⟦s/PHONE_NUMBER:+31 6 38410779 tst. 513⟧.",
        ),
        (
            "hr_form",
            "PERSONEELSKAART\nNaam: ⟦n/PERSON:Ruben van Dam⟧\nGeboortedatum ⟦d/DATE_OF_BIRTH:6 maart 1988⟧\nAdres:\n⟦a/ADDRESS_NL:Oudegracht 104-hs\n9711 LM Groningen⟧\nMobiel: ⟦s/PHONE_NUMBER:06\u202f26912837⟧\nIBAN: ⟦s/IBAN_CODE:NL52 BJMV 9898 6366 99⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Ruben van Dam⟧\n⟦a/ADDRESS_NL:Parkweg 46-2\n3511 AP UTRECHT⟧\n\nGeachte mevrouw,\n\nUw behandeling voor de ⟪eponym:Hodgkin-lymfoom⟫ (ziekenhuisnummer ⟦i/MEDICAL_RECORD_NUMBER:49313527⟧) wordt vergoed, zie ⟪citation:artikel 7:446 BW⟫. Vragen? Bel ⟦s/PHONE_NUMBER:+31 (0)70 855 2892⟧.\n\nMet vriendelijke groet,\n⟦n/PERSON:Ruben van Dam⟧",
        ),
        (
            "prescription",
            "Patiënt: ⟦n/PERSON:Ruben van Dam⟧, geboortedatum: ⟦d/DATE_OF_BIRTH:16-05-1948⟧, Patiëntnr. ⟦i/MEDICAL_RECORD_NUMBER:2022-HC-04842⟧. Diagnose: ⟪eponym:ziekte van Crohn⟫. De apotheek belt ⟦s/PHONE_NUMBER:06.40134775⟧. Koopt alles bij ⟪brand:Albert Heijn⟫.",
        ),
        (
            "chat",
            "[14:02] ⟦n/PERSON:ruben⟧: hoi, mijn kaart ⟦s/CREDIT_CARD:6011\xa08650\xa07027\xa00194⟧ is op ⟪txdate:07-04-2024⟫ twee keer belast\n[14:03] medewerker: op welk nummer bent u bereikbaar?\n[14:03] ⟦n/PERSON:ruben⟧: ⟦s/PHONE_NUMBER:06.39540077⟧ of ⟦s/EMAIL_ADDRESS:ruben.vandam@kpnmail.nl⟧\n[14:04] medewerker: terugbetaling op de kaart eindigend op ⟪last4:9189⟫",
        ),
        (
            "form",
            "Afleveradres: ⟦a/ADDRESS_NL:Stationsweg 226-hs, 5611 EM Eindhoven⟧\nTel.: ⟦s/PHONE_NUMBER:+31 (0)6 31397843⟧\nCreditcard: ⟦s/CREDIT_CARD:3752\t779070\t94081⟧\nPolisnummer ⟪policy:39318783⟫",
        ),
        (
            "email",
            "Van: ⟦n/PERSON:Ruben van Dam⟧ <⟦s/EMAIL_ADDRESS:ruben.vandam@ziggo.nl⟧>\nOnderwerp: bestelling ⟪order:PO-864048⟫\n\nHallo, bel me terug op ⟦s/PHONE_NUMBER:030/820 8766⟧ of ⟦s/PHONE_NUMBER:070 606 8260⟧. Mijn adres: ⟦a/ADDRESS_NL:Julianalaan 111-hs, 5611 EM Eindhoven⟧.\nGroet, ⟦n/PERSON:Ruben⟧",
        ),
        (
            "spreadsheet",
            "Naam\tKaart\tGeldig tot\tTelefoon\n⟦n/PERSON:Ruben van Dam⟧\t⟦s/CREDIT_CARD:4344 5672 6881 7033⟧\t04/27\t⟦s/PHONE_NUMBER:06 33839106⟧\n⟦n/PERSON:Thijs Kok⟧\t⟦s/CREDIT_CARD:5193870483997096⟧\t11/26\t⟦s/PHONE_NUMBER:+31 (0)6 59641995⟧",
        ),
        (
            "chargeback",
            "Terugboekingen ⟪txdate:08-10-2024⟫\n- kaart ⟦s/CREDIT_CARD:4025 0627 5821 9318⟧: € 42,10\n- kaart ⟦s/CREDIT_CARD:4078-7109-3476-8105⟧: € 310,00, bestelling ⟪order:17-001333⟫\n- kaart ⟦s/CREDIT_CARD:3718 304016 42997⟧: € 19,99",
        ),
        (
            "it_ticket",
            "Melding ⟪order:38-641377⟫: ⟦n/PERSON:Ruben van Dam⟧ (⟦s/EMAIL_ADDRESS:ruben.vandam [at] bedrijf [dot] nl⟧) bereikt ⟦s/IP_ADDRESS:2001:db8:b439:7a::4e⟧ niet. Terugbellen op ⟦s/PHONE_NUMBER:030 990 7046 toestel 949⟧.",
        ),
        (
            "hr_form",
            "PERSONEELSKAART\nNaam: ⟦n/PERSON:Ruben van Dam⟧\ngeb. ⟦d/DATE_OF_BIRTH:12-05-1946⟧\nAdres:\n⟦a/ADDRESS_NL:Oudegracht 224\n2517 AK Den Haag⟧\nMobiel: ⟦s/PHONE_NUMBER:+31-6-58498076⟧\nIBAN: ⟦s/IBAN_CODE:NL13-QMZW-1524-1874-64⟧",
        ),
        (
            "letter",
            "⟦n/PERSON:Ruben van Dam⟧\n⟦a/ADDRESS_NL:Prinsengracht 50 bis\n5611 EM Eindhoven⟧\n\nGeachte mevrouw,\n\nUw behandeling voor de ⟪eponym:Hodgkin-lymfoom⟫ (EPD-nummer: ⟦i/MEDICAL_RECORD_NUMBER:MR4448812⟧) wordt vergoed, zie ⟪citation:artikel 7:446 BW⟫. Vragen? Bel ⟦s/PHONE_NUMBER:030 805 7282⟧.\n\nMet vriendelijke groet,\n⟦n/PERSON:Thijs Kok⟧",
        ),
        (
            "prescription",
            "Patiënt: ⟦n/PERSON:Ruben van Dam⟧, geb. ⟦d/DATE_OF_BIRTH:21-05-2002⟧, Patiëntnr. ⟦i/MEDICAL_RECORD_NUMBER:KL/17/13618⟧. Diagnose: ⟪eponym:ziekte van Crohn⟫. De apotheek belt ⟦s/PHONE_NUMBER:0031 6 33551438⟧. Koopt alles bij ⟪brand:Jack Daniel's⟫.",
        ),
        (
            "chat",
            "[14:02] ⟦n/PERSON:ruben⟧: hoi, mijn kaart ⟦s/CREDIT_CARD:3437.471824.52070⟧ is op ⟪txdate:15-08-2024⟫ twee keer belast\n[14:03] medewerker: op welk nummer bent u bereikbaar?\n[14:03] ⟦n/PERSON:ruben⟧: ⟦s/PHONE_NUMBER:010 993 6357⟧ of ⟦s/EMAIL_ADDRESS:r.vandam (at) kpnmail.nl⟧\n[14:04] medewerker: terugbetaling op de kaart eindigend op ⟪last4:5973⟫",
        ),
        (
            "form",
            "Afleveradres: ⟦a/ADDRESS_NL:Prinsengracht 143-hs, 3511 AP Utrecht⟧\nTel.: ⟦s/PHONE_NUMBER:+31 (0)30 126 8590⟧\nCreditcard: ⟦s/CREDIT_CARD:4761-7345-8805-1545⟧\nPolisnummer ⟪policy:94020126⟫",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_NL:Stationsweg 85-2\n2517 AK Den Haag⟧\n\n⟦a/ADDRESS_NL:Laan van Meerdervoort 185-2, 2517 AK DEN HAAG⟧\n\n⟦a/ADDRESS_NL:Herengracht 221, 9711 LM Groningen⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:0621352318⟧\n⟦s/PHONE_NUMBER:050\t462\t3374⟧\n⟦s/PHONE_NUMBER:+31 6 39136807⟧\n⟦s/PHONE_NUMBER:06 50177066⟧\n⟦s/PHONE_NUMBER:0031 30 225 2562⟧",
        ),
        (
            "address_block",
            "⟦a/ADDRESS_NL:Oudegracht 139-hs, 2517 AK Den Haag⟧\n\n⟦a/ADDRESS_NL:Parkweg 125A, 9711 LM Groningen⟧\n\n⟦a/ADDRESS_NL:Parkweg 92, 1017 GC AMSTERDAM⟧",
        ),
        (
            "phone_list",
            "⟦s/PHONE_NUMBER:0706763869⟧\n⟦s/PHONE_NUMBER:050-983-1438⟧\n⟦s/PHONE_NUMBER:010  865  2462⟧\n⟦s/PHONE_NUMBER:0031 6 11530260⟧\n⟦s/PHONE_NUMBER:020/306 8366⟧",
        ),
    ],
}


def documents() -> list[dict[str, Any]]:
    """The documents with their markup resolved into ``entities`` and ``lookalikes`` spans."""
    out: list[dict[str, Any]] = []
    for lang, docs in DOCS.items():
        for index, (kind, marked) in enumerate(docs):
            text, entities, lookalikes = resolve(marked)
            out.append({"id": f"struct-{lang}-{index}", "lang": lang, "kind": kind, "text": text,
                        "entities": entities, "lookalikes": lookalikes})  # fmt: skip
    return out
