/**
 * Stage 5b: timeline events, from the gazetteer's event rules. Each trigger phrase found in a
 * document is a source of its event; the event's date comes from the date expressions in the
 * triggers' sentences (or the publication date, where a rule says so), with the reasoning kept.
 */
import type {
  DateBasis,
  DatePrecision,
  PartialDate,
  SourceSpan,
  TimelineEvent,
} from '../pack/schema';
import { precisionOf } from '../pack/schema';
import type { TextDate } from './dates';
import type { EventRule } from './gazetteer';
import { type Range, sentenceAt } from './segment';

export interface DatedDocument {
  id: string;
  text: string;
  sentences: readonly Range[];
  textDates: readonly TextDate[];
  publishedAt: PartialDate | null;
  datePrecision: DatePrecision | null;
  dateBasis: DateBasis | null;
}

interface DateEvidence {
  date: PartialDate;
  precision: DatePrecision;
  basis: DateBasis;
  reason: string;
  marks: 'point' | 'start' | 'end';
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 3, month: 2, year: 1 };

export function buildEvents(
  rules: readonly EventRule[],
  documents: readonly DatedDocument[],
  warn: (message: string) => void,
): TimelineEvent[] {
  const built = new Map<string, TimelineEvent>();
  const pending: { rule: EventRule; sources: SourceSpan[] }[] = [];
  for (const rule of rules) {
    const { sources, evidence } = collect(rule, documents);
    if (sources.length === 0) {
      warn(`event ${rule.id}: no trigger phrase found in the articles`);
      continue;
    }
    const event = evidence.length > 0 ? fromEvidence(rule, sources, evidence) : undefined;
    if (event !== undefined) built.set(rule.id, event);
    else pending.push({ rule, sources });
  }
  // Rules dated relative to another event wait for it.
  for (const { rule, sources } of pending) {
    const fallback = rule.dateWhenUnprinted;
    if (fallback === undefined) {
      warn(`event ${rule.id}: no date in the sentences of its triggers and no dateWhenUnprinted`);
      continue;
    }
    if ('date' in fallback) {
      built.set(rule.id, {
        ...eventBase(rule, sources),
        date: fallback.date,
        datePrecision: precisionOf(fallback.date),
        dateBasis: 'inferred',
        dateReason: fallback.reason,
      });
      continue;
    }
    const anchor = built.get(fallback.shortlyBefore);
    if (anchor === undefined) {
      warn(`event ${rule.id}: event ${fallback.shortlyBefore} has no date`);
      continue;
    }
    const date = fallback.precision === 'month' ? anchor.date.slice(0, 7) : anchor.date.slice(0, 4);
    built.set(rule.id, {
      ...eventBase(rule, sources),
      date,
      datePrecision: fallback.precision,
      dateBasis: 'inferred',
      dateReason: fallback.reason,
    });
  }
  return [...built.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  );
}

function eventBase(rule: EventRule, sources: SourceSpan[]) {
  return { id: rule.id, title: rule.title, entityIds: [...rule.entities].sort(), sources };
}

function collect(rule: EventRule, documents: readonly DatedDocument[]) {
  const sources: SourceSpan[] = [];
  const evidence: DateEvidence[] = [];
  for (const trigger of rule.triggers) {
    const pattern = new RegExp(
      trigger.phrase
        .split(/\s+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
        .join('\\s+'),
      'gi',
    );
    for (const document of documents) {
      for (const match of document.text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        const overlaps = sources.some(
          (s) => s.documentId === document.id && s.start < end && start < s.end,
        );
        if (!overlaps) sources.push({ documentId: document.id, start, end });
        const found = dateFor(trigger.date, document, start);
        if (found !== undefined) evidence.push({ ...found, marks: trigger.marks });
      }
    }
  }
  sources.sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start);
  return { sources, evidence };
}

function dateFor(
  from: 'sentence' | 'published' | 'none',
  document: DatedDocument,
  offset: number,
): Omit<DateEvidence, 'marks'> | undefined {
  if (from === 'none') return undefined;
  if (from === 'published') {
    if (
      document.publishedAt === null ||
      document.datePrecision === null ||
      document.dateBasis === null
    ) {
      return undefined;
    }
    return {
      date: document.publishedAt,
      precision: document.datePrecision,
      basis: document.dateBasis === 'printed' ? 'printed' : 'inferred',
      reason: `${document.id} reports it as done on its publication date ${document.publishedAt}`,
    };
  }
  const sentence = sentenceAt(document.sentences, offset);
  const inSentence = document.textDates.filter(
    (d) => d.start >= sentence.start && d.end <= sentence.end,
  );
  const nearest = inSentence.sort(
    (a, b) => Math.abs(a.start - offset) - Math.abs(b.start - offset),
  )[0];
  if (nearest === undefined) return undefined;
  const printed = document.text.slice(nearest.start, nearest.end);
  return {
    date: nearest.date,
    precision: nearest.precision,
    basis: nearest.basis,
    reason: `${document.id}: ${nearest.reason ?? `“${printed}” is printed`}`,
  };
}

/** The most precise, then earliest, start; the latest end at the same precision. */
function fromEvidence(
  rule: EventRule,
  sources: SourceSpan[],
  evidence: DateEvidence[],
): TimelineEvent | undefined {
  const starts = evidence.filter((e) => e.marks !== 'end');
  const ends = evidence.filter((e) => e.marks === 'end');
  const byPrecisionThenDate = (a: DateEvidence, b: DateEvidence) =>
    PRECISION_RANK[b.precision] - PRECISION_RANK[a.precision] || a.date.localeCompare(b.date);
  const start = [...(starts.length > 0 ? starts : ends)].sort(byPrecisionThenDate)[0];
  if (start === undefined) return undefined;
  const end = ends
    .filter((e) => e.precision === start.precision && e.date > start.date)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  const used = end === undefined ? [start] : [start, end];
  const event: TimelineEvent = {
    ...eventBase(rule, sources),
    date: start.date,
    datePrecision: start.precision,
    dateBasis: used.every((e) => e.basis === 'printed') ? 'printed' : 'inferred',
  };
  if (end !== undefined) event.endDate = end.date;
  event.dateReason = used.map((e) => (e === end ? `ends: ${e.reason}` : e.reason)).join('; ');
  return event;
}
