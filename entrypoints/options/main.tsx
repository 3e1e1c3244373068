import { render } from 'preact';
import { OptionsApp } from './App';
import '@/components/theme.css';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
