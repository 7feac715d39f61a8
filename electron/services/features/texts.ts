/** The features texts live beside the model checks (trainer/features), which say them too. */
export { featureProblem, featureText } from '../../../trainer/features/problem';
