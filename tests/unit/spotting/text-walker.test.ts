import { beforeEach, describe, expect, test } from 'vitest';
import { type TextSegment, TextWalker } from '@/lib/spotting/text-walker';

function segmentsOf(html: string, root: Node = document.body): string[] {
  document.body.innerHTML = html;
  return walk(root).map((segment) => segment.text.trim());
}

function walk(root: Node, hasTimeLeft = () => true): TextSegment[] {
  const segments: TextSegment[] = [];
  const walker = new TextWalker(root, { onSegment: (segment) => segments.push(segment) });
  while (!walker.walk(hasTimeLeft));
  return segments;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('segments', () => {
  test('text across inline elements is one segment, in its block', () => {
    document.body.innerHTML =
      '<p id="p"><b>Xi</b> Jinping and <a href="#">Vladimir <i>Putin</i></a>’s</p>';
    const [segment, ...rest] = walk(document.body);
    expect(rest).toEqual([]);
    expect(segment?.text).toBe('Xi Jinping and Vladimir Putin’s');
    expect(segment?.container).toBe(document.getElementById('p'));
    expect(segment?.nodes.map((node) => node.data)).toEqual([
      'Xi',
      ' Jinping and ',
      'Vladimir ',
      'Putin',
      '’s',
    ]);
    expect(segment?.starts).toEqual([0, 2, 15, 24, 29]);
  });

  test('blocks and line breaks end a segment: no name across them', () => {
    expect(segmentsOf('<div>Xi<p>Jinping</p>said</div><p>Vladimir<br>Putin</p>')).toEqual([
      'Xi',
      'Jinping',
      'said',
      'Vladimir',
      'Putin',
    ]);
  });

  test('whitespace-only runs are not segments', () => {
    expect(segmentsOf('<div>\n  <p>Text</p>\n  </div>')).toEqual(['Text']);
  });

  test('a walk stopped by its clock resumes where it stopped', () => {
    const paragraphs = Array.from({ length: 300 }, (_, index) => `<p>Paragraph ${index}</p>`);
    document.body.innerHTML = paragraphs.join('');
    const segments = walk(document.body, () => false);
    expect(segments.map((segment) => segment.text)).toEqual(
      paragraphs.map((_, index) => `Paragraph ${index}`),
    );
  });

  test('text already inside our marks is reported as marked', () => {
    document.body.innerHTML = '<p>Qin and <mark class="briefings-mark">Qin Gang</mark> met</p>';
    expect(walk(document.body)[0]?.marked).toEqual([[8, 16]]);
  });
});

describe('what is not read', () => {
  test.each([
    [
      'form fields',
      '<textarea>Putin</textarea><select><option>Putin</option></select><button>Putin</button>',
    ],
    [
      'scripts and styles',
      '<script>var a = "Putin"</script><style>.Putin{}</style><noscript>Putin</noscript>',
    ],
    ['templates', '<template><p>Putin</p></template>'],
    ['code', '<pre>Putin</pre><p><code>Putin</code></p>'],
    ['svg and math', '<svg><text>Putin</text></svg><math><mi>Putin</mi></math>'],
    [
      'editable text',
      '<div contenteditable="true"><p>Putin</p></div><p contenteditable="">Putin</p>',
    ],
    ['hidden elements', '<p hidden>Putin</p><p aria-hidden="true">Putin</p>'],
    [
      'hidden by style',
      '<p style="display:none">Putin</p><p><span style="visibility:hidden">Putin</span></p>',
    ],
    [
      'navigation',
      '<nav>Putin</nav><ul role="navigation"><li>Putin</li></ul><div role="search">Putin</div>',
    ],
    ['search forms', '<form><p>Putin</p><input></form>'],
    [
      'our own UI',
      '<briefings-popover>Putin</briefings-popover><div data-briefings-ui>Putin</div>',
    ],
  ])('%s', (_, html) => {
    expect(segmentsOf(`${html}<p>Kept</p>`)).toEqual(['Kept']);
  });

  test('hidden text inside a paragraph splits it: no name across the gap', () => {
    expect(segmentsOf('<p>Xi <span style="display:none">x</span>Jinping</p>')).toEqual([
      'Xi',
      'Jinping',
    ]);
  });

  test('a form that holds the whole page is read', () => {
    expect(segmentsOf('<form><main><p>Article text</p></main></form>')).toEqual(['Article text']);
  });
});

describe('page furniture is not read', () => {
  test.each([
    ['footers', '<footer><p>Follow CNN</p></footer><div role="contentinfo">CNN</div>'],
    [
      'bylines',
      '<p class="byline__names">By Eric Bradner, CNN</p><a rel="author" href="#a">Jane Doe</a>' +
        '<span itemprop="author">Jane Doe</span><address>Jane Doe, Moscow</address>',
    ],
    ['datelines', '<span class="article-dateline">MOSCOW (Reuters)</span>'],
    [
      'credits',
      '<figure><figcaption><span class="photoCredit">Photo: AP</span></figcaption></figure>',
    ],
    [
      'copyright lines',
      '<p>© 2024 Cable News Network. All Rights Reserved.</p><p>Copyright 2016 ABC News</p>',
    ],
    [
      'breadcrumbs',
      '<ol aria-label="Breadcrumb"><li>World</li></ol>' +
        '<ul itemtype="https://schema.org/BreadcrumbList"><li>Europe</li></ul>',
    ],
    [
      'share and social bars',
      '<div class="share-bar">Share on X</div><div class="social-links">Follow us</div>',
    ],
    [
      'reference lists and citations',
      '<ol class="references"><li>The New York Times, 2009</li></ol>' +
        '<p><cite class="citation news">The New York Times</cite></p>' +
        '<section role="doc-bibliography"><p>The New York Times</p></section>',
    ],
    [
      'edition and language pickers',
      '<ul><li><a hreflang="en-us" href="/us">US</a></li><li><a hreflang="es" href="/es">España</a></li></ul>',
    ],
  ])('%s', (_, html) => {
    expect(segmentsOf(`${html}<p>Kept</p>`)).toEqual(['Kept']);
  });

  test('asides, captions and quotes are prose', () => {
    expect(
      segmentsOf(
        '<aside><p>“We will go on,” Putin said.</p></aside><figure><figcaption>Putin in Moscow</figcaption></figure>' +
          '<blockquote><p>Peace</p><cite>Zelensky</cite></blockquote>',
      ),
    ).toEqual(['“We will go on,” Putin said.', 'Putin in Moscow', 'Peace', 'Zelensky']);
  });

  test('a class word is weak: furniture classes on what holds the article are ignored', () => {
    expect(
      segmentsOf('<div class="social-share-enabled"><p>One</p><p>Two</p><p>Three</p></div>'),
    ).toEqual(['One', 'Two', 'Three']);
    expect(segmentsOf('<div class="page-footer-wrapper"><main><p>Text</p></main></div>')).toEqual([
      'Text',
    ]);
  });

  test('class names count as words: "shareable" and "authority" are not furniture', () => {
    expect(
      segmentsOf('<p class="shareable-quote">Putin said</p><p class="authority-box">Peskov</p>'),
    ).toEqual(['Putin said', 'Peskov']);
  });
});

describe('shadow roots', () => {
  test('open shadow roots are reported to be walked on their own', () => {
    document.body.innerHTML = '<div id="host"></div><p>Light</p>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>In the shadow</p>';
    const found: ShadowRoot[] = [];
    const texts: string[] = [];
    const walker = new TextWalker(document.body, {
      onSegment: (segment) => texts.push(segment.text),
      onShadowRoot: (root) => found.push(root),
    });
    walker.walk(() => true);
    expect(found).toEqual([shadow]);
    expect(texts).toEqual(['Light']);
    expect(walk(shadow).map((segment) => [segment.text, segment.container])).toEqual([
      ['In the shadow', shadow.firstElementChild],
    ]);
  });
});

describe('layout', () => {
  test('inline elements laid out as blocks or chips do not join their text', () => {
    expect(
      segmentsOf(
        '<div><a style="display:inline-block">Rusia</a><a style="display:inline-block">Vladimir Putin</a></div>',
      ),
    ).toEqual(['Rusia', 'Vladimir Putin']);
    expect(
      segmentsOf(
        '<div><a style="margin:0 4px">Rusia</a><a style="margin:0 4px">Vladimir Putin</a>invasion</div>',
      ),
    ).toEqual(['Rusia', 'Vladimir Putin', 'invasion']);
  });

  test('boxed inline elements still join text across a space', () => {
    expect(
      segmentsOf(
        '<p><b style="padding:0 2px">Xi</b> Jinping, <a style="display:inline-block">Vladimir</a> Putin</p>',
      ),
    ).toEqual(['Xi Jinping, Vladimir Putin']);
  });
});
