/** Entry point of the workspace bundle: styles, providers and the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpClient } from './api/client.ts';
import { createApi } from './api/endpoints.ts';
import { App } from './app.tsx';
import { I18nProvider } from './lib/i18n.tsx';
import { SessionProvider } from './lib/session.tsx';
import './styles/base.css';
import './styles/content.css';

const root = document.getElementById('root');
if (!root) throw new Error('lawgap: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider api={createApi(createHttpClient())}>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
