import type { ServiceImplementations } from '../apiHandler';
import type { FeaturesService } from './service';

type FeatureMethods = Pick<
  ServiceImplementations,
  | 'featureLayers'
  | 'featureFilters'
  | 'featureActivations'
  | 'featureMaximise'
  | 'featureCancel'
  | 'featureImportModel'
  | 'featureImportOnnx'
>;

/** The feature-view half of shared/api.ts over one FeaturesService. */
export function featureMethods(features: FeaturesService): FeatureMethods {
  return {
    featureLayers: ({ runId }) => features.layers(runId),
    featureFilters: ({ runId }) => features.filters(runId),
    featureActivations: ({ runId, layer, image }) => features.activations(runId, layer, image),
    featureMaximise: (request) => features.maximise(request),
    featureCancel: async ({ jobId }) => {
      features.cancel(jobId);
      return {};
    },
    featureImportModel: ({ name, modelJson, weights }) => features.importModel(name, modelJson, weights),
    featureImportOnnx: ({ name, base64 }) => features.importOnnx(name, base64),
  };
}
