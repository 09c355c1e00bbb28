/**
 * The only host APIs the simulation core may use: present in browsers, Web Workers and Node.
 * `tsconfig.sim.json` type-checks sim/ against plain ES2022 plus this file, so any use of the
 * DOM or of Node in the core fails the type check.
 */
declare const performance: { now(): number };
