import { ownedRelationship } from './owned-relationship';

describe('ownedRelationship', () => {
  const rosa = { id: 'rosa', managerId: 'mia', department: 'Curation' };

  it('names the manager, a direct report, peers and others from the org chart', () => {
    expect(ownedRelationship(rosa, { id: 'mia', managerId: null, department: 'Board' })).toBe('manager');
    expect(ownedRelationship(rosa, { id: 'dan', managerId: 'rosa', department: 'Curation' })).toBe('direct_report');
    expect(ownedRelationship(rosa, { id: 'pat', managerId: 'mia', department: 'Finance' })).toBe('peer');
    expect(ownedRelationship(rosa, { id: 'cal', managerId: 'zed', department: 'Curation' })).toBe('peer');
    expect(ownedRelationship(rosa, { id: 'oli', managerId: 'zed', department: 'Finance' })).toBe('other');
  });

  it('never calls someone a peer for sharing no manager or no department', () => {
    const loner = { id: 'lo', managerId: null, department: null };
    expect(ownedRelationship(loner, { id: 'x', managerId: null, department: null })).toBe('other');
  });
});
