import { personName, type NameSources } from './scim-names';

const sources = (overrides: Partial<NameSources> = {}): NameSources => ({
  displayName: null,
  formatted: null,
  givenName: null,
  familyName: null,
  ...overrides,
});
/** What Ripple reports of Ann Old, whose provider once sent her given and family names. */
const ann = sources({ displayName: 'Ann Old', formatted: 'Ann Old', givenName: 'Ann', familyName: 'Old' });

describe('personName', () => {
  it('names a new person by displayName, else formatted, else given and family names, else their address', () => {
    expect(personName(sources({ displayName: 'Ann', formatted: 'F', givenName: 'G' }), null, 'a@x')).toBe('Ann');
    expect(personName(sources({ formatted: 'Ann Formatted', givenName: 'G' }), null, 'a@x')).toBe('Ann Formatted');
    expect(personName(sources({ givenName: 'Ann', familyName: 'Parts' }), null, 'a@x')).toBe('Ann Parts');
    expect(personName(sources(), null, 'a@x')).toBe('a@x');
  });

  it('takes a changed given or family name alone (Entra ID), completed by the part sent before', () => {
    expect(personName({ ...ann, givenName: 'Annie' }, ann, 'Ann Old')).toBe('Annie Old');
    expect(personName({ ...ann, familyName: 'New' }, ann, 'Ann Old')).toBe('Ann New');
  });

  it('takes changed parts when the displayName stayed or was not sent (an Okta PUT)', () => {
    expect(personName(sources({ givenName: 'Annie', familyName: 'New' }), ann, 'Ann Old')).toBe('Annie New');
    expect(personName({ ...ann, givenName: 'Annie', familyName: 'New' }, ann, 'Ann Old')).toBe('Annie New');
  });

  it('prefers a changed displayName, then a changed formatted name, over changed parts', () => {
    expect(personName({ ...ann, displayName: 'Dr Ann', formatted: 'Ann F', givenName: 'X' }, ann, 'Ann Old')).toBe('Dr Ann');
    expect(personName({ ...ann, formatted: 'Ann F', givenName: 'X' }, ann, 'Ann Old')).toBe('Ann F');
  });

  it('keeps the name when nothing that names the person changed (a rename in Ripple stands)', () => {
    expect(personName(ann, ann, 'Ann Renamed By HR')).toBe('Ann Renamed By HR');
    expect(personName(sources({ displayName: 'Ann Old' }), ann, 'Ann Old')).toBe('Ann Old');
  });
});
