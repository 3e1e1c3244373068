/**
 * A page for tests: HTML parsed by happy-dom in a window of its own, at a given address, with its
 * scripts, style sheets and frames never run or fetched. (Parsing HTML is the test's business:
 * the extension itself never does.)
 */
import { Window } from 'happy-dom';

export interface HtmlPage {
  document: Document;
  close(): Promise<void>;
}

export function htmlPage(html: string, url: string): HtmlPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  window.document.write(html);
  return {
    document: window.document as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}
