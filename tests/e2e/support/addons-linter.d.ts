// addons-linter ships no type declarations; this is the slice of its Node API the tests use.
declare module 'addons-linter' {
  export interface LinterMessage {
    _type: 'error' | 'warning' | 'notice';
    code: string;
    message: string;
    description?: string | string[];
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LinterResult {
    count: number;
    summary: { errors: number; warnings: number; notices: number };
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  }
  export interface LinterConfig {
    _: string[];
    logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
    stack?: boolean;
    pretty?: boolean;
    warningsAsErrors?: boolean;
    metadata?: boolean;
    output?: 'json' | 'text' | 'none';
    boring?: boolean;
    selfHosted?: boolean;
  }
  export function createInstance(options: { config: LinterConfig; runAsBinary?: boolean }): { run(): Promise<LinterResult> };
  const linter: { createInstance: typeof createInstance };
  export default linter;
}
