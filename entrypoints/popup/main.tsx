import { render } from 'preact';
import { PopupApp } from './App';
import '@/components/theme.css';
import '@/components/briefing/briefing.css';

render(<PopupApp />, document.getElementById('app') as HTMLElement);
