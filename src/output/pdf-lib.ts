// pdf-lib, loaded on first use through require. Node gives `import('pdf-lib')` the same CommonJS build
// (the package's main), but through its ES-module translator, which first scans that build's 170 files
// for their exports: 186 ms of a cold build's main thread, against 116 ms through require.
import { createRequire } from 'node:module';

export type PdfLib = typeof import('pdf-lib');

let lib: PdfLib | undefined;

export function pdfLib(): PdfLib {
  return (lib ??= createRequire(import.meta.url)('pdf-lib') as PdfLib);
}
