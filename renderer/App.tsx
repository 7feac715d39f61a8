import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { ActionContext } from './actions/actions';
import { useKeyboard, useMenuActions } from './actions/useKeyboard';
import type { FlowNode } from './canvas/flowModel';
import { NetworkCanvas } from './canvas/NetworkCanvas';
import { FeaturesView } from './features/FeaturesView';
import { useDocumentLifecycle } from './files/useDocumentLifecycle';
import { useLanguageStore } from './i18n/languageStore';
import { TimelineView } from './insight/TimelineView';
import { PresenterView } from './lesson/PresenterView';
import { Palette } from './palette/Palette';
import { CompareView } from './panels/CompareView';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { ShortcutsSheet } from './panels/ShortcutsSheet';
import { SidePanel } from './panels/SidePanel';
import { StartPage } from './panels/StartPage';
import { StatusBar } from './panels/StatusBar';
import { Toasts } from './panels/Toasts';
import { Toolbar } from './panels/Toolbar';
import { useShellStore } from './store/shellStore';
import { RunsView } from './training/RunsView';

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
        <SidePanel />
      </main>
      <StatusBar />
      <StartPage />
      <ShortcutsSheet />
      <CompareView />
      <TimelineView />
      <RunsView />
      <FeaturesView />
      <PresenterView />
      <Toasts />
    </div>
  );
}

export function App() {
  const connect = useShellStore((s) => s.connect);
  const loadLanguage = useLanguageStore((s) => s.load);
  useEffect(() => {
    void connect();
    void loadLanguage();
  }, [connect, loadLanguage]);
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}
