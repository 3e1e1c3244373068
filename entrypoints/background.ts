import { registerBackgroundApi } from '@/lib/background/api';

export default defineBackground({
  type: 'module',
  main() {
    registerBackgroundApi();
  },
});
