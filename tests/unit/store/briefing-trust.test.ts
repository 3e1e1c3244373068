/**
 * What makes a briefing trustworthy at a glance, read from a real database: what it rests on,
 * one item per quote and role however many packs carry them, and short quotes in their sentence.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Pack } from '@/lib/pack/schema';
import { loadBriefing } from '@/lib/store/briefing';
import { CorpusStore } from '@/lib/store/corpus-store';
import { BriefingsDatabase } from '@/lib/store/db';
import type { Briefing, EntityRef } from '@/lib/views';
import { importFile } from '../../support/import-file';
import { bundledPack, smallPack } from '../../support/packs';

let db: BriefingsDatabase;
let store: CorpusStore;

beforeEach(async () => {
  db = new BriefingsDatabase(`test-${crypto.randomUUID()}`);
  store = new CorpusStore(db);
});

afterEach(async () => {
  await db.delete();
});

async function briefingOf(entityId: string, quoteLimit?: number): Promise<Briefing> {
  const rows = await db.entities.toArray();
  const names = new Map<string, EntityRef>(
    rows.map((row) => [row.id, { id: row.id, name: row.name, kind: row.kind }]),
  );
  const spellings = new Map(rows.map((row) => [row.id, [row.name, ...row.aliases]]));
  const briefing = await loadBriefing(db, { names, spellings }, entityId, quoteLimit);
  if (!briefing) throw new Error(`no briefing for ${entityId}`);
  return briefing;
}

const PERSON = 'person-olena-kovalenko';

async function install(pack: Pack): Promise<void> {
  const outcome = await importFile(store, JSON.stringify(pack));
  if (!outcome.ok) throw new Error(`${outcome.message} ${outcome.problems.join('; ')}`);
}

/** One article of the small pack: its text, a dated document, and a quote by the mayor in it. */
function article(
  id: string,
  publishedAt: string,
  said: string,
  url?: string,
  role = 'Mayor of Zolotyi Bereh',
) {
  const text = `${role} Olena Kovalenko said: “${said}”. Residents listened.`;
  const start = text.indexOf(said);
  return {
    document: {
      id,
      title: `Report ${id}`,
      outlet: 'Field Notes',
      ...(url ? { url } : {}),
      publishedAt,
      datePrecision: 'day' as const,
      dateBasis: 'printed' as const,
      text,
    },
    quote: {
      id: `quote-${id}`,
      text: said,
      kind: 'statement' as const,
      speakerId: PERSON,
      sources: [{ documentId: id, start, end: start + said.length }],
      variants: [],
      aboutEntityIds: [],
      date: null,
      datePrecision: null,
      dateBasis: null,
    },
  };
}

/** A pack of the articles; the mayor's role is the one printed at the start of the first. */
function packOf(id: string, articles: ReturnType<typeof article>[]): Pack {
  const pack = smallPack(id);
  pack.documents = articles.map((item) => item.document);
  pack.quotes = articles.map((item) => item.quote);
  pack.events = [];
  const [entity] = pack.entities;
  const first = articles[0]?.document;
  if (entity && first) {
    const title = first.text.slice(0, first.text.indexOf(' Olena'));
    entity.roles = [{ title, sources: [{ documentId: first.id, start: 0, end: title.length }] }];
  }
  return pack;
}

describe('what a briefing rests on', () => {
  test('counts every article behind it, not only the quotes sent, with the span of their dates', async () => {
    await install(
      packOf('notes', [
        article('a', '2023-04-27', 'We will rebuild the bridge before the winter comes.'),
        article('b', '2023-03-21', 'The ferry will run every hour until the bridge is back.'),
        article('c', '2023-04-02', 'Nobody in this town will be left without heating this year.'),
      ]),
    );
    const briefing = await briefingOf(PERSON, 1);
    expect(briefing.quotesBy).toHaveLength(1);
    expect(briefing.scope).toEqual({
      articles: 3,
      earliest: { date: '2023-03-21', precision: 'day' },
      latest: { date: '2023-04-27', precision: 'day' },
    });
  });
});

describe('the same pack installed twice ("Keep both")', () => {
  test('gives the same briefing: one item per quote and role, one set of sources', async () => {
    await store.seedBundled(bundledPack());
    const before = await briefingOf('vladimir-putin');
    const copy = await importFile(store, JSON.stringify(bundledPack()), 'keep-both');
    expect(copy.ok).toBe(true);
    const after = await briefingOf('vladimir-putin');

    expect(after.totals).toEqual(before.totals);
    expect(after.scope).toEqual(before.scope);
    const texts = (briefing: Briefing) =>
      [...briefing.quotesBy, ...briefing.quotesAbout].map((q) => q.text);
    expect(texts(after)).toEqual(texts(before));
    expect(new Set(texts(after)).size).toBe(texts(after).length);
    expect(after.entity.roles.map((role) => [role.title, role.sources.length])).toEqual(
      before.entity.roles.map((role) => [role.title, role.sources.length]),
    );
    expect(after.events.map((event) => event.title)).toEqual(
      before.events.map((event) => event.title),
    );
  });

  test('two packs with the same article at one address show its quote once', async () => {
    const url = 'https://example.org/bridge';
    const said = 'We will rebuild the bridge before the winter comes.';
    await install(packOf('notes', [article('a', '2023-04-27', said, url)]));
    const other = packOf('other', [article('x', '2023-04-27', said, url)]);
    (other.documents[0] as { title: string }).title = 'The same report, retitled';
    await install(other);
    const briefing = await briefingOf(PERSON);
    expect(briefing.quotesBy.map((quote) => quote.text)).toEqual([said]);
    expect(briefing.quotesBy[0]?.sources).toHaveLength(1);
    expect(briefing.scope.articles).toBe(1);
  });
});

describe('roles', () => {
  test('titles that say the same thing from two packs are one role with the sources of both', async () => {
    const said = 'The bridge will be rebuilt by the town.';
    await install(
      packOf('one', [article('a', '2023-04-27', said, undefined, "Zolotyi Bereh's Mayor")]),
    );
    await install(
      packOf('two', [article('b', '2023-04-28', 'The ferry runs every hour from today on.')]),
    );
    const { roles } = (await briefingOf(PERSON)).entity;
    expect(roles).toHaveLength(1);
    expect(roles[0]?.sources.map((source) => source.title).sort()).toEqual([
      'Report a',
      'Report b',
    ]);
  });
});

describe('quotes', () => {
  test('a quote is about the entity when it names it, not when it only refers to it', async () => {
    const pack = packOf('notes', [
      article('a', '2023-04-27', 'The mayor has done nothing for this town.'),
    ]);
    const [byReference] = pack.quotes;
    if (!byReference) throw new Error('no quote');
    byReference.speakerId = null;
    byReference.aboutEntityIds = [PERSON];
    const named = article('b', '2023-04-28', 'Kovalenko has done nothing for this town at all.');
    pack.documents.push(named.document);
    pack.quotes.push({ ...named.quote, speakerId: null, aboutEntityIds: [PERSON] });
    await install(pack);

    const briefing = await briefingOf(PERSON);
    expect(briefing.quotesAbout.map((quote) => quote.text)).toEqual([named.quote.text]);
    expect(briefing.totals.quotesAbout).toBe(1);
  });

  test('a few quoted words come with the sentence that prints them, after the statements', async () => {
    await install(
      packOf('notes', [
        article('a', '2023-04-27', 'no other way'),
        article('b', '2023-04-28', 'We will rebuild the bridge before the winter comes.'),
      ]),
    );
    const [statement, short] = (await briefingOf(PERSON)).quotesBy;
    expect(statement?.context).toBeNull();
    expect(short?.context).toEqual({
      before: 'Mayor of Zolotyi Bereh Olena Kovalenko said: “',
      quoted: 'no other way',
      after: '”.',
    });
  });

  test('a few quoted words whose sentence cannot be found are still never a statement', async () => {
    await install(packOf('notes', [article('a', '2023-04-27', 'no other way')]));
    // Its document gone from the store: the sentence around it cannot be read.
    await db.documents.clear();
    const [quote] = (await briefingOf(PERSON)).quotesBy;
    expect(quote?.context).toEqual({ before: '', quoted: 'no other way', after: '' });
  });
});
