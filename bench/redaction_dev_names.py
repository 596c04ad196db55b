"""Hand-written development documents about people's names in six languages (issue 20 item 1, issue 11 item 4).

Same markup and ``documents()`` shape as :mod:`bench.redaction_dev_shapes`. Written from the
definitions of the name forms alone, before the name recognisers were changed for them: names in any
casing and order ("BERG Anna", "Berg, Anna", "anna berg"), initials, a surname alone after a title,
a first name or nickname alone, chat handles and speaker prefixes (WhatsApp, Slack, IRC), e-mail
display forms, terse lower-case call notes, people whose families came from elsewhere (Turkish,
Polish, Arabic, Vietnamese… names in German or Dutch text), particles, double-barrelled and two
Spanish surnames; in e-mail threads, chats, claims, prescriptions, bank letters, HR forms,
spreadsheet rows, court filings, call notes and tickets. Many of the names are in none of the lists in
``redaction/data`` and some are. Look-alikes a redactor must keep sit beside them (brands named
after people, medical eponyms, law citations, streets and firms named after people).

They are development material: the recognisers are tuned on them, so their figures say nothing
about generalisation — the held-out set does that.
"""

# ruff: noqa: E501, RUF001  (one document a string; names keep their own letters and dashes)
from __future__ import annotations

from typing import Any

from bench import redaction_dev_shapes

DOCS: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "chat",
            "[3/4/24, 18:02] ⟦n:Marisol Quintero⟧: landed!\n[3/4/24, 18:03] ⟦n:Jago⟧: nice, ⟦n:Wren⟧ will pick you up\n[3/4/24, 18:05] ⟦n:Marisol Quintero⟧: thx ⟦n:jago⟧",
        ),
        (
            "call_note",
            "rang ⟦n:ifeoma⟧ back re overpayment. her husband ⟦n:chukwuma⟧ answered, said she's at work. cb after 6. mr ⟦n:okafor⟧ wants email confirmation.",
        ),
        (
            "email",
            "From: ⟦n:HARGREAVE, Tobias⟧ <⟦s:t.hargreave@mailbox.org⟧>\nTo: ⟦n:Penhaligon, Morwenna⟧ <⟦s:morwenna.p@example.com⟧>\n\n⟦n:Morwenna⟧ — can ⟦n:T. Vasquez-Moore⟧ countersign?\n⟦n:Toby⟧",
        ),
        (
            "email",
            'From: "⟦n:Okonkwo, Chidi⟧" <⟦s:c.okonkwo@brightmail.co.uk⟧>\nTo: ⟦s:claims@example.co.uk⟧\nSubject: water damage\n\nHi, my upstairs neighbour ⟦n:Wilhelmina Strand⟧ can confirm the leak.\nBest,\n⟦n:Chidi⟧',
        ),
        (
            "chat",
            "[12/03/2024, 09:14] ⟦n:Priya Raghunathan⟧: running 10 min late, sorry\n[12/03/2024, 09:15] ⟦n:Oisín⟧: no worries, ⟦n:Tamsin⟧ is here already\n[12/03/2024, 09:21] ⟦n:Priya Raghunathan⟧: ok tell ⟦n:tamsin⟧ to order me a flat white",
        ),
        (
            "call_note",
            "cb ⟦n:tomasz⟧ re claim 2, no answer. spoke w/ mrs ⟦n:kowalczyk⟧ (his mum) instead, she'll pass it on. pt on ⟪brand:Dr Pepper⟫ diet lol",
        ),
        (
            "chat",
            "⟦n:dwhitfield⟧  10:02 AM\nwho has the Henley account?\n⟦n:rkapoor⟧  10:04 AM\n⟦n:dan⟧ it's with ⟦n:Marguerite⟧ until Friday",
        ),
        (
            "chat",
            "<⟦n:ngozi_a⟧> anyone seen the invoice from ⟦n:Ebele Nwachukwu⟧?\n<⟦n:fenwick⟧> ⟦n:ngozi_a⟧: it's in the shared drive\n<⟦n:ngozi_a⟧> thx",
        ),
        (
            "spreadsheet",
            "Surname\tGiven name\tDOB\tPhone\n⟦n:HALLORAN⟧\t⟦n:Bridget⟧\t⟦d:04/11/1972⟧\t⟦s:07700 900318⟧\n⟦n:MBEKI⟧\t⟦n:Thandiwe⟧\t⟦d:19/06/1988⟧\t⟦s:07700 900527⟧",
        ),
        (
            "court",
            "IN THE COUNTY COURT AT LEEDS\nBETWEEN:\n⟦n:MARGARET ELSPETH DUNMORE⟧\nClaimant\nand\n⟦n:GRANVILLE ASHCROFT⟧\nDefendant\nThe claim relies on ⟪citation:Donoghue v Stevenson [1932] AC 562⟫.",
        ),
        (
            "prescription",
            "Patient: ⟦n:Nguyen Thi Hoa⟧\nDOB: ⟦d:02/02/1959⟧\nRx: levodopa 100 mg for ⟪eponym:Parkinson's disease⟫\nPrescriber: Dr ⟦n:R. Castellanos⟧",
        ),
        (
            "bank_letter",
            "Dear Mr ⟦n:Abernethy-Lowe⟧,\n\nThank you for opening a joint account with Mrs ⟦n:Parveen Abernethy-Lowe⟧. Your cards will arrive separately.\n\nYours sincerely,\n⟦n:Hollis Varga⟧\nCustomer Relations",
        ),
        (
            "hr_form",
            "EMPLOYEE DETAILS\nName: ⟦n:Siobhán Ní Bhriain⟧\nLine manager: ⟦n:Kessler, Otto⟧\nEmergency contact: ⟦n:Declan Ó Súilleabháin⟧ (partner)",
        ),
        (
            "ticket",
            "Ticket #88213\nReported by: ⟦n:kwame.asante⟧\nAssignee: ⟦n:l.ferreira⟧\nUser says the export from ⟪company:Hargreaves Lansdown⟫ fails. ⟦n:Kwame⟧ attached a screenshot.",
        ),
        (
            "email",
            "-----Original Message-----\nFrom: ⟦n:Dmitri Volkov⟧ [mailto:⟦s:dvolkov@fastpost.net⟧]\nSent: 14 March 2024 16:02\nTo: ⟦n:FARIDA HASSAN⟧ <⟦s:fhassan@example.org⟧>\n\n⟦n:Farida⟧, can you sign this off?",
        ),
        (
            "email",
            "Cc: ⟦s:h.lindqvist@nordmail.se⟧ (⟦n:Henrik Lindqvist⟧), ⟦n:Ayodele Bankole⟧ <⟦s:ayo@bankole.me⟧>\n\nThanks ⟦n:Henrik⟧, I'll loop in ⟦n:Ayo⟧ too.",
        ),
        (
            "claim",
            "Claimant: ⟦n:Robert Tranh⟧\nThe vehicle was driven by his son ⟦n:Bao⟧ at the time. ⟦n:Bobby⟧ (the claimant) was a passenger. The car is a ⟪brand:Ford⟫ Fiesta.",
        ),
        (
            "call_note",
            "called back, spoke to his wife ⟦n:gosia⟧. she says ⟦n:piotr⟧ is in hospital with ⟪eponym:Guillain-Barré syndrome⟫, cb tmrw",
        ),
        (
            "minutes",
            "Attendees: ⟦n:Osei, Kofi⟧; ⟦n:Brennan, Aoife⟧; ⟦n:Lindgren, Saga⟧\nApologies: ⟦n:J. P. Merriweather⟧\nActions: ⟦n:Aoife⟧ to draft the letter.",
        ),
        (
            "chat",
            "⟦n:sam⟧: hey, ⟦n:li wei⟧ here from accounts\n⟦n:sam⟧: is ⟦n:oluwaseun⟧ in today?\nbot: I'll check",
        ),
        (
            "spreadsheet",
            "id;last_name;first_name;email\n1041;⟦n:Van der Merwe⟧;⟦n:Pieter⟧;⟦s:pvdm@example.co.za⟧\n1042;⟦n:Ó Briain⟧;⟦n:Caoimhe⟧;⟦s:caoimhe.ob@example.ie⟧",
        ),
        (
            "ticket",
            "Customer ⟦n:Rhiannon Pryce-Jenkins⟧ says the ⟪brand:Jack Daniel's⟫ gift set never arrived. Shipped from our store on ⟪street:Wellington Street⟫. Escalated to ⟦n:Tobias⟧.",
        ),
        (
            "letter",
            "Re: Mr ⟦n:Anselm Quartey⟧ (deceased)\n\nDear Ms ⟦n:Quartey⟧,\n\nWe are sorry for your loss. Under ⟪citation:section 27 of the Inheritance Act 1984⟫ you may claim.\n\nKind regards,\n⟦n:Beatrix Holloway⟧",
        ),
    ],
    "de": [
        (
            "call_note",
            "RR hr. ⟦n:yazıcı⟧ 14:30, wg. Mahnung. Tochter ⟦n:Elif⟧ übersetzt. ⟦n:Yazıcı⟧ bittet um Ratenzahlung.",
        ),
        (
            "chat",
            "⟦n:ben.kowalczyk⟧: Moin, ist die Lieferung raus?\nsupport: Ja, heute.\n⟦n:ben.kowalczyk⟧: Super, danke. Meine Frau ⟦n:Natalia⟧ nimmt sie an.",
        ),
        (
            "form",
            "Name, Vorname\tGeburtsdatum\n⟦n:Petrović, Snežana⟧\t⟦d:02.09.1979⟧\n⟦n:Ahmadi, Farid⟧\t⟦d:15.01.1986⟧",
        ),
        (
            "email",
            "Von: ⟦n:Yılmaz, Emine⟧ <⟦s:emine.yilmaz@gmx.de⟧>\nAn: ⟦s:schaden@versicherung.example.de⟧\nBetreff: Wasserschaden\n\nGuten Tag,\nmein Vermieter Herr ⟦n:Wróblewski⟧ hat den Schaden gesehen.\nMfG ⟦n:Emine Yılmaz⟧",
        ),
        (
            "call_note",
            "RR 10:15 fr. ⟦n:kaczmarek⟧ nicht erreicht, AB besprochen. Sohn ⟦n:Dawid⟧ meldet sich morgen. Kundin hat ⟪eponym:Morbus Bechterew⟫.",
        ),
        (
            "chat",
            "[09:12, 4.3.2024] ⟦n:Hüseyin Demirtaş⟧: Moin, ist der Termin noch aktuell?\n[09:14, 4.3.2024] ⟦n:Svenja⟧: Ja, ⟦n:Hüseyin⟧, 14 Uhr bei Dr. ⟦n:Lorenz-Altmann⟧\n[09:15, 4.3.2024] ⟦n:Hüseyin Demirtaş⟧: 👍",
        ),
        (
            "form",
            "NACHNAME, VORNAME: ⟦n:NGUYEN, Thi Lan⟧\nGeburtsdatum: ⟦d:17.08.1983⟧\nEhemann: ⟦n:TRAN VAN DUC⟧",
        ),
        (
            "court",
            "Landgericht Köln\nIn dem Rechtsstreit\n⟦n:Kowalski, Bartosz⟧ – Kläger –\ngegen\n⟦n:Hofstätter, Gudrun⟧ – Beklagte –\nwegen Schadensersatz aus ⟪citation:§ 823 Abs. 1 BGB⟫",
        ),
        (
            "spreadsheet",
            "Name;Vorname;Abteilung;Telefon\n⟦n:Al-Khatib⟧;⟦n:Rania⟧;Einkauf;⟦s:0221 4477 120⟧\n⟦n:Zielińska⟧;⟦n:Marta⟧;Vertrieb;⟦s:0221 4477 131⟧",
        ),
        (
            "hr_form",
            "Personalbogen\nMitarbeiterin: ⟦n:Ayşe Karaca-Becker⟧\nVorgesetzter: ⟦n:Leopold von Stetten⟧\nNotfallkontakt: ⟦n:Cem Karaca⟧ (Bruder)",
        ),
        (
            "prescription",
            "Rezept\nPatient: ⟦n:Wolff, Ignaz⟧, geb. ⟦d:11.01.1948⟧\nVerordnung bei ⟪eponym:Parkinson-Krankheit⟫\nDr. med. ⟦n:H. Brinkhaus⟧",
        ),
        (
            "chat",
            "⟦n:jonas.reimer⟧: hat jemand ⟦n:Oksana⟧ gesehen?\n⟦n:t.albrecht⟧: die ist heute im Homeoffice\n⟦n:jonas.reimer⟧: ok danke ⟦n:Till⟧",
        ),
        (
            "bank_letter",
            "Sehr geehrter Herr ⟦n:Abdelrahman⟧,\n\nIhr Konto bei der ⟪company:Berenberg⟫ Bank wurde umgestellt. Ihre Ehefrau ⟦n:Samira Abdelrahman⟧ bleibt Mitinhaberin.\n\nMit freundlichen Grüßen\n⟦n:Friedhelm Ostendorf⟧",
        ),
        (
            "call_note",
            "Anruf von ⟦n:Mustafa Öztürk⟧ wg. Rechnung, war aufgebracht. Rückruf durch ⟦n:Kerstin⟧ zugesagt. Sitz der Firma: ⟪street:Konrad-Adenauer-Straße⟫ (Baustelle).",
        ),
        (
            "ticket",
            "Ticket 44120 – gemeldet von ⟦n:MAREIKE STEINHÖFEL⟧\nBearbeiter: ⟦n:wnowak⟧\nKundin nutzt ⟪brand:Dr. Oetker⟫ Shop-Login, Passwort-Reset schlägt fehl.",
        ),
        (
            "email",
            'An: "⟦n:Grzegorz Lewandowski⟧" <⟦s:g.lewandowski@firma.example.de⟧>\nCc: ⟦s:b.heinemann@firma.example.de⟧ (⟦n:Bettina Heinemann⟧)\n\nHallo ⟦n:Grzegorz⟧,\nanbei die Unterlagen.\n⟦n:Bettina⟧',
        ),
        (
            "claim",
            "Schadenmeldung\nVersicherungsnehmer: ⟦n:Anh Pham⟧\nFahrer zum Unfallzeitpunkt: seine Tochter ⟦n:Linh⟧\nZeuge: ⟦n:Volkmar Tiedemann⟧",
        ),
        (
            "chat",
            "⟦n:Mehmet⟧: bin in 5 min da\n⟦n:Gesine⟧: ok, ⟦n:Irmtraud⟧ wartet unten\n⟦n:Mehmet⟧: sag ⟦n:irmtraud⟧ danke",
        ),
        (
            "call_note",
            "Gespräch mit ⟦n:olaf brettschneider⟧: will kündigen. meine frau ⟦n:dagmar⟧ sagt, er hat ⟪brand:Haribo⟫-Aktien. ⟦n:Brettschneider⟧ ruft Fr. ⟦n:Jankowski⟧ an.",
        ),
        (
            "letter",
            "Sehr geehrte Frau Dr. ⟦n:Ohlendorf-Kaya⟧,\n\nwir haben Ihre Anfrage an Herrn ⟦n:Bogdan Ivanović⟧ weitergeleitet.\n\nFreundliche Grüße\ni. A. ⟦n:Rüdiger Sommerfeld⟧",
        ),
        (
            "email",
            "⟦n:KRÜGER Hannelore⟧ schrieb am 03.04.2024 um 10:12:\n> Bitte an ⟦n:A. Friedrichsen⟧ weiterleiten.\n\nErledigt, ⟦n:Hannelore⟧. Gruß ⟦n:Piet⟧",
        ),
        (
            "hr_form",
            "Bewerber/in\tGeburtsdatum\tPosition\n⟦n:Seda Arslan⟧\t⟦d:03.05.1994⟧\tBuchhaltung\n⟦n:Kacper Wiśniewski⟧\t⟦d:22.12.1990⟧\tLager",
        ),
        (
            "chat",
            "<⟦n:freddy_m⟧> kann wer den Server neu starten?\n<⟦n:lutz⟧> mach ich, ⟦n:freddy_m⟧\n<⟦n:freddy_m⟧> danke ⟦n:Lutz⟧",
        ),
    ],
    "fr": [
        (
            "call_note",
            "appel de mme ⟦n:benali⟧ : son fils ⟦n:rayan⟧ a perdu sa carte. rappeler Mme ⟦n:Benali⟧ demain.",
        ),
        (
            "email",
            "⟦s:l.fontaine@laposte.net⟧ (⟦n:Laurence Fontaine⟧) a écrit :\n> Merci de voir avec ⟦n:Thierry⟧.\n\nBien reçu, ⟦n:Laurence⟧.\n⟦n:Honorine Baptiste⟧",
        ),
        (
            "chat",
            "⟦n:yass⟧ : t'as le numéro de ⟦n:Kenza⟧ ?\n⟦n:mélo⟧ : non demande à ⟦n:ilyes⟧\n⟦n:yass⟧ : ok merci",
        ),
        (
            "email",
            'De : "⟦n:Benhamou, Yasmine⟧" <⟦s:y.benhamou@orange.fr⟧>\nÀ : ⟦s:sinistres@assurance.example.fr⟧\nObjet : dégât des eaux\n\nBonjour,\nmon voisin M. ⟦n:Ferrand⟧ peut en témoigner.\nCordialement,\n⟦n:Yasmine Benhamou⟧',
        ),
        (
            "call_note",
            "rappel mme ⟦n:leclercq⟧ pas joignable, msg laissé. son fils ⟦n:maxence⟧ rappelle demain. atteinte de ⟪eponym:maladie de Parkinson⟫.",
        ),
        (
            "chat",
            "[14:02] ⟦n:Karim Bouaziz⟧ : salut, t'as vu le mail de ⟦n:Ségolène⟧ ?\n[14:03] ⟦n:Éloïse⟧ : oui, ⟦n:Karim⟧, je lui réponds\n[14:05] ⟦n:Karim Bouaziz⟧ : merci",
        ),
        (
            "form",
            "NOM : ⟦n:DIALLO⟧\nPrénom : ⟦n:Aminata⟧\nNée le ⟦d:12/09/1987⟧\nConjoint : ⟦n:OUEDRAOGO Ibrahim⟧",
        ),
        (
            "court",
            "TRIBUNAL JUDICIAIRE DE LYON\nENTRE :\nMonsieur ⟦n:Hervé de La Tour d'Auvergne⟧, demandeur,\nET :\nMadame ⟦n:Nadège Pellerin⟧, défenderesse.\nVu l'⟪citation:article 1240 du Code civil⟫,",
        ),
        (
            "prescription",
            "Ordonnance\nPatient : ⟦n:Tran Van Long⟧\nDr ⟦n:A.-M. Jolivet⟧\nTraitement : lévothyroxine (⟪eponym:maladie de Basedow⟫)",
        ),
        (
            "spreadsheet",
            "Nom,Prénom,Téléphone\n⟦n:Moreau-Diallo⟧,⟦n:Inès⟧,⟦s:06 44 81 22 09⟧\n⟦n:Kowalczyk⟧,⟦n:Agata⟧,⟦s:06 51 73 90 14⟧",
        ),
        (
            "hr_form",
            "Fiche salarié\nSalariée : ⟦n:Noémie Vasseur⟧\nResponsable : ⟦n:Gaëtan Le Goff⟧\nPersonne à prévenir : ⟦n:Fatoumata Keïta⟧ (sœur)",
        ),
        (
            "bank_letter",
            "Madame ⟦n:Achour⟧,\n\nNous vous confirmons la clôture du compte joint avec M. ⟦n:Rachid Achour⟧. Votre conseillère ⟦n:Maëlle Guichard⟧ reste à votre disposition.\n\nVeuillez agréer, Madame, nos salutations distinguées.",
        ),
        (
            "ticket",
            "Ticket 7731 ouvert par ⟦n:s.marchal⟧\nAssigné à : ⟦n:QUENTIN ROBIN⟧\nLa cliente commande chez ⟪brand:Louis Vuitton⟫ et ⟪brand:Yves Saint Laurent⟫, paiement refusé.",
        ),
        (
            "email",
            "Le 3 avril 2024 à 09:41, ⟦n:Bastien Lemaire⟧ <⟦s:bastien.lemaire@free.fr⟧> a écrit :\n> Peux-tu prévenir Mlle ⟦n:Roussel⟧ ?\n\nC'est fait, ⟦n:Bastien⟧.\n⟦n:Clotilde⟧",
        ),
        (
            "claim",
            "Déclaration de sinistre\nAssuré : ⟦n:Nguyễn Thị Mai⟧\nConducteur : son mari ⟦n:Hoàng⟧\nTémoin : ⟦n:Jean-Loup Arnaud⟧, domicilié ⟪street:avenue Victor Hugo⟫",
        ),
        (
            "chat",
            "⟦n:lucie⟧ : coucou ⟦n:théo⟧ t'es dispo ce soir ?\n⟦n:théo⟧ : ouais, avec ⟦n:Margaux⟧ ?\n⟦n:lucie⟧ : oui et ⟦n:margaux⟧ ramène ⟦n:Enzo⟧",
        ),
        (
            "call_note",
            "Appel de ⟦n:Abdoulaye Cissé⟧ pour sa mère ⟦n:Mariam⟧. Il demande que Me ⟦n:Lagarde⟧ le rappelle. Dossier chez ⟪company:Peugeot⟫ (véhicule de fonction).",
        ),
        (
            "email",
            "À : ⟦n:LAMBERT Sophie⟧ <⟦s:sophie.lambert@example.fr⟧>; ⟦s:p.girardot@example.fr⟧ (⟦n:Pascal Girardot⟧)\n\nBonjour ⟦n:Sophie⟧,\nje joins le devis.\n⟦n:Pascal⟧",
        ),
        (
            "letter",
            "Chère Madame ⟦n:Delacroix-Benoît⟧,\n\nSuite à votre appel, Mme ⟦n:Chantal Roux⟧ vous contactera.\n\nBien à vous,\n⟦n:Arnaud Vidal⟧",
        ),
        (
            "chat",
            "<⟦n:gwen_b⟧> quelqu'un a le code ?\n<⟦n:yanis⟧> ⟦n:gwen_b⟧ : demande à ⟦n:Loïc⟧\n<⟦n:gwen_b⟧> merci ⟦n:Yanis⟧",
        ),
        (
            "form",
            "Nom et prénom : ⟦n:Mbappé-Kouassi Aïssatou⟧\nDate de naissance : ⟦d:08/03/1999⟧\nRéférent : ⟦n:F. Aubert⟧",
        ),
        (
            "ticket",
            "#5512 – ⟦n:Odile Charpentier⟧ signale une erreur. Elle habite ⟪street:boulevard Haussmann⟫. Transféré à ⟦n:Grégoire⟧.",
        ),
        (
            "call_note",
            "pas de réponse de m. ⟦n:haddad⟧. laissé msg à sa fille ⟦n:leïla⟧. ⟦n:Haddad⟧ attend le remboursement.",
        ),
    ],
    "es": [
        (
            "call_note",
            "llamé a d. ⟦n:anselmo ruiz⟧, no contesta. su mujer ⟦n:conchi⟧ dice que vuelve el lunes.",
        ),
        (
            "form",
            "nombre;apellidos;móvil\n⟦n:Yolanda⟧;⟦n:Sáez Iturbe⟧;⟦s:611 204 388⟧\n⟦n:Bogdan⟧;⟦n:Ionescu⟧;⟦s:622 918 030⟧",
        ),
        (
            "email",
            'Para: "⟦n:Villalba Ortiz, Nerea⟧" <⟦s:nerea.villalba@example.es⟧>\n\nHola ⟦n:Nerea⟧, te paso a Sr. ⟦n:Quiroga⟧.\nUn abrazo,\n⟦n:Tere⟧',
        ),
        (
            "email",
            'De: "⟦n:Gutiérrez Ramos, María José⟧" <⟦s:mj.gutierrez@telefonica.example.es⟧>\nPara: ⟦s:siniestros@seguros.example.es⟧\nAsunto: parte\n\nBuenos días,\nmi vecino D. ⟦n:Anselmo Quiroga⟧ lo vio todo.\nUn saludo,\n⟦n:María José⟧',
        ),
        (
            "call_note",
            "llamada de sra. ⟦n:cifuentes⟧, no contesta. su hijo ⟦n:iker⟧ devolverá la llamada. padece ⟪eponym:síndrome de Down⟫ (el hijo).",
        ),
        (
            "chat",
            "[10:02, 5/3/2024] ⟦n:Rocío Valderrama⟧: ¿llegó el paquete?\n[10:04, 5/3/2024] ⟦n:Nacho⟧: sí, lo tiene ⟦n:Begoña⟧\n[10:05, 5/3/2024] ⟦n:Rocío Valderrama⟧: gracias ⟦n:Nacho⟧",
        ),
        (
            "form",
            "APELLIDOS: ⟦n:FERNÁNDEZ DE CÓRDOBA SALAS⟧\nNOMBRE: ⟦n:ÁLVARO⟧\nFecha de nacimiento: ⟦d:14/07/1969⟧",
        ),
        (
            "court",
            "JUZGADO DE PRIMERA INSTANCIA Nº 4 DE SEVILLA\nDemandante: D. ⟦n:Eusebio Carrasco Villalobos⟧\nDemandada: Dña. ⟦n:Remedios Aguado⟧\nConforme al ⟪citation:artículo 1902 del Código Civil⟫.",
        ),
        (
            "prescription",
            "Receta\nPaciente: ⟦n:Benítez Olmedo, Fausto⟧\nMédico: Dra. ⟦n:I. Zubizarreta⟧\nDiagnóstico: ⟪eponym:enfermedad de Crohn⟫",
        ),
        (
            "spreadsheet",
            "apellido1;apellido2;nombre;teléfono\n⟦n:Ochoa⟧;⟦n:Lizarraga⟧;⟦n:Ainhoa⟧;⟦s:612 345 870⟧\n⟦n:El Amrani⟧;⟦n:Bouzid⟧;⟦n:Youssef⟧;⟦s:634 221 905⟧",
        ),
        (
            "hr_form",
            "Ficha de empleado\nTrabajadora: ⟦n:Mónica Arrieta Goikoetxea⟧\nResponsable: ⟦n:Tadeo Villanueva⟧\nContacto de emergencia: ⟦n:Xabier Arrieta⟧ (hermano)",
        ),
        (
            "bank_letter",
            "Estimada Sra. ⟦n:Castillejo⟧:\n\nLe informamos de que la cuenta conjunta con D. ⟦n:Leandro Castillejo Peña⟧ ha sido actualizada.\n\nAtentamente,\n⟦n:Gonzalo Ibarra⟧\nDirector de oficina",
        ),
        (
            "ticket",
            "Incidencia 3310 abierta por ⟦n:jmartorell⟧\nAsignada a: ⟦n:PALOMA SORIANO⟧\nEl cliente compró en ⟪company:El Corte Inglés⟫ un bolso ⟪brand:Loewe⟫.",
        ),
        (
            "email",
            "El 4 abr 2024, a las 11:20, ⟦n:Héctor Barrionuevo⟧ <⟦s:hbarrionuevo@example.es⟧> escribió:\n> ¿Puedes avisar a Sr. ⟦n:Lacasa⟧?\n\nHecho, ⟦n:Héctor⟧.\n⟦n:Marisol⟧",
        ),
        (
            "claim",
            "Parte de accidente\nAsegurado: ⟦n:Wei Zhang⟧\nConductor: su esposa ⟦n:Mei⟧\nTestigo: ⟦n:Ramiro Etxeberria⟧, en la ⟪street:calle Cervantes⟫ (obras)",
        ),
        (
            "chat",
            "⟦n:paula⟧: oye ⟦n:dani⟧ vienes?\n⟦n:dani⟧: sí, con ⟦n:Chema⟧\n⟦n:paula⟧: genial, dile a ⟦n:chema⟧ que traiga hielo",
        ),
        (
            "call_note",
            "Hablé con ⟦n:Florentino Arbeloa⟧ sobre el siniestro. Su abogada Dña. ⟦n:Covadonga Prieto⟧ enviará el poder. Cliente de ⟪brand:Mahou⟫.",
        ),
        (
            "email",
            "Para: ⟦n:MARTÍNEZ Lucía⟧ <⟦s:lucia.martinez@example.es⟧>; ⟦s:r.quesada@example.es⟧ (⟦n:Rodrigo Quesada⟧)\n\nHola ⟦n:Lucía⟧,\nadjunto el presupuesto.\n⟦n:Rodrigo⟧",
        ),
        (
            "letter",
            "Muy Sr. mío ⟦n:Lorenzo Ugarte⟧:\n\nSu reclamación ha sido remitida a la Sra. ⟦n:Amparo Segura-Llorente⟧.\n\nReciba un cordial saludo,\n⟦n:Jacinto Morales⟧",
        ),
        (
            "chat",
            "<⟦n:kike_r⟧> alguien sabe la clave?\n<⟦n:almudena⟧> ⟦n:kike_r⟧: pregúntale a ⟦n:Nuria⟧\n<⟦n:kike_r⟧> gracias ⟦n:Almudena⟧",
        ),
        (
            "form",
            "Nombre y apellidos: ⟦n:Dragoș Popescu⟧\nNIE adjunto. Cónyuge: ⟦n:Ionela Popescu⟧\nFirmado: ⟦n:D. Popescu⟧",
        ),
        (
            "ticket",
            "#2290 – ⟦n:Pilar Echevarría⟧ informa de un cargo doble. Pasado a ⟦n:Rubén⟧. Firma: Sr. ⟦n:Echevarría⟧ (marido).",
        ),
        (
            "call_note",
            "no localizo a ⟦n:ana belén rosales⟧. dejo recado a su marido ⟦n:fermín⟧. ⟦n:Rosales⟧ espera respuesta del ⟪eponym:Parkinson⟫ informe.",
        ),
    ],
    "it": [
        (
            "call_note",
            "sentita sig.ra ⟦n:marangoni⟧, il figlio ⟦n:jacopo⟧ porta i documenti. la ⟦n:Marangoni⟧ chiede proroga.",
        ),
        (
            "chat",
            "[10:14, 2/5/2024] ⟦n:Gaetano Lo Cascio⟧: arrivo\n[10:15, 2/5/2024] ⟦n:Rebecca⟧: ok, c'è anche ⟦n:Oreste⟧\n[10:16, 2/5/2024] ⟦n:Gaetano Lo Cascio⟧: perfetto",
        ),
        (
            "form",
            "Richiedente: ⟦n:BALDASSARRE Vincenza⟧\nDelegato: ⟦n:F. Scarpellini⟧\nNote: la ⟦n:Baldassarre⟧ soffre di ⟪eponym:morbo di Crohn⟫.",
        ),
        (
            "email",
            'Da: "⟦n:Esposito, Gennaro⟧" <⟦s:g.esposito@libero.it⟧>\nA: ⟦s:sinistri@assicurazioni.example.it⟧\nOggetto: danno\n\nBuongiorno,\nil mio vicino sig. ⟦n:Lo Russo⟧ può confermare.\nCordiali saluti,\n⟦n:Gennaro Esposito⟧',
        ),
        (
            "call_note",
            "richiamata sig.ra ⟦n:pellegrini⟧, non risponde. il figlio ⟦n:tommaso⟧ richiama domani. soffre di ⟪eponym:morbo di Alzheimer⟫.",
        ),
        (
            "chat",
            "[18:20, 6/3/2024] ⟦n:Ludovica Santangelo⟧: ci sei stasera?\n[18:22, 6/3/2024] ⟦n:Pippo⟧: sì, con ⟦n:Ornella⟧\n[18:23, 6/3/2024] ⟦n:Ludovica Santangelo⟧: perfetto ⟦n:Pippo⟧",
        ),
        (
            "form",
            "COGNOME: ⟦n:DI GREGORIO⟧\nNOME: ⟦n:ASSUNTA⟧\nData di nascita: ⟦d:30/10/1955⟧\nConiuge: ⟦n:CAPUTO Saverio⟧",
        ),
        (
            "court",
            "TRIBUNALE DI MILANO\nAttore: sig. ⟦n:Ermanno Bonfiglioli⟧\nConvenuta: sig.ra ⟦n:Natalina De Santis⟧\nai sensi dell'⟪citation:art. 2043 c.c.⟫",
        ),
        (
            "prescription",
            "Ricetta\nPaziente: ⟦n:Marchetti Olivieri, Iolanda⟧\nMedico: dott. ⟦n:G. Scalzi⟧\nDiagnosi: ⟪eponym:morbo di Parkinson⟫",
        ),
        (
            "spreadsheet",
            "Cognome\tNome\tTelefono\n⟦n:Abate⟧\t⟦n:Crocifissa⟧\t⟦s:333 481 2290⟧\n⟦n:Haddadi⟧\t⟦n:Nour⟧\t⟦s:347 902 1185⟧",
        ),
        (
            "hr_form",
            "Scheda dipendente\nDipendente: ⟦n:Raffaella Cannavacciuolo⟧\nResponsabile: ⟦n:Vittorio Degl'Innocenti⟧\nContatto di emergenza: ⟦n:Ilario Cannavacciuolo⟧ (fratello)",
        ),
        (
            "bank_letter",
            "Gentile Sig.ra ⟦n:Bertolucci⟧,\n\nLa informiamo che il conto cointestato con il sig. ⟦n:Orazio Bertolucci⟧ è stato aggiornato.\n\nDistinti saluti,\n⟦n:Gianfranco Pozzi⟧",
        ),
        (
            "ticket",
            "Ticket 6621 aperto da ⟦n:mzanetti⟧\nAssegnato a: ⟦n:CARLOTTA FERRI⟧\nIl cliente ha ordinato ⟪brand:Giorgio Armani⟫ e ⟪company:Ferrero⟫, pagamento rifiutato.",
        ),
        (
            "email",
            "Il giorno 5 apr 2024 alle ore 12:10 ⟦n:Corrado Bellandi⟧ <⟦s:c.bellandi@example.it⟧> ha scritto:\n> Avvisa la dott.ssa ⟦n:Rinaldi⟧ per favore.\n\nFatto, ⟦n:Corrado⟧.\n⟦n:Michela⟧",
        ),
        (
            "claim",
            "Denuncia sinistro\nAssicurato: ⟦n:Oleksandr Kovalenko⟧\nConducente: la moglie ⟦n:Iryna⟧\nTestimone: ⟦n:Amedeo Sciarra⟧, in ⟪street:via Garibaldi⟫ (cantiere)",
        ),
        (
            "chat",
            "⟦n:giulia⟧: ⟦n:fede⟧ ci sei?\n⟦n:fede⟧: sì, con ⟦n:Lorenzo⟧\n⟦n:giulia⟧: dì a ⟦n:lorenzo⟧ di portare il vino",
        ),
        (
            "call_note",
            "Ho parlato con ⟦n:Settimio Carbonaro⟧ del sinistro. Il suo avvocato avv. ⟦n:Filomena Russo⟧ invierà la procura. Cliente di ⟪brand:Barilla⟫.",
        ),
        (
            "email",
            "A: ⟦n:CONTI Beatrice⟧ <⟦s:beatrice.conti@example.it⟧>; ⟦s:a.gallo@example.it⟧ (⟦n:Alberto Gallo⟧)\n\nCiao ⟦n:Beatrice⟧,\nti allego il preventivo.\n⟦n:Alberto⟧",
        ),
        (
            "letter",
            "Egregio Sig. ⟦n:Pasquale D'Alessandro⟧,\n\nla Sua pratica è stata trasmessa alla dott.ssa ⟦n:Teresa Vitale-Amato⟧.\n\nCordiali saluti,\n⟦n:Ruggero Fabbri⟧",
        ),
        (
            "chat",
            "<⟦n:ale_m⟧> qualcuno ha la password?\n<⟦n:sveva⟧> ⟦n:ale_m⟧: chiedi a ⟦n:Dario⟧\n<⟦n:ale_m⟧> grazie ⟦n:Sveva⟧",
        ),
        (
            "form",
            "Nome e cognome: ⟦n:Mohamed Ben Salah⟧\nCodice cliente allegato. Moglie: ⟦n:Khadija Ben Salah⟧\nFirma: ⟦n:M. Ben Salah⟧",
        ),
        (
            "ticket",
            "#4410 – ⟦n:Nunzia Ferrante⟧ segnala un doppio addebito. Passato a ⟦n:Cristian⟧. Cliente residente in ⟪street:corso Vittorio Emanuele⟫.",
        ),
        (
            "call_note",
            "non trovo ⟦n:rosaria catalano⟧. lasciato msg al marito ⟦n:salvo⟧. la ⟦n:Catalano⟧ attende il rimborso.",
        ),
    ],
    "nl": [
        (
            "call_note",
            "tb dhr. ⟦n:el haddaoui⟧, vm. zijn vrouw ⟦n:samira⟧ belt terug. ⟦n:El Haddaoui⟧ wil uitstel.",
        ),
        (
            "chat",
            "⟦n:noor.v⟧: is de monteur er al?\n⟦n:jesse⟧: nee, ⟦n:Ruud⟧ komt om 3\n⟦n:noor.v⟧: top, dank ⟦n:jesse⟧",
        ),
        (
            "letter",
            "Geachte mevrouw ⟦n:Dijkhuizen-Özkan⟧,\n\nUw dossier is overgedragen aan mr. ⟦n:J.W. Terpstra⟧.\n\nMet vriendelijke groet,\n⟦n:Evelien Brouwer⟧",
        ),
        (
            "email",
            'Van: "⟦n:Bouzidi, Naima⟧" <⟦s:n.bouzidi@kpnmail.nl⟧>\nAan: ⟦s:schade@verzekering.example.nl⟧\nOnderwerp: waterschade\n\nGoedemiddag,\nmijn buurman dhr. ⟦n:Veenstra⟧ kan het bevestigen.\nMet vriendelijke groet,\n⟦n:Naima Bouzidi⟧',
        ),
        (
            "call_note",
            "tb mevr. ⟦n:oosterhuis⟧ niet bereikt, vm ingesproken. zoon ⟦n:jelle⟧ belt morgen terug. heeft ⟪eponym:ziekte van Lyme⟫.",
        ),
        (
            "chat",
            "[08:47, 7-3-2024] ⟦n:Sevda Yıldırım⟧: ben er over 10 min\n[08:48, 7-3-2024] ⟦n:Wouter⟧: top, ⟦n:Gerrit-Jan⟧ is er al\n[08:49, 7-3-2024] ⟦n:Sevda Yıldırım⟧: oké ⟦n:Wouter⟧",
        ),
        (
            "form",
            "ACHTERNAAM: ⟦n:VAN DEN HEUVEL⟧\nVOORNAMEN: ⟦n:Geertruida Maria⟧\nGeboortedatum: ⟦d:21-04-1961⟧\nPartner: ⟦n:ACHTERBERG Hendrikus⟧",
        ),
        (
            "court",
            "RECHTBANK AMSTERDAM\nin de zaak van\n⟦n:Jozef Wiersma⟧, eiser,\ntegen\n⟦n:Mirjam Tjoa⟧, gedaagde,\nop grond van ⟪citation:artikel 6:162 BW⟫",
        ),
        (
            "prescription",
            "Recept\nPatiënt: ⟦n:Nguyen, Quoc Bao⟧\nArts: dr. ⟦n:F.J. Wijnands⟧\nIndicatie: ⟪eponym:ziekte van Crohn⟫",
        ),
        (
            "spreadsheet",
            "achternaam;voornaam;telefoon\n⟦n:El Idrissi⟧;⟦n:Soufiane⟧;⟦s:06-48213377⟧\n⟦n:Kuipers-Bosma⟧;⟦n:Anneke⟧;⟦s:06-51902264⟧",
        ),
        (
            "hr_form",
            "Personeelsformulier\nMedewerker: ⟦n:Tjitske Dijkstra⟧\nLeidinggevende: ⟦n:Ruben ten Brink⟧\nNoodcontact: ⟦n:Jorrit Dijkstra⟧ (broer)",
        ),
        (
            "bank_letter",
            "Geachte mevrouw ⟦n:Ramdin⟧,\n\nDe gezamenlijke rekening met de heer ⟦n:Ravi Ramdin⟧ is aangepast.\n\nMet vriendelijke groet,\n⟦n:Hugo Verbeek⟧\nKlantenservice",
        ),
        (
            "ticket",
            "Melding 9021 aangemaakt door ⟦n:kvdberg⟧\nToegewezen aan: ⟦n:LOTTE SCHOUTEN⟧\nKlant bestelde bij ⟪company:Van Haren⟫ en ⟪brand:Douwe Egberts⟫, betaling mislukt.",
        ),
        (
            "email",
            "Op 8 apr 2024 om 13:05 schreef ⟦n:Bart Hoekstra⟧ <⟦s:bart.hoekstra@example.nl⟧>:\n> Kun je mw. ⟦n:Brouwer⟧ inlichten?\n\nGedaan, ⟦n:Bart⟧.\n⟦n:Marloes⟧",
        ),
        (
            "claim",
            "Schadeformulier\nVerzekerde: ⟦n:Krzysztof Mazur⟧\nBestuurder: zijn vrouw ⟦n:Ewa⟧\nGetuige: ⟦n:Hendrik-Jan Overbeek⟧, in de ⟪street:Van Goghstraat⟧ (werkzaamheden)",
        ),
        (
            "chat",
            "⟦n:fleur⟧: ⟦n:sem⟧ kom je?\n⟦n:sem⟧: ja, met ⟦n:Thijs⟧\n⟦n:fleur⟧: zeg tegen ⟦n:thijs⟧ dat hij chips meeneemt",
        ),
        (
            "call_note",
            "Gesproken met ⟦n:Aart-Jan Stoffels⟧ over de claim. Zijn advocaat mr. ⟦n:Yvonne Kuijpers⟧ stuurt de volmacht. mijn vrouw ⟦n:Ineke⟧ belt ook nog, zegt hij.",
        ),
        (
            "email",
            "Aan: ⟦n:DE WIT Marieke⟧ <⟦s:marieke.dewit@example.nl⟧>; ⟦s:t.hermans@example.nl⟧ (⟦n:Teun Hermans⟧)\n\nHoi ⟦n:Marieke⟧,\nbijgaand de offerte.\n⟦n:Teun⟧",
        ),
        (
            "letter",
            "Geachte heer ⟦n:Van Wijngaarden⟧,\n\nUw bezwaar is doorgestuurd naar mevrouw ⟦n:Esmée Kortenhorst⟧.\n\nMet vriendelijke groet,\n⟦n:Pim Zwart⟧",
        ),
        (
            "chat",
            "<⟦n:bas_v⟧> iemand het wachtwoord?\n<⟦n:joost⟧> ⟦n:bas_v⟧: vraag het aan ⟦n:Sietske⟧\n<⟦n:bas_v⟧> dank ⟦n:Joost⟧",
        ),
        (
            "form",
            "Naam: ⟦n:Thanh Huong Le⟧\nBSN bijgevoegd. Echtgenoot: ⟦n:Minh Tuan Le⟧\nHandtekening: ⟦n:T.H. Le⟧",
        ),
        (
            "ticket",
            "#7781 – ⟦n:Wilhelmina Schuurman⟧ meldt een dubbele afschrijving. Doorgezet naar ⟦n:Niels⟧. Winkel aan het ⟪street:Thorbeckeplein⟫.",
        ),
        (
            "call_note",
            "kan ⟦n:ilse van der meulen⟧ niet bereiken. bericht bij haar man ⟦n:koen⟧. ⟦n:Van der Meulen⟧ wacht op terugbetaling, Dhr. ⟦n:Oudshoorn⟧ weet ervan.",
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
    return [{**d, "id": d["id"].replace("shape-", "names-")} for d in docs]
