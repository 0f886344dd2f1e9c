/**
 * The words of the access document (GDPR Art. 15, PIPL Art. 45), in every language an insured
 * person may choose. Plain, short sentences for readers who are often elderly: formal address
 * (Sie, vous, u, lei, 您, 합니다体), no jargon where an everyday word will do.
 *
 * `LABELS` is a `Record<Language, Labels>`: TypeScript refuses a language or a key that is missing
 * (and an extra one). Placeholders in braces (`{n}`, `{years}`, `{date}`) are filled by
 * `export-document.ts`; every language uses the same placeholders as English.
 */

import type { BENEFIT_TYPES, INSURED_PERSON_LANGUAGES } from '../../../schemas/privacy.ts';
import type { TransferState } from '../../core/transfer-states.ts';
import type { ConsentKind, DataCategory, ProcessingPurpose, Recipient } from '../../ports/privacy.ts';

export type Language = (typeof INSURED_PERSON_LANGUAGES)[number];
type Purpose = ProcessingPurpose;
type BenefitType = (typeof BENEFIT_TYPES)[number];

type Texts<K extends string> = Readonly<Record<K, string>>;

export interface Labels {
  /** The name of each document language, written in this language. */
  readonly languageNames: Texts<Language>;
  readonly title: string;
  readonly intro: string;
  /** Tells the reader that the grey line under each text is English (not shown in English documents). */
  readonly englishBelow: string;
  readonly dateFormat: string;
  readonly keepSafe: string;
  readonly headings: Texts<
    | 'controller'
    | 'personal'
    | 'transfers'
    | 'consents'
    | 'recipients'
    | 'retention'
    | 'restriction'
    | 'rights'
  >;
  readonly controller: Texts<'intro' | 'name' | 'jurisdiction' | 'documentDate' | 'reference'>;
  readonly person: Texts<
    | 'intro'
    | 'destroyed'
    | 'heldCategories'
    | 'nationalIdentifier'
    | 'identifierScheme'
    | 'givenName'
    | 'familyName'
    | 'originalName'
    | 'birthDate'
    | 'address'
    | 'email'
    | 'phone'
    | 'iban'
    | 'accountNumber'
    | 'bic'
    | 'benefit'
    | 'benefitPeriod'
    | 'health'
    | 'healthNote'
    | 'preferredLanguage'
  >;
  readonly transfers: Texts<
    'intro' | 'none' | 'date' | 'reference' | 'purpose' | 'sent' | 'received' | 'state' | 'legalBasis'
  >;
  readonly consents: Texts<
    'intro' | 'none' | 'purpose' | 'kind' | 'textVersion' | 'given' | 'withdrawn' | 'notWithdrawn'
  >;
  readonly disclosures: Texts<'intro' | 'none' | 'country' | 'recipient' | 'purpose' | 'categories'>;
  readonly retention: Texts<
    | 'intro'
    | 'none'
    | 'category'
    | 'period'
    /** `{n}` is 1. */
    | 'yearOne'
    /** `{n}` is 0 or more than 1. */
    | 'yearOther'
    /** `{years}` is `yearOne` or `yearOther`. */
    | 'afterEnd'
    | 'atEnd'
    /** `{years}` is `yearOne` or `yearOther`. */
    | 'aml'
    /** `{date}` is YYYY-MM-DD. */
    | 'ended'
    | 'ongoing'
  >;
  readonly restriction: Texts<'none' | 'intro' | 'since' | 'ground' | 'until' | 'untilOpen'>;
  readonly rights: Texts<
    | 'intro'
    | 'access'
    | 'rectification'
    | 'erasure'
    | 'restriction'
    | 'objection'
    | 'withdrawal'
    | 'copy'
    | 'howToAsk'
    | 'complaintIntro'
    | 'authority'
    | 'website'
    | 'article'
  >;
  readonly categories: Texts<DataCategory>;
  readonly purposes: Texts<Purpose>;
  readonly consentKinds: Texts<ConsentKind>;
  readonly benefitTypes: Texts<BenefitType>;
  readonly transferStates: Texts<TransferState>;
  readonly recipients: Texts<Recipient>;
}

const en: Labels = {
  languageNames: {
    en: 'English',
    de: 'German',
    fr: 'French',
    nl: 'Dutch',
    it: 'Italian',
    zh: 'Chinese',
    ja: 'Japanese',
    ko: 'Korean',
  },
  title: 'Information about your personal data',
  intro:
    'This document shows all the personal data we hold about you: what we use it for, who receives it and how long we keep it. You have the right to receive this information.',
  englishBelow: 'Each text is also given in English, in grey, directly below it.',
  dateFormat: 'Dates are written as year-month-day (for example 2026-03-14).',
  keepSafe: 'Please keep this document in a safe place: it contains your personal data.',
  headings: {
    controller: 'Who is responsible for your data',
    personal: 'Your personal data',
    transfers: 'Your payments',
    consents: 'Your consents',
    recipients: 'Who receives which data',
    retention: 'How long we keep your data',
    restriction: 'Restriction of processing',
    rights: 'Your rights and where to complain',
  },
  controller: {
    intro: 'This organisation is responsible for your personal data:',
    name: 'Organisation',
    jurisdiction: 'Country',
    documentDate: 'Date of this document',
    reference: 'Your reference number',
  },
  person: {
    intro: 'This is the personal data we hold about you. If anything is wrong, you can ask us to correct it.',
    destroyed:
      'Your personal data has been destroyed. The key that protected it has been deleted, so nobody, not even we, can read it any more.',
    heldCategories: 'Kinds of data we hold about you',
    nationalIdentifier: 'Identification number',
    identifierScheme: 'Type of number',
    givenName: 'Given name',
    familyName: 'Family name',
    originalName: 'Name in its original script',
    birthDate: 'Date of birth',
    address: 'Address',
    email: 'E-mail',
    phone: 'Telephone',
    iban: 'Bank account (IBAN)',
    accountNumber: 'Bank account number',
    bic: 'Bank code (BIC)',
    benefit: 'Benefit',
    benefitPeriod: 'For the month',
    health: 'Reduction of earning capacity',
    healthNote:
      'This is health data. The law gives it special protection (a special category of personal data).',
    preferredLanguage: 'Preferred language',
  },
  transfers: {
    intro: 'These are the payments with your data that we have handled.',
    none: 'We have not handled any payments for you.',
    date: 'Date',
    reference: 'Reference',
    purpose: 'Purpose',
    sent: 'Amount sent',
    received: 'Amount received',
    state: 'Status',
    legalBasis: 'Legal basis for sending your data abroad',
  },
  consents: {
    intro: 'These are the consents you have given us, and whether you have withdrawn them.',
    none: 'We have no record of any consent from you.',
    purpose: 'Purpose',
    kind: 'Type of consent',
    textVersion: 'Version of the text you agreed to',
    given: 'Given on',
    withdrawn: 'Withdrawn on',
    notWithdrawn: 'Not withdrawn (still valid)',
  },
  disclosures: {
    intro: 'For each purpose, we send only the data needed to these recipients:',
    none: 'We do not pass your data on to anyone.',
    country: 'Country',
    recipient: 'Recipient',
    purpose: 'Purpose',
    categories: 'Data sent',
  },
  retention: {
    intro:
      'We keep each kind of data for a fixed time after our relationship with you ends. After that, we destroy it.',
    none: 'No retention periods are recorded.',
    category: 'Kind of data',
    period: 'How long we keep it',
    yearOne: '{n} year',
    yearOther: '{n} years',
    afterEnd: '{years} after the relationship ends',
    atEnd: 'Destroyed when the relationship ends',
    aml: 'To prevent money laundering, the law requires us to keep the records of your payments for {years} after the relationship ends. During this time we cannot delete them, even if you ask us to.',
    ended: 'Our relationship with you ended on {date}.',
    ongoing: 'Our relationship with you continues. The periods start only when it ends.',
  },
  restriction: {
    none: 'The processing of your data is not restricted.',
    intro:
      'The processing of your data is restricted. We keep your data, but we use it only where the law allows this.',
    since: 'Restricted since',
    ground: 'Reason',
    until: 'Restricted until',
    untilOpen: 'Until further notice',
  },
  rights: {
    intro: 'You have the following rights:',
    access: 'You can ask at any time which data we hold about you (as in this document).',
    rectification: 'You can ask us to correct data that is wrong or incomplete.',
    erasure: 'You can ask us to delete your data. As long as the law requires us to keep it, we must refuse.',
    restriction:
      'You can ask us to use your data only in a limited way, for example while we check a correction.',
    objection: 'You can object to the use of your data for reasons that come from your particular situation.',
    withdrawal:
      'You can withdraw a consent at any time. What we did with your data before you withdrew it remains lawful.',
    copy: 'You can receive a copy of your data in a machine-readable format.',
    howToAsk:
      'To use these rights, contact us or the social-security agency in your country. Please give your reference number (see section 1).',
    complaintIntro:
      'If you think that we handle your data wrongly, you can complain to the data-protection authority:',
    authority: 'Authority',
    website: 'Website',
    article: 'Legal basis',
  },
  categories: {
    national_identifier: 'Identification number',
    name: 'Name',
    birth_date: 'Date of birth',
    address: 'Address',
    contact: 'Contact details (e-mail, telephone)',
    bank_account: 'Bank account',
    benefit_information: 'Information about your benefit',
    health_information: 'Health data',
    transaction: 'Payments',
  },
  purposes: {
    contribution_collection: 'Collecting social-security contributions',
    benefit_payment: 'Paying your benefit',
    aml_screening: 'Checks against money laundering',
    life_certificate: 'Life certificate (proof that you are alive)',
    statistics: 'Statistics',
  },
  consentKinds: {
    gdpr_consent: 'Consent under the EU General Data Protection Regulation (GDPR)',
    pipl_separate_consent: "Separate consent under China's Personal Information Protection Law (PIPL)",
  },
  benefitTypes: {
    old_age_pension: 'Old-age pension',
    survivors_pension: "Survivor's pension",
    invalidity_pension: 'Invalidity pension',
    orphans_pension: "Orphan's pension",
    lump_sum: 'One-off payment',
    contribution_refund: 'Refund of contributions',
  },
  transferStates: {
    received: 'Received',
    screening: 'Being checked',
    held: 'On hold for checks',
    released: 'Released after checks',
    approved: 'Approved',
    reserved: 'Amount reserved',
    submitted: 'Sent to the bank',
    settled: 'Paid',
    rejected: 'Rejected',
    expired: 'Expired',
    returned: 'Returned by the bank',
    failed: 'Failed',
  },
  recipients: {
    partner_agency: 'The social-security agency in the partner country',
    settlement_rail: 'The bank that carries out the payment',
  },
};

const de: Labels = {
  languageNames: {
    en: 'Englisch',
    de: 'Deutsch',
    fr: 'Französisch',
    nl: 'Niederländisch',
    it: 'Italienisch',
    zh: 'Chinesisch',
    ja: 'Japanisch',
    ko: 'Koreanisch',
  },
  title: 'Auskunft über Ihre personenbezogenen Daten',
  intro:
    'Dieses Dokument zeigt alle personenbezogenen Daten, die wir über Sie gespeichert haben: wofür wir sie verwenden, wer sie erhält und wie lange wir sie aufbewahren. Sie haben ein Recht auf diese Auskunft.',
  englishBelow: 'Jeder Text steht zusätzlich auf Englisch in grauer Schrift direkt darunter.',
  dateFormat: 'Datumsangaben sind als Jahr-Monat-Tag geschrieben (zum Beispiel 2026-03-14).',
  keepSafe: 'Bitte bewahren Sie dieses Dokument sicher auf: Es enthält Ihre persönlichen Daten.',
  headings: {
    controller: 'Wer für Ihre Daten verantwortlich ist',
    personal: 'Ihre persönlichen Daten',
    transfers: 'Ihre Zahlungen',
    consents: 'Ihre Einwilligungen',
    recipients: 'Wer welche Daten erhält',
    retention: 'Wie lange wir Ihre Daten aufbewahren',
    restriction: 'Einschränkung der Verarbeitung',
    rights: 'Ihre Rechte und wo Sie sich beschweren können',
  },
  controller: {
    intro: 'Diese Stelle ist für Ihre personenbezogenen Daten verantwortlich:',
    name: 'Verantwortliche Stelle',
    jurisdiction: 'Land',
    documentDate: 'Datum dieses Dokuments',
    reference: 'Ihre Referenznummer',
  },
  person: {
    intro:
      'Diese persönlichen Daten haben wir über Sie gespeichert. Wenn etwas nicht stimmt, können Sie verlangen, dass wir es berichtigen.',
    destroyed:
      'Ihre persönlichen Daten wurden vernichtet. Der Schlüssel, der sie geschützt hat, ist gelöscht. Niemand kann sie mehr lesen, auch wir nicht.',
    heldCategories: 'Arten von Daten, die wir über Sie gespeichert haben',
    nationalIdentifier: 'Identifikationsnummer',
    identifierScheme: 'Art der Nummer',
    givenName: 'Vorname',
    familyName: 'Familienname',
    originalName: 'Name in der Originalschrift',
    birthDate: 'Geburtsdatum',
    address: 'Anschrift',
    email: 'E-Mail',
    phone: 'Telefon',
    iban: 'Bankkonto (IBAN)',
    accountNumber: 'Kontonummer',
    bic: 'Kennung der Bank (BIC)',
    benefit: 'Leistung',
    benefitPeriod: 'Für den Monat',
    health: 'Minderung der Erwerbsfähigkeit',
    healthNote:
      'Dies sind Gesundheitsdaten. Das Gesetz schützt sie besonders (besondere Kategorie personenbezogener Daten).',
    preferredLanguage: 'Bevorzugte Sprache',
  },
  transfers: {
    intro: 'Diese Zahlungen mit Ihren Daten haben wir bearbeitet.',
    none: 'Wir haben keine Zahlungen für Sie bearbeitet.',
    date: 'Datum',
    reference: 'Referenz',
    purpose: 'Zweck',
    sent: 'Gesendeter Betrag',
    received: 'Empfangener Betrag',
    state: 'Stand',
    legalBasis: 'Rechtsgrundlage für die Übermittlung Ihrer Daten ins Ausland',
  },
  consents: {
    intro: 'Diese Einwilligungen haben Sie uns gegeben. Sie sehen auch, ob Sie sie widerrufen haben.',
    none: 'Wir haben keine Einwilligung von Ihnen gespeichert.',
    purpose: 'Zweck',
    kind: 'Art der Einwilligung',
    textVersion: 'Fassung des Textes, dem Sie zugestimmt haben',
    given: 'Erteilt am',
    withdrawn: 'Widerrufen am',
    notWithdrawn: 'Nicht widerrufen (gilt weiter)',
  },
  disclosures: {
    intro: 'Für jeden Zweck senden wir nur die nötigen Daten an diese Empfänger:',
    none: 'Wir geben Ihre Daten an niemanden weiter.',
    country: 'Land',
    recipient: 'Empfänger',
    purpose: 'Zweck',
    categories: 'Übermittelte Daten',
  },
  retention: {
    intro:
      'Wir bewahren jede Art von Daten für eine feste Zeit nach dem Ende der Geschäftsbeziehung mit Ihnen auf. Danach vernichten wir sie.',
    none: 'Es sind keine Aufbewahrungsfristen festgelegt.',
    category: 'Art der Daten',
    period: 'Wie lange wir sie aufbewahren',
    yearOne: '{n} Jahr',
    yearOther: '{n} Jahre',
    afterEnd: '{years} nach dem Ende der Geschäftsbeziehung',
    atEnd: 'Vernichtung beim Ende der Geschäftsbeziehung',
    aml: 'Zur Verhinderung von Geldwäsche müssen wir die Aufzeichnungen über Ihre Zahlungen nach dem Gesetz noch {years} nach dem Ende der Geschäftsbeziehung aufbewahren. In dieser Zeit dürfen wir sie nicht löschen, auch wenn Sie es verlangen.',
    ended: 'Die Geschäftsbeziehung mit Ihnen endete am {date}.',
    ongoing: 'Die Geschäftsbeziehung mit Ihnen besteht noch. Die Fristen beginnen erst, wenn sie endet.',
  },
  restriction: {
    none: 'Die Verarbeitung Ihrer Daten ist nicht eingeschränkt.',
    intro:
      'Die Verarbeitung Ihrer Daten ist eingeschränkt. Wir bewahren Ihre Daten auf, verwenden sie aber nur, soweit das Gesetz es erlaubt.',
    since: 'Eingeschränkt seit',
    ground: 'Grund',
    until: 'Eingeschränkt bis',
    untilOpen: 'Bis auf Weiteres',
  },
  rights: {
    intro: 'Sie haben folgende Rechte:',
    access: 'Sie können jederzeit erfahren, welche Daten wir über Sie haben (wie in diesem Dokument).',
    rectification: 'Sie können verlangen, dass wir falsche oder unvollständige Daten berichtigen.',
    erasure:
      'Sie können verlangen, dass wir Ihre Daten löschen. Solange das Gesetz die Aufbewahrung vorschreibt, müssen wir das ablehnen.',
    restriction:
      'Sie können verlangen, dass wir Ihre Daten nur eingeschränkt verwenden, zum Beispiel während wir eine Berichtigung prüfen.',
    objection:
      'Sie können der Verwendung Ihrer Daten aus Gründen widersprechen, die sich aus Ihrer besonderen Situation ergeben.',
    withdrawal:
      'Sie können eine Einwilligung jederzeit widerrufen. Was wir bis zum Widerruf mit Ihren Daten getan haben, bleibt rechtmäßig.',
    copy: 'Sie können eine Kopie Ihrer Daten in einem maschinenlesbaren Format erhalten.',
    howToAsk:
      'Um diese Rechte zu nutzen, wenden Sie sich an uns oder an den Sozialversicherungsträger in Ihrem Land. Bitte nennen Sie Ihre Referenznummer (siehe Abschnitt 1).',
    complaintIntro:
      'Wenn Sie meinen, dass wir mit Ihren Daten falsch umgehen, können Sie sich bei der Datenschutzaufsichtsbehörde beschweren:',
    authority: 'Behörde',
    website: 'Internetseite',
    article: 'Rechtsgrundlage',
  },
  categories: {
    national_identifier: 'Identifikationsnummer',
    name: 'Name',
    birth_date: 'Geburtsdatum',
    address: 'Anschrift',
    contact: 'Kontaktdaten (E-Mail, Telefon)',
    bank_account: 'Bankverbindung',
    benefit_information: 'Angaben zu Ihrer Leistung',
    health_information: 'Gesundheitsdaten',
    transaction: 'Zahlungen',
  },
  purposes: {
    contribution_collection: 'Einzug von Sozialversicherungsbeiträgen',
    benefit_payment: 'Zahlung Ihrer Leistung',
    aml_screening: 'Prüfung gegen Geldwäsche',
    life_certificate: 'Lebensbescheinigung (Nachweis, dass Sie leben)',
    statistics: 'Statistik',
  },
  consentKinds: {
    gdpr_consent: 'Einwilligung nach der EU-Datenschutz-Grundverordnung (DSGVO)',
    pipl_separate_consent:
      'Gesonderte Einwilligung nach dem chinesischen Gesetz zum Schutz persönlicher Informationen (PIPL)',
  },
  benefitTypes: {
    old_age_pension: 'Altersrente',
    survivors_pension: 'Hinterbliebenenrente',
    invalidity_pension: 'Rente wegen Erwerbsminderung (Invalidenrente)',
    orphans_pension: 'Waisenrente',
    lump_sum: 'Einmalzahlung',
    contribution_refund: 'Erstattung von Beiträgen',
  },
  transferStates: {
    received: 'Eingegangen',
    screening: 'Wird geprüft',
    held: 'Zur Prüfung angehalten',
    released: 'Nach Prüfung freigegeben',
    approved: 'Genehmigt',
    reserved: 'Betrag reserviert',
    submitted: 'An die Bank übergeben',
    settled: 'Bezahlt',
    rejected: 'Abgelehnt',
    expired: 'Abgelaufen',
    returned: 'Von der Bank zurückgeschickt',
    failed: 'Fehlgeschlagen',
  },
  recipients: {
    partner_agency: 'Der Sozialversicherungsträger im Partnerland',
    settlement_rail: 'Die Bank, die die Zahlung ausführt',
  },
};

const fr: Labels = {
  languageNames: {
    en: 'anglais',
    de: 'allemand',
    fr: 'français',
    nl: 'néerlandais',
    it: 'italien',
    zh: 'chinois',
    ja: 'japonais',
    ko: 'coréen',
  },
  title: 'Informations sur vos données personnelles',
  intro:
    'Ce document présente toutes les données personnelles que nous détenons sur vous : à quoi elles servent, qui les reçoit et combien de temps nous les conservons. Vous avez le droit de recevoir ces informations.',
  englishBelow: 'Chaque texte est aussi donné en anglais, en gris, juste en dessous.',
  dateFormat: 'Les dates sont écrites sous la forme année-mois-jour (par exemple 2026-03-14).',
  keepSafe: 'Veuillez conserver ce document en lieu sûr : il contient vos données personnelles.',
  headings: {
    controller: 'Qui est responsable de vos données',
    personal: 'Vos données personnelles',
    transfers: 'Vos paiements',
    consents: 'Vos consentements',
    recipients: 'Qui reçoit quelles données',
    retention: 'Combien de temps nous conservons vos données',
    restriction: 'Limitation du traitement',
    rights: 'Vos droits et où porter plainte',
  },
  controller: {
    intro: 'L’organisme suivant est responsable de vos données personnelles :',
    name: 'Organisme',
    jurisdiction: 'Pays',
    documentDate: 'Date de ce document',
    reference: 'Votre numéro de référence',
  },
  person: {
    intro:
      'Voici les données personnelles que nous détenons sur vous. Si une information est inexacte, vous pouvez nous demander de la corriger.',
    destroyed:
      'Vos données personnelles ont été détruites. La clé qui les protégeait a été supprimée : personne, pas même nous, ne peut plus les lire.',
    heldCategories: 'Types de données que nous détenons sur vous',
    nationalIdentifier: 'Numéro d’identification',
    identifierScheme: 'Type de numéro',
    givenName: 'Prénom',
    familyName: 'Nom de famille',
    originalName: 'Nom dans son écriture d’origine',
    birthDate: 'Date de naissance',
    address: 'Adresse',
    email: 'Courriel',
    phone: 'Téléphone',
    iban: 'Compte bancaire (IBAN)',
    accountNumber: 'Numéro de compte bancaire',
    bic: 'Code de la banque (BIC)',
    benefit: 'Prestation',
    benefitPeriod: 'Pour le mois',
    health: 'Réduction de la capacité de gain',
    healthNote:
      'Il s’agit de données de santé. La loi leur accorde une protection particulière (catégorie particulière de données personnelles).',
    preferredLanguage: 'Langue préférée',
  },
  transfers: {
    intro: 'Voici les paiements contenant vos données que nous avons traités.',
    none: 'Nous n’avons traité aucun paiement vous concernant.',
    date: 'Date',
    reference: 'Référence',
    purpose: 'Objet',
    sent: 'Montant envoyé',
    received: 'Montant reçu',
    state: 'État',
    legalBasis: 'Base juridique de l’envoi de vos données à l’étranger',
  },
  consents: {
    intro: 'Voici les consentements que vous nous avez donnés, et si vous les avez retirés.',
    none: 'Nous n’avons enregistré aucun consentement de votre part.',
    purpose: 'Objet',
    kind: 'Type de consentement',
    textVersion: 'Version du texte que vous avez accepté',
    given: 'Donné le',
    withdrawn: 'Retiré le',
    notWithdrawn: 'Non retiré (toujours valable)',
  },
  disclosures: {
    intro: 'Pour chaque objet, nous n’envoyons à ces destinataires que les données nécessaires :',
    none: 'Nous ne transmettons vos données à personne.',
    country: 'Pays',
    recipient: 'Destinataire',
    purpose: 'Objet',
    categories: 'Données transmises',
  },
  retention: {
    intro:
      'Nous conservons chaque type de données pendant une durée fixe après la fin de notre relation avec vous. Ensuite, nous les détruisons.',
    none: 'Aucune durée de conservation n’est enregistrée.',
    category: 'Type de données',
    period: 'Durée de conservation',
    yearOne: '{n} an',
    yearOther: '{n} ans',
    afterEnd: '{years} après la fin de la relation',
    atEnd: 'Détruites à la fin de la relation',
    aml: 'Pour lutter contre le blanchiment d’argent, la loi nous oblige à conserver les informations sur vos paiements pendant {years} après la fin de la relation. Pendant cette période, nous ne pouvons pas les effacer, même si vous le demandez.',
    ended: 'Notre relation avec vous a pris fin le {date}.',
    ongoing: 'Notre relation avec vous se poursuit. Les durées ne commencent qu’à sa fin.',
  },
  restriction: {
    none: 'Le traitement de vos données n’est pas limité.',
    intro:
      'Le traitement de vos données est limité. Nous conservons vos données, mais nous ne les utilisons que dans la mesure où la loi le permet.',
    since: 'Limité depuis le',
    ground: 'Motif',
    until: 'Limité jusqu’au',
    untilOpen: 'Jusqu’à nouvel ordre',
  },
  rights: {
    intro: 'Vous avez les droits suivants :',
    access:
      'Vous pouvez savoir à tout moment quelles données nous détenons sur vous (comme dans ce document).',
    rectification: 'Vous pouvez nous demander de corriger des données inexactes ou incomplètes.',
    erasure:
      'Vous pouvez nous demander d’effacer vos données. Tant que la loi nous oblige à les conserver, nous devons refuser.',
    restriction:
      'Vous pouvez nous demander de limiter l’utilisation de vos données, par exemple pendant que nous vérifions une correction.',
    objection:
      'Vous pouvez vous opposer à l’utilisation de vos données pour des raisons tenant à votre situation particulière.',
    withdrawal:
      'Vous pouvez retirer un consentement à tout moment. Ce que nous avons fait de vos données avant le retrait reste licite.',
    copy: 'Vous pouvez recevoir une copie de vos données dans un format lisible par machine.',
    howToAsk:
      'Pour exercer ces droits, adressez-vous à nous ou à l’organisme de sécurité sociale de votre pays. Veuillez indiquer votre numéro de référence (voir la section 1).',
    complaintIntro:
      'Si vous pensez que nous traitons mal vos données, vous pouvez porter plainte auprès de l’autorité de protection des données :',
    authority: 'Autorité',
    website: 'Site internet',
    article: 'Base juridique',
  },
  categories: {
    national_identifier: 'Numéro d’identification',
    name: 'Nom',
    birth_date: 'Date de naissance',
    address: 'Adresse',
    contact: 'Coordonnées (courriel, téléphone)',
    bank_account: 'Compte bancaire',
    benefit_information: 'Informations sur votre prestation',
    health_information: 'Données de santé',
    transaction: 'Paiements',
  },
  purposes: {
    contribution_collection: 'Perception des cotisations de sécurité sociale',
    benefit_payment: 'Paiement de votre prestation',
    aml_screening: 'Contrôle contre le blanchiment d’argent',
    life_certificate: 'Certificat de vie (preuve que vous êtes en vie)',
    statistics: 'Statistiques',
  },
  consentKinds: {
    gdpr_consent: 'Consentement au titre du règlement général sur la protection des données (RGPD)',
    pipl_separate_consent:
      'Consentement distinct au titre de la loi chinoise sur la protection des informations personnelles (PIPL)',
  },
  benefitTypes: {
    old_age_pension: 'Pension de vieillesse',
    survivors_pension: 'Pension de survivant (réversion)',
    invalidity_pension: 'Pension d’invalidité',
    orphans_pension: 'Pension d’orphelin',
    lump_sum: 'Versement unique',
    contribution_refund: 'Remboursement des cotisations',
  },
  transferStates: {
    received: 'Reçu',
    screening: 'En cours de vérification',
    held: 'Suspendu pour vérification',
    released: 'Débloqué après vérification',
    approved: 'Approuvé',
    reserved: 'Montant réservé',
    submitted: 'Transmis à la banque',
    settled: 'Payé',
    rejected: 'Refusé',
    expired: 'Expiré',
    returned: 'Renvoyé par la banque',
    failed: 'Échec',
  },
  recipients: {
    partner_agency: 'L’organisme de sécurité sociale du pays partenaire',
    settlement_rail: 'La banque qui exécute le paiement',
  },
};

const nl: Labels = {
  languageNames: {
    en: 'Engels',
    de: 'Duits',
    fr: 'Frans',
    nl: 'Nederlands',
    it: 'Italiaans',
    zh: 'Chinees',
    ja: 'Japans',
    ko: 'Koreaans',
  },
  title: 'Informatie over uw persoonsgegevens',
  intro:
    'Dit document toont alle persoonsgegevens die wij over u hebben: waarvoor wij ze gebruiken, wie ze krijgt en hoe lang wij ze bewaren. U hebt recht op deze informatie.',
  englishBelow: 'Elke tekst staat ook in het Engels, in grijs, direct eronder.',
  dateFormat: 'Datums staan in de vorm jaar-maand-dag (bijvoorbeeld 2026-03-14).',
  keepSafe: 'Bewaar dit document op een veilige plaats: het bevat uw persoonsgegevens.',
  headings: {
    controller: 'Wie verantwoordelijk is voor uw gegevens',
    personal: 'Uw persoonsgegevens',
    transfers: 'Uw betalingen',
    consents: 'Uw toestemmingen',
    recipients: 'Wie welke gegevens krijgt',
    retention: 'Hoe lang wij uw gegevens bewaren',
    restriction: 'Beperking van de verwerking',
    rights: 'Uw rechten en waar u kunt klagen',
  },
  controller: {
    intro: 'Deze organisatie is verantwoordelijk voor uw persoonsgegevens:',
    name: 'Organisatie',
    jurisdiction: 'Land',
    documentDate: 'Datum van dit document',
    reference: 'Uw referentienummer',
  },
  person: {
    intro:
      'Dit zijn de persoonsgegevens die wij over u hebben. Klopt er iets niet? Dan kunt u ons vragen het te verbeteren.',
    destroyed:
      'Uw persoonsgegevens zijn vernietigd. De sleutel die ze beschermde, is gewist. Niemand kan ze nog lezen, ook wij niet.',
    heldCategories: 'Soorten gegevens die wij over u hebben',
    nationalIdentifier: 'Identificatienummer',
    identifierScheme: 'Soort nummer',
    givenName: 'Voornaam',
    familyName: 'Achternaam',
    originalName: 'Naam in het oorspronkelijke schrift',
    birthDate: 'Geboortedatum',
    address: 'Adres',
    email: 'E-mail',
    phone: 'Telefoon',
    iban: 'Bankrekening (IBAN)',
    accountNumber: 'Rekeningnummer',
    bic: 'Code van de bank (BIC)',
    benefit: 'Uitkering',
    benefitPeriod: 'Voor de maand',
    health: 'Mate van arbeidsongeschiktheid',
    healthNote:
      'Dit zijn gezondheidsgegevens. De wet beschermt ze extra (bijzondere categorie van persoonsgegevens).',
    preferredLanguage: 'Voorkeurstaal',
  },
  transfers: {
    intro: 'Dit zijn de betalingen met uw gegevens die wij hebben verwerkt.',
    none: 'Wij hebben geen betalingen voor u verwerkt.',
    date: 'Datum',
    reference: 'Referentie',
    purpose: 'Doel',
    sent: 'Verzonden bedrag',
    received: 'Ontvangen bedrag',
    state: 'Status',
    legalBasis: 'Wettelijke grondslag voor het doorgeven van uw gegevens naar het buitenland',
  },
  consents: {
    intro: 'Dit zijn de toestemmingen die u ons hebt gegeven, en of u ze hebt ingetrokken.',
    none: 'Wij hebben geen toestemming van u vastgelegd.',
    purpose: 'Doel',
    kind: 'Soort toestemming',
    textVersion: 'Versie van de tekst waarmee u hebt ingestemd',
    given: 'Gegeven op',
    withdrawn: 'Ingetrokken op',
    notWithdrawn: 'Niet ingetrokken (nog geldig)',
  },
  disclosures: {
    intro: 'Voor elk doel sturen wij alleen de nodige gegevens naar deze ontvangers:',
    none: 'Wij geven uw gegevens aan niemand door.',
    country: 'Land',
    recipient: 'Ontvanger',
    purpose: 'Doel',
    categories: 'Doorgegeven gegevens',
  },
  retention: {
    intro:
      'Wij bewaren elke soort gegevens een vaste tijd nadat onze relatie met u is geëindigd. Daarna vernietigen wij ze.',
    none: 'Er zijn geen bewaartermijnen vastgelegd.',
    category: 'Soort gegevens',
    period: 'Hoe lang wij ze bewaren',
    yearOne: '{n} jaar',
    yearOther: '{n} jaar',
    afterEnd: '{years} na het einde van de relatie',
    atEnd: 'Vernietigd bij het einde van de relatie',
    aml: 'Om witwassen te voorkomen, moeten wij volgens de wet de gegevens over uw betalingen {years} na het einde van de relatie bewaren. In die tijd mogen wij ze niet wissen, ook niet als u daarom vraagt.',
    ended: 'Onze relatie met u is geëindigd op {date}.',
    ongoing: 'Onze relatie met u loopt nog. De termijnen beginnen pas als die eindigt.',
  },
  restriction: {
    none: 'De verwerking van uw gegevens is niet beperkt.',
    intro:
      'De verwerking van uw gegevens is beperkt. Wij bewaren uw gegevens, maar gebruiken ze alleen voor zover de wet dat toestaat.',
    since: 'Beperkt sinds',
    ground: 'Reden',
    until: 'Beperkt tot',
    untilOpen: 'Tot nader bericht',
  },
  rights: {
    intro: 'U hebt de volgende rechten:',
    access: 'U kunt altijd vragen welke gegevens wij over u hebben (zoals in dit document).',
    rectification: 'U kunt ons vragen onjuiste of onvolledige gegevens te verbeteren.',
    erasure:
      'U kunt ons vragen uw gegevens te wissen. Zolang de wet ons verplicht ze te bewaren, moeten wij dat weigeren.',
    restriction:
      'U kunt ons vragen uw gegevens maar beperkt te gebruiken, bijvoorbeeld terwijl wij een verbetering controleren.',
    objection:
      'U kunt bezwaar maken tegen het gebruik van uw gegevens om redenen die met uw persoonlijke situatie te maken hebben.',
    withdrawal:
      'U kunt een toestemming altijd intrekken. Wat wij vóór de intrekking met uw gegevens hebben gedaan, blijft rechtmatig.',
    copy: 'U kunt een kopie van uw gegevens krijgen in een machineleesbaar formaat.',
    howToAsk:
      'Wilt u deze rechten gebruiken? Neem dan contact op met ons of met de socialezekerheidsinstantie in uw land. Vermeld uw referentienummer (zie deel 1).',
    complaintIntro:
      'Vindt u dat wij verkeerd met uw gegevens omgaan? Dan kunt u een klacht indienen bij de toezichthouder voor gegevensbescherming:',
    authority: 'Toezichthouder',
    website: 'Website',
    article: 'Wettelijke grondslag',
  },
  categories: {
    national_identifier: 'Identificatienummer',
    name: 'Naam',
    birth_date: 'Geboortedatum',
    address: 'Adres',
    contact: 'Contactgegevens (e-mail, telefoon)',
    bank_account: 'Bankrekening',
    benefit_information: 'Gegevens over uw uitkering',
    health_information: 'Gezondheidsgegevens',
    transaction: 'Betalingen',
  },
  purposes: {
    contribution_collection: 'Innen van socialezekerheidspremies',
    benefit_payment: 'Betalen van uw uitkering',
    aml_screening: 'Controle op witwassen',
    life_certificate: 'Levensbewijs (bewijs dat u in leven bent)',
    statistics: 'Statistiek',
  },
  consentKinds: {
    gdpr_consent: 'Toestemming volgens de Algemene verordening gegevensbescherming (AVG)',
    pipl_separate_consent:
      'Afzonderlijke toestemming volgens de Chinese wet op de bescherming van persoonsgegevens (PIPL)',
  },
  benefitTypes: {
    old_age_pension: 'Ouderdomspensioen',
    survivors_pension: 'Nabestaandenpensioen',
    invalidity_pension: 'Invaliditeitspensioen',
    orphans_pension: 'Wezenpensioen',
    lump_sum: 'Eenmalige uitkering',
    contribution_refund: 'Terugbetaling van premies',
  },
  transferStates: {
    received: 'Ontvangen',
    screening: 'Wordt gecontroleerd',
    held: 'Aangehouden voor controle',
    released: 'Vrijgegeven na controle',
    approved: 'Goedgekeurd',
    reserved: 'Bedrag gereserveerd',
    submitted: 'Naar de bank gestuurd',
    settled: 'Betaald',
    rejected: 'Geweigerd',
    expired: 'Verlopen',
    returned: 'Teruggestuurd door de bank',
    failed: 'Mislukt',
  },
  recipients: {
    partner_agency: 'De socialezekerheidsinstantie in het partnerland',
    settlement_rail: 'De bank die de betaling uitvoert',
  },
};

const it: Labels = {
  languageNames: {
    en: 'inglese',
    de: 'tedesco',
    fr: 'francese',
    nl: 'olandese',
    it: 'italiano',
    zh: 'cinese',
    ja: 'giapponese',
    ko: 'coreano',
  },
  title: 'Informazioni sui suoi dati personali',
  intro:
    'Questo documento mostra tutti i dati personali che conserviamo su di lei: per che cosa li usiamo, chi li riceve e per quanto tempo li conserviamo. Lei ha diritto a ricevere queste informazioni.',
  englishBelow: 'Ogni testo è riportato anche in inglese, in grigio, subito sotto.',
  dateFormat: 'Le date sono scritte nella forma anno-mese-giorno (per esempio 2026-03-14).',
  keepSafe: 'Conservi questo documento in un luogo sicuro: contiene i suoi dati personali.',
  headings: {
    controller: 'Chi è responsabile dei suoi dati',
    personal: 'I suoi dati personali',
    transfers: 'I suoi pagamenti',
    consents: 'I suoi consensi',
    recipients: 'Chi riceve quali dati',
    retention: 'Per quanto tempo conserviamo i suoi dati',
    restriction: 'Limitazione del trattamento',
    rights: 'I suoi diritti e dove presentare reclamo',
  },
  controller: {
    intro: 'Questo ente è responsabile dei suoi dati personali:',
    name: 'Ente',
    jurisdiction: 'Paese',
    documentDate: 'Data di questo documento',
    reference: 'Il suo numero di riferimento',
  },
  person: {
    intro:
      'Questi sono i dati personali che conserviamo su di lei. Se qualcosa non è corretto, può chiederci di correggerlo.',
    destroyed:
      'I suoi dati personali sono stati distrutti. La chiave che li proteggeva è stata cancellata: nessuno, nemmeno noi, può più leggerli.',
    heldCategories: 'Tipi di dati che conserviamo su di lei',
    nationalIdentifier: 'Numero di identificazione',
    identifierScheme: 'Tipo di numero',
    givenName: 'Nome',
    familyName: 'Cognome',
    originalName: 'Nome nella scrittura originale',
    birthDate: 'Data di nascita',
    address: 'Indirizzo',
    email: 'E-mail',
    phone: 'Telefono',
    iban: 'Conto bancario (IBAN)',
    accountNumber: 'Numero di conto',
    bic: 'Codice della banca (BIC)',
    benefit: 'Prestazione',
    benefitPeriod: 'Per il mese',
    health: 'Riduzione della capacità lavorativa',
    healthNote:
      'Questi sono dati relativi alla salute. La legge li protegge in modo particolare (categoria particolare di dati personali).',
    preferredLanguage: 'Lingua preferita',
  },
  transfers: {
    intro: 'Questi sono i pagamenti con i suoi dati che abbiamo trattato.',
    none: 'Non abbiamo trattato alcun pagamento per lei.',
    date: 'Data',
    reference: 'Riferimento',
    purpose: 'Finalità',
    sent: 'Importo inviato',
    received: 'Importo ricevuto',
    state: 'Stato',
    legalBasis: 'Base giuridica per l’invio dei suoi dati all’estero',
  },
  consents: {
    intro: 'Questi sono i consensi che ci ha dato, e se li ha revocati.',
    none: 'Non abbiamo registrato alcun consenso da parte sua.',
    purpose: 'Finalità',
    kind: 'Tipo di consenso',
    textVersion: 'Versione del testo che ha accettato',
    given: 'Dato il',
    withdrawn: 'Revocato il',
    notWithdrawn: 'Non revocato (ancora valido)',
  },
  disclosures: {
    intro: 'Per ogni finalità inviamo a questi destinatari solo i dati necessari:',
    none: 'Non comunichiamo i suoi dati a nessuno.',
    country: 'Paese',
    recipient: 'Destinatario',
    purpose: 'Finalità',
    categories: 'Dati inviati',
  },
  retention: {
    intro:
      'Conserviamo ogni tipo di dati per un periodo fisso dopo la fine del nostro rapporto con lei. Poi li distruggiamo.',
    none: 'Non sono registrati periodi di conservazione.',
    category: 'Tipo di dati',
    period: 'Per quanto tempo li conserviamo',
    yearOne: '{n} anno',
    yearOther: '{n} anni',
    afterEnd: '{years} dopo la fine del rapporto',
    atEnd: 'Distrutti alla fine del rapporto',
    aml: 'Per prevenire il riciclaggio di denaro, la legge ci obbliga a conservare i dati sui suoi pagamenti per {years} dopo la fine del rapporto. In questo periodo non possiamo cancellarli, nemmeno se lei lo chiede.',
    ended: 'Il nostro rapporto con lei è terminato il {date}.',
    ongoing: 'Il nostro rapporto con lei è ancora in corso. I periodi iniziano solo quando termina.',
  },
  restriction: {
    none: 'Il trattamento dei suoi dati non è limitato.',
    intro:
      'Il trattamento dei suoi dati è limitato. Conserviamo i suoi dati, ma li usiamo solo nei casi consentiti dalla legge.',
    since: 'Limitato dal',
    ground: 'Motivo',
    until: 'Limitato fino al',
    untilOpen: 'Fino a nuovo avviso',
  },
  rights: {
    intro: 'Lei ha i seguenti diritti:',
    access: 'Può sapere in qualsiasi momento quali dati conserviamo su di lei (come in questo documento).',
    rectification: 'Può chiederci di correggere dati errati o incompleti.',
    erasure:
      'Può chiederci di cancellare i suoi dati. Finché la legge ci obbliga a conservarli, dobbiamo rifiutare.',
    restriction:
      'Può chiederci di usare i suoi dati solo in modo limitato, per esempio mentre verifichiamo una correzione.',
    objection: 'Può opporsi all’uso dei suoi dati per motivi legati alla sua situazione particolare.',
    withdrawal:
      'Può revocare un consenso in qualsiasi momento. Ciò che abbiamo fatto con i suoi dati prima della revoca resta lecito.',
    copy: 'Può ricevere una copia dei suoi dati in un formato leggibile da dispositivo automatico.',
    howToAsk:
      'Per esercitare questi diritti, si rivolga a noi o all’ente di sicurezza sociale del suo Paese. Indichi il suo numero di riferimento (vedi la sezione 1).',
    complaintIntro:
      'Se ritiene che trattiamo i suoi dati in modo scorretto, può presentare reclamo all’autorità per la protezione dei dati:',
    authority: 'Autorità',
    website: 'Sito internet',
    article: 'Base giuridica',
  },
  categories: {
    national_identifier: 'Numero di identificazione',
    name: 'Nome e cognome',
    birth_date: 'Data di nascita',
    address: 'Indirizzo',
    contact: 'Recapiti (e-mail, telefono)',
    bank_account: 'Conto bancario',
    benefit_information: 'Informazioni sulla sua prestazione',
    health_information: 'Dati relativi alla salute',
    transaction: 'Pagamenti',
  },
  purposes: {
    contribution_collection: 'Riscossione dei contributi previdenziali',
    benefit_payment: 'Pagamento della sua prestazione',
    aml_screening: 'Controlli antiriciclaggio',
    life_certificate: 'Certificato di esistenza in vita',
    statistics: 'Statistica',
  },
  consentKinds: {
    gdpr_consent: 'Consenso ai sensi del Regolamento generale sulla protezione dei dati (GDPR)',
    pipl_separate_consent:
      'Consenso separato ai sensi della legge cinese sulla protezione delle informazioni personali (PIPL)',
  },
  benefitTypes: {
    old_age_pension: 'Pensione di vecchiaia',
    survivors_pension: 'Pensione ai superstiti',
    invalidity_pension: 'Pensione di invalidità',
    orphans_pension: 'Pensione per orfani',
    lump_sum: 'Pagamento una tantum',
    contribution_refund: 'Rimborso dei contributi',
  },
  transferStates: {
    received: 'Ricevuto',
    screening: 'In verifica',
    held: 'Sospeso per verifica',
    released: 'Sbloccato dopo la verifica',
    approved: 'Approvato',
    reserved: 'Importo accantonato',
    submitted: 'Inviato alla banca',
    settled: 'Pagato',
    rejected: 'Respinto',
    expired: 'Scaduto',
    returned: 'Restituito dalla banca',
    failed: 'Non riuscito',
  },
  recipients: {
    partner_agency: 'L’ente di sicurezza sociale del Paese partner',
    settlement_rail: 'La banca che esegue il pagamento',
  },
};

const zh: Labels = {
  languageNames: {
    en: '英语',
    de: '德语',
    fr: '法语',
    nl: '荷兰语',
    it: '意大利语',
    zh: '中文',
    ja: '日语',
    ko: '韩语',
  },
  title: '关于您个人信息的说明',
  intro:
    '本文件列出我们持有的您的全部个人信息，以及我们使用这些信息的目的、接收方和保存期限。您有权获得这些信息。',
  englishBelow: '每段文字的正下方都附有灰色的英文。',
  dateFormat: '日期按“年-月-日”的格式书写（例如 2026-03-14）。',
  keepSafe: '本文件含有您的个人信息，请妥善保管。',
  headings: {
    controller: '谁负责处理您的个人信息',
    personal: '您的个人信息',
    transfers: '您的款项',
    consents: '您的同意',
    recipients: '谁接收哪些信息',
    retention: '我们保存您的信息多长时间',
    restriction: '处理限制',
    rights: '您的权利和投诉渠道',
  },
  controller: {
    intro: '以下机构负责处理您的个人信息：',
    name: '机构名称',
    jurisdiction: '国家或地区',
    documentDate: '本文件日期',
    reference: '您的参考编号',
  },
  person: {
    intro: '以下是我们持有的您的个人信息。如有错误，您可以要求我们更正。',
    destroyed: '您的个人信息已被销毁。保护这些信息的密钥已被删除，任何人（包括我们）都无法再读取这些信息。',
    heldCategories: '我们持有的您的信息类别',
    nationalIdentifier: '身份识别号码',
    identifierScheme: '号码类型',
    givenName: '名',
    familyName: '姓',
    originalName: '原文姓名',
    birthDate: '出生日期',
    address: '地址',
    email: '电子邮箱',
    phone: '电话',
    iban: '银行账户（IBAN）',
    accountNumber: '银行账号',
    bic: '银行识别代码（BIC）',
    benefit: '待遇',
    benefitPeriod: '所属月份',
    health: '劳动能力丧失程度',
    healthNote: '这是健康信息，属于敏感个人信息，受到法律的特别保护。',
    preferredLanguage: '首选语言',
  },
  transfers: {
    intro: '以下是我们处理过的、含有您信息的款项。',
    none: '我们没有为您处理过任何款项。',
    date: '日期',
    reference: '编号',
    purpose: '用途',
    sent: '汇出金额',
    received: '收到金额',
    state: '状态',
    legalBasis: '向境外提供您的信息的法律依据',
  },
  consents: {
    intro: '以下是您给予我们的同意，以及您是否已经撤回。',
    none: '我们没有您的同意记录。',
    purpose: '用途',
    kind: '同意类型',
    textVersion: '您所同意文本的版本',
    given: '同意日期',
    withdrawn: '撤回日期',
    notWithdrawn: '未撤回（仍然有效）',
  },
  disclosures: {
    intro: '针对每一用途，我们只向以下接收方提供必要的信息：',
    none: '我们不向任何人提供您的信息。',
    country: '国家或地区',
    recipient: '接收方',
    purpose: '用途',
    categories: '提供的信息',
  },
  retention: {
    intro: '每一类信息在我们与您的关系结束后保存固定的期限，期满后予以销毁。',
    none: '没有登记任何保存期限。',
    category: '信息类别',
    period: '保存期限',
    yearOne: '{n} 年',
    yearOther: '{n} 年',
    afterEnd: '关系结束后 {years}',
    atEnd: '关系结束时销毁',
    aml: '为防止洗钱，法律要求我们在关系结束后将您的款项记录保存 {years}。在此期间，即使您提出要求，我们也不能删除这些记录。',
    ended: '我们与您的关系已于 {date} 结束。',
    ongoing: '我们与您的关系仍在继续。上述期限要在关系结束后才开始计算。',
  },
  restriction: {
    none: '对您信息的处理没有受到限制。',
    intro: '对您信息的处理已受到限制。我们保存您的信息，但只在法律允许的范围内使用。',
    since: '限制开始日期',
    ground: '原因',
    until: '限制结束日期',
    untilOpen: '另行通知前一直有效',
  },
  rights: {
    intro: '您享有以下权利：',
    access: '您可以随时查询我们持有哪些关于您的信息（如本文件所示）。',
    rectification: '您可以要求我们更正错误或不完整的信息。',
    erasure: '您可以要求我们删除您的信息。但在法律要求保存期间，我们必须拒绝。',
    restriction: '您可以要求我们限制使用您的信息，例如在我们核实更正请求期间。',
    objection: '您可以基于自身的特殊情况，反对我们使用您的信息。',
    withdrawal: '您可以随时撤回同意。撤回前我们对您信息的使用仍然合法。',
    copy: '您可以获得一份机器可读格式的个人信息副本。',
    howToAsk: '如需行使这些权利，请与我们或您所在国家的社会保险机构联系，并提供您的参考编号（见第 1 部分）。',
    complaintIntro: '如果您认为我们对您信息的处理不当，可以向个人信息保护监管机构投诉：',
    authority: '监管机构',
    website: '网站',
    article: '法律依据',
  },
  categories: {
    national_identifier: '身份识别号码',
    name: '姓名',
    birth_date: '出生日期',
    address: '地址',
    contact: '联系方式（电子邮箱、电话）',
    bank_account: '银行账户',
    benefit_information: '待遇信息',
    health_information: '健康信息',
    transaction: '款项记录',
  },
  purposes: {
    contribution_collection: '征收社会保险费',
    benefit_payment: '发放您的待遇',
    aml_screening: '反洗钱审查',
    life_certificate: '生存认证（证明您仍然健在）',
    statistics: '统计',
  },
  consentKinds: {
    gdpr_consent: '依据欧盟《通用数据保护条例》（GDPR）作出的同意',
    pipl_separate_consent: '依据中国《个人信息保护法》作出的单独同意',
  },
  benefitTypes: {
    old_age_pension: '养老金',
    survivors_pension: '遗属抚恤金',
    invalidity_pension: '残疾养老金',
    orphans_pension: '孤儿抚恤金',
    lump_sum: '一次性支付',
    contribution_refund: '退还缴费',
  },
  transferStates: {
    received: '已接收',
    screening: '审核中',
    held: '因审核暂停',
    released: '审核后已放行',
    approved: '已批准',
    reserved: '金额已预留',
    submitted: '已提交银行',
    settled: '已支付',
    rejected: '已拒绝',
    expired: '已过期',
    returned: '已被银行退回',
    failed: '失败',
  },
  recipients: {
    partner_agency: '合作国家的社会保险机构',
    settlement_rail: '执行付款的银行',
  },
};

const ja: Labels = {
  languageNames: {
    en: '英語',
    de: 'ドイツ語',
    fr: 'フランス語',
    nl: 'オランダ語',
    it: 'イタリア語',
    zh: '中国語',
    ja: '日本語',
    ko: '韓国語',
  },
  title: 'あなたの個人情報についてのお知らせ',
  intro:
    'この文書には、私たちが保有しているあなたの個人情報のすべてと、その利用目的、提供先、保存期間が書かれています。あなたには、この情報を受け取る権利があります。',
  englishBelow: 'それぞれの文のすぐ下に、英語の文を灰色で示しています。',
  dateFormat: '日付は「年-月-日」の形で書いています（例：2026-03-14）。',
  keepSafe: 'この文書にはあなたの個人情報が含まれています。大切に保管してください。',
  headings: {
    controller: '個人情報の責任者',
    personal: 'あなたの個人情報',
    transfers: '送金の記録',
    consents: 'あなたの同意',
    recipients: 'どの情報を誰に提供するか',
    retention: '情報の保存期間',
    restriction: '利用の制限',
    rights: 'あなたの権利と苦情の申立先',
  },
  controller: {
    intro: '次の機関が、あなたの個人情報について責任を負っています。',
    name: '機関名',
    jurisdiction: '国・地域',
    documentDate: 'この文書の作成日',
    reference: 'あなたの参照番号',
  },
  person: {
    intro: '私たちが保有しているあなたの個人情報は次のとおりです。誤りがあれば、訂正を求めることができます。',
    destroyed:
      'あなたの個人情報は消去されました。情報を保護していた鍵を削除したため、私たちを含め、誰も読むことができません。',
    heldCategories: '保有している情報の種類',
    nationalIdentifier: '識別番号',
    identifierScheme: '番号の種類',
    givenName: '名',
    familyName: '姓',
    originalName: '元の文字での氏名',
    birthDate: '生年月日',
    address: '住所',
    email: 'メールアドレス',
    phone: '電話番号',
    iban: '銀行口座（IBAN）',
    accountNumber: '口座番号',
    bic: '銀行コード（BIC）',
    benefit: '給付',
    benefitPeriod: '対象月',
    health: '労働能力の低下の程度',
    healthNote: 'これは健康に関する情報です。法律により特に保護されています（要配慮個人情報）。',
    preferredLanguage: '希望する言語',
  },
  transfers: {
    intro: 'あなたの情報を含む、私たちが取り扱った送金は次のとおりです。',
    none: 'あなたに関する送金は取り扱っていません。',
    date: '日付',
    reference: '番号',
    purpose: '目的',
    sent: '送金額',
    received: '受取額',
    state: '状況',
    legalBasis: '外国への情報提供の法的根拠',
  },
  consents: {
    intro: 'あなたが私たちに与えた同意と、それを撤回したかどうかは次のとおりです。',
    none: 'あなたからの同意の記録はありません。',
    purpose: '目的',
    kind: '同意の種類',
    textVersion: '同意した文書の版',
    given: '同意日',
    withdrawn: '撤回日',
    notWithdrawn: '撤回されていません（有効）',
  },
  disclosures: {
    intro: '目的ごとに、必要な情報だけを次の提供先に送ります。',
    none: 'あなたの情報を誰にも提供していません。',
    country: '国・地域',
    recipient: '提供先',
    purpose: '目的',
    categories: '提供する情報',
  },
  retention: {
    intro: '情報の種類ごとに、あなたとの関係が終了した後、決められた期間保存し、その後に消去します。',
    none: '保存期間は登録されていません。',
    category: '情報の種類',
    period: '保存期間',
    yearOne: '{n}年',
    yearOther: '{n}年',
    afterEnd: '関係終了後{years}',
    atEnd: '関係終了時に消去',
    aml: 'マネー・ローンダリング防止のため、法律により、送金の記録を関係終了後{years}間保存しなければなりません。この期間中は、ご依頼があっても削除できません。',
    ended: 'あなたとの関係は{date}に終了しました。',
    ongoing: 'あなたとの関係は継続中です。保存期間は、関係が終了してから始まります。',
  },
  restriction: {
    none: 'あなたの情報の利用は制限されていません。',
    intro:
      'あなたの情報の利用は制限されています。情報は保存していますが、法律で認められた範囲でのみ利用します。',
    since: '制限の開始日',
    ground: '理由',
    until: '制限の終了日',
    untilOpen: '追って通知するまで',
  },
  rights: {
    intro: 'あなたには次の権利があります。',
    access: '私たちが保有しているあなたの情報を、いつでも知ることができます（この文書のように）。',
    rectification: '誤った情報や不完全な情報の訂正を求めることができます。',
    erasure:
      '情報の削除を求めることができます。ただし、法律で保存が義務付けられている間は、お断りしなければなりません。',
    restriction: '情報の利用を制限するよう求めることができます（例えば、訂正の内容を確認している間）。',
    objection: 'あなた個人の特別な事情を理由に、情報の利用に異議を述べることができます。',
    withdrawal: '同意はいつでも撤回できます。撤回する前の利用は、適法なままです。',
    copy: 'あなたの情報の写しを、コンピューターで読み取れる形式で受け取ることができます。',
    howToAsk:
      'これらの権利を使うには、私たちまたはお住まいの国の社会保障機関にご連絡ください。その際、参照番号（第1項を参照）をお伝えください。',
    complaintIntro:
      '私たちの情報の取扱いに問題があると思われる場合は、個人情報保護の監督機関に苦情を申し立てることができます。',
    authority: '監督機関',
    website: 'ウェブサイト',
    article: '法的根拠',
  },
  categories: {
    national_identifier: '識別番号',
    name: '氏名',
    birth_date: '生年月日',
    address: '住所',
    contact: '連絡先（メール、電話）',
    bank_account: '銀行口座',
    benefit_information: '給付に関する情報',
    health_information: '健康に関する情報',
    transaction: '送金の記録',
  },
  purposes: {
    contribution_collection: '社会保険料の徴収',
    benefit_payment: '給付の支払い',
    aml_screening: 'マネー・ローンダリング防止のための確認',
    life_certificate: '生存の確認（現況届）',
    statistics: '統計',
  },
  consentKinds: {
    gdpr_consent: 'EU一般データ保護規則（GDPR）に基づく同意',
    pipl_separate_consent: '中国の個人情報保護法（PIPL）に基づく個別の同意',
  },
  benefitTypes: {
    old_age_pension: '老齢年金',
    survivors_pension: '遺族年金',
    invalidity_pension: '障害年金',
    orphans_pension: '遺児年金',
    lump_sum: '一時金',
    contribution_refund: '保険料の払戻し',
  },
  transferStates: {
    received: '受付済み',
    screening: '確認中',
    held: '確認のため保留中',
    released: '確認後に保留解除',
    approved: '承認済み',
    reserved: '金額確保済み',
    submitted: '銀行に送信済み',
    settled: '支払済み',
    rejected: '拒否',
    expired: '期限切れ',
    returned: '銀行から返却',
    failed: '失敗',
  },
  recipients: {
    partner_agency: '相手国の社会保障機関',
    settlement_rail: '支払いを行う銀行',
  },
};

const ko: Labels = {
  languageNames: {
    en: '영어',
    de: '독일어',
    fr: '프랑스어',
    nl: '네덜란드어',
    it: '이탈리아어',
    zh: '중국어',
    ja: '일본어',
    ko: '한국어',
  },
  title: '귀하의 개인정보에 관한 안내',
  intro:
    '이 문서에는 저희가 보유한 귀하의 모든 개인정보와 그 이용 목적, 제공받는 곳, 보관 기간이 적혀 있습니다. 귀하는 이 정보를 받을 권리가 있습니다.',
  englishBelow: '각 문장 바로 아래에 영어 문장을 회색으로 적었습니다.',
  dateFormat: '날짜는 연-월-일 형식으로 적었습니다(예: 2026-03-14).',
  keepSafe: '이 문서에는 귀하의 개인정보가 들어 있으니 안전하게 보관하십시오.',
  headings: {
    controller: '귀하의 개인정보를 책임지는 기관',
    personal: '귀하의 개인정보',
    transfers: '송금 기록',
    consents: '귀하의 동의',
    recipients: '누가 어떤 정보를 받는지',
    retention: '정보 보관 기간',
    restriction: '처리 제한',
    rights: '귀하의 권리와 민원 제기처',
  },
  controller: {
    intro: '다음 기관이 귀하의 개인정보에 대한 책임을 집니다.',
    name: '기관명',
    jurisdiction: '국가',
    documentDate: '이 문서의 작성일',
    reference: '귀하의 참조 번호',
  },
  person: {
    intro: '저희가 보유한 귀하의 개인정보는 다음과 같습니다. 잘못된 내용이 있으면 정정을 요구할 수 있습니다.',
    destroyed:
      '귀하의 개인정보는 파기되었습니다. 정보를 보호하던 키가 삭제되어 저희를 포함한 누구도 더 이상 읽을 수 없습니다.',
    heldCategories: '보유하고 있는 정보의 종류',
    nationalIdentifier: '식별 번호',
    identifierScheme: '번호 종류',
    givenName: '이름',
    familyName: '성',
    originalName: '원래 문자로 쓴 이름',
    birthDate: '생년월일',
    address: '주소',
    email: '이메일',
    phone: '전화번호',
    iban: '은행 계좌(IBAN)',
    accountNumber: '계좌 번호',
    bic: '은행 코드(BIC)',
    benefit: '급여',
    benefitPeriod: '해당 월',
    health: '근로 능력 감소 정도',
    healthNote: '이것은 건강에 관한 정보입니다. 법률에 따라 특별히 보호됩니다(민감정보).',
    preferredLanguage: '희망 언어',
  },
  transfers: {
    intro: '저희가 처리한, 귀하의 정보가 포함된 송금은 다음과 같습니다.',
    none: '귀하와 관련하여 처리한 송금이 없습니다.',
    date: '날짜',
    reference: '번호',
    purpose: '목적',
    sent: '보낸 금액',
    received: '받은 금액',
    state: '상태',
    legalBasis: '개인정보 국외 이전의 법적 근거',
  },
  consents: {
    intro: '귀하가 저희에게 한 동의와 그 철회 여부는 다음과 같습니다.',
    none: '귀하의 동의 기록이 없습니다.',
    purpose: '목적',
    kind: '동의 종류',
    textVersion: '동의한 문서의 버전',
    given: '동의일',
    withdrawn: '철회일',
    notWithdrawn: '철회하지 않음(유효)',
  },
  disclosures: {
    intro: '목적마다 꼭 필요한 정보만 다음 수령자에게 보냅니다.',
    none: '귀하의 정보를 누구에게도 제공하지 않습니다.',
    country: '국가',
    recipient: '수령자',
    purpose: '목적',
    categories: '제공하는 정보',
  },
  retention: {
    intro: '정보의 종류마다 귀하와의 관계가 끝난 뒤 정해진 기간 동안 보관하고, 그 후에 파기합니다.',
    none: '등록된 보관 기간이 없습니다.',
    category: '정보의 종류',
    period: '보관 기간',
    yearOne: '{n}년',
    yearOther: '{n}년',
    afterEnd: '관계 종료 후 {years}',
    atEnd: '관계 종료 시 파기',
    aml: '자금세탁 방지를 위해 법률에 따라 송금 기록을 관계 종료 후 {years} 동안 보관해야 합니다. 이 기간에는 귀하가 요청하더라도 삭제할 수 없습니다.',
    ended: '귀하와의 관계는 {date}에 종료되었습니다.',
    ongoing: '귀하와의 관계는 계속되고 있습니다. 보관 기간은 관계가 끝난 뒤에 시작됩니다.',
  },
  restriction: {
    none: '귀하의 정보 처리는 제한되어 있지 않습니다.',
    intro: '귀하의 정보 처리가 제한되어 있습니다. 정보는 보관하지만, 법률이 허용하는 경우에만 이용합니다.',
    since: '제한 시작일',
    ground: '사유',
    until: '제한 종료일',
    untilOpen: '별도 안내가 있을 때까지',
  },
  rights: {
    intro: '귀하에게는 다음과 같은 권리가 있습니다.',
    access: '저희가 보유한 귀하의 정보를 언제든지 확인할 수 있습니다(이 문서와 같이).',
    rectification: '잘못되었거나 불완전한 정보의 정정을 요구할 수 있습니다.',
    erasure: '정보의 삭제를 요구할 수 있습니다. 다만 법률상 보관 의무가 있는 동안에는 거절해야 합니다.',
    restriction: '정보를 제한적으로만 이용하도록 요구할 수 있습니다(예: 정정 요청을 확인하는 동안).',
    objection: '귀하의 특별한 사정을 이유로 정보 이용에 이의를 제기할 수 있습니다.',
    withdrawal: '동의는 언제든지 철회할 수 있습니다. 철회 전의 이용은 여전히 적법합니다.',
    copy: '귀하의 정보 사본을 컴퓨터가 읽을 수 있는 형식으로 받을 수 있습니다.',
    howToAsk:
      '이 권리를 행사하려면 저희나 거주 국가의 사회보장기관에 연락하시고, 참조 번호(1항 참조)를 알려 주십시오.',
    complaintIntro:
      '저희가 귀하의 정보를 잘못 처리하고 있다고 생각되면 개인정보 보호 감독기관에 민원을 제기할 수 있습니다.',
    authority: '감독기관',
    website: '웹사이트',
    article: '법적 근거',
  },
  categories: {
    national_identifier: '식별 번호',
    name: '성명',
    birth_date: '생년월일',
    address: '주소',
    contact: '연락처(이메일, 전화)',
    bank_account: '은행 계좌',
    benefit_information: '급여 정보',
    health_information: '건강 정보',
    transaction: '송금 기록',
  },
  purposes: {
    contribution_collection: '사회보험료 징수',
    benefit_payment: '급여 지급',
    aml_screening: '자금세탁 방지 확인',
    life_certificate: '생존 확인(생존 증명)',
    statistics: '통계',
  },
  consentKinds: {
    gdpr_consent: 'EU 일반개인정보보호규정(GDPR)에 따른 동의',
    pipl_separate_consent: '중국 개인정보보호법(PIPL)에 따른 별도 동의',
  },
  benefitTypes: {
    old_age_pension: '노령연금',
    survivors_pension: '유족연금',
    invalidity_pension: '장애연금',
    orphans_pension: '고아연금',
    lump_sum: '일시금',
    contribution_refund: '보험료 환급',
  },
  transferStates: {
    received: '접수됨',
    screening: '확인 중',
    held: '확인을 위해 보류됨',
    released: '확인 후 보류 해제됨',
    approved: '승인됨',
    reserved: '금액 확보됨',
    submitted: '은행에 전송됨',
    settled: '지급 완료',
    rejected: '거절됨',
    expired: '기한 만료',
    returned: '은행에서 반환됨',
    failed: '실패',
  },
  recipients: {
    partner_agency: '상대 국가의 사회보장기관',
    settlement_rail: '지급을 처리하는 은행',
  },
};

/** Every document language; TypeScript refuses a missing language or a missing key. */
export const LABELS: Readonly<Record<Language, Labels>> = { en, de, fr, nl, it, zh, ja, ko };
