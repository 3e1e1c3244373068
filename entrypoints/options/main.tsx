import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Options } from '@/components/Options';
import { backgroundMessenger } from '@/lib/messaging';
import '@/components/theme.css';

function OptionsApp() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    backgroundMessenger.sendMessage('getStatus').then((status) => setVersion(status.version));
  }, []);
  return <Options version={version} />;
}

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
