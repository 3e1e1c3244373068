import type { PackDocument } from '../../lib/pack/schema';

/**
 * A plain news page made of the corpus's own articles, for the demo and the screenshots:
 * the kind of page a reader would meet, with nothing of Briefings in it.
 */
export function DemoPage({ documents }: { documents: PackDocument[] }) {
  const stories = documents.filter((document) => !document.duplicateOf);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>World desk: Russia, China and the war in Ukraine</title>
        <style>{demoStyle}</style>
      </head>
      <body>
        <header>
          <p class="masthead">The World Desk</p>
          <p class="strap">Russia, China and the war in Ukraine: stories from spring 2023</p>
        </header>
        <main>
          {stories.map((document) => (
            <article key={document.id}>
              <h2>{document.title}</h2>
              <p class="byline">
                {document.outlet ?? 'Outlet unknown'}
                {document.publishedAt && ` · ${document.publishedAt}`}
              </p>
              {paragraphs(document.text).map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </article>
          ))}
        </main>
      </body>
    </html>
  );
}

/** The article's paragraphs, without the headline it repeats at the top. */
function paragraphs(text: string): string[] {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return blocks.slice(1);
}

const demoStyle = `
  body { margin: 0; background: #f6f3ee; color: #1f1f1f; font: 18px/1.6 Georgia, 'Times New Roman', serif; }
  header { background: #1f1f1f; color: #f6f3ee; padding: 18px 32px; }
  .masthead { margin: 0; font: 700 28px/1.1 Georgia, serif; letter-spacing: 0.02em; }
  .strap { margin: 4px 0 0; font: 14px/1.4 system-ui, sans-serif; opacity: 0.8; }
  main { max-width: 720px; margin: 0 auto; padding: 8px 24px 64px; }
  article { border-bottom: 1px solid #d9d2c5; padding: 16px 0 24px; }
  h2 { font-size: 30px; line-height: 1.2; margin: 12px 0 4px; }
  .byline { font: 13px/1.4 system-ui, sans-serif; color: #6b6357; text-transform: uppercase; letter-spacing: 0.04em; }
`;
