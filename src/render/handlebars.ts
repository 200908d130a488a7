// Handlebars, from the single-file build the package ships (dist/handlebars.js, compiler included):
// the package's main entry requires some 45 files of its CommonJS build and source-map besides, and a
// cold process loaded those in 33-42 ms against 13-16 ms for this one file. The same release and code;
// only the source maps that precompile() could make are left out, which briefdeck never asks for.
// Every module takes Handlebars from here, so that its SafeString is one class.
import { createRequire } from 'node:module';
import type * as H from 'handlebars';

const Handlebars = createRequire(import.meta.url)('handlebars/dist/handlebars.js') as typeof H;

// The package's types, under the same names as `import Handlebars from 'handlebars'` gives them.
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace Handlebars {
  type TemplateDelegate<T = any> = H.TemplateDelegate<T>;
  type RuntimeOptions = H.RuntimeOptions;
  type HelperDelegate = H.HelperDelegate;
  type HelperOptions = H.HelperOptions;
  type SafeString = H.SafeString;
}

export default Handlebars;
