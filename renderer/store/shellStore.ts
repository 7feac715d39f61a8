import { create } from 'zustand';
import type { ApiResponse, BackendReport } from '../../shared/api';
import { errorMessage } from '../../shared/issues';
import { getApi } from '../api/transport';

interface ShellState {
  ping?: ApiResponse<'ping'>;
  backend?: BackendReport;
  error?: string;
  connect(): Promise<void>;
}

/** What the status bar shows about the machine side: version, shell, TensorFlow.js backend. */
export const useShellStore = create<ShellState>((set) => ({
  async connect() {
    try {
      const api = getApi();
      api.on('backendSelected', (backend) => set({ backend }));
      set({ ping: await api.invoke('ping', {}) });
      set({ backend: await api.invoke('backendInfo', {}) });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
}));
