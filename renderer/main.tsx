import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { pressroom } from './bridge/pressroom.js';
import { initI18n } from './i18n/i18n.js';
import './styles.css';

// The saved language is applied before the first render: no flash of English for an Arabic user, and
// no late answer that could undo a choice the user has just made.
const settings = await pressroom().settings.get({});
const language = settings.ok ? settings.value.language : 'system';
await initI18n(language);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App initialLanguage={language} />
  </StrictMode>,
);
