/** A data source that cannot be read or described, in words safe to show the user (no secrets). */
export class SourceError extends Error {
  override name = 'SourceError';

  /** `path` names the part of the request at fault, when there is one (e.g. `query`). */
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}
