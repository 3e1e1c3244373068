/**
 * What a DevTools trace says about one page's main thread: its tasks, their CPU time, and which
 * of them ran our code (DESIGN.md §6, "Measuring long tasks"). On a two-core machine the page's
 * own parsing, layout and scripts often pass 50 ms with or without Briefings, and a waiting
 * thread stretches a task's clock time well beyond its CPU time; so a long task counts against
 * us only if it ran our code, and it is long by its CPU time. Callers take the least of three
 * loads.
 */
import type { CDPSession, Page } from 'playwright-core';

/** A task longer than this holds up the page (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** Tasks, the scripts they ran, and the callbacks that link one task to the next. */
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  '__metadata',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  /** Thread (CPU) time, microseconds. */
  tdur?: number;
  args?: {
    name?: string;
    fileName?: string;
    data?: { url?: string; frame?: string; id?: number; timerId?: number };
  };
}

/** One task of the page's main thread. */
export interface PageTask {
  wallMs: number;
  cpuMs: number;
  /** It ran our code, or a callback our code asked for. */
  ours: boolean;
}

/** The task in which a script was compiled and first run. */
export interface ScriptInjection {
  wallMs: number;
  cpuMs: number;
  compileMs: number;
  runMs: number;
}

/** Records a trace of everything the browser does until `stop`. */
export async function startTrace(page: Page): Promise<{ stop(): Promise<PageTrace> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES },
  });
  return {
    async stop() {
      const frameId = await mainFrameId(cdp);
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return new PageTrace(events, frameId);
    },
  };
}

async function mainFrameId(cdp: CDPSession): Promise<string> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  return frameTree.frame.id;
}

const urlOf = (event: TraceEvent) => event.args?.data?.url ?? event.args?.fileName;

/** Callbacks a task asks for, and the events that later run them: how work passes on. */
const CALLBACK_REQUESTS: Record<string, string> = {
  TimerInstall: 'timer',
  RequestIdleCallback: 'idle',
  RequestAnimationFrame: 'frame',
};
const CALLBACK_RUNS: Record<string, string> = {
  TimerFire: 'timer',
  FireIdleCallback: 'idle',
  FireAnimationFrame: 'frame',
};
const callbackKey = (kind: string, event: TraceEvent) =>
  `${kind}:${event.args?.data?.timerId ?? event.args?.data?.id}`;

export class PageTrace {
  /** The page's main thread's events, in time order. */
  private readonly events: TraceEvent[];

  constructor(allEvents: readonly TraceEvent[], frameId: string) {
    const threadNames = new Map<string, string>();
    for (const event of allEvents) {
      if (event.ph === 'M' && event.name === 'thread_name') {
        threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
      }
    }
    // The renderer thread that did the most for the page's frame (a navigation may have
    // started in another process, which did a little).
    const counts = new Map<string, number>();
    for (const event of allEvents) {
      const thread = `${event.pid}:${event.tid}`;
      if (event.args?.data?.frame !== frameId) continue;
      if (threadNames.get(thread) !== 'CrRendererMain') continue;
      counts.set(thread, (counts.get(thread) ?? 0) + 1);
    }
    const [mainThread] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (mainThread === undefined) throw new Error('the trace shows no main thread for the page');
    this.events = allEvents
      .filter((event) => `${event.pid}:${event.tid}` === mainThread)
      .sort((a, b) => a.ts - b.ts);
  }

  /**
   * The main thread's tasks. A task is ours when it runs a script whose URL `isOurs`, or a
   * timer, idle or animation-frame callback that one of our tasks asked for (our promise
   * continuations run there without naming our script). Throws when no task is ours: then the
   * trace cannot tell our long tasks from the page's, and "none" would be a guess.
   */
  tasks(isOurs: (url: string) => boolean): PageTask[] {
    const tasks = this.events.filter((event) => event.name === 'RunTask' && event.ph === 'X');
    const requestedByUs = new Set<string>();
    const result: PageTask[] = [];
    let next = 0;
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      const inside: TraceEvent[] = [];
      while (next < this.events.length && (this.events[next] as TraceEvent).ts < task.ts) next++;
      for (let index = next; index < this.events.length; index++) {
        const event = this.events[index] as TraceEvent;
        if (event.ts > end) break;
        if (event !== task) inside.push(event);
      }
      const ours = inside.some((event) => {
        const url = urlOf(event);
        if (url !== undefined && isOurs(url)) return true;
        const kind = CALLBACK_RUNS[event.name];
        return kind !== undefined && requestedByUs.has(callbackKey(kind, event));
      });
      if (ours) {
        for (const event of inside) {
          const kind = CALLBACK_REQUESTS[event.name];
          if (kind !== undefined) requestedByUs.add(callbackKey(kind, event));
        }
      }
      result.push({
        wallMs: (task.dur ?? 0) / 1000,
        cpuMs: (task.tdur ?? task.dur ?? 0) / 1000,
        ours,
      });
    }
    if (!result.some((task) => task.ours)) {
      throw new Error('the trace shows no task running our code: is the script named as traced?');
    }
    return result;
  }

  /** The task that compiled and first ran the script at `url` (null if it never ran). */
  injection(url: string): ScriptInjection | null {
    const evaluation = this.events.find(
      (event) => event.name === 'EvaluateScript' && urlOf(event) === url,
    );
    if (!evaluation) return null;
    const task = this.events.findLast(
      (event) =>
        event.name === 'RunTask' &&
        event.ph === 'X' &&
        event.ts <= evaluation.ts &&
        event.ts + (event.dur ?? 0) >= evaluation.ts + (evaluation.dur ?? 0),
    );
    if (!task) throw new Error(`no task holds the evaluation of ${url}`);
    const within = (name: string) =>
      this.events.find(
        (event) =>
          event.name === name &&
          urlOf(event) === url &&
          event.ts >= task.ts &&
          event.ts <= task.ts + (task.dur ?? 0),
      );
    const cpu = (event: TraceEvent | undefined) => (event?.tdur ?? event?.dur ?? 0) / 1000;
    return {
      wallMs: (task.dur ?? 0) / 1000,
      cpuMs: cpu(task),
      compileMs: cpu(within('v8.compile')),
      runMs: cpu(within('v8.run')),
    };
  }
}

/** The long tasks among `tasks`: ours, and the page's own, longest first. */
export function longTasks(tasks: readonly PageTask[]): { ours: PageTask[]; page: PageTask[] } {
  const long = tasks.filter((task) => task.cpuMs > LONG_TASK_MS).sort((a, b) => b.cpuMs - a.cpuMs);
  return { ours: long.filter((task) => task.ours), page: long.filter((task) => !task.ours) };
}

/** "none", or the longest task's CPU time, with its clock time. */
export function describeLongest(tasks: readonly PageTask[]): string {
  const [longest] = tasks;
  if (!longest) return 'none';
  const more = tasks.length > 1 ? ` (+${tasks.length - 1} more)` : '';
  return `${longest.cpuMs.toFixed(0)} ms CPU / ${longest.wallMs.toFixed(0)} ms clock${more}`;
}

/** Whether a script URL is one of the extension's (its content script, or chunks it loads). */
export function fromExtension(extensionId: string): (url: string) => boolean {
  const origin = `chrome-extension://${extensionId}/`;
  return (url) => url.startsWith(origin);
}
