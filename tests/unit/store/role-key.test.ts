import { describe, expect, test } from 'vitest';
import { roleKey } from '@/lib/store/role-key';

describe('roles that say the same thing share a key', () => {
  test.each([
    ["Russia's President", 'Russian President'],
    ['Russia’s President', 'President of Russia'],
    ["China's leader", 'Chinese leader'],
    ['Ukrainian President', 'President of Ukraine'],
    ["Iran's Foreign Minister", 'Iranian Foreign Minister'],
    ['Chancellor of Germany', 'German Chancellor'],
    ['Prime Minister of Pakistan', 'Pakistani Prime Minister'],
    ["Israel's Prime Minister", 'Israeli Prime Minister'],
    ["India's Prime Minister", 'Indian Prime Minister'],
    ['Kremlin spokesman', 'kremlin  spokesman'],
    ['the Secretary-General of the United Nations', 'United Nations Secretary-General'],
  ])('%s = %s', (a, b) => {
    expect(roleKey(a)).toBe(roleKey(b));
  });
});

describe('roles that differ stay apart', () => {
  test.each([
    ['Russian President', 'Ukrainian President'],
    ['Russian President', 'Belarusian President'],
    ['Chinese President', 'Chilean President'],
    ['Austrian Chancellor', 'Australian Chancellor'],
    ['Foreign Minister', 'Defence Minister'],
    ['President', 'Prime Minister'],
    ['Kremlin spokesman', 'Kremlin critic'],
  ])('%s ≠ %s', (a, b) => {
    expect(roleKey(a)).not.toBe(roleKey(b));
  });
});
