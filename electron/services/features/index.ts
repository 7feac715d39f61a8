/** What a trained network sees: filters, activation maps and activation maximisation in a worker thread. */
export { featureMethods } from './apiMethods';
export { FeatureRefused, FeaturesService, type FeaturesServiceOptions } from './service';
