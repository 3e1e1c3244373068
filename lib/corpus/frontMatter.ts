/**
 * Stage 0: split an article file into its YAML front matter (metadata) and its original text.
 * Every error names the file and the line, so a user can fix the file.
 */
import { isMap, LineCounter, parseDocument } from 'yaml';
import type { DateBasis, DatePrecision, PartialDate } from '../pack/schema';
import { CorpusInputError } from './errors';

export interface ArticleFile {
  fileName: string;
  contents: string;
}

export interface ArticleMeta {
  id: string;
  title: string;
  outlet: string | null;
  outletNote?: string;
  author?: string;
  url?: string;
  publishedAt: PartialDate | null;
  datePrecision: DatePrecision | null;
  dateBasis: DateBasis | null;
  dateReason?: string;
}

export interface ParsedArticle {
  fileName: string;
  meta: ArticleMeta;
  /** The original text below the front matter, byte for byte. */
  body: string;
  /** 1-based line of the file where `body` starts (for messages). */
  bodyLine: number;
  /** True when the front matter gave a title (else the first line of the text is the title). */
  hasTitle: boolean;
}

const KNOWN_FIELDS = new Set([
  'id',
  'title',
  'outlet',
  'outletNote',
  'author',
  'url',
  'published',
  'datePrecision',
  'dateBasis',
  'dateReason',
  'seedFile',
  'notes',
]);

const FENCE = /^---[ \t]*\r?$/;

export function parseArticle(file: ArticleFile): ParsedArticle {
  const { fileName } = file;
  const contents = file.contents.replace(/^\uFEFF/, '');
  const lines = contents.split('\n');
  const defaultId = slugify(fileName.replace(/^.*\//, '').replace(/\.[^.]+$/, ''));

  if (!FENCE.test(lines[0] ?? '')) {
    return {
      fileName,
      meta: metaWithoutFrontMatter(defaultId, contents, fileName),
      body: contents,
      bodyLine: 1,
      hasTitle: false,
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    throw new CorpusInputError(fileName, 1, 'front matter opened with "---" is never closed');
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const body = lines.slice(closing + 1).join('\n');
  const fields = readYamlFields(yamlText, fileName);
  const meta = metaFromFields(fields, defaultId, body, fileName);
  return { fileName, meta, body, bodyLine: closing + 2, hasTitle: fields.has('title') };
}

interface Field {
  value: unknown;
  /** 1-based line in the file. */
  line: number;
}

function readYamlFields(yamlText: string, fileName: string): Map<string, Field> {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // The YAML starts on the file's line 2 (line 1 is the opening fence).
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const firstError = document.errors[0];
  if (firstError !== undefined) {
    throw new CorpusInputError(
      fileName,
      fileLine(firstError.pos[0]),
      `broken front matter: ${firstError.message.split('\n')[0]}`,
    );
  }
  const fields = new Map<string, Field>();
  if (document.contents === null) return fields;
  if (!isMap(document.contents)) {
    throw new CorpusInputError(fileName, 2, 'front matter must be a mapping of fields');
  }
  for (const pair of document.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const range = (pair.key as { range?: [number, number, number] } | null)?.range;
    const line = range === undefined ? 2 : fileLine(range[0]);
    if (!KNOWN_FIELDS.has(key)) {
      throw new CorpusInputError(fileName, line, `unknown front matter field "${key}"`);
    }
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    fields.set(key, { value, line });
  }
  return fields;
}

function metaFromFields(
  fields: Map<string, Field>,
  defaultId: string,
  body: string,
  fileName: string,
): ArticleMeta {
  const text = (name: string): string | undefined => {
    const field = fields.get(name);
    if (field === undefined || field.value === null) return undefined;
    if (typeof field.value !== 'string' || field.value.trim() === '') {
      throw new CorpusInputError(fileName, field.line, `"${name}" must be a non-empty string`);
    }
    return field.value.trim();
  };
  const oneOf = <T extends string>(name: string, options: readonly T[]): T | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (!(options as readonly string[]).includes(value)) {
      const line = fields.get(name)?.line;
      throw new CorpusInputError(fileName, line, `"${name}" must be one of ${options.join(', ')}`);
    }
    return value as T;
  };

  const id = text('id') ?? defaultId;
  if (slugify(id) !== id) {
    throw new CorpusInputError(
      fileName,
      fields.get('id')?.line,
      `"id" must be a slug like "${slugify(id)}"`,
    );
  }
  const url = text('url');
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) {
    throw new CorpusInputError(
      fileName,
      fields.get('url')?.line,
      `"url" is not a web address: ${url}`,
    );
  }

  const published = readPublished(fields.get('published'), fileName);
  const precision = oneOf('datePrecision', ['day', 'month', 'year'] as const);
  const basis = oneOf('dateBasis', ['printed', 'metadata', 'inferred'] as const);
  const reason = text('dateReason');
  const dateLine = fields.get('published')?.line;
  if (published === null) {
    if (precision !== undefined || basis !== undefined) {
      throw new CorpusInputError(
        fileName,
        dateLine,
        'datePrecision/dateBasis given without "published"',
      );
    }
  } else {
    if (precision !== undefined && precision !== published.precision) {
      throw new CorpusInputError(
        fileName,
        fields.get('datePrecision')?.line,
        `datePrecision "${precision}" does not match published "${published.date}"`,
      );
    }
    if (basis === undefined) {
      throw new CorpusInputError(
        fileName,
        dateLine,
        '"published" needs a dateBasis (printed, metadata or inferred)',
      );
    }
    if (basis === 'inferred' && reason === undefined) {
      throw new CorpusInputError(
        fileName,
        fields.get('dateBasis')?.line,
        'an inferred date needs a dateReason',
      );
    }
  }

  const meta: ArticleMeta = {
    id,
    title: text('title') ?? firstLineTitle(body, fileName),
    outlet: text('outlet') ?? null,
    publishedAt: published?.date ?? null,
    datePrecision: published?.precision ?? null,
    dateBasis: published === null ? null : (basis ?? null),
  };
  assignDefined(meta, 'outletNote', text('outletNote'));
  assignDefined(meta, 'author', text('author'));
  assignDefined(meta, 'url', url);
  assignDefined(meta, 'dateReason', reason ?? (published === null ? NO_DATE_REASON : undefined));
  return meta;
}

const NO_DATE_REASON = 'No publication date is given in the front matter; the date is unknown.';

function metaWithoutFrontMatter(id: string, contents: string, fileName: string): ArticleMeta {
  return {
    id,
    title: firstLineTitle(contents, fileName),
    outlet: null,
    publishedAt: null,
    datePrecision: null,
    dateBasis: null,
    dateReason: 'The article has no front matter; its date is unknown.',
  };
}

function readPublished(
  field: Field | undefined,
  fileName: string,
): { date: PartialDate; precision: DatePrecision } | null {
  if (field === undefined || field.value === null) return null;
  // YAML reads 2023-04-06 as a timestamp and 2023 as a number; take the text form of both.
  const raw =
    field.value instanceof Date ? field.value.toISOString().slice(0, 10) : String(field.value);
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw.trim());
  if (match === null) {
    throw new CorpusInputError(
      fileName,
      field.line,
      `"published" must be YYYY-MM-DD, YYYY-MM or YYYY, not "${raw}"`,
    );
  }
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) {
    throw new CorpusInputError(
      fileName,
      field.line,
      `impossible date "${raw}": there is no month ${month}`,
    );
  }
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > daysInMonth) {
      throw new CorpusInputError(
        fileName,
        field.line,
        `impossible date "${raw}": ${year}-${month} has ${daysInMonth} days`,
      );
    }
  }
  const precision: DatePrecision =
    day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  return { date: raw.trim(), precision };
}

function firstLineTitle(text: string, fileName: string): string {
  const line = text
    .split('\n')
    .map((candidate) => candidate.replace(/^#+\s*/, '').trim())
    .find((candidate) => candidate !== '');
  if (line === undefined) throw new CorpusInputError(fileName, undefined, 'the article is empty');
  return line;
}

function assignDefined<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Lowercase ASCII slug: "Mao Ning" → "mao-ning", "Zelenskyy's" → "zelenskyy-s". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
