import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadSampleWardYear } from '../testing';
import { renderBookletPdf } from './render';
import { lookUpStylesFaster, pdfmakeStyleLookup } from './style-lookup';

type Lookup = (...args: unknown[]) => unknown;
interface Stack {
  getStyleProperty: Lookup;
  prototype: { getProperty: Lookup; push: Lookup; pop: Lookup };
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
    /**
     * pdfmake's own answer, its stack asked with its own `getProperty`, and pushed and popped by
     * its own `push`/`pop`, which leave the stack's remembered answers in place (so that those,
     * not fresh ones, are what the next question is checked against).
     */
    const theirs = <T>(work: () => T): T => {
      const own = StyleContextStack.prototype;
      const checking = { getProperty: own.getProperty, push: own.push, pop: own.pop };
      own.getProperty = pdfmakes.getProperty as Lookup;
      own.push = pdfmakes.push as Lookup;
      own.pop = pdfmakes.pop as Lookup;
      try {
        return work();
      } finally {
        Object.assign(own, checking);
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
    expect(asked).toBeGreaterThan(20_000);
  });

  it('answer for the stack as it is now: after a push and after a pop', () => {
    lookUpStylesFaster();
    const { default: Stack } = createRequire(import.meta.url)('pdfmake/js/StyleContextStack.js') as {
      default: new (
        styles: object,
        defaults: object,
      ) => { push(style: unknown): void; pop(): void; getProperty(property: string): unknown };
    };
    const stack = new Stack({ heading: { bold: true, fontSize: 14 } }, { fontSize: 9, bold: false });
    expect(stack.getProperty('fontSize')).toBe(9);
    stack.push('heading');
    expect(stack.getProperty('fontSize')).toBe(14);
    expect(stack.getProperty('bold')).toBe(true);
    stack.push({ fontSize: 11 });
    expect(stack.getProperty('fontSize')).toBe(11);
    expect(stack.getProperty('bold')).toBe(true);
    stack.pop();
    expect(stack.getProperty('fontSize')).toBe(14);
    stack.pop();
    expect(stack.getProperty('fontSize')).toBe(9);
    expect(stack.getProperty('bold')).toBe(false);
  });
});
