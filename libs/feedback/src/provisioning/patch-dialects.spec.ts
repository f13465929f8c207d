import { normalisePatch, normaliseUser, onlyIgnoredOperations } from './patch-dialects';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MANAGER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager';
const ops = (...Operations: unknown[]): unknown => ({ schemas: [PATCH], Operations });

describe('normalisePatch', () => {
  it("leaves Okta's RFC PATCH as it is", () => {
    const body = ops({ op: 'replace', value: { active: false } });
    expect(normalisePatch(body)).toEqual(body);
  });

  it("reads Entra ID's string booleans, with or without a path", () => {
    expect(normalisePatch(ops({ op: 'Replace', path: 'active', value: 'False' }))).toEqual(ops({ op: 'Replace', path: 'active', value: false }));
    expect(normalisePatch(ops({ op: 'Replace', path: 'active', value: 'True' }))).toEqual(ops({ op: 'Replace', path: 'active', value: true }));
    expect(normalisePatch(ops({ op: 'Replace', value: { active: 'false' } }))).toEqual(ops({ op: 'Replace', value: { active: false } }));
    expect(normaliseUser({ userName: 'a@example.org', active: 'True' })).toEqual({ userName: 'a@example.org', active: true });
  });

  it("makes Entra ID's bare manager id a reference, and its empty manager a removal", () => {
    expect(normalisePatch(ops({ op: 'Add', path: MANAGER, value: 'abc' }))).toEqual(ops({ op: 'Add', path: MANAGER, value: { value: 'abc' } }));
    expect(normalisePatch(ops({ op: 'Replace', path: MANAGER, value: '' }))).toEqual(ops({ op: 'remove', path: MANAGER }));
    expect(normalisePatch(ops({ op: 'Replace', path: MANAGER, value: { value: 'abc' } }))).toEqual(
      ops({ op: 'Replace', path: MANAGER, value: { value: 'abc' } }),
    );
  });

  it('leaves what it does not know for SCIMMY to judge', () => {
    expect(normalisePatch(ops({ op: 'Replace', path: 'active', value: 'maybe' }))).toEqual(ops({ op: 'Replace', path: 'active', value: 'maybe' }));
    expect(normalisePatch({ Operations: 'x' })).toEqual({ Operations: 'x' });
    expect(normalisePatch(null)).toBeNull();
  });

  it('leaves out operations on attributes Ripple does not keep (Entra ID phone numbers and addresses), and only those', () => {
    const title = { op: 'Replace', path: 'title', value: 'Lead' };
    const body = ops(
      { op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '+44 20 7946 0000' },
      title,
      { op: 'Replace', path: 'addresses[type eq "work"].locality', value: 'Leeds' },
      { op: 'Replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:preferredLanguage', value: 'en-GB' },
      { op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', value: '7' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'x@example.org' },
    );
    expect(normalisePatch(body)).toEqual(ops(title));
    expect(onlyIgnoredOperations(body)).toBe(false);
    expect(onlyIgnoredOperations(ops({ op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '1' }))).toBe(true);
    // An attribute no schema has is not "ignored": SCIMMY refuses it (invalidPath).
    expect(normalisePatch(ops({ op: 'Add', path: 'favouriteColour', value: 'red' }))).toEqual(ops({ op: 'Add', path: 'favouriteColour', value: 'red' }));
    expect(onlyIgnoredOperations(ops())).toBe(false);
  });
});
