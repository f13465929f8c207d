import { nextMinRaters } from './self-request-limits';

describe('nextMinRaters', () => {
  it('keeps an explicit minimum at or above k, and refuses one below', () => {
    expect(nextMinRaters(3, 5, 4)).toBe(5);
    expect(nextMinRaters(3, 4, 4)).toBe(4);
    expect(nextMinRaters(5, 3, 4)).toBeNull();
  });

  it('lifts an unchanged minimum when k is raised above it, and leaves it otherwise', () => {
    expect(nextMinRaters(3, undefined, 5)).toBe(5);
    // Sent as it was, as a form sends every field.
    expect(nextMinRaters(3, 3, 5)).toBe(5);
    expect(nextMinRaters(6, undefined, 5)).toBe(6);
    expect(nextMinRaters(6, undefined, 3)).toBe(6);
  });
});
