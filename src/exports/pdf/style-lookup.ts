import { createRequire } from 'node:module';

/**
 * pdfmake asks its style stack for some 20 properties of every piece of text it lays out, and
 * Japanese text is a piece per character (it may break between any two). Each question pushed
 * the piece and its named styles on the stack, walked it with a new closure and a new `Set` per
 * named style, then popped: a third of a booklet's layout time and much of its garbage. The
 * same answers, found without pushing or allocating, and each named style's properties resolved
 * (with `extends`) once per style dictionary.
 */

type Style = Record<string, unknown> & { extends?: string | string[] };
type StyleDictionary = Record<string, Style | undefined> | null;
type Item = (Record<string, unknown> & { style?: string | string[]; section?: unknown }) | string;

interface StyleStack {
  styleDictionary: StyleDictionary;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: (string | Record<string, unknown>)[];
  getProperty(property: string): unknown;
  push(styleNameOrOverride: unknown): void;
  pop(howMany?: number): void;
}

interface StyleContextStackClass {
  prototype: StyleStack;
  getStyleProperty(item: Item, stack: StyleStack | null, property: string, defaultValue: unknown): unknown;
}

const isValue = (value: unknown) => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/** pdfmake's own lookup of a property in a named style and what it extends (cycles stop). */
function fromNamedStyle(
  dictionary: StyleDictionary,
  name: string,
  property: string,
  visited = new Set<string>(),
): unknown {
  if (visited.has(name)) return undefined;
  visited.add(name);
  const style = dictionary?.[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromNamedStyle(dictionary, parents[i] as string, property, visited);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

/** What a remembered lookup found when it found nothing. */
const nothing = Symbol('nothing');
type Answers = Map<string, unknown>;

/** Each named style's answers, per dictionary (a document's styles do not change while it is laid out). */
const resolved = new WeakMap<object, Map<string, Answers>>();

function namedStyleValue(dictionary: StyleDictionary, name: string, property: string): unknown {
  if (!dictionary) return fromNamedStyle(dictionary, name, property);
  let styles = resolved.get(dictionary);
  if (!styles) {
    styles = new Map();
    resolved.set(dictionary, styles);
  }
  let answers = styles.get(name);
  if (!answers) {
    answers = new Map();
    styles.set(name, answers);
  }
  return remembered(answers, property, () => fromNamedStyle(dictionary, name, property));
}

function remembered(answers: Answers, property: string, find: () => unknown): unknown {
  const known = answers.get(property);
  if (known !== undefined) return known === nothing ? undefined : known;
  const value = find();
  answers.set(property, value === undefined ? nothing : value);
  return value;
}

/** An item's named styles' answer, the last style first (one style: no list made for it). */
function ownStylesValue(dictionary: StyleDictionary, style: string | string[], property: string): unknown {
  if (!Array.isArray(style)) return namedStyleValue(dictionary, String(style), property);
  for (let i = style.length - 1; i >= 0; i--) {
    const value = namedStyleValue(dictionary, style[i] as string, property);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** A stack's answers so far; dropped whenever it is pushed or popped. */
const stackAnswers = Symbol('mokuhyo.stackAnswers');
type AnsweringStack = StyleStack & { [stackAnswers]?: Answers | undefined };

/** The stack's answer, top first, then the default style: pdfmake's `getProperty`. */
function stackValue(stack: AnsweringStack, property: string): unknown {
  let answers = stack[stackAnswers];
  if (!answers) {
    answers = new Map();
    stack[stackAnswers] = answers;
  }
  return remembered(answers, property, () => {
    const overrides = stack.styleOverrides;
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      if (isString(item)) {
        const value = namedStyleValue(stack.styleDictionary, String(item), property);
        if (isValue(value)) return value;
      } else if (item && isValue(item[property])) return item[property];
    }
    return stack.defaultStyle?.[property];
  });
}

/**
 * pdfmake's `getStyleProperty`: the item's own value, else its named styles (last first) as if
 * pushed on the stack, else the stack's.
 */
function styleProperty(
  item: Item,
  stack: StyleStack | null,
  property: string,
  defaultValue: unknown,
): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  if (!isString(item) && item.section === undefined && item.style) {
    const value = ownStylesValue(stack.styleDictionary, item.style, property);
    if (isValue(value)) return value;
  }
  const value = stackValue(stack, property);
  return isValue(value) ? value : defaultValue;
}

/** Marks the class once replaced (its value: pdfmake's own two functions, for the tests). */
const replaced = Symbol.for('mokuhyo.styleLookup');

/** The class pdfmake's layout uses (its own module, so the one pdfmake requires). */
function styleContextStack(): StyleContextStackClass & { [replaced]?: PdfmakeStyleLookup } {
  const { default: StyleContextStack } = createRequire(import.meta.url)(
    'pdfmake/js/StyleContextStack.js',
  ) as {
    default: StyleContextStackClass;
  };
  if (
    typeof StyleContextStack?.getStyleProperty !== 'function' ||
    typeof StyleContextStack.prototype.getProperty !== 'function'
  )
    throw new Error('pdfmake has no StyleContextStack.getStyleProperty/getProperty to answer');
  return StyleContextStack;
}

export interface PdfmakeStyleLookup {
  getStyleProperty: StyleContextStackClass['getStyleProperty'];
  getProperty: StyleStack['getProperty'];
  push: StyleStack['push'];
  pop: StyleStack['pop'];
}

/** Answer pdfmake's style questions with the lookups above (once per pdfmake). */
export function lookUpStylesFaster(): void {
  const StyleContextStack = styleContextStack();
  if (StyleContextStack[replaced]) return;
  const own = StyleContextStack.prototype;
  const pdfmakes = {
    getStyleProperty: StyleContextStack.getStyleProperty,
    getProperty: own.getProperty,
    push: own.push,
    pop: own.pop,
  };
  StyleContextStack[replaced] = pdfmakes;
  StyleContextStack.getStyleProperty = styleProperty;
  own.getProperty = function (this: AnsweringStack, property: string) {
    return stackValue(this, property);
  };
  own.push = function (this: AnsweringStack, styleNameOrOverride: unknown) {
    this[stackAnswers] = undefined;
    pdfmakes.push.call(this, styleNameOrOverride);
  };
  own.pop = function (this: AnsweringStack, howMany?: number) {
    this[stackAnswers] = undefined;
    pdfmakes.pop.call(this, howMany);
  };
}

/** pdfmake's own lookups, replaced by `lookUpStylesFaster` (undefined before). For tests. */
export function pdfmakeStyleLookup(): PdfmakeStyleLookup | undefined {
  return styleContextStack()[replaced];
}
