import { pathSegment } from './path.js';

/**
 * The path (`$.items[3].name`) of the value that starts at `position` in a JSON text
 * whose prefix up to there is well formed. Found by scanning that prefix again, only when
 * an error needs it, so the parser's hot path keeps no path bookkeeping.
 */
export function jsonPathAt(text: string, position: number): string {
  // One entry per open container: the index in an array, the last key read in an object.
  const keys: (string | number)[] = [];
  const isArray: boolean[] = [];
  let pendingKey: string | undefined;
  for (let i = 0; i < position; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      for (i++; i < position && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c) i++;
      }
      if (isArray.length > 0 && !isArray[isArray.length - 1]) {
        pendingKey = text.slice(start, i + 1);
      }
    } else if (c === 0x3a && pendingKey !== undefined) {
      keys[keys.length - 1] = JSON.parse(pendingKey) as string;
      pendingKey = undefined;
    } else if (c === 0x7b || c === 0x5b) {
      isArray.push(c === 0x5b);
      keys.push(c === 0x5b ? 0 : '');
    } else if (c === 0x7d || c === 0x5d) {
      isArray.pop();
      keys.pop();
    } else if (c === 0x2c && isArray[isArray.length - 1]) {
      keys[keys.length - 1] = (keys[keys.length - 1] as number) + 1;
    }
  }
  let path = '$';
  for (const key of keys) path += pathSegment(key);
  return path;
}
