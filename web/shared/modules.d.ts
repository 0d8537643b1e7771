// The few third-party modules the browser code uses without shipped types. React 19 ships none and
// @types/react is not a dependency: the GraphiQL entry only calls createElement/createRoot, so a minimal
// declaration keeps it type-checked without another package.
declare module 'react' {
  export type ComponentType<P = Record<string, unknown>> = (props: P) => unknown;
  export type ReactElement = { readonly type: unknown; readonly props: unknown };
  export function createElement<P>(type: ComponentType<P> | string, props?: P | null, ...children: unknown[]): ReactElement;
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export type ReactNode = unknown;
  export type FC<P = Record<string, unknown>> = (props: P) => unknown;
  export type ComponentPropsWithoutRef<T> = T extends (props: infer P) => unknown ? P : Record<string, unknown>;
  export const Fragment: unique symbol;
}

declare module 'react-dom/client' {
  import type { ReactElement } from 'react';
  export function createRoot(container: Element): { render(element: ReactElement): void; unmount(): void };
}

declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

// Monaco's core editor entry has the same API as the full package (see web/graphiql/monaco.ts).
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor';
}

declare module '*.css';
