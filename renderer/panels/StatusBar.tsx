import { useShellStore } from '../store/shellStore';

export function StatusBar() {
  const { ping, backend, error } = useShellStore();
  const backendTitle = backend?.attempts.map((a) => `${a.ok ? '✓' : '✗'} ${a.name}: ${a.reason}`).join('\n');
  return (
    <footer className="status-bar">
      {error ? (
        <span className="status-error" role="alert">
          {error}
        </span>
      ) : (
        <>
          <span data-testid="status-version">
            {ping ? `Netwright ${ping.version} · ${ping.shell} · ${ping.runtime}` : 'Connecting…'}
          </span>
          <span data-testid="status-backend" title={backendTitle}>
            {backend ? `TensorFlow.js: ${backend.name}` : 'TensorFlow.js: selecting backend…'}
          </span>
        </>
      )}
    </footer>
  );
}
