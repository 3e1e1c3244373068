import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { BriefingView } from '@/components/briefing/BriefingView';
import type { Briefing } from '@/lib/views';
import { get, realBriefings } from './real-briefings';

let briefings: Map<string, Briefing>;

beforeAll(async () => {
  briefings = await realBriefings('dmitry-peskov', 'vladimir-putin', 'ukraine', 'brussels');
});

afterEach(cleanup);

function show(id: string, onSelectEntity = vi.fn()) {
  render(<BriefingView briefing={get(briefings, id)} onSelectEntity={onSelectEntity} />);
  return {
    onSelectEntity,
    article: screen.getByRole('article', { name: get(briefings, id).entity.name }),
  };
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('the header', () => {
  test('names the entity, its kind and description, and each role with its sources', () => {
    show('dmitry-peskov');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Dmitry Peskov');
    expect(screen.getByText('Person')).toBeTruthy();
    expect(screen.getByText(/^Spokesman for the Kremlin/)).toBeTruthy();

    const roles = screen.getByRole('list', { name: 'Roles' });
    const role = within(roles).getByRole('listitem');
    expect(within(role).getByText('Kremlin spokesman')).toBeTruthy();
    // The original article with a link comes first.
    const link = within(role).getByRole('link', { name: 'The Moscow Times' });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/www\.themoscowtimes\.com\//);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('"N sources" opens the full list of documents behind a role', () => {
    show('dmitry-peskov');
    const role = within(screen.getByRole('list', { name: 'Roles' })).getByRole('listitem');
    const toggle = within(role).getByRole('button', { name: '3 sources' });
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(list.hidden).toBe(true);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list.hidden).toBe(false);
    const items = within(list).getAllByRole('listitem');
    // Originals with a named outlet first; a re-telling without one is named by its title.
    expect(items.map((item) => item.textContent)).toEqual([
      'The Moscow Times · 6 April 2023',
      'Antiwar.com · 27 April 2023* (inferred)',
      'Russia Sees No Prospect of Chinese Mediation in Ukraine Conflict · 6 April 2023',
    ]);
  });
});

describe('quotes', () => {
  test('come by the entity first, then about it, each list under its heading', () => {
    show('vladimir-putin');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.indexOf('Said by Vladimir Putin')).toBe(0);
    expect(headings.indexOf('Said about Vladimir Putin')).toBe(1);

    const putin = get(briefings, 'vladimir-putin');
    const by = section('Said by Vladimir Putin');
    expect(within(by).getByText(`“${putin.quotesBy[0]?.text}”`)).toBeTruthy();
    // Under "Said by" the speaker goes without saying; under "Said about" it is named.
    expect(within(by).queryByText('Vladimir Putin')).toBeNull();
    const about = section('Said about Vladimir Putin');
    const firstAbout = putin.quotesAbout[0];
    expect(within(about).getByText(`“${firstAbout?.text}”`)).toBeTruthy();
    expect(within(about).getByText(firstAbout?.speaker?.name ?? '')).toBeTruthy();
  });

  test('a long list shows a few, and the rest on request', () => {
    show('vladimir-putin');
    // Short quotes are not in the list: they wait under "Also quoted", in their sentence.
    const statements = get(briefings, 'vladimir-putin').quotesBy.filter((q) => !q.context).length;
    expect(statements).toBeGreaterThan(3);
    const by = section('Said by Vladimir Putin');
    expect(by.querySelectorAll('blockquote')).toHaveLength(3);
    fireEvent.click(within(by).getByRole('button', { name: `Show ${statements - 3} more` }));
    expect(by.querySelectorAll('blockquote')).toHaveLength(statements);
    expect(within(by).queryByRole('button', { name: /more/ })).toBeNull();
  });

  test('a quote whose speaker the source does not name says so, and names nobody', () => {
    show('ukraine');
    const about = section('Said about Ukraine');
    fireEvent.click(within(about).getByText(/^Also quoted/));
    const fragment = within(about)
      .getByText('peaceful settlement in Ukraine', { selector: 'mark' })
      .closest('li');
    expect(
      within(fragment as HTMLElement).getByText('Speaker not named in the source'),
    ).toBeTruthy();
  });

  test('"N sources" counts the outlets carrying a quote', () => {
    show('dmitry-peskov');
    const quote = screen.getByText(/^“Undoubtedly, China has a very effective/).closest('li');
    expect(within(quote as HTMLElement).getByRole('button', { name: '2 sources' })).toBeTruthy();
  });

  test('how another outlet words a quote is shown word by word, and told in words', () => {
    show('dmitry-peskov');
    const quote = screen
      .getByText(/^“Undoubtedly, China has a very effective/)
      .closest('li') as HTMLElement;
    const variant = within(quote).getByRole('list', { name: 'Other wordings' });
    expect(variant.querySelector('.bf-variant__label')?.textContent).toBe('Another wording');
    expect(variant.querySelector('.bf-variant__where')?.textContent).toBe(
      'Russia Sees No Prospect of Chinese Mediation in Ukraine Conflict · 6 April 2023',
    );
    expect([...variant.querySelectorAll('ins')].map((node) => node.textContent)).toEqual([
      'commanding and',
    ]);
    expect([...variant.querySelectorAll('del')].map((node) => node.textContent)).toEqual([
      'and commanding',
    ]);
    // The struck and underlined words are hidden from screen readers, which get this instead.
    expect(variant.querySelector('.bf-diff')?.getAttribute('aria-hidden')).toBe('true');
    expect(within(variant).getByText(/^“Undoubtedly/).textContent).toBe(
      '“Undoubtedly, China has a very commanding and effective potential for mediation”. ' +
        'Adds “commanding and”. Leaves out “and commanding”.',
    );
  });
});

describe('dates', () => {
  test('show at day precision, and an inferred one says so with its reason', () => {
    show('dmitry-peskov');
    const printed = screen.getAllByText('6 April 2023')[0] as HTMLElement;
    expect(printed.closest('time')?.getAttribute('dateTime')).toBe('2023-04-06');
    expect(printed.closest('time')?.classList.contains('bf-date--inferred')).toBe(false);

    const quote = screen.getByText(/^“As for the fact of their communication/).closest('li');
    const inferred = within(quote as HTMLElement)
      .getByText('27 April 2023')
      .closest('time') as HTMLElement;
    // A mark, explained once at the foot of the briefing; screen readers hear "inferred".
    expect(inferred.textContent).toBe('27 April 2023* (inferred)');
    expect(inferred.classList.contains('bf-date--inferred')).toBe(true);
    expect(inferred.getAttribute('title')).toMatch(/^Date inferred: No date is printed\./);
  });
});

describe('timeline and related names', () => {
  test('the entity’s events come between quieter ones for context', () => {
    show('dmitry-peskov');
    const items = within(section('On the timeline')).getAllByRole('listitem');
    const events = items.filter((item) => item.classList.contains('bf-event'));
    expect(events.map((item) => item.querySelector('.bf-event__title')?.textContent)).toEqual([
      'Xi and Putin hold talks in Moscow and issue a joint statement (for context)',
      'Kremlin sees no prospect of Chinese mediation on Ukraine',
      'Xi Jinping and Volodymyr Zelensky speak by phone (for context)',
    ]);
    expect(events.map((item) => item.classList.contains('bf-event--context'))).toEqual([
      true,
      false,
      true,
    ]);
  });

  test('choosing a related name asks for its briefing', () => {
    const { onSelectEntity } = show('dmitry-peskov');
    const related = section('Appears with');
    fireEvent.click(within(related).getByRole('button', { name: 'Kremlin' }));
    expect(onSelectEntity).toHaveBeenCalledWith({
      id: 'kremlin',
      name: 'Kremlin',
      kind: 'organization',
    });
  });
});

test('an entity the packs only describe says there is nothing more yet', () => {
  const { article } = show('brussels');
  expect(within(article).getByText('Place')).toBeTruthy();
  expect(within(article).getByText(/Capital of Belgium/)).toBeTruthy();
  expect(
    within(article).getByText('Your briefings hold no quotes or dated events about Brussels yet.'),
  ).toBeTruthy();
  expect(within(article).queryAllByRole('region')).toEqual([]);
});
