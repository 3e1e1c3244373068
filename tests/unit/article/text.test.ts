import { describe, expect, test } from 'vitest';
import { paragraphsOf } from '@/lib/article/text';
import { extract, newsPage, pageDocument, STORY } from './pages';

const paragraphs = STORY.map((paragraph) => `<p>${paragraph}</p>`).join('\n');

/** The paragraphs of a fragment, read by the text step alone (no Readability). */
function paragraphsIn(html: string): string[] {
  const doc = pageDocument(`<!doctype html><body><div id="root">${html}</div></body>`);
  return paragraphsOf(doc.getElementById('root')!);
}

describe('the article as text', () => {
  test('paragraphs separated by a blank line, whitespace inside one collapsed', () => {
    const article = `<p>The foreign ministers   met in
      Geneva on Tuesday,\tthe first\u00a0such meeting in more than a year, and agreed to resume talks.</p>${paragraphs}`;
    const text = extract(newsPage({ article }))?.text ?? '';
    expect(text.split('\n\n')[0]).toBe(
      'The foreign ministers met in Geneva on Tuesday, the first such meeting in more than a year, and agreed to resume talks.',
    );
    expect(text.split('\n\n').slice(1)).toEqual(STORY);
    expect(text).not.toMatch(/\n\n\n|^\s|\s$/);
  });

  test('headings, list items and quotations are paragraphs of their own', () => {
    expect(
      paragraphsIn(`<h2>What they said</h2>
        <ul><li>First, <b>bold</b> point</li><li>Second point</li></ul>
        <blockquote><p>A quoted passage</p></blockquote>
        <div>Text in a div<p>then a paragraph</p>and text after it</div>`),
    ).toEqual([
      'What they said',
      'First, bold point',
      'Second point',
      'A quoted passage',
      'Text in a div',
      'then a paragraph',
      'and text after it',
    ]);
  });

  test('inline elements run on; a line break ends a paragraph', () => {
    expect(
      paragraphsIn(
        '<p>Xi<b> Jinping</b> and <a href="/p">Vladimir <i>Putin</i></a>’s talks<br>BEIJING: Next one</p>',
      ),
    ).toEqual(['Xi Jinping and Vladimir Putin’s talks', 'BEIJING: Next one']);
  });

  test('script, style, noscript, template and hidden text are never in it', () => {
    const hostile = `<p>Before <script>alert("script text")</script><style>p{color:red}</style>after.</p>
      <noscript>Enable JavaScript</noscript><template><p>Template text</p></template>
      <p hidden>Hidden paragraph</p><p aria-hidden="true">Aria hidden</p>
      <p style="display: none">Not displayed</p><svg><text>SVG text</text></svg>
      <p>Visible <button>Click me</button><textarea>typed text</textarea>end.</p>`;
    expect(paragraphsIn(hostile)).toEqual(['Before after.', 'Visible end.']);
  });

  test('images with their captions, players and figures are not prose', () => {
    expect(
      paragraphsIn(`<figure><img src="a.jpg"><figcaption>A caption (Reuters)</figcaption></figure>
        <div><picture><img src="b.jpg"></picture><p>File photo of a minister. (Reuters)</p></div>
        <div class="player"><video></video><p>Video Ad Feedback</p><p>Watch: the summit 01:40</p></div>
        <p>The story itself.</p>`),
    ).toEqual(['The story itself.']);
  });

  test('labels, share bars, links standing alone and a trailing "Read more:" are furniture', () => {
    expect(
      paragraphsIn(`<p>Advertisement</p><p>ADVERTISEMENT</p><p>Story continues below advertisement</p>
        <p>The story itself, with <a href="/x">a link</a> in it.</p>
        <p><a href="/related">Read this story in Bengali</a></p>
        <ul><li><a href="/1">Related story one</a></li></ul>
        <div><span>Facebook</span><span>Twitter</span><span>Instagram</span><span>KOO APP</span></div>
        <p>Share this article</p><p>FOLLOW US ON SOCIAL MEDIA</p>
        <p>He posted on Facebook and Twitter, then deleted both.</p>
        <p><b>Seguir leyendo:</b></p>`),
    ).toEqual([
      'The story itself, with a link in it.',
      'He posted on Facebook and Twitter, then deleted both.',
    ]);
  });

  test('blocks whose class or id names furniture are left out, whatever their text', () => {
    expect(
      paragraphsIn(`<div class="ad-slot-dynamic"><p>Ad Feedback</p></div>
        <div class="video-resource__details"><p>Obama on hacking: I warned Putin</p><p>01:40</p></div>
        <p class="photoCredit">Evan Vucci/AP Photo</p>
        <div id="related-stories"><p>Another story you may like, with a long enough headline.</p></div>
        <div class="shareBar"><p>Post it</p></div>
        <p class="article-body lead">The story itself, read.</p>`),
    ).toEqual(['The story itself, read.']);
  });

  test('data tables and citation marks are left out; layout tables are read', () => {
    expect(
      paragraphsIn(`<table><tr><th>Capital</th><td>Wellington</td></tr></table>
        <table><tr><td>1.6</td><td>4,933,210</td></tr></table>
        <table role="presentation"><tr><td><p>A newsletter paragraph.</p></td></tr></table>
        <p>A claim.<sup><a href="#c1">[12]</a></sup> Another.<sup>[citation needed]</sup></p>`),
    ).toEqual(['A newsletter paragraph.', 'A claim. Another.']);
  });
});
