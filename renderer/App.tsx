import { useEffect, useState } from 'react';
import { NetworkCanvas } from './canvas/NetworkCanvas';
import { sampleGraph } from './canvas/sampleGraph';
import { StatusBar } from './panels/StatusBar';
import { useShellStore } from './store/shellStore';

export function App() {
  const connect = useShellStore((s) => s.connect);
  const [graph] = useState(sampleGraph);
  useEffect(() => {
    void connect();
  }, [connect]);
  return (
    <div className="app">
      <header className="toolbar">
        <span className="app-title">Netwright</span>
      </header>
      <main className="workspace">
        <NetworkCanvas graph={graph} />
      </main>
      <StatusBar />
    </div>
  );
}
