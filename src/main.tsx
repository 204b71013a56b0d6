import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { LabProvider } from './ui/labContext';
import { Lab } from './state/Lab';
import { browserEnvironment } from './state/browserEnvironment';
import './ui/styles.css';

const lab = new Lab(browserEnvironment());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabProvider lab={lab}>
      <App />
    </LabProvider>
  </StrictMode>,
);
