import type { BackendName } from '../../../shared/api';
import type { DiagnosticText } from '../../../shared/i18n/diagnosticText';
import type { ImageInput } from '../../../shared/training';
import type { SerializedModel } from '../../../trainer/serialize';
import type { InputSource } from './inputs';

/** What one request asks of the features worker. */
export type FeatureTask =
  | { kind: 'layers' }
  | { kind: 'filters' }
  | { kind: 'activations'; layer: string; input: Float32Array }
  | { kind: 'maximise'; layer: string; channel: number; steps: number; seed: number; control: SharedArrayBuffer }
  /** Needs no model: a dataset sample or an image file at the network's input. */
  | { kind: 'input'; source: InputSource; input: ImageInput }
  /** Needs no model: an ONNX file with its weights as a TF.js model (answered with a SerializedModel). */
  | { kind: 'onnx'; name: string; bytes: Uint8Array };

/** Main → worker. `model` is sent only after the worker answered `needModel` (it does not hold that run's). */
export interface FeatureRequest {
  id: number;
  runId: string;
  model?: SerializedModel;
  task: FeatureTask;
}

/** Worker → main: `needModel` (send the request again with the model), or steps of a maximisation, then one `done`. */
export type FeatureReply =
  | { id: number; type: 'needModel' }
  | { id: number; type: 'step'; step: number; steps: number; activation: number; preview?: Float32Array }
  | { id: number; type: 'done'; ok: true; result: unknown }
  /** `text`: the message in any language, where it has one. */
  | { id: number; type: 'done'; ok: false; message: string; userError: boolean; text?: DiagnosticText };

/** workerData: the backend to load (absent: the selection's own order, as for training). */
export interface FeatureWorkerStart {
  backend?: BackendName;
}
