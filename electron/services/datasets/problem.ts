/** A dataset the user pointed at cannot be used; the message names the file and what is wrong with it. */
export class DatasetProblem extends Error {
  override name = 'DatasetProblem';
}

export const fmt = (n: number) => n.toLocaleString('en-US');
