/** Orders two strings by UTF-16 code units, which unlike `localeCompare` is the same under every locale. */
export function compareCodeUnits(first: string, second: string): number {
  if (first === second) {
    return 0;
  }
  return first < second ? -1 : 1;
}
