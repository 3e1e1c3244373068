import { afterEach, expect, test } from 'vitest';
import { isEditable, markStepOf, markToward } from '@/lib/page/mark-navigation';
import { OwnMarks } from '@/lib/page/own-marks';

afterEach(() => {
  document.body.innerHTML = '';
});

const key = (code: string, modifiers: KeyboardEventInit = {}) =>
  new KeyboardEvent('keydown', { code, altKey: true, shiftKey: true, ...modifiers });

test('Alt+Shift with the full stop or comma key is the shortcut, whatever it types', () => {
  expect(markStepOf(key('Period', { key: '˘' }))).toBe('next');
  expect(markStepOf(key('Comma', { key: '¯' }))).toBe('previous');
  expect(markStepOf(key('Period', { shiftKey: false }))).toBeNull();
  expect(markStepOf(key('Period', { ctrlKey: true }))).toBeNull();
  expect(markStepOf(key('KeyB'))).toBeNull();
});

test('fields the reader types into are theirs; buttons and checkboxes are not fields', () => {
  document.body.innerHTML = `<input id="text"><input id="box" type="checkbox"><textarea id="area"></textarea>
    <div id="editable" contenteditable="true">x</div><button id="button">b</button>`;
  const byId = (id: string) => document.getElementById(id);
  expect(['text', 'area'].map((id) => isEditable(byId(id)))).toEqual([true, true]);
  expect(['box', 'button'].map((id) => isEditable(byId(id)))).toEqual([false, false]);
  expect(isEditable(document.body)).toBe(false);
});

test('the next and previous marks follow the document, one per name, wrapping round', () => {
  document.body.innerHTML = `<p><a id="link" href="#">link</a>
    <mark class="briefings-mark" id="xi1" tabindex="0">Xi</mark><mark class="briefings-mark"> Jinping</mark>
    and <mark class="briefings-mark" id="putin" tabindex="-1">Putin</mark>
    <mark id="pages">the page's own mark</mark>
    <mark class="briefings-mark" id="xi2" tabindex="-1">Xi</mark>
    <mark class="briefings-mark" id="forged" tabindex="0">made by the page</mark></p>`;
  const mark = (id: string) => document.getElementById(id);
  const marks = new OwnMarks();
  for (const [id, entityId] of [
    ['xi1', 'xi'],
    ['putin', 'putin'],
    ['xi2', 'xi'],
  ]) {
    marks.add(mark(id as string) as HTMLElement, { entityId: entityId as string, name: 'n' });
  }
  // The mark the page made (copied from ours) is not one: the shortcut never goes there.
  expect(markToward('next', mark('xi1'), marks)?.id).toBe('putin');
  expect(markToward('next', mark('putin'), marks)?.id).toBe('xi2');
  expect(markToward('next', mark('xi2'), marks)?.id).toBe('xi1');
  expect(markToward('previous', mark('xi1'), marks)?.id).toBe('xi2');
  expect(markToward('previous', mark('xi2'), marks)?.id).toBe('putin');
  // From another focused element: the marks after or before it.
  expect(markToward('next', mark('link'), marks)?.id).toBe('xi1');
  expect(markToward('previous', mark('link'), marks)?.id).toBe('xi2');
});

test('a page without marks has nowhere to go', () => {
  document.body.innerHTML = '<p>No names here.</p>';
  expect(markToward('next', null, new OwnMarks())).toBeNull();
});
