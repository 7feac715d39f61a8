/**
 * The reference forward pass saved next to exported weights: TF.js's inputs and outputs,
 * in TF.js's layouts (images NHWC), named input_0…, output_0… in graph order.
 */
export const referenceInputName = (i: number) => `input_${i}`;
export const referenceOutputName = (i: number) => `output_${i}`;

/** The largest absolute difference check.py accepts between the exported model and TF.js. */
export const REFERENCE_TOLERANCE = '1e-4';
