import { localisedSql } from './framework-language';

describe('localisedSql', () => {
  it("reads the translation when it is not blank, else the framework's own words", () => {
    expect(localisedSql('b', 'name', '$3')).toBe(`COALESCE(NULLIF(btrim(b.translations -> $3::text ->> 'name'), ''), b.name)`);
  });

  it('builds SQL only from an alias, a known field and a placeholder', () => {
    expect(() => localisedSql('b; DROP TABLE people', 'name', '$3')).toThrow(/bad arguments/);
    expect(() => localisedSql('b', 'secret' as 'name', '$3')).toThrow(/bad arguments/);
    expect(() => localisedSql('b', 'name', "'de'")).toThrow(/bad arguments/);
  });
});
