import { backgroundHandlers, registerBackgroundApi } from '@/lib/background/api';
import { registerBrowserEvents } from '@/lib/background/browser-events';
import { BackgroundService } from '@/lib/background/service';

export default defineBackground({
  type: 'module',
  main() {
    const service = new BackgroundService();
    const handlers = backgroundHandlers(service);
    registerBackgroundApi(handlers);
    registerBrowserEvents(service, handlers);
  },
});
