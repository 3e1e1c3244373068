import { startCompilerWorker } from '@/lib/compiler/worker-client';
import { compilerMessenger } from '@/lib/messaging';

// A page no one sees (an offscreen document in Chrome, a frame of Firefox's background page):
// it hands the background's articles to the compiler worker.
const compiler = startCompilerWorker();
compilerMessenger.onMessage('compileArticle', ({ data }) =>
  compiler.compile(data.submission, data.known),
);
