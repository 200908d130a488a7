// The browser faults a document's content causes, as errors the build places on the content's images.
import { BriefdeckError, ExitCode } from '../errors.js';

/** A document the browser did not finish within the timeout, twice: the content is at fault (exit 1). */
export class DocumentTimeout extends BriefdeckError {
  constructor(readonly seconds: number, cause: unknown) {
    super(ExitCode.CONTENT, { message: `the browser did not finish this document in ${seconds} s, twice`, hint: 'simplify what it shows (a very complex SVG?), or raise --timeout' }, { cause });
  }
}

/** Images in a document that Chromium could not decode: a broken picture is an error, not a blank. */
export class UndecodableImages extends BriefdeckError {
  constructor(readonly sources: string[]) {
    super(ExitCode.CONTENT, { message: `${sources.length} image(s) could not be decoded by the browser`, hint: 'check that each image file opens in an image viewer' });
  }
}
