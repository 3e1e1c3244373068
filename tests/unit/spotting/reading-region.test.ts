import { beforeEach, describe, expect, test } from 'vitest';
import { ProseScorer, ReadingRegion } from '@/lib/spotting/reading-region';

/** The region as the spotter sees it once it has found it before reading `nodes`. */
function found(region: ReadingRegion, ...nodes: Node[]): ReadingRegion {
  const find = region.finderFor(nodes);
  if (find !== null) while (!find(() => true));
  return region;
}

function bestProseBlock(body: HTMLElement): Element | null {
  const scorer = new ProseScorer(body);
  // A clock that allows one step at a time: the scoring resumes where it stopped.
  while (!scorer.score(() => false));
  return scorer.best();
}

const paragraph = (words: string) =>
  `<p>${words}, said the minister on Monday, adding that talks would go on, and that the two sides, for now, would keep their envoys in place.</p>`;
const story = [1, 2, 3, 4, 5].map((n) => paragraph(`Story paragraph ${n}`)).join('');
const links = Array.from(
  { length: 8 },
  (_, n) => `<li><a href="#${n}">A related story about the talks, number ${n}</a></li>`,
).join('');

function byId(id: string): Element {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`no #${id}`);
  return element;
}

const ids = (nodes: Node[]) =>
  nodes.map((node) => (node as Element).id || (node as Element).localName);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('a page that marks its article', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <header id="masthead"><h1 id="headline">Putin meets Xi</h1><p id="edition">US edition</p></header>
      <div id="rail"><p id="trending">Ukraine War live</p></div>
      <article id="story">${story}</article>
      <div id="more"></div>`;
  });

  test('is read in its article and its headline, nowhere else', () => {
    const region = found(new ReadingRegion(document, false), document.body);
    expect(ids(region.partsOf(document.body))).toEqual(['headline', 'story']);
    expect(region.partsOf(byId('trending'))).toEqual([]);
    expect(region.partsOf(byId('edition'))).toEqual([]);
    const inStory = byId('story').firstElementChild as Element;
    expect(region.partsOf(inStory)).toEqual([inStory]);
    expect(region.partsOf(inStory.firstChild as Node)).toEqual([inStory.firstChild]);
  });

  test('content added later is read only where it joins the region', () => {
    const region = found(new ReadingRegion(document, false), document.body);
    byId('more').innerHTML = '<p id="teaser">Peskov spoke</p><main id="second"><p>More</p></main>';
    expect(region.finderFor([byId('teaser')])).toBeNull();
    expect(region.partsOf(byId('teaser'))).toEqual([]);
    expect(ids(region.partsOf(byId('more')))).toEqual(['second']);
  });

  test('a page that replaces its article is looked at afresh', () => {
    const region = found(new ReadingRegion(document, false), document.body);
    byId('story').remove();
    byId('rail').innerHTML = `<div id="text">${story}</div>`;
    // No marker any more: the block of prose is the region now.
    expect(ids(found(region, byId('rail')).partsOf(byId('rail')))).toEqual(['text']);
  });

  test('the reader can ask for the whole page', () => {
    const region = new ReadingRegion(document, true);
    expect(region.finderFor([document.body])).toBeNull();
    expect(region.partsOf(document.body)).toEqual([document.body]);
    expect(region.partsOf(byId('trending'))).toEqual([byId('trending')]);
  });
});

describe('a page that does not say where its article is', () => {
  test('the block holding most prose is the region, links counted against a block', () => {
    document.body.innerHTML = `
      <div id="top"><h1 id="headline">Talks in Kyiv</h1></div>
      <div id="layout">
        <div id="text">${story}</div>
        <div id="sidebar"><ul>${links}</ul><ul>${links}</ul><ul>${links}</ul></div>
      </div>`;
    expect(bestProseBlock(document.body)).toBe(byId('text'));
    const region = found(new ReadingRegion(document, false), document.body);
    expect(ids(region.partsOf(document.body))).toEqual(['headline', 'text']);
    expect(region.partsOf(byId('sidebar'))).toEqual([]);
  });

  test('text straight in a block counts as its paragraphs, for the block around it', () => {
    document.body.innerHTML = `
      <div id="article"><div id="caption">A photo of the talks, by a photographer</div>
        <div id="body">${'The minister said, on Monday, that the talks, which began in May, would go on. '.repeat(12)}<br>More, and more.</div>
      </div>
      <div id="rail"><a href="#1">One story, about the talks</a></div>`;
    expect(bestProseBlock(document.body)).toBe(byId('article'));
  });

  test('scoring a long page resumes where each slice stopped', () => {
    document.body.innerHTML = `<div id="text">${story.repeat(100)}</div><div id="rail"><ul>${links}</ul></div>`;
    const scorer = new ProseScorer(document.body);
    let slices = 1;
    while (!scorer.score(() => false)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(scorer.best()).toBe(byId('text'));
  });

  test('a short page, or one whose prose is the body itself, is read whole', () => {
    document.body.innerHTML =
      '<p>Russia said Putin would travel to Moscow.</p><p>Peskov agreed.</p>';
    expect(bestProseBlock(document.body)).toBeNull();
    const region = found(new ReadingRegion(document, false), document.body);
    expect(region.partsOf(document.body)).toEqual([document.body]);
    document.body.innerHTML = story;
    expect(bestProseBlock(document.body)).toBeNull();
  });
});
