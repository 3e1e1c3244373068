/**
 * People the gazetteer lacks. Every personal name printed in the pack's documents is read
 * (lib/corpus/names.ts); the forms of one person ("Pat Caddell", "Caddell", "Mr. Caddell") become
 * one entity across the pack, and each document gets its mentions of them. Which of these people
 * are kept in the pack is decided later, from what they say and which roles they hold.
 */
import nlp from 'compromise';
import type { KnownEntity, Mention } from './entities';
import { slugify } from './frontMatter';
import {
  findPrintedNames,
  fullNameOf,
  givenNameGender,
  hasKnownGivenName,
  type PrintedName,
  personKey,
  pronounOfTitles,
} from './names';

export interface DocumentText {
  id: string;
  text: string;
  /** The text with quotations masked (segment.ts): names inside quotations are not evidence. */
  masked: string;
  /** Mentions of gazetteer entities: where they are, no discovered person is. */
  known: readonly Mention[];
}

export interface DiscoveredRole {
  entityId: string;
  documentId: string;
  start: number;
  end: number;
}

export interface DiscoveredPeople {
  entities: KnownEntity[];
  mentions: Map<string, Mention[]>;
  roles: DiscoveredRole[];
}

/** A speech verb right after a name, or a quotation or speech verb right before it. */
const SPEECH_AFTER_NAME =
  /^,?\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|adds|warned|wrote|writes|argued|explained|stressed|insisted|noted|asked|replied|continued|stated|declared|tweeted|recalled|claimed|responded)\b/;
const QUOTE_BEFORE_NAME = /[”"]\s*,?\s*(?:(?:said|says|added|adds|told|wrote|asked)\s+)?$/;
const SPEECH_BEFORE_NAME = /\b(?:said|says|added|adds|according to)\s+$/;

interface Person {
  key: string;
  forms: Map<string, number>;
  surname: string;
  given: string;
  titles: Set<string>;
  pronouns: { he: number; she: number };
}

/**
 * Finds the people of a pack. `gazetteerPeople` maps person keys ("vladimir putin") of the
 * gazetteer's people to their ids, so a printed "Vladimir V. Putin" is the gazetteer's Putin.
 */
export function discoverPeople(
  documents: readonly DocumentText[],
  gazetteerPeople: ReadonlyMap<string, string>,
  takenIds: ReadonlySet<string>,
): DiscoveredPeople {
  const printed = documents.map((document) => ({
    document,
    names: findPrintedNames(document.text).filter(
      (name) =>
        !isInsideQuotation(document, name.nameStart) &&
        !document.known.some((m) => m.start < name.end && name.start < m.end),
    ),
  }));

  // Full names first: they say who the short forms can be.
  const people = new Map<string, Person>();
  const fullNames = new Set<PrintedName>();
  for (const { document, names } of printed) {
    for (const name of names) {
      const key = personKey(name);
      if (key === undefined || gazetteerPeople.has(key)) continue;
      if (!isPersonName(name, document)) continue;
      fullNames.add(name);
      const person = people.get(key) ?? newPerson(key, name);
      const form = fullNameOf(name);
      person.forms.set(form, (person.forms.get(form) ?? 0) + 1);
      people.set(key, person);
    }
  }
  const bySurname = groupBy([...people.values()], (person) => person.surname);

  // Then every form, full or short, resolved to its person.
  const resolved: { documentId: string; name: PrintedName; entity: Person | string }[] = [];
  for (const { document, names } of printed) {
    const inDocument = names
      .filter((name) => fullNames.has(name))
      .map((name) => ({
        person: people.get(personKey(name) as string) as Person,
        start: name.start,
      }));
    for (const name of names) {
      const key = personKey(name);
      if (key !== undefined && gazetteerPeople.has(key)) {
        resolved.push({
          documentId: document.id,
          name,
          entity: gazetteerPeople.get(key) as string,
        });
        continue;
      }
      let person = fullNames.has(name)
        ? people.get(key as string)
        : key === undefined
          ? shortFormOf(name, inDocument, bySurname)
          : undefined;
      if (
        person === undefined &&
        key === undefined &&
        isSpeakerPosition(name, document) &&
        !isBeforeRoleWord(name, document)
      ) {
        // Quoted by surname alone and named in full nowhere ("…,” said O’Neill).
        person = surnameOnlyPerson(name, people);
      }
      if (person === undefined) continue;
      const pronoun = pronounOfTitles(name.titles);
      if (pronoun !== undefined) person.pronouns[pronoun] += 2;
      for (const title of name.titles) person.titles.add(title);
      resolved.push({ documentId: document.id, name, entity: person });
    }
  }

  const ids = assignIds(people, takenIds);
  const documentsById = new Map(documents.map((document) => [document.id, document]));
  const mentions = new Map<string, Mention[]>(documents.map((document) => [document.id, []]));
  const roles: DiscoveredRole[] = [];
  for (const { documentId, name, entity } of resolved) {
    const entityId = typeof entity === 'string' ? entity : (ids.get(entity.key) as string);
    mentions.get(documentId)?.push(mentionOf(entityId, name));
    if (typeof entity === 'string') continue;
    const document = documentsById.get(documentId) as DocumentText;
    const role =
      roleBefore(document.masked, name.start) ?? roleInApposition(document.text, name.end);
    if (role === undefined) continue;
    roles.push({ entityId, documentId, ...role });
    // A role may say whose pronoun is "she" ("spokeswoman") or "he".
    const title = document.text.slice(role.start, role.end);
    if (
      /\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|wife|mother|daughter)\b/i.test(title)
    )
      entity.pronouns.she += 2;
    if (/\b(?:spokesman|chairman|congressman|businessman|husband|father|son)\b/i.test(title))
      entity.pronouns.he += 2;
  }
  for (const list of mentions.values()) list.sort((a, b) => a.start - b.start);
  return {
    entities: [...people.values()].map((person) =>
      toEntity(
        person,
        ids.get(person.key) as string,
        (bySurname.get(person.surname)?.length ?? 0) > 1,
      ),
    ),
    mentions,
    roles,
  };
}

function newPerson(key: string, name: PrintedName): Person {
  const person: Person = {
    key,
    forms: new Map(),
    surname: name.surname,
    given: name.given.find((part) => !/\.$/.test(part)) ?? (name.given[0] as string),
    titles: new Set(),
    pronouns: { he: 0, she: 0 },
  };
  const fromName = givenNameGender(person.given);
  if (fromName === 'he' || fromName === 'she') person.pronouns[fromName] += 1;
  return person;
}

/**
 * A full name is a person's when its titles or its given name say so, or when the text makes it
 * the speaker of a quotation or gives it a role ("pollster Pat Caddell").
 */
function isPersonName(name: PrintedName, document: DocumentText): boolean {
  if (name.given.length === 0) return false;
  const printed = document.text.slice(name.nameStart, name.end);
  if (name.titles.length === 0 && !hasKnownGivenName(name) && nlp(printed).has('#Organization'))
    return false;
  // "N. Korea", "S. Carolina": an initial before a place.
  if (name.given.every((part) => /\.$/.test(part)) && nlp(name.surname).has('#Place')) return false;
  if (name.titles.length > 0 || hasKnownGivenName(name)) return true;
  if (isSpeakerPosition(name, document)) return true;
  return (
    roleBefore(document.masked, name.start) !== undefined ||
    roleInApposition(document.text, name.end) !== undefined
  );
}

function isSpeakerPosition(name: PrintedName, document: DocumentText): boolean {
  const before = document.masked.slice(Math.max(0, name.start - 16), name.start);
  return (
    QUOTE_BEFORE_NAME.test(before) ||
    SPEECH_BEFORE_NAME.test(before) ||
    SPEECH_AFTER_NAME.test(document.masked.slice(name.end, name.end + 24))
  );
}

/** "said Kremlin spokesman Arkady Volkov": a word before a role word is not a surname. */
function isBeforeRoleWord(name: PrintedName, document: DocumentText): boolean {
  const after = document.masked.slice(name.end, name.end + 24);
  return /^[ \u00a0]+\p{Ll}/u.test(after) && !SPEECH_AFTER_NAME.test(after);
}

/**
 * A short form ("Caddell", "Mr. Caddell", "Hillary"): the person of this document it stands for,
 * the last one named before it, else the first named after it; failing that, the only person of
 * the pack with that surname (and with the gender its title gives, if any).
 */
function shortFormOf(
  name: PrintedName,
  inDocument: readonly { person: Person; start: number }[],
  bySurname: ReadonlyMap<string, Person[]>,
): Person | undefined {
  const wantedPronoun = pronounOfTitles(name.titles);
  const fits = (person: Person) =>
    wantedPronoun === undefined || pronounOf(person) !== otherPronoun(wantedPronoun);
  const bySurnameHere = inDocument.filter(
    ({ person }) => person.surname === name.surname && fits(person),
  );
  const nearest = (list: readonly { person: Person; start: number }[]) =>
    list.filter((entry) => entry.start < name.start).pop() ?? list[0];
  const here = nearest(bySurnameHere);
  if (here !== undefined) return here.person;
  if (name.titles.length === 0) {
    // A lone given name ("Hillary") stands for the only person of the document with it.
    const byGiven = new Set(
      inDocument.filter(({ person }) => person.given === name.surname).map(({ person }) => person),
    );
    const surnamesHere = new Set(inDocument.map(({ person }) => person.surname));
    if (byGiven.size === 1 && !surnamesHere.has(name.surname)) return [...byGiven][0];
  }
  const inPack = (bySurname.get(name.surname) ?? []).filter(fits);
  if (inPack.length <= 1) return inPack[0];
  // Several people share the surname: the pack's far most named one is meant ("Clinton" in a
  // pack of campaign news), or no one.
  const [first, second] = inPack
    .map((person) => ({ person, count: timesNamed(person) }))
    .sort((a, b) => b.count - a.count);
  const dominant = first !== undefined && second !== undefined && first.count >= 4 * second.count;
  return dominant && first.count >= 5 ? first.person : undefined;
}

function timesNamed(person: Person): number {
  let count = 0;
  for (const times of person.forms.values()) count += times;
  return count;
}

/**
 * A person known only by surname (and perhaps a title): one per surname across the pack, named
 * as the articles print it ("Mr. Morgan", "O’Neill"). Never a place or an organisation's word.
 */
function surnameOnlyPerson(name: PrintedName, people: Map<string, Person>): Person | undefined {
  const word = nlp(name.surname);
  const notAName = [
    '#Place',
    '#Organization',
    '#Plural',
    '#Date',
    '#Verb',
    '#Adjective',
    '#Adverb',
  ];
  if (notAName.some((tag) => word.has(tag))) return undefined;
  // A surname several people of the pack share says no one in particular.
  if ([...people.values()].some((p) => p.given !== '' && p.surname === name.surname))
    return undefined;
  const key = `~${name.surname.toLowerCase()}`;
  const person = people.get(key) ?? {
    key,
    forms: new Map<string, number>(),
    surname: name.surname,
    given: '',
    titles: new Set<string>(),
    pronouns: { he: 0, she: 0 },
  };
  const form = name.titles.length > 0 ? `${name.titles.join(' ')} ${name.surname}` : name.surname;
  person.forms.set(form, (person.forms.get(form) ?? 0) + 1);
  people.set(key, person);
  return person;
}

function pronounOf(person: Person): 'he' | 'she' | undefined {
  if (person.pronouns.he > person.pronouns.she) return 'he';
  if (person.pronouns.she > person.pronouns.he) return 'she';
  return undefined;
}

function otherPronoun(pronoun: 'he' | 'she'): 'he' | 'she' {
  return pronoun === 'he' ? 'she' : 'he';
}

function mentionOf(entityId: string, name: PrintedName): Mention {
  return { entityId, start: name.start, end: name.end, via: 'name' };
}

/** Quoted words are masked as X's (segment.ts). */
function isInsideQuotation(document: DocumentText, offset: number): boolean {
  return document.masked[offset] === 'X' && document.text[offset] !== 'X';
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item)) ?? [];
    list.push(item);
    groups.set(keyOf(item), list);
  }
  return groups;
}

/** The most printed full form names the person; ids come from names, unique within the pack. */
function displayName(person: Person): string {
  return [...person.forms.entries()].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]),
  )[0]?.[0] as string;
}

function assignIds(people: ReadonlyMap<string, Person>, takenIds: ReadonlySet<string>) {
  const ids = new Map<string, string>();
  const used = new Set(takenIds);
  for (const person of [...people.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const base = slugify(displayName(person)) || 'person';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(person.key, id);
  }
  return ids;
}

/**
 * The entity: its name, the other full forms, and the short forms a page may use for it. Short
 * forms (a surname, "Mr. Caddell") are matched with their case and only where the full name is
 * also on the page, so "Moore" alone marks nobody.
 */
function toEntity(person: Person, id: string, sharedSurname: boolean): KnownEntity {
  const name = displayName(person);
  const withoutMiddle = person.given === '' ? [] : [`${person.given} ${person.surname}`];
  // A surname two people of the pack share (Hillary and Bill Clinton) is an alias of neither.
  const shortForms = [
    ...(sharedSurname && person.given !== '' ? [] : [person.surname]),
    ...[...person.titles]
      .filter((title) => /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?$/.test(title))
      .map((title) => `${title} ${person.surname}`),
  ];
  const aliases = [
    ...new Set([...person.forms.keys(), ...withoutMiddle, ...shortForms].filter((f) => f !== name)),
  ].sort();
  // A person known only by surname is marked only where the page names them more fully.
  const shortFormsUsed = shortForms.filter((form) => form === name || aliases.includes(form));
  const pronoun = pronounOf(person);
  return {
    id,
    name,
    kind: 'person',
    ...(pronoun === undefined ? {} : { pronoun }),
    description: '',
    aliases,
    caseSensitive: shortFormsUsed,
    contextRequired: shortFormsUsed,
    roles: [],
    references: [],
    origin: 'discovered',
  };
}

/** Lowercase words that make the words before a name a role ("… spokeswoman Mao Ning"). */
const ROLE_HEADS = new Set(
  (
    'spokesman spokeswoman spokesperson minister secretary president ambassador envoy adviser ' +
    'advisor analyst professor director chief commander governor mayor senator lawmaker official ' +
    'researcher economist chairman chairwoman premier chancellor general editor correspondent ' +
    'lawyer expert aide diplomat negotiator executive founder fellow strategist colonel head ' +
    'leader representative deputy spokespeople mp pollster nominee candidate manager strategist ' +
    'congressman congresswoman host anchor attorney judge justice sheriff officer surrogate ' +
    'consultant operative organizer activist author columnist writer reporter journalist ' +
    'commentator historian scientist economist ceo president-elect governor-elect'
  ).split(' '),
);
const ROLE_TITLE_WORDS = new Set(
  (
    'President Minister Secretary Prime Deputy Foreign Chancellor General Ambassador Envoy ' +
    'Director Chief Governor Mayor Senator Representative Spokesman Spokeswoman Professor ' +
    'Commander Colonel Premier Vice Secretary-General Chairman Chairwoman'
  ).split(' '),
);
const ROLE_STOP_WORDS = new Set(
  (
    'The A An And But Or In On At Of For From To By With As Also Meanwhile However While After ' +
    'Before During Since Until When Where If Then This That These Those It He She They We I You ' +
    'His Her Their Our Its Monday Tuesday Wednesday Thursday Friday Saturday Sunday January ' +
    'February March April May June July August September October November December According'
  ).split(' '),
);

/** "Chinese Foreign Ministry spokeswoman " or "longtime Democratic pollster " right before a name. */
export function roleBefore(
  masked: string,
  nameStart: number,
): { start: number; end: number } | undefined {
  const before = masked.slice(Math.max(0, nameStart - 120), nameStart);
  const offset = nameStart - before.length;
  const tokens = [...before.matchAll(/[^\s]+/g)];
  let first = tokens.length;
  let hasHead = false;
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = (tokens[index] as RegExpMatchArray)[0];
    const bare = token.replace(/[’']s$/, '');
    const isHead = ROLE_HEADS.has(token.toLowerCase()) || ROLE_TITLE_WORDS.has(bare);
    const isCapitalized = /^[\p{Lu}][\p{L}’'-]*$/u.test(token) && !ROLE_STOP_WORDS.has(bare);
    if (!isHead && !isCapitalized) break;
    hasHead ||= isHead;
    first = index;
  }
  const gapToName = before.slice(before.trimEnd().length);
  if (!hasHead || first === tokens.length || gapToName === '') return undefined;
  const firstToken = tokens[first] as RegExpMatchArray;
  const start = offset + (firstToken.index ?? 0);
  const end = offset + before.trimEnd().length;
  return start < end ? { start, end } : undefined;
}

/** "Jane Doe, a senior analyst at the institute," (or ".") → "senior analyst at the institute". */
export function roleInApposition(
  text: string,
  nameEnd: number,
): { start: number; end: number } | undefined {
  const match = /^,\s+(?:the|a|an)\s+([^,.;“”"]{3,80}?)[,.]/.exec(
    text.slice(nameEnd, nameEnd + 100),
  );
  const phrase = match?.[1];
  if (match === null || phrase === undefined) return undefined;
  const hasHead = phrase.split(/\s+/).some((word) => ROLE_HEADS.has(word.toLowerCase()));
  if (!hasHead) return undefined;
  const start = nameEnd + match[0].indexOf(phrase);
  return { start, end: start + phrase.length };
}
