import { describe, expect, it } from 'vitest';
import { AnswerCache, encodeAnswer } from './answer-cache';

describe('AnswerCache', () => {
  it('drops exactly the answers computed from what was invalidated', () => {
    const cache = new AnswerCache<string>();
    cache.set('list', 'L', ['ward:1', 'sheet:a', 'sheet:b'], cache.generation);
    cache.set('other', 'O', ['ward:2', 'sheet:c'], cache.generation);
    cache.invalidate('sheet:b');
    expect(cache.get('list')).toBeUndefined();
    expect(cache.get('other')).toBe('O');
    cache.invalidate('ward:2');
    expect(cache.get('other')).toBeUndefined();
  });

  it('does not store a load that raced an invalidation of what it read, but does after unrelated ones', () => {
    const cache = new AnswerCache<string>();
    const started = cache.generation;
    cache.invalidate('sheet:x');
    expect(cache.set('a', 'stale', ['sheet:x'], started)).toBe('stale');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.set('b', 'fine', ['sheet:y'], started)).toBe('fine');
    expect(cache.get('b')).toBe('fine');
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.set('c', 'after clear', ['sheet:z'], started)).toBe('after clear');
    expect(cache.get('c')).toBeUndefined();
  });

  it('shares one load among concurrent misses, and loads afresh after an invalidation', async () => {
    const cache = new AnswerCache<number>();
    let loads = 0;
    const load = async () => ({ value: ++loads, dependencies: ['ward:1'] });
    const [first, second] = await Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    expect([first, second, loads]).toEqual([1, 1, 1]);
    expect(await cache.getOrLoad('k', load)).toBe(1);
    cache.invalidate('ward:1');
    expect(await cache.getOrLoad('k', load)).toBe(2);
  });

  it('evicts the oldest answer past its size', () => {
    const cache = new AnswerCache<string>(2);
    for (const key of ['a', 'b', 'c']) cache.set(key, key, [`sheet:${key}`], cache.generation);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([undefined, 'b', 'c', 2]);
  });

  it('encodes once with an ETag of the bytes', () => {
    const a = encodeAnswer({ 名前: '北区' });
    expect(new TextDecoder().decode(a.body)).toBe('{"名前":"北区"}');
    expect(a.etag).toBe(encodeAnswer({ 名前: '北区' }).etag);
    expect(a.etag).not.toBe(encodeAnswer({ 名前: '南区' }).etag);
  });
});
