import { preparedImage } from '../src/db/prepared-image';

// `npm run build`: the prepared database image a new embedded data directory starts from.
const started = performance.now();
const dir = await preparedImage();
console.log(`prepared database image: ${dir} (${Math.round(performance.now() - started)} ms)`);
