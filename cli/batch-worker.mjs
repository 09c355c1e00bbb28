// Entry of the batch worker threads (piscina). tsx does not reach into worker_threads on Node 20,
// so this plain module registers tsx's loader first, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./batch-worker.ts');
export default worker.default;
