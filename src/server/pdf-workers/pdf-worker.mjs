// Entry of a PDF worker thread (piscina loads it): TypeScript is loaded through tsx in this
// thread too, whether or not the process was started with `--import tsx`.
import { register } from 'tsx/esm/api';

register();
const { renderPdfTask } = await import('./pdf-task.ts');

export default renderPdfTask;
