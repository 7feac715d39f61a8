import type { ExportedModel } from '../../../shared/training';
import { modelJsonText, type SerializedModel, WEIGHTS_FILE } from '../../../trainer/serialize';

/** A trained model as the API hands it to the renderer: model.json text and base64 weights. */
export function exportedModel(model: SerializedModel, generatedBy: string): ExportedModel {
  return {
    modelJson: modelJsonText(model, generatedBy),
    weightsFileName: WEIGHTS_FILE,
    weightsBase64: Buffer.from(model.weightData).toString('base64'),
  };
}
