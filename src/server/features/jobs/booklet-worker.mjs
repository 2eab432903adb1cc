// Worker entry: TypeScript is loaded through tsx in this thread too.
import { register } from 'tsx/esm/api';

register();
await import('./booklet-worker-main.ts');
