import { bootPageBriefings } from '@/lib/page/boot';

/**
 * The script every web page gets (the manifest's content_scripts, wxt.config.ts). An unlisted
 * script rather than WXT's content script entrypoint, whose context talks to the page.
 */
export default defineUnlistedScript(bootPageBriefings);
