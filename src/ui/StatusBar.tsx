import { useCommands, useTraining } from './labContext';

/** Which backend computes, whether the data is loaded, and any reason the first choice was not used. */
export function StatusBar() {
  const urlNotice = useCommands().linkNotice;
  const backend = useTraining((s) => s.backend);
  const backendError = useTraining((s) => s.backendError);
  const data = useTraining((s) => s.data);
  const dataError = useTraining((s) => s.dataError);
  return (
    <div className="status" aria-live="polite">
      <span className="pill" data-testid="backend">
        Backend: {backend ? <strong>{backend.name}</strong> : backendError ? 'none' : 'starting…'}
        {backend && backend.details !== backend.name ? <span className="muted"> ({backend.details})</span> : null}
      </span>
      <span className="pill" data-testid="data-status">
        {data
          ? `MNIST loaded: ${data.train.toLocaleString('en')} train / ${data.test.toLocaleString('en')} test images`
          : dataError
            ? 'MNIST: not loaded'
            : 'Loading MNIST…'}
      </span>
      {urlNotice ? <p className="notice" role="status">{urlNotice}</p> : null}
      {backend?.notice ? <p className="notice" role="status" data-testid="backend-notice">{backend.notice}</p> : null}
      {backendError ? <p className="error" role="alert">{backendError}</p> : null}
      {dataError ? (
        <p className="error" role="alert" data-testid="data-error">
          {dataError}
        </p>
      ) : null}
    </div>
  );
}
