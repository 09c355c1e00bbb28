/**
 * Entry of the browser app (placeholder). The app will be built here with lit, echarts and a
 * Web Worker running the simulation core (sim/) through comlink. No code yet: index.html is a
 * static page explaining how to use the command line meanwhile.
 *
 * The page's Content-Security-Policy allows scripts only from this origin (no inline scripts,
 * no eval), so all page code lives in files under ui/.
 */
export {};
