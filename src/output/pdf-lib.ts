// pdf-lib, loaded on first use, from the single-file build the package ships (dist/pdf-lib.min.js:
// the same release, its own dependencies, pako and the standard fonts, bundled in). The package's main
// is a CommonJS build of some 150 files: through require a cold process loaded it in 99-107 ms of wall
// (126-132 ms CPU), the one file in 33-47 ms (40-50 ms CPU); `import('pdf-lib')` was slower still, as
// Node's ES-module translator first scans each of those files for its exports. Every module takes
// pdf-lib from here, so that its classes are one set.
import { createRequire } from 'node:module';

export type PdfLib = typeof import('pdf-lib');

let lib: PdfLib | undefined;

export function pdfLib(): PdfLib {
  return (lib ??= createRequire(import.meta.url)('pdf-lib/dist/pdf-lib.min.js') as PdfLib);
}
