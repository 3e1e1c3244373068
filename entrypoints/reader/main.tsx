import { render } from 'preact';
import '@/components/theme.css';

render(<main />, document.getElementById('app') as HTMLElement);
