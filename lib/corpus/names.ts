/**
 * Personal names as news prints them: "Pat Caddell", "Rep. G.K. Butterfield", "John D. Podesta",
 * "Mr. Trump", "Retired Lt. Gen. Michael Flynn". A name is read as parts (titles, given names,
 * initials, surname, suffix), so one person's many printed forms can be recognised as one.
 */
import nlp from 'compromise';

export interface PrintedName {
  /** Offsets of the name in the text, titles included ("Sen. David Perdue"). */
  start: number;
  end: number;
  /** Where the name itself starts, after any titles. */
  nameStart: number;
  titles: string[];
  /** Given names and middle initials, as printed ("John", "D."). */
  given: string[];
  surname: string;
  suffix?: string;
}

/**
 * Titles that stand before a personal name. Abbreviations are listed without their full stop. Each
 * says the next capitalised words are a person's name.
 */
const TITLES = new Set(
  (
    'Mr Mrs Ms Miss Mx Dr Prof Sen Senator Rep Representative Gov Governor Lt Gen General Col ' +
    'Colonel Maj Major Capt Captain Sgt Adm Admiral Cmdr Gens Reps Sens Pres President Vice ' +
    'Secretary Sec Mayor Judge Justice Speaker Chairman Chairwoman Rev Reverend Pastor Father ' +
    'Sister Sir Dame Lord Lady Prince Princess King Queen Pope Ambassador Amb Attorney Minister ' +
    'Premier Chancellor Commissioner Sheriff Detective Officer Chief Deputy Retired Ret Former ' +
    'First Commander Councilman Councilwoman Congressman Congresswoman Assemblyman Assemblywoman ' +
    'Del Delegate Rabbi Imam Coach Dean Professor Prime Foreign Director Spokesman Spokeswoman Candidate ' +
    'Nominee Pollster Treasurer Analyst Economist Strategist Lawyer Author Activist Host Anchor ' +
    'Executive Spokesperson Consultant Adviser Advisor Comptroller Auditor Prosecutor'
  ).split(' '),
);
const SHE_TITLES = new Set(
  'Mrs Ms Miss Sister Dame Lady Princess Queen Chairwoman Congresswoman Councilwoman Assemblywoman Spokeswoman'.split(
    ' ',
  ),
);
const HE_TITLES = new Set(
  'Mr Sir Lord Prince King Father Chairman Congressman Councilman Assemblyman Spokesman'.split(' '),
);
const SUFFIXES = new Set(['Jr', 'Sr', 'II', 'III', 'IV']);

/**
 * Capitalised words that are never part of a personal name: function words, calendar words, and
 * the words of institutions, places and groups ("Sierra Club", "Trump Tower", "White House").
 */
const NOT_NAME_WORDS = new Set(
  (
    'The A An And But Or Nor In On At Of For From To By With As Also Meanwhile However While ' +
    'Said Says Added Adds Asked Wrote Kremlin Elysee Élysée Downing Vatican ' +
    'After Before During Since Until When Where If Then This That These Those It He She They We ' +
    'I You His Her Their Our Its My Your Who What Why How Which There Here Not No Yes So Now ' +
    'Today Yesterday Tomorrow Last Next Earlier Later Still Even Just Only Both Each Every All ' +
    'Some Many Most More Few Other Another Such Than Like Unlike About Over Under Into Onto Upon ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June ' +
    'July August September October November December Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec ' +
    'Ministry Council Court Agency Times News Union Party Government University Institute ' +
    'Department Committee Foundation Bank Group Company Airport Street Office Army Navy Force ' +
    'Forces Republic State States Kingdom House Senate Parliament Assembly Commission ' +
    'Organization Association Centre Center Post Press Reuters Associated Twitter Facebook Club ' +
    'Campaign Fund Corp Inc Co Ltd Network Journal Daily Tower Towers Hall Hotel Square ' +
    'Avenue Road Bridge River Lake Mountain Island Islands County City Town Village Valley Beach ' +
    'Democrats Republicans Democrat Republican Democratic Conservative Conservatives Liberal ' +
    'Liberals Labour Administration Congress Cabinet Pentagon Federal National International ' +
    'American Americans America Americas United Nations Reserve Security Service Services School ' +
    'College Academy Church Cathedral Museum Library Hospital Clinic Center Studio Studios Media ' +
    'Magazine Review Tribune Herald Gazette Globe Inquirer Telegraph Guardian Chronicle Wire ' +
    'Radio Television Channel Broadcasting Online Digital Poll Polls Survey Index Report Act ' +
    'Law Amendment Treaty Accord Plan Program Project Initiative Summit Conference Convention ' +
    'Debate Election Elections Primary Caucus Caucuses Rally Games Cup League Series Award Awards ' +
    'Prize Festival Day Week Month Year Era Age War Wars Revolution Street Way Lane Drive North ' +
    'South East West Northern Southern Eastern Western Central Middle Upper Lower Great Greater ' +
    'New Old Saint St Mount Fort Port Lt Capitol Oval Room Building Center Headquarters God Lord ' +
    'Jesus Christ Christian Christians Muslim Muslims Jewish Jews Islam Islamic Catholic ' +
    'Protestant Evangelical Evangelicals Black White Latino Latinos Hispanic Hispanics Asian ' +
    'African European Russian Chinese Mexican Syrian Iranian British French German Israeli ' +
    'Palestinian Ukrainian Japanese Korean Indian Canadian Australian Clinic Trust Partners ' +
    'Capital Holdings Industries Technologies Systems Solutions Energy Oil Gas Motors Airlines ' +
    'Air Airways Railway Railways Watch Rights Action Alliance Coalition Council Caucus Leadership ' +
    'Project Policy Research Studies Strategic Affairs Relations Development Bureau Division Unit ' +
    'Team Staff Crew Band Orchestra Choir Family Foundation Fox CNN NBC ABC CBS MSNBC PBS NPR ' +
    'BBC Breitbart Politico Yahoo Google Apple Microsoft Amazon Netflix Instagram YouTube Snapchat'
  ).split(' '),
);

const firstNameCache = new Map<string, 'he' | 'she' | 'unknown' | 'not'>();

/** Whether compromise's lexicon knows `word` as a given name, and as whose. */
export function givenNameGender(word: string): 'he' | 'she' | 'unknown' | 'not' {
  const cached = firstNameCache.get(word);
  if (cached !== undefined) return cached;
  const term = nlp(word);
  const result = !term.has('#FirstName')
    ? 'not'
    : term.has('#MaleName')
      ? 'he'
      : term.has('#FemaleName')
        ? 'she'
        : 'unknown';
  firstNameCache.set(word, result);
  return result;
}

/** The pronoun a name's titles fix ("Mrs." → she), if any. */
export function pronounOfTitles(titles: readonly string[]): 'he' | 'she' | undefined {
  for (const title of titles) {
    const bare = title.replace(/\.$/, '');
    if (SHE_TITLES.has(bare)) return 'she';
    if (HE_TITLES.has(bare)) return 'he';
  }
  return undefined;
}

export function isTitleWord(word: string): boolean {
  return TITLES.has(word.replace(/\.$/, ''));
}

export function isNotNameWord(word: string): boolean {
  return NOT_NAME_WORDS.has(word.replace(/[’']s$/, ''));
}

interface Token {
  text: string;
  start: number;
  end: number;
  shape: 'word' | 'initials' | 'acronym';
}

/** A word: a capital, then letters with at least one lower-case letter ("McConnell", "O’Rourke"). */
const TOKEN =
  /(?<![\p{L}\p{N}.'’-])(?:\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}[\p{L}]*(?:['’-]\p{L}+)*\.?)/gu;

function shapeOf(word: string): Token['shape'] {
  if (/^(?:\p{Lu}\.)(?:-?\p{Lu}\.)*$/u.test(word)) return 'initials';
  if (!/\p{Ll}/u.test(word)) return 'acronym';
  return 'word';
}

/**
 * Runs of capitalised tokens separated by a single space (or no-break space), with a trailing
 * possessive left out of the run.
 */
function capitalisedRuns(text: string): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0];
    const possessive = /[’']s$/.test(word);
    if (possessive) word = word.slice(0, -2);
    // A full stop ends a sentence unless the token is a title, an initial or a suffix.
    if (word.endsWith('.') && shapeOf(word) === 'word' && !isTitleWord(word)) {
      const bare = word.slice(0, -1);
      if (!SUFFIXES.has(bare)) word = bare;
    }
    const token: Token = {
      text: word,
      start: match.index,
      end: match.index + word.length,
      shape: shapeOf(word),
    };
    // An acronym ("CEO", "NATO") is no part of a name: "Wells Fargo CEO John Stumpf".
    if (token.shape === 'acronym') {
      if (current.length > 0) runs.push(current);
      current = [];
      continue;
    }
    const previous = current[current.length - 1];
    const joined =
      previous !== undefined && /^[ \u00a0]$/.test(text.slice(previous.end, token.start));
    if (!joined && current.length > 0) {
      runs.push(current);
      current = [];
    }
    current.push(token);
    // "Clinton’s campaign": the possessive ends the name.
    if (possessive) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * Every name-like run printed in `text`: titles followed by name words ("Mr. Trump"), given names
 * and a surname ("Pat Caddell"), or a lone capitalised word ("Caddell"). Whether it names a person
 * is for the caller to decide from its form and its context.
 */
export function findPrintedNames(text: string): PrintedName[] {
  const names: PrintedName[] = [];
  for (const run of capitalisedRuns(text)) {
    // Words before the name proper that cannot be in it ("But", "Democratic"), and titles, which
    // may follow a place ("Massachusetts Sen. Elizabeth Warren"): the name starts after the last.
    const lastTitle = run.findLastIndex(
      (token, at) => isTitleWord(token.text) && at < run.length - 1,
    );
    let index = 0;
    const titles: string[] = [];
    let titleStart = -1;
    if (lastTitle !== -1) {
      let first = lastTitle;
      while (first > 0 && isTitleWord((run[first - 1] as Token).text)) first--;
      titles.push(...run.slice(first, lastTitle + 1).map((token) => token.text));
      titleStart = (run[first] as Token).start;
      index = lastTitle + 1;
    }
    for (; index < run.length; index++) {
      const token = run[index] as Token;
      if (token.shape === 'word' && isNotNameWord(token.text)) {
        titles.length = 0;
        titleStart = -1;
        continue;
      }
      break;
    }
    const rest = run.slice(index);
    // The name ends at the first word that cannot be in one.
    const stop = rest.findIndex(
      (token) => token.shape === 'acronym' || (token.shape === 'word' && isNotNameWord(token.text)),
    );
    const parts = stop === -1 ? rest : rest.slice(0, stop);
    if (stop !== -1 && stop < rest.length) {
      // "Hillary Clinton Foundation": a name running into an institution is not a person's.
      const next = rest[stop] as Token;
      if (next.shape === 'word' && stop > 0) continue;
    }
    let suffix: string | undefined;
    const last = parts[parts.length - 1];
    if (last !== undefined && SUFFIXES.has(last.text.replace(/\.$/, '')) && parts.length > 1) {
      suffix = last.text;
      parts.pop();
    }
    const surname = parts[parts.length - 1];
    if (surname === undefined || surname.shape !== 'word') continue;
    const given = parts.slice(0, -1);
    if (given.length > 3) continue;
    // A lone word ("Caddell") is kept: it may be a known person's surname or given name.
    if (given.length === 0 && titles.length === 0 && (stop !== -1 || run.length > 1 + index))
      continue;
    const nameStart = (parts[0] as Token).start;
    const end = suffix === undefined ? surname.end : (run[index + parts.length] as Token).end;
    names.push({
      start: titleStart === -1 ? nameStart : titleStart,
      end,
      nameStart,
      titles: [...titles],
      given: given.map((token) => token.text),
      // One apostrophe for every printing of a surname ("O’Neill" and "O'Neill").
      surname: surname.text.replace(/’/g, "'"),
      ...(suffix === undefined ? {} : { suffix }),
    });
  }
  return names;
}

/** The full name without titles: "John D. Podesta", "Martin Luther King Jr.". */
export function fullNameOf(name: PrintedName): string {
  return [...name.given, name.surname, ...(name.suffix === undefined ? [] : [name.suffix])].join(
    ' ',
  );
}

/**
 * The key one person's forms share: given name and surname, lower case, without middle initials
 * or suffixes ("John D. Podesta" and "John Podesta" → "john podesta").
 */
export function personKey(name: PrintedName): string | undefined {
  const first = name.given.find((part) => !/\.$/.test(part)) ?? name.given[0];
  if (first === undefined) return undefined;
  return `${first} ${name.surname}`.toLowerCase().replace(/’/g, "'");
}

/** Whether a titleless name's own words say it is a person: its first word is a given name. */
export function hasKnownGivenName(name: PrintedName): boolean {
  const first = name.given[0];
  if (first === undefined) return false;
  if (/\.$/.test(first)) return true; // "G.K. Butterfield", "J. Edgar Hoover"
  return givenNameGender(first) !== 'not';
}
