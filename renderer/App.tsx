import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { ActionContext } from './actions/actions';
import { useKeyboard, useMenuActions } from './actions/useKeyboard';
import type { FlowNode } from './canvas/flowModel';
import { NetworkCanvas } from './canvas/NetworkCanvas';
import { useDocumentLifecycle } from './files/useDocumentLifecycle';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { ShortcutsSheet } from './panels/ShortcutsSheet';
import { StartPage } from './panels/StartPage';
import { StatusBar } from './panels/StatusBar';
import { Toasts } from './panels/Toasts';
import { Toolbar } from './panels/Toolbar';
import { useShellStore } from './store/shellStore';

function Editor() {
  const flow = useReactFlow<FlowNode>();
  const ctx: ActionContext = useMemo(() => ({ flow }), [flow]);
  useKeyboard(ctx);
  useMenuActions(ctx);
  useDocumentLifecycle();
  return (
    <div className="app">
      <Toolbar ctx={ctx} />
      <main className="workspace">
        <Palette />
        <div className="canvas-column">
          <NetworkCanvas />
          <ProblemsPanel />
        </div>
        <Inspector />
      </main>
      <StatusBar />
      <StartPage />
      <ShortcutsSheet />
      <Toasts />
    </div>
  );
}

export function App() {
  const connect = useShellStore((s) => s.connect);
  useEffect(() => {
    void connect();
  }, [connect]);
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}
