/** A file the user pointed at could not be used; the message says what and how to fix it. */
export class FileProblem extends Error {
  override name = 'FileProblem';
}
