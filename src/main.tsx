import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { StoreProvider } from './ui/storeContext';
import { createLabStore } from './state/labStore';
import { backendFromUrl } from './state/backendParam';
import { startLabWorker } from './worker/labClient';
import './ui/styles.css';

const { backend, notice } = backendFromUrl(location.search);
const client = startLabWorker(backend);
const store = createLabStore(client);
client.onEvent((e) => store.getState().handleEvent(e));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App urlNotice={notice} />
    </StoreProvider>
  </StrictMode>,
);
