import { beforeEach, describe, expect, test } from 'vitest';
import { OwnMarks } from '@/lib/page/own-marks';
import { Highlighter, type MarkRequest } from '@/lib/spotting/highlighter';

function textOf(id: string, index = 0): Text {
  const node = document.getElementById(id)?.childNodes[index];
  if (!(node instanceof Text)) throw new Error(`#${id} has no text node at ${index}`);
  return node;
}

function inNode(node: Text, word: string, entityId: string, from = 0): MarkRequest {
  const start = node.data.indexOf(word, from);
  if (start < 0) throw new Error(`"${word}" is not in "${node.data}"`);
  return {
    startNode: node,
    startOffset: start,
    endNode: node,
    endOffset: start + word.length,
    entityId,
    name: word,
  };
}

let highlighter: Highlighter;
beforeEach(() => {
  highlighter = new Highlighter(new OwnMarks());
});

describe('marking', () => {
  test('wraps a name in a focusable mark naming its entity, text unchanged', () => {
    document.body.innerHTML = '<p id="p">Kremlin spokesman Dmitry Peskov said</p>';
    const before = document.body.textContent;
    const [placed] = highlighter.highlight([inNode(textOf('p'), 'Dmitry Peskov', 'dmitry-peskov')]);
    expect(document.body.textContent).toBe(before);
    const mark = document.querySelector('mark');
    expect(placed?.elements).toEqual([mark]);
    expect(mark?.className).toBe('briefings-mark');
    expect(mark?.getAttribute('data-briefings-entity')).toBe('dmitry-peskov');
    expect(mark?.tabIndex).toBe(0);
    expect(mark?.textContent).toBe('Dmitry Peskov');
  });

  test('a name across inline elements gets one mark per part and one tab stop', () => {
    document.body.innerHTML = '<p id="p"><b id="b">Xi</b> Jinping’s visit</p>';
    const [placed] = highlighter.highlight([
      {
        startNode: textOf('b'),
        startOffset: 0,
        endNode: textOf('p', 1),
        endOffset: 8,
        entityId: 'xi-jinping',
        name: 'Xi Jinping',
      },
    ]);
    expect(placed?.elements.map((element) => element.textContent)).toEqual(['Xi', ' Jinping']);
    expect(placed?.elements.map((element) => element.getAttribute('tabindex'))).toEqual([
      '0',
      null,
    ]);
    expect(document.body.textContent).toBe('Xi Jinping’s visit');
    expect(highlighter.countByEntity()).toEqual({ 'xi-jinping': 1 });
  });
});

describe('Tab stops', () => {
  const tabIndexes = () =>
    [...document.querySelectorAll('mark')].map((mark) => [
      mark.textContent,
      mark.getAttribute('tabindex'),
    ]);

  test('one per entity, on its first mark; the other marks can still take focus', () => {
    document.body.innerHTML = '<p id="p">Putin met Peskov. Putin left. Peskov stayed.</p>';
    const page = textOf('p');
    highlighter.highlight([
      inNode(page, 'Putin', 'vladimir-putin'),
      inNode(page, 'Peskov', 'dmitry-peskov'),
      inNode(page, 'Putin', 'vladimir-putin', 10),
      inNode(page, 'Peskov', 'dmitry-peskov', 20),
    ]);
    expect(tabIndexes()).toEqual([
      ['Putin', '0'],
      ['Peskov', '0'],
      ['Putin', '-1'],
      ['Peskov', '-1'],
    ]);
  });

  test('a mark added above the first takes the stop from it', () => {
    document.body.innerHTML = '<p id="top">Putin spoke.</p><p id="bottom">Putin left.</p>';
    highlighter.highlight([inNode(textOf('bottom'), 'Putin', 'vladimir-putin')]);
    highlighter.highlight([inNode(textOf('top'), 'Putin', 'vladimir-putin')]);
    expect(tabIndexes()).toEqual([
      ['Putin', '0'],
      ['Putin', '-1'],
    ]);
  });

  test('when the page removes the mark holding the stop, the next mark takes it', () => {
    document.body.innerHTML = '<p id="top">Putin spoke.</p><p id="bottom">Putin left.</p>';
    const top = textOf('top');
    highlighter.highlight([
      inNode(top, 'Putin', 'vladimir-putin'),
      inNode(textOf('bottom'), 'Putin', 'vladimir-putin'),
    ]);
    top.data = 'Nobody spoke.'; // a framework rewriting its text node
    highlighter.pageChangedText(top);
    expect(tabIndexes()).toEqual([['Putin', '0']]);
    document.getElementById('bottom')?.remove();
    highlighter.forgetDetached();
    expect(document.querySelectorAll('[tabindex="0"]')).toHaveLength(0);
  });
});

describe('unmarking', () => {
  test('leaves the DOM as it was, with the page’s own text nodes', () => {
    document.body.innerHTML = '<p id="p">Putin and Peskov met Putin.<b id="b">Kremlin</b></p>';
    const before = document.body.innerHTML;
    const pageNodes = [textOf('p'), textOf('b')];
    highlighter.highlight([
      inNode(textOf('p'), 'Putin', 'vladimir-putin'),
      inNode(textOf('p'), 'Peskov', 'dmitry-peskov'),
      inNode(textOf('p'), 'Putin', 'vladimir-putin', 5),
      inNode(textOf('b'), 'Kremlin', 'kremlin'),
    ]);
    expect(document.querySelectorAll('mark')).toHaveLength(4);
    highlighter.removeAll([document]);
    expect(document.body.innerHTML).toBe(before);
    expect([textOf('p'), textOf('b')]).toEqual(pageNodes);
    expect(textOf('p')).toBe(pageNodes[0]);
    expect(highlighter.countByEntity()).toEqual({});
  });

  test('marks added in a second pass to text split by the first come out too', () => {
    document.body.innerHTML = '<p id="p">Qin met Qin Gang</p>';
    const before = document.body.innerHTML;
    const page = textOf('p');
    highlighter.highlight([inNode(page, 'Qin Gang', 'qin-gang')]);
    highlighter.highlight([inNode(page, 'Qin', 'qin-gang')]);
    expect([...document.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Qin',
      'Qin Gang',
    ]);
    highlighter.removeAll([document]);
    expect(document.body.innerHTML).toBe(before);
    expect(textOf('p')).toBe(page);
  });

  test('copies of our marks a page script made are taken out as text', () => {
    document.body.innerHTML = '<p id="p">Putin</p>';
    highlighter.highlight([inNode(textOf('p'), 'Putin', 'vladimir-putin')]);
    const paragraph = document.getElementById('p') as HTMLElement;
    paragraph.innerHTML = `${paragraph.innerHTML} again`; // re-parsed: our marks are now copies
    highlighter.removeAll([document]);
    expect(document.querySelector('mark')).toBeNull();
    expect(paragraph.textContent).toBe('Putin again');
  });
});

describe('when the page changes marked text', () => {
  test('a page rewriting its text node (as frameworks do) gets exactly its new text', () => {
    document.body.innerHTML = '<p id="p">Putin said</p>';
    const page = textOf('p');
    highlighter.highlight([inNode(page, 'Putin', 'vladimir-putin')]);
    page.data = 'Peskov said';
    highlighter.pageChangedText(page);
    expect(document.getElementById('p')?.innerHTML).toBe('Peskov said');
    expect(highlighter.countByEntity()).toEqual({});
  });

  test('a page removing its text node takes what we split off with it', () => {
    document.body.innerHTML = '<p id="p">Putin said</p>';
    const page = textOf('p');
    highlighter.highlight([inNode(page, 'said', 'vladimir-putin')]);
    page.remove();
    highlighter.pageRemovedText(page);
    expect(document.getElementById('p')?.innerHTML).toBe('');
  });

  test('a page appending text elsewhere leaves marks in place', () => {
    document.body.innerHTML = '<p id="p">Putin said</p>';
    const page = textOf('p');
    highlighter.highlight([inNode(page, 'Putin', 'vladimir-putin')]);
    highlighter.pageChangedText(page); // a record for the node, but its text is what we left
    expect(highlighter.countByEntity()).toEqual({ 'vladimir-putin': 1 });
  });
});
