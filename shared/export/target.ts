/** The frameworks Netwright exports to. */
export type ExportTarget = 'pytorch' | 'keras';

export const frameworkName: Record<ExportTarget, string> = { pytorch: 'PyTorch', keras: 'Keras' };
