import { render } from 'preact';
import { ReaderApp } from './App';
import '@/components/theme.css';
import '@/components/briefing/briefing.css';
import '@/components/reader/reader.css';

render(<ReaderApp />, document.getElementById('app') as HTMLElement);
