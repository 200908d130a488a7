// `briefdeck validate [paths..]`: the build's checks without rendering (schema, slugs, images, theme,
// config), with the build's messages; no browser, nothing written.
import type { CommandModule } from 'yargs';
import type { ValidateArgs } from '../options.js';
import type { CommandHost } from './host.js';

export function validateCommand(host: CommandHost): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate [paths..]',
    describe: 'Check content files as a build would (schema, slugs, images, theme, config), without rendering',
    builder: async (y) => {
      const { pathsPositional, validateOptions } = await import('../options.js');
      return y.positional('paths', pathsPositional).options(validateOptions);
    },
    handler: async (a) => {
      host.debug(a.debug);
      const { runValidate } = await import('../validate.js');
      host.exit(await runValidate(a, host.logger(a)));
    },
  };
}
