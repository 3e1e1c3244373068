import { afterEach, describe, expect, test } from 'vitest';
import { OwnMarks } from '@/lib/page/own-marks';
import { type IdleSummary, PageSpotter } from '@/lib/page/spotter';
import { Highlighter } from '@/lib/spotting/highlighter';
import type { Matcher } from '@/lib/spotting/matcher';
import { testMatcher } from './entities';

/** A spotter on the test document, with idle callbacks on timers and a way to await idleness. */
function startSpotter(
  options: { matcher?: Matcher; markEveryPlaceMention?: boolean; markWholePage?: boolean } = {},
) {
  let highlighterLoads = 0;
  const owner = new AbortController();
  const reports: IdleSummary[] = [];
  let idle: () => void = () => {};
  const spotter = new PageSpotter(document, {
    matcher: options.matcher ?? testMatcher,
    markEveryPlaceMention: options.markEveryPlaceMention ?? false,
    markWholePage: options.markWholePage ?? false,
    lifetime: {
      signal: owner.signal,
      requestIdleCallback: (callback) =>
        window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 8 }), 0),
      setTimeout: (handler, timeout) => window.setTimeout(handler, timeout),
    },
    loadHighlighter: async () => {
      highlighterLoads++;
      return new Highlighter(new OwnMarks());
    },
    hooks: {
      onIdle: (summary) => {
        reports.push(summary);
        idle();
      },
    },
  });
  const nextIdle = () =>
    new Promise<void>((resolve) => {
      idle = resolve;
    });
  const started = nextIdle();
  spotter.start();
  running.push(spotter);
  return { spotter, owner, started, nextIdle, reports, highlighterLoads: () => highlighterLoads };
}

const running: PageSpotter[] = [];
afterEach(() => {
  for (const spotter of running.splice(0)) spotter.stop();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const marks = () =>
  [...document.querySelectorAll('mark.briefings-mark')].map((mark) => [
    mark.textContent,
    mark.getAttribute('data-briefings-entity'),
  ]);

describe('where the reading is', () => {
  const page = `
    <div class="rail"><p>Trending: Peskov</p></div>
    <h1>Putin in Kyiv</h1>
    <article>
      <p class="byline">By Jane Doe, Kremlin correspondent</p>
      <p>Vladimir Putin spoke; the deal was worth US$1.14 billion. Later the US replied.</p>
      <div id="live"></div>
    </article>
    <div id="more"></div>
    <footer><p>Follow Putin news</p></footer>`;

  test('names are marked in the article and its headline, not in furniture or around', async () => {
    document.body.innerHTML = page;
    const { started, nextIdle } = startSpotter();
    await started;
    expect(marks()).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Kyiv', 'kyiv'],
      ['Vladimir Putin', 'vladimir-putin'],
      ['US', 'united-states'],
    ]);
    // Content added later follows the same rule.
    const added = nextIdle();
    (document.getElementById('more') as HTMLElement).innerHTML = '<p>Blinken outside</p>';
    (document.getElementById('live') as HTMLElement).innerHTML = '<p>Zelensky inside</p>';
    await added;
    expect(marks().map(([text]) => text)).toEqual([
      'Putin',
      'Kyiv',
      'Vladimir Putin',
      'US',
      'Zelensky',
    ]);
  });

  test('the reader can ask for the whole page; furniture stays unmarked', async () => {
    document.body.innerHTML = page;
    const { started } = startSpotter({ markWholePage: true });
    await started;
    expect(marks().map(([text]) => text)).toEqual([
      'Peskov',
      'Putin',
      'Kyiv',
      'Vladimir Putin',
      'US',
    ]);
  });

  test('the outlet the page is by is not marked on it', async () => {
    document.head.innerHTML = '<meta property="og:site_name" content="Kremlin">';
    document.body.innerHTML = '<p>Kremlin and Putin</p>';
    const { started } = startSpotter();
    await started;
    expect(marks()).toEqual([['Putin', 'vladimir-putin']]);
  });
});

describe('a static page', () => {
  test('loads the highlighter only for a first name to mark, and only once', async () => {
    document.body.innerHTML = '<p>Nothing the briefings know of.</p>';
    const nameless = startSpotter();
    await nameless.started;
    expect(nameless.highlighterLoads()).toBe(0);
    nameless.spotter.stop();

    document.body.innerHTML = '<p>Vladimir Putin met Xi Jinping.</p><p>Peskov spoke.</p>';
    const named = startSpotter();
    await named.started;
    expect(marks()).toHaveLength(3);
    expect(named.highlighterLoads()).toBe(1);
  });

  test('marks names, text unchanged, and stop() leaves the DOM as it was', async () => {
    document.body.innerHTML =
      '<h1>Xi Jinping in Moscow</h1><p>Vladimir Putin met <b>Xi</b> Jinping’s team; Peskov spoke.</p>';
    const before = document.body.innerHTML;
    const beforeText = document.body.textContent;
    const { spotter, started } = startSpotter();
    await started;
    expect(marks()).toEqual([
      ['Xi Jinping', 'xi-jinping'],
      ['Vladimir Putin', 'vladimir-putin'],
      ['Xi', 'xi-jinping'],
      [' Jinping', 'xi-jinping'],
      ['Peskov', 'dmitry-peskov'],
    ]);
    expect(document.body.textContent).toBe(beforeText);
    expect(spotter.markCounts()).toEqual({
      'xi-jinping': 2,
      'vladimir-putin': 1,
      'dmitry-peskov': 1,
    });
    expect(document.head.querySelector('style')?.textContent).toContain('mark.briefings-mark');
    spotter.stop();
    expect(document.body.innerHTML).toBe(before);
    expect(document.head.querySelector('style')).toBeNull();
  });

  test('the content script going away takes the marks with it', async () => {
    document.body.innerHTML = '<p>Putin</p>';
    const { owner, started } = startSpotter();
    await started;
    expect(marks()).toHaveLength(1);
    owner.abort();
    expect(document.body.innerHTML).toBe('<p>Putin</p>');
  });

  test('names in an open shadow root are marked, with the style inside it', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Zelensky spoke</p>';
    const { spotter, started } = startSpotter();
    await started;
    expect(shadow.querySelector('mark')?.textContent).toBe('Zelensky');
    expect(shadow.querySelector('style')).not.toBeNull();
    spotter.stop();
    expect(shadow.innerHTML).toBe('<p>Zelensky spoke</p>');
  });
});

describe('a page that changes', () => {
  test('content added later is marked; context found later releases waiting aliases', async () => {
    document.body.innerHTML = '<p id="first">Qin said nothing.</p>';
    const { started, nextIdle } = startSpotter();
    await started;
    expect(marks()).toEqual([]);
    const added = nextIdle();
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Qin Gang arrived in Kyiv.';
    document.body.append(paragraph);
    await added;
    // The batch that names Qin Gang queues the waiting paragraph for one more batch.
    if (marks().length < 3) await nextIdle();
    expect(marks()).toEqual([
      ['Qin', 'qin-gang'],
      ['Qin Gang', 'qin-gang'],
      ['Kyiv', 'kyiv'],
    ]);
  });

  test('a page rewriting marked text gets its text, marked again', async () => {
    document.body.innerHTML = '<p id="p">Putin said</p>';
    const { spotter, started, nextIdle } = startSpotter();
    await started;
    const pageNode = document.getElementById('p')?.firstChild as Text;
    const rewritten = nextIdle();
    pageNode.data = 'Later, Peskov said'; // what a framework does to the text node it owns
    await rewritten;
    expect(document.body.textContent).toBe('Later, Peskov said');
    expect(marks()).toEqual([['Peskov', 'dmitry-peskov']]);
    expect(spotter.markCounts()).toEqual({ 'dmitry-peskov': 1 });
  });

  test('a place whose mark the page removed is marked again at the next mention read', async () => {
    document.body.innerHTML = '<p id="a">Russia</p><p>Russia</p>';
    const { started, nextIdle } = startSpotter();
    await started;
    expect(marks()).toHaveLength(1);
    const changed = nextIdle();
    document.getElementById('a')?.remove();
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Russia again';
    document.body.append(paragraph);
    await changed;
    expect(marks()).toEqual([['Russia', 'russia']]);
    // Only added content is read (no rescan of the page): the mark goes to the new paragraph.
    expect(document.body.querySelector('mark')?.parentElement).toBe(paragraph);
  });

  test('a burst of more than a thousand changes is handled by one rescan', async () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const { started, nextIdle } = startSpotter({ markEveryPlaceMention: true });
    await started;
    const done = nextIdle();
    const feed = document.getElementById('feed') as HTMLElement;
    for (let index = 0; index < 1200; index++) {
      const item = document.createElement('p');
      item.textContent = index % 100 === 0 ? `Item ${index} on Russia` : `Item ${index}`;
      feed.append(item);
    }
    await done;
    expect(marks()).toHaveLength(12);
  });

  test('later batches read what was added, not the page again', async () => {
    document.body.innerHTML = Array.from(
      { length: 50 },
      (_, index) => `<p>Paragraph ${index}</p>`,
    ).join('');
    const { started, nextIdle, reports } = startSpotter();
    await started;
    const added = nextIdle();
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Peskov arrived.';
    document.body.append(paragraph);
    await added;
    expect(reports.map((report) => report.segmentsRead)).toEqual([50, 1]);
    expect(marks()).toEqual([['Peskov', 'dmitry-peskov']]);
  });

  test('text the page rewrites without end is read a bounded number of times, then marked', async () => {
    document.body.innerHTML = '<p id="ticker">Peskov said 0</p>';
    const { started, nextIdle, reports } = startSpotter();
    await started;
    const ticker = document.getElementById('ticker')?.firstChild as Text;
    for (let tick = 1; tick <= 15; tick++) {
      const handled = nextIdle();
      ticker.data = `Peskov said ${tick}`;
      await handled;
    }
    // Ten re-reads per second at most: the last ones waited, their marks taken out meanwhile.
    expect(reports.slice(1, 16).filter((report) => report.segmentsRead > 0).length).toBe(10);
    expect(document.body.textContent).toBe('Peskov said 15');
    await nextIdle();
    expect(marks()).toEqual([['Peskov', 'dmitry-peskov']]);
    expect(document.body.textContent).toBe('Peskov said 15');
  });
});

describe('mentions on the page', () => {
  test('every mention counts, marked or not: a place marked once, possessives included', async () => {
    document.body.innerHTML =
      "<p>Russia and Russia’s army.</p><p>In <b>Russia</b>, Putin spoke; Russia's envoy too.</p>";
    const { spotter, started } = startSpotter();
    await started;
    expect(marks().filter(([, entity]) => entity === 'russia')).toHaveLength(1);
    expect(spotter.mentionCounts()).toEqual({ russia: 4, 'vladimir-putin': 1 });
  });

  test('an alias needing context counts once the page names its entity, wherever', async () => {
    document.body.innerHTML = '<p>Qin said nothing.</p><p>Qin again.</p>';
    const { spotter, started, nextIdle } = startSpotter();
    await started;
    expect(spotter.mentionCounts()).toEqual({});
    const added = nextIdle();
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Qin Gang arrived.';
    document.body.append(paragraph);
    await added;
    expect(spotter.mentionCounts()).toEqual({ 'qin-gang': 3 });
  });

  test('text read again is counted afresh, and text the page removes counts no more', async () => {
    document.body.innerHTML =
      '<p id="a">Putin and Putin.</p><p id="b">Kremlin <span id="s">and Putin</span></p>';
    const { spotter, started, nextIdle } = startSpotter();
    await started;
    expect(spotter.mentionCounts()).toEqual({ 'vladimir-putin': 3, kremlin: 1 });

    let changed = nextIdle();
    (document.getElementById('a')?.firstChild as Text).data = 'Putin alone.';
    await changed;
    expect(spotter.mentionCounts()).toEqual({ 'vladimir-putin': 2, kremlin: 1 });

    changed = nextIdle();
    document.getElementById('s')?.remove();
    await changed;
    expect(spotter.mentionCounts()).toEqual({ 'vladimir-putin': 1, kremlin: 1 });

    changed = nextIdle();
    (document.getElementById('a')?.firstChild as Text).data = ' ';
    await changed;
    expect(spotter.mentionCounts()).toEqual({ kremlin: 1 });

    document.getElementById('b')?.remove();
    expect(spotter.mentionCounts()).toEqual({});
  });

  test('new names arriving read the page again without counting anything twice', async () => {
    document.body.innerHTML = '<p>Putin met Peskov.</p>';
    const { spotter, started, nextIdle } = startSpotter();
    await started;
    const again = nextIdle();
    spotter.lookForMoreNames(testMatcher);
    await again;
    expect(spotter.mentionCounts()).toEqual({ 'vladimir-putin': 1, 'dmitry-peskov': 1 });
  });
});
