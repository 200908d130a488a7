// The public API: `import { build, loadBriefing } from 'briefdeck'`.
export { build, defaultBuildOptions, DEFAULT_FORMATS, FORMATS } from './build.js';
export type { BuildOptions, BuildReport, BriefingResult, Format } from './build.js';
export { loadBriefing } from './content/load.js';
export { parseBriefing } from './content/parse.js';
export type { LoadedBriefing } from './content/load.js';
export { briefingSchema, contentJsonSchema, LIKELIHOODS, CONFIDENCES } from './content/schema.js';
export type { Briefing, BriefingInput } from './content/schema.js';
export { DEFAULT_LIMITS } from './content/limits.js';
export type { Limits } from './content/limits.js';
export { loadConfig } from './config.js';
export { BriefdeckError, ExitCode, formatDiagnostic } from './errors.js';
export type { Diagnostic } from './errors.js';
export { main } from './cli/main.js';
export { briefingModel } from './model/briefing.js';
export type { BriefingModel, Text, Point, Cite } from './model/briefing.js';
export type { Run } from './model/runs.js';
export { REGISTRY as OUTPUT_FORMATS } from './formats/registry.js';
export type { OutputFormat, FormatContext, FormatFacts, FormatNeeds } from './formats/types.js';
