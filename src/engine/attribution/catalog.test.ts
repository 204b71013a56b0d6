/** The tfjs-free method catalog: well-formed entries, and the registry's methods are exactly these entries plus their computation. */
import { describe, expect, test } from 'vitest';
import { METHOD_IDS, METHOD_INFO, methodInfo } from './catalog';
import { ATTRIBUTION_METHODS } from './registry';
import type { AnyAttributionMethod } from './types';

describe('METHOD_INFO', () => {
  test('every entry has its key as id, a name, a colour of its own, a summary and a description, and validates undefined to its defaults', () => {
    const colours = new Set<string>();
    for (const [key, info] of Object.entries(METHOD_INFO)) {
      expect(info.id).toBe(key);
      expect(info.label.trim()).not.toBe('');
      expect(info.summary.trim()).not.toBe('');
      expect(info.description.trim()).not.toBe('');
      expect(info.colour).toMatch(/^#[0-9a-f]{6}$/);
      colours.add(info.colour);
      expect(info.validate(undefined)).toEqual({ params: info.defaults });
    }
    expect(colours.size).toBe(METHOD_IDS.length);
  });

  test('its own defaults pass its validation, and every field has a label', () => {
    for (const id of METHOD_IDS) {
      const info = methodInfo(id);
      expect(info.validate(info.defaults)).toEqual({ params: info.defaults });
      for (const field of Object.values(info.fields)) expect(field.label.trim()).not.toBe('');
    }
  });

  test('the registry lists the same methods in the same order, each built on its catalog entry', () => {
    expect(Object.keys(ATTRIBUTION_METHODS)).toEqual(METHOD_IDS);
    for (const id of METHOD_IDS) {
      const { rowsPerImage, compute, fromGradients, ...info } = ATTRIBUTION_METHODS[id] as AnyAttributionMethod;
      expect(typeof rowsPerImage).toBe('function');
      expect(typeof compute).toBe('function');
      expect(['function', 'undefined']).toContain(typeof fromGradients);
      expect(info).toEqual(METHOD_INFO[id]);
      expect(info.validate).toBe(METHOD_INFO[id].validate);
    }
  });
});
