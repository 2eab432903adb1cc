import { preparedImage } from '../src/db/prepared-image';
import { sampleImage } from '../src/db/seed/load-sample';

// `npm run build`: the prepared database images a new embedded data directory starts from — the
// migrated database, and the same holding the sample and the demo users as a first start makes them.
for (const make of [() => preparedImage('migrated'), sampleImage]) {
  const started = performance.now();
  const dir = await make();
  console.log(`prepared database image: ${dir} (${Math.round(performance.now() - started)} ms)`);
}
