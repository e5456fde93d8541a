// Renderer entry: connect to the API (preload bridge or HTTP) and mount the app.
import { createRoot } from 'react-dom/client';
import { connectCasebook } from './api/casebook-client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';

createRoot(document.getElementById('root')!).render(<App client={connectCasebook()} />);
