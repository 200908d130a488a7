// Types of bench/huge-briefing.mjs, for the tests that import it.
export declare const PREFIXES: Record<string, string>;
export declare function token(prefix: string, i: number): string;
export declare function hugeBriefing(n: number): Record<string, unknown>;
export declare function hugeTokens(n: number): Record<string, string[]>;
export declare function hugeTexts(n: number): Record<string, string[]>;
export declare function hugeYaml(n: number): string;
