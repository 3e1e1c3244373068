import { render } from 'preact';
import { WelcomeApp } from './App';
import '@/components/theme.css';
import '@/components/welcome.css';

render(<WelcomeApp />, document.getElementById('app') as HTMLElement);
