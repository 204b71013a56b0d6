import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { StoreProvider, type Stores } from './ui/storeContext';
import { createLabStore } from './state/labStore';
import { createGalleryStore } from './state/galleryStore';
import { createSweepStore } from './state/sweepStore';
import { backendFromUrl } from './state/backendParam';
import { applyConfigLink, keepConfigInUrl } from './ui/share/configLink';
import { startLabWorker } from './worker/labClient';
import './ui/styles.css';

const { backend } = backendFromUrl(location.search);
const client = startLabWorker(backend);
const stores: Stores = {
  lab: createLabStore(client),
  gallery: createGalleryStore(client),
  sweep: createSweepStore(client),
};
client.onEvent((e) => {
  stores.lab.getState().handleEvent(e);
  stores.gallery.getState().handleEvent(e);
  stores.sweep.getState().handleEvent(e);
});
// The address's settings fill the forms (its notices include the backend's), then follow every change.
const urlNotice = applyConfigLink(stores, location.search);
keepConfigInUrl(stores, backend);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider stores={stores}>
      <App urlNotice={urlNotice} />
    </StoreProvider>
  </StrictMode>,
);
