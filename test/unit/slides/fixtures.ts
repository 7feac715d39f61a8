import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';
import { buildInceptionV3Unfactorized } from '../../../shared/templates/inceptionV3Unfactorized';
import { type Comparison, compareGraphs } from '../../../shared/transforms';

let cached: Comparison | null = null;

/** Inception v3 against its unfactorized ancestor, as the editor names the sides. */
export function inceptionComparison(): Comparison {
  cached ??= compareGraphs(
    { name: 'original', graph: buildInceptionV3Unfactorized() },
    { name: 'factorized', graph: buildInceptionV3() },
  );
  return cached;
}
