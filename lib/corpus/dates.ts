/**
 * Stage 5a: dates in the text. Finds date expressions with chrono-node and resolves the relative
 * ones ("on Thursday", "last month", "last fall") against the publication date, saying how each
 * was resolved. Only printed absolute dates are `printed`; everything resolved is `inferred`.
 */
import * as chrono from 'chrono-node';
import type { DateBasis, DatePrecision, PartialDate } from '../pack/schema';

export interface TextDate {
  start: number;
  end: number;
  date: PartialDate;
  precision: DatePrecision;
  basis: DateBasis;
  reason?: string;
}

export interface Publication {
  date: PartialDate | null;
  precision: DatePrecision | null;
  basis: DateBasis | null;
}

/** "in 2014", "since 2009": chrono's English parsers leave bare years alone. */
const yearParser: chrono.Parser = {
  pattern: () => /\b(?:in|since|by|until|from|during|of)\s+((?:19|20)\d{2})\b(?![-/]\d)/i,
  extract: (_context, match) => ({ year: Number(match[1]) }),
};

/** "last fall" / "this spring": the year of that season, counted from the reference date. */
const seasonParser: chrono.Parser = {
  pattern: () => /\b(last|this|next)\s+(fall|autumn|spring|summer|winter)\b/i,
  extract: (context, match) => {
    const referenceYear = context.refDate.getUTCFullYear();
    const which = (match[1] as string).toLowerCase();
    const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    return { year: referenceYear + offset };
  },
};

const parser = chrono.casual.clone();
parser.parsers.push(yearParser, seasonParser);

/** Future tense in the clause that leads to a weekday: "will meet … on Tuesday". */
const FUTURE_TENSE = /\b(?:will|’ll|'ll|next|scheduled|due to|is to|are to)\b/i;
/** How far back from a weekday its verb may stand, within the same sentence. */
const CLAUSE_REACH = 60;

/**
 * Date expressions in `text` (pass the masked text so quoted words are skipped). Relative ones are
 * resolved only against a day-precise publication date.
 */
export function findTextDates(text: string, publication: Publication): TextDate[] {
  const dayReference =
    publication.precision === 'day' && publication.date !== null ? publication.date : null;
  const instant = new Date(`${dayReference ?? '2000-01-01'}T12:00:00Z`);
  const found: TextDate[] = [];
  for (const result of parser.parse(text, { instant, timezone: 0 })) {
    const printedText = result.text.replace(/[\s,.;:]+$/, '');
    const absolute = /\b(?:19|20)\d{2}\b/.test(printedText);
    if (!absolute && dayReference === null) continue;
    // "last week" names no day: giving it one would claim a precision the text does not have.
    if (/\bweeks?\b/i.test(printedText)) continue;
    const resolved = resolve(result, text, dayReference, absolute);
    if (resolved === null) continue;
    const entry: TextDate = {
      start: result.index,
      end: result.index + printedText.length,
      date: resolved.date,
      precision: resolved.precision,
      basis: absolute ? 'printed' : 'inferred',
    };
    if (!absolute) {
      const referenceNote = publication.basis === 'inferred' ? ' (itself inferred)' : '';
      entry.reason = `${resolved.how}, counted from the publication date ${dayReference}${referenceNote}`;
    }
    found.push(entry);
  }
  return found;
}

function resolve(
  result: chrono.ParsedResult,
  text: string,
  dayReference: PartialDate | null,
  absolute: boolean,
): { date: PartialDate; precision: DatePrecision; how: string } | null {
  const start = result.start;
  const quoted = `“${result.text.replace(/[\s,.;:]+$/, '')}”`;
  const year = start.get('year');
  if (year === null) return null;
  if (start.isCertain('weekday') && !start.isCertain('day') && dayReference !== null) {
    const future = FUTURE_TENSE.test(clauseBefore(text, result.index));
    const day = nearestWeekday(dayReference, start.get('weekday') ?? 0, future);
    const direction = future ? 'first such day on or after' : 'last such day on or before';
    return {
      date: day,
      precision: 'day',
      how: `${quoted} is ${day}, the ${direction} publication`,
    };
  }
  const month = start.get('month');
  const day = start.get('day');
  if (start.isCertain('day') && month !== null && day !== null) {
    return {
      date: formatDate(year, month, day),
      precision: 'day',
      how: `${quoted} is ${formatDate(year, month, day)}`,
    };
  }
  if (start.isCertain('month') && month !== null) {
    return {
      date: formatDate(year, month),
      precision: 'month',
      how: `${quoted} is ${formatDate(year, month)}`,
    };
  }
  if (start.isCertain('year')) {
    const season = /\b(fall|autumn|spring|summer|winter)\b/i.exec(result.text)?.[1]?.toLowerCase();
    const how =
      season === undefined || absolute
        ? `${quoted} is ${year}`
        : `${quoted} is the ${season} of ${year}`;
    return { date: String(year).padStart(4, '0'), precision: 'year', how };
  }
  return null;
}

/** The sentence around `index`, to read its tense. */
/**
 * The words just before a date expression, back to the start of its sentence: where its verb is.
 * Not the whole sentence, whose other clauses ("a plan to end the war … on Tuesday") may speak of
 * another time.
 */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - CLAUSE_REACH), index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
  return before.slice(start);
}

/** The weekday nearest the reference day, looking back (news past tense) or ahead (future tense). */
function nearestWeekday(reference: PartialDate, weekday: number, forward: boolean): PartialDate {
  const day = new Date(`${reference}T12:00:00Z`);
  const difference = (weekday - day.getUTCDay() + 7) % 7;
  const shift = forward ? difference : difference === 0 ? 0 : difference - 7;
  day.setUTCDate(day.getUTCDate() + shift);
  return day.toISOString().slice(0, 10);
}

function formatDate(year: number, month?: number, day?: number): PartialDate {
  const parts = [String(year).padStart(4, '0')];
  if (month !== undefined) parts.push(String(month).padStart(2, '0'));
  if (day !== undefined) parts.push(String(day).padStart(2, '0'));
  return parts.join('-');
}
