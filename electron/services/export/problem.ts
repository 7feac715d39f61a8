/** An export the user asked for cannot be made as asked; the message says why and what to do. */
export class ExportProblem extends Error {
  override name = 'ExportProblem';
}
