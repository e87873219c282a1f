// The little of jsdom that test/report/mermaid.ts uses; jsdom ships no types, and @types/jsdom would pull the DOM lib
// into the whole project's typecheck.
declare module 'jsdom' {
  import type { Context } from 'node:vm';

  export interface ConstructorOptions {
    runScripts?: 'dangerously' | 'outside-only';
    pretendToBeVisual?: boolean;
  }

  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Record<string, unknown> & { close(): void };
    getInternalVMContext(): Context;
  }
}
