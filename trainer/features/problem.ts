/** A feature view cannot be computed for what the user chose; the message says what is wrong and what to pick instead. */
export class FeatureProblem extends Error {
  override name = 'FeatureProblem';
}
