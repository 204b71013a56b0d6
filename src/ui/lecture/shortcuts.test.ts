import { describe, expect, it } from 'vitest';
import { actionForKey, SHORTCUTS } from './shortcuts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => actionForKey({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('lecture shortcuts', () => {
  it('maps arrows, remote keys, ? and Esc to their actions', () => {
    expect(press('ArrowRight')).toBe('nextThreshold');
    expect(press('PageUp')).toBe('prevThreshold');
    expect(press('ArrowDown')).toBe('nextMethod');
    expect(press('ArrowUp')).toBe('prevMethod');
    expect(press('?')).toBe('help');
    expect(press('Escape')).toBe('close');
    expect(press('a')).toBeNull();
  });

  it('leaves modified keys to the browser', () => {
    expect(press('ArrowLeft', { altKey: true })).toBeNull();
  });

  it('gives every action exactly one entry', () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });
});
