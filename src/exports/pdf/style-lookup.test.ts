import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadSampleWardYear } from '../testing';
import { renderBookletPdf } from './render';
import { lookUpStylesFaster, pdfmakeStyleLookup } from './style-lookup';

type Lookup = (...args: unknown[]) => unknown;
interface Stack {
  getStyleProperty: Lookup;
  prototype: { getProperty: Lookup };
}

const { default: StyleContextStack } = createRequire(import.meta.url)('pdfmake/js/StyleContextStack.js') as {
  default: Stack;
};

describe('pdfmake style lookups', () => {
  it('answer every question a booklet asks exactly as pdfmake itself does', async () => {
    const { input } = await loadSampleWardYear();
    lookUpStylesFaster();
    const pdfmakes = pdfmakeStyleLookup();
    if (!pdfmakes) throw new Error('not replaced');
    const fast = {
      getStyleProperty: StyleContextStack.getStyleProperty,
      getProperty: StyleContextStack.prototype.getProperty,
    };
    let asked = 0;
    const differing: string[] = [];
    const compare = (what: string, answer: unknown, expected: unknown) => {
      asked++;
      if (!Object.is(answer, expected) && differing.length < 10)
        differing.push(`${what}: ${String(answer)} instead of ${String(expected)}`);
    };
    /** pdfmake's own answer, its stack asked with its own `getProperty` too. */
    const theirs = <T>(work: () => T): T => {
      const checking = StyleContextStack.prototype.getProperty;
      StyleContextStack.prototype.getProperty = pdfmakes.getProperty as Lookup;
      try {
        return work();
      } finally {
        StyleContextStack.prototype.getProperty = checking;
      }
    };
    StyleContextStack.getStyleProperty = (item, stack, property, defaultValue) => {
      const answer = fast.getStyleProperty(item, stack, property, defaultValue);
      compare(
        `getStyleProperty ${String(property)}`,
        answer,
        theirs(() => (pdfmakes.getStyleProperty as Lookup)(item, stack, property, defaultValue)),
      );
      return answer;
    };
    StyleContextStack.prototype.getProperty = function (this: unknown, property) {
      const answer = fast.getProperty.call(this, property);
      compare(
        `getProperty ${String(property)}`,
        answer,
        (pdfmakes.getProperty as Lookup).call(this, property),
      );
      return answer;
    };
    try {
      await renderBookletPdf({ ...input, issuedOn: '2023-04-01' });
    } finally {
      StyleContextStack.getStyleProperty = fast.getStyleProperty;
      StyleContextStack.prototype.getProperty = fast.getProperty;
    }
    expect(differing).toEqual([]);
    expect(asked).toBeGreaterThan(50_000);
  });
});
