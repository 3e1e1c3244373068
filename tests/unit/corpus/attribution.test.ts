// Who said it, read from small invented articles: one test per attribution shape and per rule of
// the people the compiler discovers. Each row is a quotation as printed and the NAME of its
// speaker as a reader would see it (null where the text does not say who).
import { describe, expect, test } from 'vitest';
import { compileCorpusFiles } from '@/lib/corpus';
import type { Pack } from '@/lib/pack/schema';
import { quotesIn } from './helpers';

/** Compiles articles (a.txt, b.txt, …) without front matter, with a gazetteer if given. */
function compile(articles: string[], gazetteer?: string): Pack {
  const files = articles.map((contents, index) => ({
    fileName: `${String.fromCharCode(97 + index)}.txt`,
    contents,
  }));
  if (gazetteer !== undefined) files.push({ fileName: 'gazetteer.yaml', contents: gazetteer });
  return compileCorpusFiles(files);
}

/** Every quotation of the pack, document by document in text order, with its speaker's name. */
function speakers(pack: Pack): [quote: string, speaker: string | null][] {
  const names = new Map(pack.entities.map((entity) => [entity.id, entity.name]));
  return pack.documents.flatMap((document) =>
    quotesIn(pack, document.id).map(({ text, speakerId }): [string, string | null] => [
      text,
      speakerId === null ? null : (names.get(speakerId) ?? `unknown id ${speakerId}`),
    ]),
  );
}

const said = (...articles: string[]) => speakers(compile(articles));

const people = (pack: Pack) =>
  pack.entities.filter((entity) => entity.kind === 'person').map((entity) => entity.name);

describe('cue shapes', () => {
  test('a participle carries its sentence subject’s cue: “…, saying “…””', () => {
    expect(
      said(
        'Governor Tamsin Okafor vetoed the budget on Friday, saying “This plan spends money the state does not have.”',
      ),
    ).toEqual([['This plan spends money the state does not have.', 'Tamsin Okafor']]);
  });

  test('a reader’s answer signed with a dash: “…” ― Name', () => {
    expect(
      said(
        'Readers asked how to keep tomatoes alive in a heat wave.\n\n' +
          '“Water them every morning before the sun is high, and mulch the beds.” ― Linda Hargrove',
      ),
    ).toEqual([
      ['Water them every morning before the sun is high, and mulch the beds.', 'Linda Hargrove'],
    ]);
  });

  test('a party and state in brackets between the name and the verb: Rep. X (D-Ore.) said', () => {
    expect(
      said(
        'Rep. Dana Whitfield (D-Ore.) said: “We will not trade clean rivers for a press release.”',
      ),
    ).toEqual([['We will not trade clean rivers for a press release.', 'Dana Whitfield']]);
    expect(
      said(
        '“The hatchery has to stay open through the summer,” Rep. Dana Whitfield (D-Ore.) said.',
      ),
    ).toEqual([['The hatchery has to stay open through the summer', 'Dana Whitfield']]);
  });

  test('“X continued:” ending a paragraph, and the quotation as the next paragraph', () => {
    expect(
      said(
        'Dorothy Marsh, a pollster, was blunt about the numbers. Marsh continued:\n\n' +
          '“Nobody in this district believes the incumbent can win in November.”',
      ),
    ).toEqual([
      ['Nobody in this district believes the incumbent can win in November.', 'Dorothy Marsh'],
    ]);
  });

  test('a statement split by its attribution: “A,” said X, a pollster. “B.”', () => {
    expect(
      said(
        '“The turnout model is broken,” said Harriet Quill, a pollster. “Every survey this year has missed young voters by a mile.”',
      ),
    ).toEqual([
      ['The turnout model is broken', 'Harriet Quill'],
      ['Every survey this year has missed young voters by a mile.', 'Harriet Quill'],
    ]);
  });

  test('a paragraph that is only a quotation continues the attributed paragraph before it', () => {
    expect(
      said(
        '“We have lost three stores on Main Street this year,” said Owen Pritchard, who runs the merchants group.\n\n' +
          '“If the bridge stays closed through the winter, we will lose three more.”',
      ),
    ).toEqual([
      ['We have lost three stores on Main Street this year', 'Owen Pritchard'],
      ['If the bridge stays closed through the winter, we will lose three more.', 'Owen Pritchard'],
    ]);
  });

  test('a question mark before the cue does not end its sentence: “…?” Caldwell said.', () => {
    expect(
      said(
        'Mayor Rosa Caldwell opposed the plan.\n\n' +
          '“Who pays for the bridge when the grant runs out?” Caldwell said.',
      ),
    ).toEqual([['Who pays for the bridge when the grant runs out?', 'Rosa Caldwell']]);
  });

  test('an inverted cue opening the sentence: Said Ellis: “…”', () => {
    // Ellis is a gazetteer person here: with a discovered Nora Ellis the shape fails (see report).
    const gazetteer = [
      'entities:',
      '  - id: nora-ellis',
      '    name: Nora Ellis',
      '    kind: person',
      '    pronoun: she',
      '    description: A hydrologist.',
      '    aliases: [Ellis]',
      '',
    ].join('\n');
    const pack = compile(
      [
        'Nora Ellis has measured the river for 20 years.\n\n' +
          'Said Ellis: “The river has never been this low in August.”',
      ],
      gazetteer,
    );
    expect(speakers(pack)).toEqual([
      ['The river has never been this low in August.', 'Nora Ellis'],
    ]);
  });

  test('“…,” X said Wednesday', () => {
    expect(said('“The levee held through the night,” Lena Pruitt said Wednesday.')).toEqual([
      ['The levee held through the night', 'Lena Pruitt'],
    ]);
  });

  test('in a statement, after the verb or between the name and the verb', () => {
    expect(
      said('“We are cooperating fully with the investigators,” Marcus Feld said in a statement.'),
    ).toEqual([['We are cooperating fully with the investigators', 'Marcus Feld']]);
    expect(
      said('Marcus Feld in a statement said: “We are cooperating fully with the investigators.”'),
    ).toEqual([['We are cooperating fully with the investigators.', 'Marcus Feld']]);
  });

  test('an inverted cue with a role before the name: said Kremlin spokesman X', () => {
    // The person, not the organisation named first, is the speaker.
    const gazetteer = [
      'entities:',
      '  - id: kremlin',
      '    name: Kremlin',
      '    kind: organization',
      '    description: The Russian presidency.',
      '',
    ].join('\n');
    const pack = compile(
      ['“The talks will resume next month in Geneva,” said Kremlin spokesman Arkady Volkov.'],
      gazetteer,
    );
    expect(speakers(pack)).toEqual([
      ['The talks will resume next month in Geneva', 'Arkady Volkov'],
    ]);
    expect(
      said('“The talks will resume next month in Geneva,” said ministry spokesman Arkady Volkov.'),
    ).toEqual([['The talks will resume next month in Geneva', 'Arkady Volkov']]);
  });
});

describe('pronouns', () => {
  test('“he said” skips a woman named after the man', () => {
    expect(
      said(
        'Harbor master Thomas Brennan inspected the pier with engineer Margaret Lyle. ' +
          '“The pilings are rotten all the way through,” he said.',
      ),
    ).toEqual([['The pilings are rotten all the way through', 'Thomas Brennan']]);
  });

  test('“She adds, “…”” goes to the woman, though a man is named after her', () => {
    expect(
      said(
        'Ruth Albers opened the bakery with Kevin Doyle in 2009. ' +
          'She adds, “We never imagined a line out the door every Saturday.”',
      ),
    ).toEqual([['We never imagined a line out the door every Saturday.', 'Ruth Albers']]);
  });

  test('with two men who could be “he”, the quote has no speaker rather than a guessed one', () => {
    // Neither has been quoted yet: two candidates, so no antecedent.
    expect(
      said(
        'Paul Reyes, the company’s lawyer, sat across the table. Walter Briggs, who leads the union, walked out. ' +
          '“It was an insult to every worker in this plant,” he said.',
      ),
    ).toEqual([['It was an insult to every worker in this plant', null]]);
    // The last speaker quoted is “he” only while no other man is named after his cue (a man
    // named after it who reports speech, “Reyes answered”, would be the last speaker instead).
    expect(
      said(
        '“We want the raise we were promised,” said Walter Briggs, the union leader. ' +
          'The talks went on past midnight. “We will not sign anything less,” he added.',
      ),
    ).toEqual([
      ['We want the raise we were promised', 'Walter Briggs'],
      ['We will not sign anything less', 'Walter Briggs'],
    ]);
    expect(
      said(
        '“We want the raise we were promised,” said Walter Briggs, the union leader. ' +
          'Paul Reyes sat across the table for the company. “We will not sign anything less,” he added.',
      ),
    ).toEqual([
      ['We want the raise we were promised', 'Walter Briggs'],
      ['We will not sign anything less', null],
    ]);
  });

  test('a name inside a quotation is never the antecedent of the pronoun', () => {
    // Dennis Lowe is a gazetteer person, so his name inside the quotation is a mention.
    const gazetteer = [
      'entities:',
      '  - id: dennis-lowe',
      '    name: Dennis Lowe',
      '    kind: person',
      '    pronoun: he',
      '    description: A plant manager.',
      '',
    ].join('\n');
    const pack = compile(
      [
        'Walter Briggs, the union president, spoke after the vote. ' +
          '“I warned Dennis Lowe this contract would fail the workers,” he said.',
      ],
      gazetteer,
    );
    expect(speakers(pack)).toEqual([
      ['I warned Dennis Lowe this contract would fail the workers', 'Walter Briggs'],
    ]);
  });
});

describe('the people of a pack', () => {
  test('a name with initials after a title is one person: Rep. R.J. Castellanos', () => {
    const pack = compile([
      'Rep. R.J. Castellanos (D-Ore.) said: “We should have acted on the dam years ago.”',
    ]);
    expect(speakers(pack)).toEqual([
      ['We should have acted on the dam years ago.', 'R.J. Castellanos'],
    ]);
    expect(people(pack)).toEqual(['R.J. Castellanos']);
  });

  test('a full name with a middle initial, without it, and with Mr. across articles: one person', () => {
    const pack = compile([
      'Martin D. Kowalczyk, the committee chairman, opposes the bill.',
      '“I never promised a vote this spring,” said Martin Kowalczyk.\n\n' +
        '“Nobody here asked me to,” Mr. Kowalczyk said.',
    ]);
    expect(speakers(pack)).toEqual([
      ['I never promised a vote this spring', 'Martin D. Kowalczyk'],
      ['Nobody here asked me to', 'Martin D. Kowalczyk'],
    ]);
    const kowalczyk = pack.entities.filter((entity) => entity.kind === 'person');
    expect(kowalczyk.map((entity) => entity.name)).toEqual(['Martin D. Kowalczyk']);
    expect(kowalczyk[0]?.aliases).toEqual(
      expect.arrayContaining(['Martin Kowalczyk', 'Mr. Kowalczyk', 'Kowalczyk']),
    );
  });

  test('“Mr. X” is the full name printed in the same article', () => {
    const pack = compile([
      'Harold Abernathy bought the mill in 1998.\n\n' +
        '“The mill will reopen in the spring with two hundred jobs,” Mr. Abernathy said.',
    ]);
    expect(speakers(pack)).toEqual([
      ['The mill will reopen in the spring with two hundred jobs', 'Harold Abernathy'],
    ]);
    expect(people(pack)).toEqual(['Harold Abernathy']);
  });

  test('an organisation-like run is never a person, even as the subject of “said”', () => {
    const pack = compile([
      '“We will see them in court over the pipeline,” the Sierra Club said.\n\n' +
        '“The lobby will stay open to the public,” Trump Tower said in a statement.\n\n' +
        'Harold Abernathy spoke for the owners. “The mill will reopen,” Mr. Abernathy said at Abernathy Tower.',
    ]);
    expect(speakers(pack)).toEqual([
      ['We will see them in court over the pipeline', null],
      ['The lobby will stay open to the public', null],
      ['The mill will reopen', 'Harold Abernathy'],
    ]);
    expect(pack.entities.map((entity) => entity.name)).toEqual(['Harold Abernathy']);
  });

  test('a person named in passing, neither quoted nor given a role, is not an entity', () => {
    const pack = compile([
      'The fundraiser was held at the home of Gloria Mendez in Tucson. ' +
        '“It was a good night for the campaign,” said Peter Vance.',
    ]);
    expect(speakers(pack)).toEqual([['It was a good night for the campaign', 'Peter Vance']]);
    expect(pack.entities.map((entity) => entity.name)).toEqual(['Peter Vance']);
  });

  test('surname-only forms are spotted case-sensitively and only where the full name is', () => {
    const pack = compile([
      'Harold Abernathy bought the mill in 1998.\n\n' +
        '“The mill will reopen in the spring with two hundred jobs,” Mr. Abernathy said.',
    ]);
    const abernathy = pack.entities.find((entity) => entity.name === 'Harold Abernathy');
    expect(abernathy?.aliases).toEqual(['Abernathy', 'Mr. Abernathy']);
    expect(abernathy?.spotting?.caseSensitive).toContain('Abernathy');
    expect(abernathy?.spotting?.contextRequired).toContain('Abernathy');
    expect(abernathy?.spotting?.caseSensitive).not.toContain('Harold Abernathy');
    expect(abernathy?.spotting?.contextRequired).not.toContain('Harold Abernathy');
  });

  test('a titled speaker known only by surname is one entity: “…,” Mr. Pendergast said', () => {
    const pack = compile([
      '“The fence is on my side of the property line,” Mr. Pendergast said. ' +
        '“I have the survey to prove it,” Pendergast said.',
    ]);
    expect(speakers(pack)).toEqual([
      ['The fence is on my side of the property line', 'Mr. Pendergast'],
      ['I have the survey to prove it', 'Mr. Pendergast'],
    ]);
    expect(people(pack)).toEqual(['Mr. Pendergast']);
  });
});

describe('continuing a speaker', () => {
  test('a fragment after another person is named does not continue the previous speaker', () => {
    expect(
      said(
        '“The budget is balanced and the reserves are full,” said Alma Reyes, the county treasurer. ' +
          'The report by auditor Glen Parr found “serious gaps” in the books.',
      ),
    ).toEqual([
      ['The budget is balanced and the reserves are full', 'Alma Reyes'],
      ['serious gaps', null],
    ]);
    // With no one else named, the fragment is the same speaker's.
    expect(
      said(
        '“The budget is balanced and the reserves are full,” said Alma Reyes, the county treasurer. ' +
          'The forecast leaves “very little margin” for error.',
      ),
    ).toEqual([
      ['The budget is balanced and the reserves are full', 'Alma Reyes'],
      ['very little margin', 'Alma Reyes'],
    ]);
  });
});

describe('names the reporter’s sentence runs into', () => {
  test('initials, a sentence-initial "Said", a role word as title, a word before a role', () => {
    const pack = compile([
      [
        'The dam vote',
        '',
        '"We should have acted on the dam years ago," said Rep. R.J. Castellanos. "This bill is dead on arrival," said Martin D. Kowalczyk, the committee chairman.',
        '',
        'Nora Ellis has measured the river for 20 years.',
        '',
        'Said Ellis: "The river has never been this low in August."',
        '',
        '"The talks will resume next month in Geneva," said Kremlin spokesman Arkady Volkov.',
        '',
        '"The budget is balanced for the first time in years," said Treasurer Alma Reyes.',
      ].join('\n'),
    ]);
    expect(speakers(pack)).toEqual([
      ['We should have acted on the dam years ago', 'R.J. Castellanos'],
      ['This bill is dead on arrival', 'Martin D. Kowalczyk'],
      ['The river has never been this low in August.', 'Nora Ellis'],
      ['The talks will resume next month in Geneva', 'Arkady Volkov'],
      ['The budget is balanced for the first time in years', 'Alma Reyes'],
    ]);
  });

  test('a company quoted by name is not a person; a pollster known by an apposition is', () => {
    const pack = compile([
      [
        'Branches close',
        '',
        '"We regret any inconvenience to our customers," said Wells Fargo.',
        '',
        'Gideon Marsh, a pollster, was blunt about the numbers. Marsh continued:',
        '',
        '"Nobody in this district believes the numbers from the capital."',
      ].join('\n'),
    ]);
    expect(speakers(pack)).toEqual([
      ['We regret any inconvenience to our customers', null],
      ['Nobody in this district believes the numbers from the capital.', 'Gideon Marsh'],
    ]);
    expect(people(pack)).toEqual(['Gideon Marsh']);
  });
});
