/**
 * Defined (as the bundle's key) only in the CLI bundle that bin/compile.js makes with esbuild;
 * undeclared when the sources run through tsx or vitest, so test it with `typeof`.
 */
declare const VERBATIM_BUNDLE: string | undefined;
