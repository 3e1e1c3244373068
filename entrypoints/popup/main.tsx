import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type PageState, Popup } from '@/components/Popup';
import { backgroundMessenger } from '@/lib/messaging';
import { loadPageState } from '@/lib/page-state';
import '@/components/theme.css';

function PopupApp() {
  const [version, setVersion] = useState<string | null>(null);
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  useEffect(() => {
    backgroundMessenger.sendMessage('getStatus').then((status) => setVersion(status.version));
    loadPageState().then(setPage);
  }, []);
  return <Popup version={version} page={page} />;
}

render(<PopupApp />, document.getElementById('app') as HTMLElement);
